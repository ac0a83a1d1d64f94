//! Answers the keystrokes of a URL query string again and again on a snapshot (replicated
//! `--times=N` times): a target for profilers (`perf record`), as `build_once` is for the
//! build. Prints the median time per answer.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).expect("usage: query_once SNAPSHOT.json QUERY [--times=N] [--rounds=N]");
    let query = args.get(2).expect("a URL query string, such as q=s");
    let flag = |name: &str, default: usize| {
        args.iter().find_map(|a| a.strip_prefix(name)?.parse().ok()).unwrap_or(default)
    };
    let (times, rounds) = (flag("--times=", 1), flag("--rounds=", 200));
    let text = std::fs::read_to_string(path).expect("readable");
    let mut snapshot = paperdeck_core::parse_snapshot(&text).expect("valid").snapshot;
    let papers = snapshot.papers.clone();
    for k in 1..times {
        snapshot.papers.extend(papers.iter().cloned().map(|mut p| {
            p.id = format!("{}-r{k}", p.id);
            p
        }));
    }
    let catalog = paperdeck_core::Catalog::new(snapshot);
    let view = paperdeck_core::decode_url(query).0;
    let mut us = Vec::new();
    let mut found = 0;
    for _ in 0..rounds {
        let t = std::time::Instant::now();
        found = std::hint::black_box(catalog.search(&view)).ids.len();
        us.push(t.elapsed().as_secs_f64() * 1e6);
    }
    us.sort_by(f64::total_cmp);
    println!(
        "{} papers, `{query}`: {found} found, median {:.0} µs, fastest {:.0} µs of {rounds}",
        catalog.len(),
        us[us.len() / 2],
        us[0]
    );
}
