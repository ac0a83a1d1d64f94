//! Each real fixture (tests/data/fixtures, see its SOURCES.md) imports to a reviewed
//! snapshot in tests/data/golden, byte for byte, and every entry of the file is either a
//! paper, merged into one, or reported as skipped with its line and reason.
//!
//! After a deliberate change to an importer, review the differences and refresh the
//! goldens with `UPDATE_GOLDENS=1 cargo test -p paperdeck-cli --test fixture_goldens`.

use std::path::{Path, PathBuf};

use paperdeck_cli::import::{import, ImportOptions, Input, Location, Outcome, SourceFormat};
use paperdeck_core::{parse_snapshot, to_json, PaperKind};

/// Each fixture, with its number of entries as SOURCES.md counts them (not as the
/// importer does) and whether it needs `--allow-undated`.
const FIXTURES: [(&str, usize, bool); 9] = [
    ("bibtex-strings-accents-wolflein.bib", 21, false),
    ("bibtex-large-mixed-nu-ideas.bib", 147, false),
    ("bibtex-large-mixed-nu-ideas.bib", 147, true),
    ("bibtex-awkward-jabref-ari.bib", 36, false),
    ("bibtex-awkward-crlf-crossref-3dpl.bib", 17, false),
    ("arxiv-atom-legacy-2016-del-maestro.xml", 10, false),
    ("arxiv-atom-2026-transformer-search.xml", 3, false),
    ("csv-zotero-lab-publications.csv", 106, false),
    ("csv-publish-or-perish-gscholar.csv", 829, false),
];

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

fn run(name: &str, allow_undated: bool) -> (Outcome, String) {
    let text = std::fs::read_to_string(data().join("fixtures").join(name)).unwrap();
    let format = SourceFormat::from_file_name(name).unwrap();
    let options = ImportOptions { allow_undated, ..Default::default() };
    let outcome = import(&[Input { name, format, text: &text }], &options).expect("the fixture imports");
    let json = to_json(&outcome.snapshot);
    (outcome, json)
}

fn golden_name(name: &str, allow_undated: bool) -> String {
    let stem = name.rsplit_once('.').unwrap().0;
    if allow_undated {
        format!("{stem}.allow-undated.json")
    } else {
        format!("{stem}.json")
    }
}

#[test]
fn each_fixture_imports_to_its_reviewed_snapshot() {
    let update = std::env::var_os("UPDATE_GOLDENS").is_some();
    let mut stale = Vec::new();
    for (name, _, allow_undated) in FIXTURES {
        let (_, json) = run(name, allow_undated);
        let golden = data().join("golden").join(golden_name(name, allow_undated));
        if update {
            std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
            std::fs::write(&golden, &json).unwrap();
        } else if std::fs::read_to_string(&golden).ok().as_deref() != Some(json.as_str()) {
            stale.push(golden.display().to_string());
        }
        let (again, _) = run(name, allow_undated);
        assert_eq!(to_json(&again.snapshot), json, "{name}: the same input gives the same bytes");
    }
    assert!(
        stale.is_empty(),
        "differs from the importer's output (review, then UPDATE_GOLDENS=1): {stale:?}"
    );
}

#[test]
fn every_entry_is_written_merged_or_reported() {
    for (name, entries, allow_undated) in FIXTURES {
        let (outcome, json) = run(name, allow_undated);
        let written = outcome.snapshot.papers.len();
        assert_eq!(outcome.entries(), entries, "{name}: entries seen");
        assert_eq!(
            written + outcome.merged_entries() + outcome.skipped_entries(),
            entries,
            "{name}: {written} written + {} merged + {} skipped",
            outcome.merged_entries(),
            outcome.skipped_entries()
        );
        for skipped in &outcome.inputs[0].skipped {
            assert!(matches!(skipped.at, Location::Line(n) if n > 0), "{name}: {skipped:?} names its line");
            assert!(!skipped.reason.is_empty());
        }
        let loaded = parse_snapshot(&json).unwrap();
        assert!(loaded.is_clean(), "{name}: {:?}", loaded.problems);
        assert_eq!(loaded.snapshot.papers.len(), written);
    }
}

fn paper<'a>(outcome: &'a Outcome, title_start: &str) -> &'a paperdeck_core::Paper {
    outcome
        .snapshot
        .papers
        .iter()
        .find(|p| p.title.starts_with(title_start))
        .unwrap_or_else(|| panic!("{title_start}"))
}

#[test]
fn bibtex_quirks_of_the_real_files() {
    let (wolflein, _) = run("bibtex-strings-accents-wolflein.bib", false);
    let agent = paper(&wolflein, "Development and validation of an autonomous");
    let names = agent.authors.as_ref().unwrap();
    assert!(
        names.contains(&"Georg Wölflein".to_string())
            && names.contains(&"Marie-Elisabeth Leßman".to_string())
    );
    assert_eq!(agent.id, "2404.04667", "al-folio's arxiv field gives the id");
    assert_eq!(agent.published.to_string(), "2025-06", "month {{06}}");
    assert_eq!(agent.venue.as_deref(), Some("Nature Cancer"));
    let toolmaker = paper(&wolflein, "LLM Agents Making Agent Tools");
    assert!(toolmaker.authors.as_ref().unwrap().contains(&"Ognjen Arandjelović".to_string()));
    // The ECCV paper and its renamed preprint share arXiv 2311.11772 (v4, v5): one paper.
    let merged = wolflein.merged.iter().find(|m| m.id == "2311.11772").unwrap();
    assert_eq!(merged.sources.len(), 2);
    // al-folio fields: `abbr` (an @string macro), `selected`, the entry types.
    assert_eq!((agent.venue_short.as_deref(), agent.kind), (Some("Nat Cancer"), Some(PaperKind::Article)));
    let eccv = wolflein.snapshot.papers.iter().find(|p| p.id == "2311.11772").unwrap();
    assert_eq!(eccv.kind, Some(PaperKind::Conference), "the published version's kind beats the preprint's");
    assert_eq!(eccv.venue_short.as_deref(), Some("ECCV"));
    assert!(eccv.tags.iter().any(|t| t == "selected"), "selected = {{true}} on the ECCV entry");
    assert_eq!(wolflein.snapshot.papers.iter().filter(|p| p.tags.iter().any(|t| t == "selected")).count(), 5);
    assert_eq!(wolflein.snapshot.papers.iter().filter(|p| p.kind == Some(PaperKind::Thesis)).count(), 2);
    assert!(
        wolflein.inputs[0]
            .notes
            .iter()
            .any(|n| n.message.starts_with("poster \"toolmaker_poster.pdf\" is a relative link")),
        "relative links without --base-url are noted"
    );
    assert!(wolflein.snapshot.papers.iter().all(|p| p.thumbnail.is_none()), "previews are relative");

    let (nu, _) = run("bibtex-large-mixed-nu-ideas.bib", false);
    let skipped: Vec<&str> = nu.inputs[0].skipped.iter().map(|s| s.reason.as_str()).collect();
    assert_eq!(skipped.len(), 3);
    for key in ["jiaocan", "wudirectly", "gaolarge"] {
        assert!(skipped.iter().any(|r| r.contains(key) && r.contains("no year")), "{key}: {skipped:?}");
    }
    assert!(
        nu.snapshot.papers.iter().all(|p| p.title.chars().all(|c| c != '{' && c != '}')),
        "brace-protected words"
    );
    assert!(
        nu.snapshot.papers.iter().all(|p| p.authors.iter().flatten().all(|a| !a.contains('*'))),
        "co-first markers"
    );
    let (nu_undated, _) = run("bibtex-large-mixed-nu-ideas.bib", true);
    assert_eq!(nu_undated.snapshot.papers.iter().filter(|p| !p.published.is_known()).count(), 3);

    let (jabref, _) = run("bibtex-awkward-jabref-ari.bib", false);
    let incomplete = jabref.snapshot.papers.iter().filter(|p| p.authors_incomplete).count();
    assert_eq!(incomplete, 3, "three lists end in `and others`");
    let pmlr = jabref.snapshot.papers.iter().find(|p| p.venue.as_deref().is_some_and(|v| v.contains('&')));
    assert!(pmlr.is_none_or(|p| !p.venue.as_deref().unwrap().contains("&amp;")));

    let (crlf, _) = run("bibtex-awkward-crlf-crossref-3dpl.bib", false);
    let rox = paper(&crlf, "UnrealROX: An eXtremely Photorealistic");
    assert_eq!(rox.id, "1810.06936", "eprint gives the arXiv id");
    let review = paper(&crlf, "A Review on Deep Learning Techniques Applied to Semantic Segmentation");
    assert_eq!(review.links.arxiv.as_deref(), Some("https://arxiv.org/abs/1704.06857"));
    assert!(crlf.snapshot.papers.iter().all(|p| !p.title.contains('\r')));
}

#[test]
fn arxiv_feeds_of_both_formats() {
    let (legacy, _) = run("arxiv-atom-legacy-2016-del-maestro.xml", false);
    assert_eq!(legacy.snapshot.papers.iter().filter(|p| p.id.starts_with("cond-mat-")).count(), 4);
    assert!(legacy.snapshot.papers.iter().all(|p| p.links.doi.is_some() && p.venue.is_some()));
    assert!(legacy.snapshot.papers.iter().all(|p| !p.abstract_text.as_deref().unwrap().contains('\n')));
    assert!(legacy.snapshot.papers.iter().all(|p| p.links.arxiv.as_deref().unwrap().starts_with("https://")));
    assert!(
        legacy.snapshot.papers.iter().all(|p| p.kind == Some(PaperKind::Preprint)),
        "arXiv papers are preprints"
    );
    let (new, _) = run("arxiv-atom-2026-transformer-search.xml", false);
    let tnt = paper(&new, "PyramidTNT");
    assert_eq!((tnt.id.as_str(), tnt.published.to_string()), ("2201.00978", "2022-01-04".to_string()));
    assert_eq!(tnt.authors.as_ref().unwrap().len(), 4);
    assert_eq!(tnt.tags, ["cs.CV"]);
    assert!(tnt.links.code.as_deref().unwrap().starts_with("https://github.com/huawei-noah/"));
    assert!(new.inputs[0].notes.iter().any(|n| n.message.contains("3 of the query's 173566 results")));
}

#[test]
fn csv_exports_of_zotero_and_publish_or_perish() {
    let (zotero, _) = run("csv-zotero-lab-publications.csv", false);
    let first = paper(&zotero, "Meditation and Its Regulatory Role on Sleep");
    assert_eq!(first.authors.as_ref().unwrap()[0], "Ravindra P. Nagendra", "Last, First");
    assert_eq!(first.published.to_string(), "2012-04-18");
    assert_eq!(first.links.doi.as_deref(), Some("https://doi.org/10.3389/fneur.2012.00054"));
    assert!(
        first.links.url.as_deref().unwrap().starts_with("https://www.frontiersin.org/journals/"),
        "glued URLs"
    );
    // 21 rows have no DOI; one of them has a doi.org Url, which is its DOI link.
    assert_eq!(zotero.snapshot.papers.iter().filter(|p| p.links.doi.is_some()).count(), 106 - 21 + 1);
    assert!(zotero.snapshot.papers.iter().all(|p| p.links.url.is_none() || p.links.url != p.links.doi));
    assert!(zotero
        .snapshot
        .papers
        .iter()
        .any(|p| p.tags.iter().any(|t| t == "1-Methyl-4-Phenyl-1, 2, 3, 6-Tetrahydropyridine (MPTP)")));

    let (pop, _) = run("csv-publish-or-perish-gscholar.csv", false);
    assert_eq!(pop.skipped_entries(), 70, "year empty or 0");
    assert!(pop.inputs[0].skipped.iter().all(|s| s.reason.contains("no year")));
    assert_eq!(pop.snapshot.papers.iter().filter(|p| p.authors_incomplete).count(), 118);
    let yang = paper(&pop, "Map projection transformation: principles and applications");
    assert_eq!(yang.authors.as_deref().unwrap(), ["Q Yang", "J Snyder", "W Tobler"]);
    assert!(pop.merged.iter().all(|m| m.reason.describe() == "same title and year"));
    assert_eq!(yang.citations, Some(217), "Cites");
    assert!(pop.snapshot.papers.iter().all(|p| p.citations.is_some()), "every row has a count");
    let mexiko = pop.snapshot.papers.iter().find(|p| p.title == "Mexiko").unwrap();
    assert_eq!(mexiko.citations, Some(10), "merged rows (10 and 7 cites) keep the largest");
    assert!(zotero.snapshot.papers.iter().all(|p| p.citations.is_none() && p.kind.is_none()));
}
