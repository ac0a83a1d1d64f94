//! The lab example's snapshot, public/examples/wolflein-publications.json, is exactly what
//! `make seed` makes of a real lab's al-folio BibTeX: the README's walkthrough, run.

use std::process::Command;

#[path = "../src/cli/scratch.rs"]
mod scratch;
use scratch::Scratch;

const BUNDLED: &str = include_str!("../../../public/examples/wolflein-publications.json");

#[test]
fn the_lab_example_is_the_import_of_its_bibtex() {
    let dir = Scratch::new("lab-example");
    let out = dir.join("papers.json");
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    // The same arguments as the Makefile's `seed` target.
    let status = Command::new(env!("CARGO_BIN_EXE_paperdeck"))
        .current_dir(root)
        .args([
            "import",
            "crates/cli/tests/data/fixtures/bibtex-strings-accents-wolflein.bib",
            "--base-url",
            "https://georg-wolflein.github.io/assets/pdf/",
            "--preview-base-url",
            "https://georg-wolflein.github.io/assets/img/publication_preview/",
            "--highlight",
            "Georg Wölflein",
            "--title",
            "Georg Wölflein: publications",
            "-o",
        ])
        .arg(&out)
        .output()
        .expect("paperdeck runs");
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let written = std::fs::read_to_string(&out).unwrap();
    let _ = std::fs::remove_file(&out);
    assert!(written == BUNDLED, "public/examples/wolflein-publications.json is stale: run `make seed`");
    let loaded = paperdeck_core::parse_snapshot(BUNDLED).unwrap();
    assert!(loaded.is_clean());
    let selected = loaded.snapshot.papers.iter().filter(|p| p.tags.iter().any(|t| t == "selected")).count();
    assert_eq!(selected, 5, "the homepage's \"Selected publications\"");
    let has = |url: Option<&str>, base: &str| url.is_some_and(|u| u.starts_with(base));
    let papers = &loaded.snapshot.papers;
    assert!(papers
        .iter()
        .any(|p| has(p.links.poster.as_deref(), "https://georg-wolflein.github.io/assets/pdf/")));
    assert!(papers.iter().any(|p| has(
        p.thumbnail.as_deref(),
        "https://georg-wolflein.github.io/assets/img/publication_preview/"
    )));
    assert!(!papers
        .iter()
        .any(|p| has(p.thumbnail.as_deref(), "https://georg-wolflein.github.io/assets/pdf/")));
}
