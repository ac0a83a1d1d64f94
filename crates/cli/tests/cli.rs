//! The `paperdeck` binary end to end: exit codes, messages, nothing written on failure.

use std::process::{Command, Output};
#[path = "../src/cli/scratch.rs"]
mod scratch;
use scratch::Scratch;

fn paperdeck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_paperdeck")).args(args).output().expect("paperdeck runs")
}

fn scratch(name: &str) -> Scratch {
    Scratch::new(&format!("cli-test-{name}"))
}

const PAGE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/hf-papers-search-page.txt");

#[test]
fn import_then_check() {
    let dir = scratch("ok");
    let out = dir.join("papers.json");
    let run =
        paperdeck(&["import", "--from", "hf-page", PAGE, "--year", "2025", "-o", out.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    assert!(stderr.contains("77 papers written"), "{stderr}");
    assert!(
        stderr.contains("hf-papers-search-page.txt:429"),
        "the skipped card is reported with its line: {stderr}"
    );
    let check = paperdeck(&["check", out.to_str().unwrap()]);
    assert!(check.status.success());
    assert!(String::from_utf8_lossy(&check.stdout).contains("valid, 77 papers"));
}

#[test]
fn year_less_dates_without_year_fail_naming_the_line_and_write_nothing() {
    let dir = scratch("noyear");
    let out = dir.join("papers.json");
    let run = paperdeck(&["import", "--from", "hf-page", PAGE, "-o", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("hf-papers-search-page.txt:91: the date \"Sep 8\" has no year"), "{stderr}");
    assert!(!out.exists(), "nothing is written");
    assert!(std::fs::read_dir(&dir).unwrap().next().is_none(), "no temporary file either");
}

#[test]
fn check_lists_each_problem_with_index_and_id() {
    let dir = scratch("check");
    let file = dir.join("bad.json");
    std::fs::write(&file, r#"{"format":"paperdeck-snapshot","version":1,"papers":[
        {"id":"good","title":"Good","author_count":1,"published":"2024"},
        {"id":"bad","title":"Bad","author_count":1,"published":"June 2024"},
        {"id":"link","title":"Link","author_count":1,"published":"2024","links":{"code":"javascript:alert(1)"}},
        {"id":"gone","title":"","author_count":1,"published":"2024"}]}"#).unwrap();
    let check = paperdeck(&["check", file.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(stdout.contains("papers[1] (id \"bad\"): published: \"June 2024\" is not a date"), "{stdout}");
    assert!(stdout.contains("papers[2] (id \"link\"): links.code"), "{stdout}");
    assert!(stdout.contains("papers[3] (id \"gone\"): title: is empty; record skipped"), "{stdout}");
    assert!(stdout.contains("3 papers usable, 1 records skipped"), "{stdout}");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(paperdeck(&[]).status.code(), Some(2));
    assert_eq!(paperdeck(&["import", "--from", "nope", "x", "-o", "y"]).status.code(), Some(2));
    assert_eq!(paperdeck(&["import", "--from", "hf-page", PAGE]).status.code(), Some(2));
    assert_eq!(
        paperdeck(&["import", "--from", "hf-page", PAGE, "--year", "25", "-o", "y"]).status.code(),
        Some(2)
    );
    assert!(paperdeck(&["--help"]).status.success());
}

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/fixtures");

#[test]
fn several_formats_at_once_merged_with_a_report() {
    let dir = scratch("mixed");
    // The same paper as BibTeX (with its venue) and as an arXiv feed (with its abstract).
    let bib = dir.join("lab.bib");
    std::fs::write(
        &bib,
        "@inproceedings{tnt, title = {{PyramidTNT}: Improved Transformer-in-Transformer Baselines with Pyramid Architecture},\n\
         author = {Han, Kai and Guo, Jianyuan and others}, booktitle = {CVPR Workshops}, year = 2022, eprint = {2201.00978}}\n\
         @article{undated, title = {No Year Yet}, author = {Doe, Jane}}\n",
    )
    .unwrap();
    let csv = dir.join("sheet.txt");
    std::fs::write(&csv, "title,authors,date,doi\nA Sheet Paper,Ann Lee; Bo Chen,2024-03,10.1000/sheet\n")
        .unwrap();
    let feed = format!("{FIXTURES}/arxiv-atom-2026-transformer-search.xml");
    let import_all = |out: &std::path::Path| {
        let (bib, csv, out) = (bib.to_str().unwrap(), csv.to_str().unwrap(), out.to_str().unwrap());
        paperdeck(&["import", bib, &feed, "--from", "csv", csv, "--title", "Our lab", "-o", out])
    };
    let out = dir.join("papers.json");
    let run = import_all(&out);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    let (bib_path, out_path) = (bib.display(), out.display());
    assert_eq!(
        stderr,
        format!(
            "paperdeck: 4 papers written to {out_path} from 6 entries: 1 merged, 1 skipped
  merged into 2201.00978: {bib_path}:1, {feed}:10 (same arXiv id)
  skipped {bib_path}:3: entry \"undated\" has no year (pass --allow-undated to keep it as an undated paper)
  note {feed}:1: the feed holds 3 of the query's 173566 results; ask the API for the next pages with start= and import them too
"
        )
    );
    let json = std::fs::read_to_string(&out).unwrap();
    let snapshot = paperdeck_core::parse_snapshot(&json).unwrap().snapshot;
    assert_eq!(snapshot.title.as_deref(), Some("Our lab"));
    assert_eq!(
        snapshot.source.as_deref(),
        Some("BibTeX (lab.bib); arXiv API (arxiv-atom-2026-transformer-search.xml); CSV (sheet.txt)")
    );
    let tnt = snapshot.papers.iter().find(|p| p.id == "2201.00978").unwrap();
    assert_eq!(tnt.venue.as_deref(), Some("CVPR Workshops"), "the BibTeX venue");
    assert!(tnt.abstract_text.is_some(), "the feed's abstract");
    assert_eq!(tnt.authors.as_ref().unwrap().len(), 4, "the feed's complete list beats `and others`");
    assert!(!tnt.authors_incomplete);
    assert_eq!(tnt.published.to_string(), "2022-01-04", "the more precise date");

    let again = dir.join("again.json");
    assert!(import_all(&again).status.success());
    assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(&again).unwrap(), "same inputs, same bytes");

    let undated = dir.join("undated.json");
    let run =
        paperdeck(&["import", bib.to_str().unwrap(), "--allow-undated", "-o", undated.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("2 papers written") && stderr.contains("lab.bib:3: has no year; kept as undated"),
        "{stderr}"
    );
    assert!(!std::fs::read_to_string(&undated).unwrap().contains("\"published\": \"\""));
}

#[test]
fn malformed_inputs_name_file_line_and_column_and_write_nothing() {
    let dir = scratch("malformed");
    let out = dir.join("papers.json");
    let good = dir.join("good.bib");
    std::fs::write(&good, "@article{a, title = {T}, year = 2020}\n").unwrap();
    let cases: [(&str, &[u8], &str); 4] = [
        (
            "bad.bib",
            b"@article{a, title = {T}, year = 2020}\n@article{b, title = {T} year = 2020}\n",
            "bad.bib:2:25: not valid BibTeX",
        ),
        (
            "bad.xml",
            b"<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  <entry>\n</feed>\n",
            "bad.xml:3:1: not valid XML: expected 'entry' tag, not 'feed'\n",
        ),
        ("bad.csv", b"title,year\n\"T\xff\",2020\n", "bad.csv:2:3: not UTF-8 text"),
        ("bad.json", b"[{\"paper\": }]", "bad.json:1:12: not valid JSON"),
    ];
    for (name, bytes, expect) in cases {
        let bad = dir.join(name);
        std::fs::write(&bad, bytes).unwrap();
        let run = paperdeck(&[
            "import",
            good.to_str().unwrap(),
            bad.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]);
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{name}: {stderr}");
        assert!(stderr.contains(expect), "{name}: expected {expect:?} in {stderr}");
        assert!(stderr.contains("nothing written"), "{stderr}");
        assert!(!out.exists(), "{name}: nothing is written");
    }
}

#[test]
fn csv_columns_by_map() {
    let dir = scratch("map");
    let sheet = dir.join("pubs.csv");
    std::fs::write(&sheet, "Paper,Year,People,Notes\nMapped,2021,\"Lee, Ann; Chen, Bo\",x\n").unwrap();
    let out = dir.join("papers.json");
    let run = paperdeck(&["import", sheet.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("pubs.csv:1: no title column"));
    let run = paperdeck(&[
        "import",
        sheet.to_str().unwrap(),
        "--map",
        "Paper=title",
        "--map",
        "People=authors",
        "-o",
        out.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    assert!(stderr.contains("note ") && stderr.contains("columns not used: Notes"), "{stderr}");
    let snapshot = paperdeck_core::parse_snapshot(&std::fs::read_to_string(&out).unwrap()).unwrap().snapshot;
    assert_eq!(snapshot.papers[0].authors.as_deref().unwrap(), ["Ann Lee", "Bo Chen"]);
    assert_eq!(snapshot.papers[0].published.to_string(), "2021");
}

#[test]
fn import_usage_errors_exit_2() {
    for args in [
        &["import", "notes.md", "-o", "x.json"][..],
        &["import", "a.csv", "--map", "nofield", "-o", "x.json"],
        &["import", "a.csv", "--map", "col=colour", "-o", "x.json"],
        &["import", "--from", "bibtex"],
    ] {
        let run = paperdeck(args);
        assert_eq!(run.status.code(), Some(2), "{args:?}");
    }
    let run = paperdeck(&["import", "notes.md", "-o", "x.json"]);
    assert!(String::from_utf8_lossy(&run.stderr).contains("put --from FORMAT before it"));
    let help = paperdeck(&["import", "--help"]);
    assert!(help.status.success() && String::from_utf8_lossy(&help.stdout).contains("--allow-undated"));
}

#[test]
fn the_help_text_is_the_one_docs_importing_md_quotes() {
    let docs =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/importing.md")).unwrap();
    for args in [&["--help"][..], &["import", "--help"], &["help"]] {
        let run = paperdeck(args);
        assert!(run.status.success(), "{args:?}");
        let help = String::from_utf8(run.stdout).unwrap();
        assert!(
            docs.contains(&format!("```\n{help}```\n")),
            "docs/importing.md quotes the help text `paperdeck {}` prints, verbatim:\n{help}",
            args.join(" ")
        );
    }
    let usage = paperdeck(&["import", "--from", "nope", "x", "-o", "y"]);
    let stderr = String::from_utf8(usage.stderr).unwrap();
    let help = String::from_utf8(paperdeck(&["--help"]).stdout).unwrap();
    assert_eq!(
        stderr,
        format!(
            "paperdeck: unknown format \"nope\"; known: bibtex, arxiv-atom, csv, hf-api, hf-page, ris, snapshot\n\n{help}"
        )
    );
}

const AL_FOLIO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/al-folio-lab.bib");

/// A lab's al-folio `papers.bib` with `--base-url` and `--highlight`: kinds, short venues,
/// `selected`, every link field, relative links joined, the lab's names.
#[test]
fn an_al_folio_bibliography_with_base_url_and_highlight() {
    let dir = scratch("al-folio");
    let out = dir.join("papers.json");
    let run = paperdeck(&[
        "import",
        AL_FOLIO,
        "--base-url",
        "https://lab.example/assets/pdf/",
        "--highlight",
        "Ada Lovelace",
        "--highlight",
        "A. Turing",
        "--highlight",
        "Ada Lovelace",
        "-o",
        out.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    assert_eq!(
        stderr,
        format!(
            "paperdeck: 4 papers written to {} from 4 entries: 0 merged, 0 skipped
  note {AL_FOLIO}:64: blog \"javascript:alert(1)\" is not an absolute http(s) URL; left out
",
            out.display()
        )
    );
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(json["highlight_authors"], serde_json::json!(["Ada Lovelace", "A. Turing"]));
    // Each paper keeps its entry for exports: without the site's fields, macros
    // resolved, relative links joined to --base-url.
    assert_eq!(
        json["papers"][0]["bibtex"],
        "@inproceedings{lovelace2024engines,
  title = {Analytical Engines as {Few-Shot} Learners},
  author = {Lovelace, Ada and Turing, A. and Hopper, Grace},
  booktitle = {Advances in Neural Information Processing Systems},
  year = {2024},
  month = dec,
  abstract = {We show that the Analytical Engine learns from few examples.},
  keywords = {learning, engines},
  pdf = {https://lab.example/assets/pdf/engines.pdf},
  html = {https://proceedings.neurips.cc/paper/2024/hash/engines.html},
  code = {https://github.com/lovelace-lab/engines},
  slides = {https://lab.example/assets/pdf/engines_slides.pdf},
  poster = {https://lab.example/assets/pdf/posters/engines%20poster.pdf},
}"
    );
    assert!(json["papers"][1]["bibtex"]
        .as_str()
        .unwrap()
        .contains("publisher = {American Physical Society,}"));
    let mut papers = json["papers"].as_array().unwrap().clone();
    for paper in &mut papers {
        paper.as_object_mut().unwrap().remove("bibtex");
    }
    let ids: Vec<&str> = papers.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "analytical-engines-as-few-shot-learners",
            "computing-machinery-and-lab-pages",
            "2501.01234",
            "notes-on-the-analytical-engine"
        ]
    );
    assert_eq!(
        papers[0],
        serde_json::json!({
            "id": "analytical-engines-as-few-shot-learners",
            "title": "Analytical Engines as Few-Shot Learners",
            "abstract": "We show that the Analytical Engine learns from few examples.",
            "authors": ["Ada Lovelace", "A. Turing", "Grace Hopper"],
            "published": "2024-12",
            "links": {
                "code": "https://github.com/lovelace-lab/engines",
                "pdf": "https://lab.example/assets/pdf/engines.pdf",
                "slides": "https://lab.example/assets/pdf/engines_slides.pdf",
                "poster": "https://lab.example/assets/pdf/posters/engines%20poster.pdf",
                "url": "https://proceedings.neurips.cc/paper/2024/hash/engines.html"
            },
            "tags": ["learning", "engines", "selected"],
            "venue": "Advances in Neural Information Processing Systems",
            "venue_short": "NeurIPS",
            "kind": "conference",
            "thumbnail": "https://lab.example/assets/img/publication_preview/engines.png"
        })
    );
    assert_eq!(
        papers[1],
        serde_json::json!({
            "id": "computing-machinery-and-lab-pages",
            "title": "Computing Machinery and Lab Pages",
            "authors": ["Alan M. Turing", "Ada Lovelace"],
            "published": "2023",
            "links": {
                "pdf": "https://lab.example/files/machines.pdf",
                "video": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                "blog": "https://blog.lab.example/machines",
                "supplement": "https://lab.example/assets/supp/machines_supp.zip",
                "doi": "https://doi.org/10.1103/PhysRevLett.131.041001"
            },
            "tags": ["selected"],
            "venue": "Physical Review Letters",
            "venue_short": "PRL",
            "kind": "article"
        })
    );
    let preprint = &papers[2];
    assert_eq!(preprint["kind"], "preprint", "a @misc with an arXiv eprint");
    assert_eq!(preprint["venue_short"], "arXiv");
    assert_eq!(preprint["links"]["pdf"], "https://lab.example/assets/pdf/compilers.pdf", "pdf beats arXiv's");
    assert_eq!(preprint["links"]["arxiv"], "https://arxiv.org/abs/2501.01234");
    assert_eq!(preprint["links"]["project"], "https://lab.example/compilers/");
    assert!(preprint.get("tags").is_none(), "selected = {{false}} is no tag");
    let thesis = &papers[3];
    assert_eq!(
        (thesis["kind"].as_str(), thesis["venue"].as_str()),
        (Some("thesis"), Some("University of London"))
    );
    assert_eq!(thesis["thumbnail"], "https://lab.example/assets/img/thesis.png");
    assert!(thesis["links"].get("blog").is_none(), "javascript: is never a link");
    assert!(!json.to_string().contains("qyhmnyLat1gC"), "google_scholar_id is an id, not a count");
    assert!(papers.iter().all(|p| p.get("citations").is_none()));
    assert!(paperdeck(&["check", out.to_str().unwrap()]).status.success());

    // Without --base-url the relative links are left out, each with a note.
    let bare = dir.join("bare.json");
    let run = paperdeck(&["import", AL_FOLIO, "-o", bare.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    for (line, field, value) in [
        (7, "pdf", "engines.pdf"),
        (7, "slides", "engines_slides.pdf"),
        (7, "poster", "posters/engines poster.pdf"),
        (7, "preview", "../img/publication_preview/engines.png"),
        (29, "supp", "/assets/supp/machines_supp.zip"),
        (50, "pdf", "compilers.pdf"),
        (64, "pdf", "thesis.pdf"),
    ] {
        let note = format!(
            "note {AL_FOLIO}:{line}: {field} {value:?} is a relative link; left out (pass --base-url to keep it)"
        );
        assert!(stderr.contains(&note), "{note}\n{stderr}");
    }
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&bare).unwrap()).unwrap();
    assert_eq!(json["papers"][0]["links"].as_object().unwrap().len(), 2, "code and url only");
    assert!(json["papers"][0].get("thumbnail").is_none());
    assert!(json.get("highlight_authors").is_none());
}
