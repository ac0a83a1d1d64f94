//! The bundled snapshot, public/papers.json, is exactly what the importer makes of the
//! saved Hugging Face page. Regenerate it with `make seed` after changing the importer.

use paperdeck_cli::import::{import, ImportOptions, Input, Outcome, SourceFormat};
use paperdeck_core::{parse_snapshot, to_json};

const PAGE: &str = include_str!("data/hf-papers-search-page.txt");
const BUNDLED: &str = include_str!("../../../public/papers.json");

/// What `make seed` runs: `paperdeck import --from hf-page PAGE --year 2025`.
fn seed() -> Outcome {
    let input = Input { name: "hf-papers-search-page.txt", format: SourceFormat::HfPage, text: PAGE };
    let options = ImportOptions { year: Some(2025), ..Default::default() };
    import(&[input], &options).expect("the seed page imports")
}

#[test]
fn bundled_snapshot_is_the_importer_output_byte_for_byte() {
    let written = to_json(&seed().snapshot);
    assert!(written == BUNDLED, "public/papers.json is stale: run `make seed`");
}

#[test]
fn bundled_snapshot_is_valid_and_complete() {
    let loaded = parse_snapshot(BUNDLED).unwrap();
    assert!(loaded.is_clean(), "{:?}", loaded.problems);
    assert_eq!(loaded.snapshot.papers.len(), 77);
    let outcome = seed();
    let skipped = &outcome.inputs[0].skipped;
    assert_eq!(skipped.len(), 1, "only the truncated card is skipped");
    assert_eq!(skipped[0].at, paperdeck_cli::import::Location::Line(429));
    assert!(outcome.merged.is_empty());
    // hf-page gives no kind (docs/importing.md): the seed stays as it was before kinds.
    assert!(outcome.snapshot.papers.iter().all(|p| p.kind.is_none() && p.citations.is_none()));
}

#[test]
fn every_card_keeps_its_title_abstract_count_date_and_upvotes() {
    // Independently of the importer: walk the page's "• N authors" lines.
    let lines: Vec<&str> = PAGE.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let papers = seed().snapshot.papers;
    let mut i = 0;
    for (k, line) in lines.iter().enumerate() {
        let Some(count) = line.strip_prefix("• ").and_then(|r| r.strip_suffix(" authors")) else {
            continue;
        };
        let p = &papers[i];
        assert_eq!(p.title, lines[k - 2]);
        assert_eq!(p.abstract_text.as_deref(), Some(lines[k - 1]));
        assert_eq!(p.author_count.to_string(), count);
        let date = lines[k + 2];
        let upvotes = date.split_whitespace().nth(if date.contains(',') { 3 } else { 2 }).unwrap_or("0");
        assert_eq!(p.upvotes.to_string(), upvotes, "{date}");
        i += 1;
    }
    assert_eq!(i, 77);
}

#[test]
fn spot_checks_of_known_papers() {
    let papers = seed().snapshot.papers;
    let find = |title_start: &str| papers.iter().find(|p| p.title.starts_with(title_start)).unwrap();
    let openelm = find("OpenELM");
    assert_eq!(
        (openelm.author_count, openelm.published.to_string(), openelm.upvotes),
        (11, "2024-04-22".into(), 14)
    );
    assert_eq!(openelm.links.code.as_deref(), Some("https://github.com/apple/corenet"));
    assert_eq!(openelm.links.project.as_deref(), Some("https://hf.privai.fun/apple/OpenELM"));
    let systematic = find("Systematic Optimization of Open Source");
    assert_eq!(systematic.published.to_string(), "2025-09-08");
    let quant = find("Understanding the Impact of Post-Training Quantization");
    assert_eq!(quant.author_count, 1);
    let feature = find("Feature Learning in Infinite-Width");
    assert_eq!(
        feature.links.code.as_deref(),
        Some("https://github.com/edwardjhu/TP4"),
        "bare github.com URL"
    );
    let trace = find("Trace is the New AutoDiff");
    assert_eq!(trace.links.project.as_deref(), Some("https://microsoft.github.io/Trace"));
    assert_eq!(trace.links.code, None, "github.io is a project page, not code");
}
