//! `make bench`: how fast Paperdeck's core answers, on real data.
//!
//! Reads the 10,049 real papers of ../shared/data/hf-daily-papers-api.json.gz (not part of
//! the repository; pass another path as the first argument), imports them with the
//! `hf-api` importer, times its export in each format, and prints, for the collection and for it replicated to 100k:
//! snapshot parse time, index build time, and p50/p95/max of query+filter+sort time per
//! keystroke over bench/queries.json typed one character at a time; the same with the
//! topic, venue and author-name facets counted as the filter panel shows them; and the
//! author facet's filter box, typed one character at a time; and the timeline: its bars
//! built from each keystroke's answer, and a click on a bar (the search with that bar's
//! `from`/`to`, then the bars again).

use std::io::Read;
use std::time::Instant;

use paperdeck_cli::import::{import, ImportOptions, Input, SourceFormat};
use paperdeck_core::{
    decode_url, export_view, parse_snapshot, to_json, Catalog, ExportFormat, GroupBy, Snapshot, Timeline,
    ValueFacet, ViewState,
};

const DEFAULT_DATA: &str = "../shared/data/hf-daily-papers-api.json.gz";

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let data =
        std::env::args().nth(1).unwrap_or_else(|| root.join(DEFAULT_DATA).to_string_lossy().into_owned());
    let Ok(bytes) = std::fs::read(&data) else {
        eprintln!(
            "bench: {data} not found; it is ../shared/data/hf-daily-papers-api.json.gz beside the project"
        );
        std::process::exit(1);
    };
    let mut text = String::new();
    flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut text).expect("gzip JSON");
    let queries =
        keystrokes(&std::fs::read_to_string(root.join("bench/queries.json")).expect("bench/queries.json"));
    let input = Input { name: "daily papers", format: SourceFormat::HfApi, text: &text };
    // `paperdeck import` without the file reading: JSON parsing, conversion, merging.
    let mut import_ms = Vec::new();
    let mut snapshot = None;
    for _ in 0..5 {
        let start = Instant::now();
        let outcome = import(&[input], &ImportOptions::default()).expect("the API data imports");
        import_ms.push(start.elapsed().as_secs_f64() * 1e3);
        snapshot = Some(outcome.snapshot);
    }
    let snapshot = snapshot.expect("imported");
    println!("Paperdeck core benchmark ({} keystrokes from bench/queries.json; data: {data})", queries.len());
    println!(
        "machine: {} cores; build: release",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    import_ms.sort_by(f64::total_cmp);
    println!("import (paperdeck import --from hf-api, in memory): {:.0} ms median of 5", import_ms[2]);
    export_times(&snapshot);
    println!();
    println!(
        "| papers | snapshot MB | parse ms (median of 5) | index ms (median of 5) | p50 µs/keystroke | p95 µs | max µs | mean results | with value facets: p50 µs | p95 µs | max µs | author filter box: p95 µs | max µs |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let timelines = [run(&snapshot, &queries), run(&replicate(&snapshot, 10), &queries)];
    println!();
    println!("Timeline (docs/search.md, \"Timeline\"):");
    println!();
    println!("| papers | bars (default view) | bars from an answer: p50 µs | p95 µs | max µs | click on a bar (search + bars): p50 µs | p95 µs | max µs |");
    println!("|---:|---|---:|---:|---:|---:|---:|---:|");
    for t in timelines {
        println!("{t}");
    }
}

/// `paperdeck export` (and the page's Export menu) of the default view, all papers, in
/// each format: the median of 5, without the catalog build, and the size written.
fn export_times(snapshot: &Snapshot) {
    let catalog = Catalog::new(snapshot.clone());
    let view = decode_url("").0;
    let mut line = format!("export of the default view ({} papers), median of 5:", catalog.len());
    for format in ExportFormat::ALL {
        let mut ms = Vec::new();
        let mut bytes = 0;
        for _ in 0..5 {
            let start = Instant::now();
            bytes = export_view(&catalog, &view, format).len();
            ms.push(start.elapsed().as_secs_f64() * 1e3);
        }
        ms.sort_by(f64::total_cmp);
        line.push_str(&format!(" {} {:.0} ms ({:.1} MB);", format.name(), ms[2], bytes as f64 / 1e6));
    }
    println!("{}", line.trim_end_matches(';'));
}

/// Every prefix of every query, with its filters, as URL query strings.
fn keystrokes(json: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(json).expect("queries.json");
    let mut out = Vec::new();
    for q in v["queries"].as_array().expect("queries") {
        let text = q["q"].as_str().unwrap();
        let filters = q["filters"].as_str().unwrap_or("");
        let chars: Vec<char> = text.chars().collect();
        for n in 1..=chars.len() {
            let typed: String = chars[..n].iter().collect();
            let mut view = paperdeck_core::ViewState { query: typed, ..Default::default() };
            let (f, _) = decode_url(filters);
            view.from = f.from;
            view.to = f.to;
            view.authors = f.authors;
            view.upvotes = f.upvotes;
            view.has = f.has;
            view.sort = f.sort;
            out.push(paperdeck_core::encode_url(&view));
        }
    }
    out
}

fn replicate(s: &Snapshot, times: usize) -> Snapshot {
    let mut papers = Vec::with_capacity(s.papers.len() * times);
    for k in 0..times {
        for p in &s.papers {
            let mut p = p.clone();
            if k > 0 {
                p.id = format!("{}-r{k}", p.id);
            }
            papers.push(p);
        }
    }
    Snapshot { papers, ..s.clone() }
}

/// Times `run` of one collection; returns the timeline's row of figures.
fn run(snapshot: &Snapshot, keystrokes: &[String]) -> String {
    let json = to_json(snapshot);
    // Parse and index five times each and report the medians: single runs vary by ±15 %
    // on this machine.
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let mut parse_times = Vec::new();
    let mut index_times = Vec::new();
    let mut catalog = None;
    for _ in 0..5 {
        let t = Instant::now();
        let loaded = parse_snapshot(&json).expect("valid");
        parse_times.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        let built = Catalog::new(loaded.snapshot);
        index_times.push(t.elapsed().as_secs_f64() * 1e3);
        catalog = Some(built);
    }
    let (parse_ms, index_ms) = (median(parse_times), median(index_times));
    let catalog = catalog.expect("built");
    let views: Vec<_> = keystrokes.iter().map(|k| decode_url(k).0).collect();
    // One warm-up pass, then timed passes.
    for v in &views {
        std::hint::black_box(catalog.search(v));
    }
    let mut times = Vec::new();
    let mut results = 0usize;
    let mut slowest: Vec<(f64, usize)> = Vec::new();
    for _ in 0..3 {
        for (k, v) in views.iter().enumerate() {
            let t = Instant::now();
            let r = std::hint::black_box(catalog.search(v));
            let us = t.elapsed().as_secs_f64() * 1e6;
            times.push(us);
            slowest.push((us, k));
            results += r.ids.len();
        }
    }
    // The same keystrokes with what the filter panel adds: the topic, venue and author-name
    // facets' top entries (counted only while shown, as in the app). Each facet's ranking
    // is sorted on its first use, once per catalog, as the app's panel does right after
    // the first paint: done here before timing, as it is not a keystroke's.
    let everything = ViewState::default();
    let all = catalog.search(&everything);
    for facet in ValueFacet::ALL {
        std::hint::black_box(catalog.facet_entries(facet, &everything, &all, "", 8));
    }
    let mut with_facets = Vec::new();
    for v in &views {
        let t = Instant::now();
        let r = catalog.search(v);
        for facet in ValueFacet::ALL {
            std::hint::black_box(catalog.facet_entries(facet, v, &r, "", 8));
        }
        with_facets.push(t.elapsed().as_secs_f64() * 1e6);
    }
    with_facets.sort_by(f64::total_cmp);
    // The author facet's filter box, typed one character at a time over every paper.
    let mut box_times = Vec::new();
    for name in ["wang", "zhang wei", "smith", "kather", "yann lecun", "ö"] {
        for n in 1..=name.chars().count() {
            let needle: String = name.chars().take(n).collect();
            let t = Instant::now();
            std::hint::black_box(catalog.facet_entries(ValueFacet::Author, &everything, &all, &needle, 8));
            box_times.push(t.elapsed().as_secs_f64() * 1e6);
        }
    }
    box_times.sort_by(f64::total_cmp);
    let pct_of = |v: &[f64], p: f64| v[((v.len() - 1) as f64 * p).round() as usize];
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    slowest.dedup_by_key(|s| s.1);
    let tail: Vec<String> =
        slowest.iter().take(4).map(|(us, k)| format!("`{}` {us:.0} µs", keystrokes[*k])).collect();
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    println!(
        "| {} | {:.1} | {:.0} | {:.0} | {:.0} | {:.0} | {:.0} | {} | {:.0} | {:.0} | {:.0} | {:.0} | {:.0} |",
        catalog.len(),
        json.len() as f64 / 1e6,
        parse_ms,
        index_ms,
        pct(0.5),
        pct(0.95),
        times[times.len() - 1],
        results / times.len(),
        pct_of(&with_facets, 0.5),
        pct_of(&with_facets, 0.95),
        with_facets[with_facets.len() - 1],
        pct_of(&box_times, 0.95),
        box_times[box_times.len() - 1],
    );
    eprintln!("  slowest keystrokes at {} papers: {}", catalog.len(), tail.join(", "));
    grouped_times(&catalog, &views);
    related_times(&catalog);
    timeline_times(&catalog, &views)
}

/// The same keystrokes in a grouped view (`group=year`, a lab page's sections): grouping
/// reorders every result on each keystroke.
fn grouped_times(catalog: &Catalog, views: &[ViewState]) {
    let grouped: Vec<ViewState> =
        views.iter().map(|v| ViewState { group: GroupBy::Year, ..v.clone() }).collect();
    for v in &grouped {
        std::hint::black_box(catalog.search(v));
    }
    let mut times = Vec::new();
    for _ in 0..3 {
        for v in &grouped {
            let t = Instant::now();
            std::hint::black_box(catalog.search(v));
            times.push(t.elapsed().as_secs_f64() * 1e6);
        }
    }
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    eprintln!(
        "  grouped by year at {} papers: p50 {:.0} µs, p95 {:.0} µs, max {:.0} µs per keystroke",
        catalog.len(),
        pct(0.5),
        pct(0.95),
        times[times.len() - 1]
    );
}

/// The timeline: its bars built from each keystroke's answer, and a click on the tallest
/// bar of each (the whole change: the search with that bar's `from`/`to`, then the bars).
fn timeline_times(catalog: &Catalog, views: &[ViewState]) -> String {
    let mut build = Vec::new();
    let mut click = Vec::new();
    for v in views {
        let r = catalog.search(v);
        let t = std::time::Instant::now();
        let bars = std::hint::black_box(Timeline::new(&r.facets.months, v.from, v.to));
        build.push(t.elapsed().as_secs_f64() * 1e6);
        let Some(tallest) = bars.bars.iter().max_by_key(|b| b.count) else { continue };
        let clicked = v.with(|c| c.toggle_date_range(tallest.from, tallest.to));
        let t = std::time::Instant::now();
        let r = catalog.search(&clicked);
        std::hint::black_box(Timeline::new(&r.facets.months, clicked.from, clicked.to));
        click.push(t.elapsed().as_secs_f64() * 1e6);
    }
    build.sort_by(f64::total_cmp);
    click.sort_by(f64::total_cmp);
    let pct = |v: &[f64], p: f64| v[((v.len() - 1) as f64 * p).round() as usize];
    let all = Timeline::new(&catalog.search(&ViewState::default()).facets.months, None, None);
    format!(
        "| {} | {} per {} | {:.1} | {:.1} | {:.1} | {:.0} | {:.0} | {:.0} |",
        catalog.len(),
        all.bars.len(),
        all.unit.name(),
        pct(&build, 0.5),
        pct(&build, 0.95),
        build[build.len() - 1],
        pct(&click, 0.5),
        pct(&click, 0.95),
        click[click.len() - 1],
    )
}

/// Related papers (issue #14): an opened card's top 5 (`Catalog::related`) and the
/// `related=ID` view (`Catalog::search`), for 500 papers spread over the collection.
fn related_times(catalog: &Catalog) {
    let step = (catalog.len() / 500).max(1);
    let papers: Vec<u32> = (0..catalog.len() as u32).step_by(step).take(500).collect();
    let mut top5 = Vec::new();
    let mut views = Vec::new();
    let mut listed = 0usize;
    for &p in &papers {
        let t = Instant::now();
        std::hint::black_box(catalog.related(p, 5));
        top5.push(t.elapsed().as_secs_f64() * 1e6);
        let view = ViewState { related: Some(catalog.paper(p).id.clone()), ..Default::default() };
        let t = Instant::now();
        listed += std::hint::black_box(catalog.search(&view)).ids.len();
        views.push(t.elapsed().as_secs_f64() * 1e6);
    }
    let pct = |v: &mut Vec<f64>, p: f64| {
        v.sort_by(f64::total_cmp);
        v[((v.len() - 1) as f64 * p).round() as usize]
    };
    eprintln!(
        "  related at {} papers ({} papers asked): top 5 p50 {:.0} µs, p95 {:.0} µs, max {:.0} µs; related=ID view p50 {:.0} µs, p95 {:.0} µs, max {:.0} µs, mean {} papers listed",
        catalog.len(),
        papers.len(),
        pct(&mut top5, 0.5),
        pct(&mut top5, 0.95),
        pct(&mut top5, 1.0),
        pct(&mut views, 0.5),
        pct(&mut views, 0.95),
        pct(&mut views, 1.0),
        listed / papers.len().max(1),
    );
}
