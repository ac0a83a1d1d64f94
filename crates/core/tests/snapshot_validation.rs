//! One case per rule of snapshot format v1 (docs/snapshot-format.md).

use paperdeck_core::{parse_snapshot, to_json, ProblemKind, SnapshotError};
use serde_json::{json, Value};

const VALID: &str = r#"{"id":"ok","title":"Valid","author_count":1,"published":"2024"}"#;

/// Loads a snapshot holding `record` followed by one valid record, and returns the ids
/// kept and the problems as `field kind` strings.
fn check(record: Value) -> (Vec<String>, Vec<String>) {
    let text = json!({"format": "paperdeck-snapshot", "version": 1,
        "papers": [record, serde_json::from_str::<Value>(VALID).unwrap()]})
    .to_string();
    let loaded = parse_snapshot(&text).expect("a snapshot");
    let ids = loaded.snapshot.papers.iter().map(|p| p.id.clone()).collect();
    let problems = loaded
        .problems
        .iter()
        .map(|p| {
            let kind = match p.kind {
                ProblemKind::RecordSkipped => "skipped",
                ProblemKind::FieldIgnored => "ignored",
            };
            format!("{} {kind}", p.field)
        })
        .collect();
    (ids, problems)
}

fn kept(record: Value) {
    let (ids, problems) = check(record.clone());
    assert_eq!(
        ids,
        [record["id"].as_str().unwrap(), "ok"],
        "{record} should be kept, problems: {problems:?}"
    );
    assert_eq!(problems, Vec::<String>::new(), "{record}");
}

fn skipped(record: Value, field: &str) {
    let (ids, problems) = check(record.clone());
    assert_eq!(ids, ["ok"], "{record} should be skipped");
    assert_eq!(problems, [format!("{field} skipped")], "{record}");
}

fn ignored(record: Value, field: &str) {
    let (ids, problems) = check(record.clone());
    assert_eq!(ids, [record["id"].as_str().unwrap(), "ok"], "{record} should be kept");
    assert_eq!(problems, [format!("{field} ignored")], "{record}");
}

#[test]
fn a_minimal_record_is_valid() {
    kept(json!({"id": "a", "title": "T", "author_count": 3, "published": "2024-06-28"}));
    kept(json!({"id": "a", "title": "T", "authors": ["X", "Y"], "published": "2024-06"}));
    kept(json!({"id": "a", "title": "T", "authors": ["X"], "author_count": 1, "published": "2024"}));
}

#[test]
fn id_is_required_unique_and_of_safe_characters() {
    skipped(json!({"title": "T", "author_count": 1, "published": "2024"}), "id");
    skipped(json!({"id": "", "title": "T", "author_count": 1, "published": "2024"}), "id");
    skipped(json!({"id": "a b", "title": "T", "author_count": 1, "published": "2024"}), "id");
    skipped(json!({"id": "a/b", "title": "T", "author_count": 1, "published": "2024"}), "id");
    skipped(json!({"id": 7, "title": "T", "author_count": 1, "published": "2024"}), "id");
    skipped(json!({"id": "ok", "title": "T", "author_count": 1, "published": "2024"}), "id");
    kept(json!({"id": "2406.18540", "title": "T", "author_count": 1, "published": "2024"}));
    kept(json!({"id": "A_b-c.D", "title": "T", "author_count": 1, "published": "2024"}));
}

#[test]
fn a_repeated_id_keeps_the_first_record() {
    let text = r#"{"format":"paperdeck-snapshot","version":1,"papers":[
        {"id":"x","title":"First","author_count":1,"published":"2024"},
        {"id":"x","title":"Second","author_count":1,"published":"2024"}]}"#;
    let loaded = parse_snapshot(text).unwrap();
    assert_eq!(loaded.snapshot.papers.len(), 1);
    assert_eq!(loaded.snapshot.papers[0].title, "First");
    assert_eq!(
        loaded.problems[0].to_string(),
        "papers[1] (id \"x\"): id: \"x\" repeats the id of papers[0]; record skipped"
    );
}

#[test]
fn title_is_required_and_not_empty() {
    skipped(json!({"id": "a", "author_count": 1, "published": "2024"}), "title");
    skipped(json!({"id": "a", "title": "  ", "author_count": 1, "published": "2024"}), "title");
    skipped(json!({"id": "a", "title": ["T"], "author_count": 1, "published": "2024"}), "title");
}

#[test]
fn published_is_a_date_of_day_month_or_year_precision_or_absent_for_undated() {
    kept(json!({"id": "a", "title": "T", "author_count": 1}));
    kept(json!({"id": "a", "title": "T", "author_count": 1, "published": null}));
    ignored(json!({"id": "a", "title": "T", "author_count": 1, "published": "Jun 28, 2024"}), "published");
    ignored(json!({"id": "a", "title": "T", "author_count": 1, "published": "2024-02-30"}), "published");
    ignored(json!({"id": "a", "title": "T", "author_count": 1, "published": 2024}), "published");
}

#[test]
fn an_undated_paper_round_trips_without_published() {
    let text =
        r#"{"format":"paperdeck-snapshot","version":1,"papers":[{"id":"a","title":"T","author_count":1}]}"#;
    let loaded = parse_snapshot(text).unwrap();
    assert!(!loaded.snapshot.papers[0].published.is_known());
    let written = to_json(&loaded.snapshot);
    assert!(!written.contains("published"), "{written}");
    assert_eq!(parse_snapshot(&written).unwrap().snapshot, loaded.snapshot);
}

#[test]
fn authors_incomplete_marks_a_list_of_only_the_first_names() {
    kept(
        json!({"id": "a", "title": "T", "authors": ["X", "Y"], "authors_incomplete": true, "published": "2024"}),
    );
    kept(
        json!({"id": "a", "title": "T", "authors": ["X"], "authors_incomplete": false, "published": "2024"}),
    );
    ignored(
        json!({"id": "a", "title": "T", "authors": ["X"], "authors_incomplete": "yes", "published": "2024"}),
        "authors_incomplete",
    );
    ignored(
        json!({"id": "a", "title": "T", "author_count": 2, "authors_incomplete": true, "published": "2024"}),
        "authors_incomplete",
    );
    let text = r#"{"format":"paperdeck-snapshot","version":1,"papers":[
        {"id":"a","title":"T","authors":["X","Y"],"authors_incomplete":true,"published":"2024"}]}"#;
    let loaded = parse_snapshot(text).unwrap();
    let paper = &loaded.snapshot.papers[0];
    assert!(paper.authors_incomplete);
    assert_eq!((paper.author_count, paper.min_authors()), (2, 3));
    let written = to_json(&loaded.snapshot);
    assert!(written.contains("\"authors_incomplete\": true"), "{written}");
    assert_eq!(parse_snapshot(&written).unwrap().snapshot, loaded.snapshot);
}

#[test]
fn author_count_is_required_without_authors_and_must_agree_with_them() {
    skipped(json!({"id": "a", "title": "T", "published": "2024"}), "author_count");
    skipped(json!({"id": "a", "title": "T", "author_count": -1, "published": "2024"}), "author_count");
    skipped(json!({"id": "a", "title": "T", "author_count": 1.5, "published": "2024"}), "author_count");
    skipped(json!({"id": "a", "title": "T", "author_count": "3", "published": "2024"}), "author_count");
    ignored(
        json!({"id": "a", "title": "T", "authors": ["X"], "author_count": 2, "published": "2024"}),
        "author_count",
    );
    // A broken authors list falls back to author_count, or skips the record without one.
    ignored(
        json!({"id": "a", "title": "T", "authors": ["X", 3], "author_count": 2, "published": "2024"}),
        "authors",
    );
    let (ids, problems) = check(json!({"id": "a", "title": "T", "authors": "X", "published": "2024"}));
    assert_eq!(ids, ["ok"]);
    assert_eq!(problems, ["authors ignored", "author_count skipped"]);
}

#[test]
fn optional_fields_with_wrong_types_are_ignored_and_the_paper_kept() {
    let base = || json!({"id": "a", "title": "T", "author_count": 1, "published": "2024"});
    for (field, value) in [
        ("upvotes", json!(-3)),
        ("upvotes", json!("many")),
        ("abstract", json!(42)),
        ("venue", json!(["x"])),
        ("summary", json!({})),
        ("bibtex", json!(["@article{k}"])),
        ("bibtex", json!(3)),
        ("thumbnail", json!("javascript:alert(1)")),
        ("links", json!("https://example.org")),
        ("tags", json!("nlp")),
    ] {
        let mut record = base();
        record[field] = value;
        ignored(record, field);
    }
    let mut record = base();
    record["tags"] = json!(["nlp", 3, "cv"]);
    ignored(record, "tags");
}

#[test]
fn links_are_absolute_http_urls_of_known_kinds() {
    let with_links = |links: Value| json!({"id": "a", "title": "T", "author_count": 1, "published": "2024", "links": links});
    kept(with_links(json!({"code": "https://github.com/x/y", "pdf": "http://a.example/p.pdf"})));
    ignored(with_links(json!({"code": "javascript:alert(1)"})), "links.code");
    ignored(with_links(json!({"project": "//evil.example"})), "links.project");
    ignored(with_links(json!({"homepage": "https://a.example"})), "links.homepage");
    ignored(with_links(json!({"pdf": 3})), "links.pdf");
}

#[test]
fn unknown_record_fields_are_ignored_silently_for_forward_compatibility() {
    kept(json!({"id": "a", "title": "T", "author_count": 1, "published": "2024", "x-lab-note": "hi"}));
}

#[test]
fn a_record_that_is_not_an_object_is_skipped() {
    skipped(json!("just a string"), "(record)");
    skipped(json!(null), "(record)");
}

#[test]
fn every_problem_of_a_record_is_reported() {
    let (ids, problems) = check(json!({"id": "a b", "title": "", "published": "x"}));
    assert_eq!(ids, ["ok"]);
    assert_eq!(problems, ["id skipped", "title skipped", "published ignored", "author_count skipped"]);
}

#[test]
fn fatal_errors_say_what_and_where() {
    let cases: [(&str, &str); 6] = [
        (
            "{\"format\": \"paperdeck-snapshot\",\n  \"papers\": [}",
            "not valid JSON at line 2, column 14: expected value",
        ),
        ("[1, 2]", "not a Paperdeck snapshot: the top level is not a JSON object"),
        (
            r#"{"format":"bibtex","version":1,"papers":[]}"#,
            "not a Paperdeck snapshot: \"format\" is \"bibtex\", expected \"paperdeck-snapshot\"",
        ),
        (
            r#"{"format":"paperdeck-snapshot","version":2,"papers":[]}"#,
            "snapshot version 2 is not supported: this Paperdeck reads version 1",
        ),
        (
            r#"{"format":"paperdeck-snapshot","version":1}"#,
            "not a Paperdeck snapshot: there is no \"papers\" array",
        ),
        (
            r#"{"format":"paperdeck-snapshot","version":1,"papers":{}}"#,
            "not a Paperdeck snapshot: there is no \"papers\" array",
        ),
    ];
    for (text, expect) in cases {
        assert_eq!(parse_snapshot(text).expect_err(text).to_string(), expect, "{text}");
    }
    assert!(matches!(parse_snapshot(""), Err(SnapshotError::Json { line: 1, .. })));
}

/// `trunk serve` and single-page-app hosts answer a missing `data=` file with index.html;
/// "not valid JSON at line 1, column 1" did not say why.
#[test]
fn a_web_page_in_place_of_a_snapshot_is_named_as_one() {
    for text in
        ["<!DOCTYPE html><html><body>Paperdeck</body></html>", "\n  <html>", "<?xml version=\"1.0\"?><feed/>"]
    {
        let error = parse_snapshot(text).expect_err(text);
        assert_eq!(error, SnapshotError::WebPage, "{text}");
        assert!(error.to_string().contains("it is HTML or XML (it starts with \"<\"), not JSON"), "{error}");
    }
    // JSON that merely contains a "<" is read as JSON.
    assert!(matches!(parse_snapshot("[\"<html>\"]"), Err(SnapshotError::NotAnObject)));
}

#[test]
fn missing_format_and_version_are_noted_not_fatal() {
    let loaded = parse_snapshot(&format!("{{\"papers\":[{VALID}]}}")).unwrap();
    assert_eq!(loaded.snapshot.papers.len(), 1);
    assert_eq!(
        loaded.notes,
        [
            "\"format\" is missing; read as \"paperdeck-snapshot\"",
            "\"version\" is missing; read as version 1"
        ]
    );
}

#[test]
fn writing_then_reading_gives_the_same_snapshot() {
    let text = r#"{"format":"paperdeck-snapshot","version":1,"title":"Lab","generated":"2025-11-07","papers":[
      {"id":"b","title":"Wölflein <b>bold</b>","abstract":"An \"abstract\".","authors":["A B","C D"],
       "published":"2024-06-28","upvotes":14,"links":{"pdf":"https://a.example/p.pdf","code":"https://github.com/x/y"},
       "tags":["nlp"],"venue":"NeurIPS","thumbnail":"https://a.example/t.png","summary":"S",
       "bibtex":"@article{b,\n  title = {W\\\"{o}lflein},\n}"},
      {"id":"a","title":"Second","author_count":8,"published":"2023-01"}]}"#;
    let loaded = parse_snapshot(text).unwrap();
    assert!(loaded.is_clean(), "{:?}", loaded.problems);
    let written = to_json(&loaded.snapshot);
    let again = parse_snapshot(&written).unwrap();
    assert_eq!(again.snapshot, loaded.snapshot);
    assert_eq!(to_json(&again.snapshot), written, "writing is stable");
    // Keys are written in the documented order.
    let first = &written[written.find("\"id\"").unwrap()..];
    let order: Vec<usize> = [
        "\"id\"",
        "\"title\"",
        "\"abstract\"",
        "\"authors\"",
        "\"published\"",
        "\"upvotes\"",
        "\"links\"",
        "\"tags\"",
        "\"summary\"",
        "\"bibtex\"",
    ]
    .iter()
    .map(|k| first.find(k).unwrap())
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{written}");
    assert!(written.find("\"code\"").unwrap() < written.find("\"pdf\"").unwrap());
    assert!(again.snapshot.papers[0].bibtex.as_deref().unwrap().starts_with("@article{b,\n"));
}

#[test]
fn a_field_the_format_does_not_have_is_skipped_unbuilt() {
    // Valid JSON that building refuses: in a field of the format it costs the record (the
    // parser's reason is reported), in any other field nothing.
    let deep = format!("{}1{}", "[".repeat(200), "]".repeat(200));
    for (value, reason) in [
        (r#""\udc00\ud800""#, "lone leading surrogate in hex escape"),
        (r#""\ud800""#, "unexpected end of hex escape"),
        ("1e400", "number out of range"),
        ("-1e400", "number out of range"),
        (deep.as_str(), "recursion limit exceeded"),
    ] {
        let text = format!(
            r#"{{"format":"paperdeck-snapshot","version":1,"papers":[
            {{"id":"known","title":"In a known field","author_count":1,"venue":{value}}},
            {{"id":"unknown","title":"In an unknown field","author_count":1,"x-note":{value}}}]}}"#
        );
        let loaded = parse_snapshot(&text).expect("a snapshot");
        let ids: Vec<&str> = loaded.snapshot.papers.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["unknown"], "{value}");
        let problems: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            problems,
            [format!("papers[0]: (record): cannot be read: {reason}; record skipped")],
            "{value}"
        );
    }
}

#[test]
fn a_record_nested_too_deeply_costs_only_itself() {
    let deep = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
    let text = format!(
        r#"{{"format":"paperdeck-snapshot","version":1,"x-deep":{deep},"papers":[
        {{"id":"deep","title":"Deep","author_count":1,"links":{deep}}},
        {{"id":"deep-unknown","title":"Deep in a field the format does not have","author_count":1,"extra":{deep}}},
        {VALID}]}}"#
    );
    let loaded = parse_snapshot(&text).expect("a snapshot");
    let ids: Vec<&str> = loaded.snapshot.papers.iter().map(|p| p.id.as_str()).collect();
    // A field the format does not have is skipped unread, however deep.
    assert_eq!(ids, ["deep-unknown", "ok"]);
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(
        loaded.problems[0].to_string(),
        "papers[0]: (record): cannot be read: recursion limit exceeded; record skipped"
    );
}

#[test]
fn sources_round_trip_in_order_and_are_absent_when_empty() {
    let text = r#"{"format":"paperdeck-snapshot","version":1,"title":"Lab",
      "sources":["hf-daily:2025-01-01..2025-01-31","arxiv:au:Wolflein AND ti:pathology","zotero:groups/5435545"],
      "papers":[{"id":"a","title":"A","author_count":1,"published":"2024"}]}"#;
    let loaded = parse_snapshot(text).unwrap();
    assert!(loaded.is_clean(), "{:?} {:?}", loaded.problems, loaded.notes);
    assert_eq!(
        loaded.snapshot.sources,
        ["hf-daily:2025-01-01..2025-01-31", "arxiv:au:Wolflein AND ti:pathology", "zotero:groups/5435545"]
    );
    let written = to_json(&loaded.snapshot);
    assert!(written.find("\"sources\"").unwrap() < written.find("\"papers\"").unwrap(), "{written}");
    assert_eq!(parse_snapshot(&written).unwrap().snapshot, loaded.snapshot);

    // A snapshot without sources is written as before, byte for byte: no "sources" key.
    let mut none = loaded.snapshot.clone();
    none.sources.clear();
    assert!(!to_json(&none).contains("\"sources\""));
}

#[test]
fn a_bad_sources_entry_is_left_out_with_a_note() {
    let papers = r#""papers":[{"id":"a","title":"A","author_count":1,"published":"2024"}]"#;
    let loaded = parse_snapshot(&format!(
        r#"{{"format":"paperdeck-snapshot","version":1,"sources":["arxiv:au:X",7,""],{papers}}}"#
    ))
    .unwrap();
    assert_eq!(loaded.snapshot.sources, ["arxiv:au:X"]);
    assert_eq!(
        loaded.notes,
        [
            "\"sources\"[1] is not a source spec (a non-empty string); left out",
            "\"sources\"[2] is not a source spec (a non-empty string); left out"
        ]
    );
    let loaded =
        parse_snapshot(&format!(r#"{{"format":"paperdeck-snapshot","version":1,"sources":"x",{papers}}}"#))
            .unwrap();
    assert!(loaded.snapshot.sources.is_empty());
    assert_eq!(loaded.notes, ["\"sources\" is not a list of source specs; ignored"]);
    assert_eq!(loaded.snapshot.papers.len(), 1);
}

#[test]
fn a_record_is_read_as_a_json_object_would_be() {
    // A key given twice keeps its last value; an escaped key is the field it spells; a
    // record that is not an object says what it is instead.
    let text = r#"{"format":"paperdeck-snapshot","version":1,"papers":[
        {"id":"twice","title":"First","title":"Last","author_count":1,"upvotes":"x","upvotes":3},
        {"id":"escaped","ti\u0074le":"Spelt with an escape","author_count":2},
        "a string", 7, true, null, [1, [2]], {VALID}]}"#
        .replace("{VALID}", VALID);
    let loaded = parse_snapshot(&text).expect("a snapshot");
    let papers = &loaded.snapshot.papers;
    let kept: Vec<(&str, &str)> = papers.iter().map(|p| (p.id.as_str(), p.title.as_str())).collect();
    assert_eq!(kept, [("twice", "Last"), ("escaped", "Spelt with an escape"), ("ok", "Valid")]);
    assert_eq!(papers[0].upvotes, 3);
    let problems: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        problems,
        [
            "papers[2]: (record): is a string, not an object; record skipped",
            "papers[3]: (record): is a number, not an object; record skipped",
            "papers[4]: (record): is a boolean, not an object; record skipped",
            "papers[5]: (record): is null, not an object; record skipped",
            "papers[6]: (record): is a list, not an object; record skipped",
        ]
    );
}
