//! No input makes the core panic or lose a valid record: arbitrary text as a snapshot,
//! generated snapshots whose records mix valid and hostile values, and arbitrary queries
//! answered by a catalog. `make fuzz` runs these with many more cases
//! (`PAPERDECK_FUZZ_CASES`); docs/reliability.md records the last run.

use paperdeck_core::{
    decode_url, is_http_url, parse_snapshot, to_json, Catalog, LinkKind, ProblemKind, Query, ViewState,
};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Cases per property: `PAPERDECK_FUZZ_CASES`, or `default` in `make test`.
fn cases(default: u32) -> u32 {
    std::env::var("PAPERDECK_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Strings that break naive code: markup, script URLs, controls, bidi overrides, NUL,
/// long text, odd Unicode.
fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<script>alert(1)</script>".to_string()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("\u{202e}gnp.exe".to_string()),
        Just("a\u{0}b".to_string()),
        Just("  ".to_string()),
        Just(String::new()),
        Just("x".repeat(20_000)),
        Just("Wölflein ﬁ ǅ İ ß ΣΑΣ 𝔘".to_string()),
        "\\PC{0,40}",
        any::<String>(),
    ]
}

fn hostile_url() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("https://github.com/a/b".to_string()),
        Just("http://é.example/".to_string()),
        Just("javascript:alert(1)".to_string()),
        Just(" JaVaScRiPt:alert(1)".to_string()),
        Just("java\tscript:alert(1)".to_string()),
        Just("data:text/html,<script>alert(1)</script>".to_string()),
        Just("vbscript:msgbox(1)".to_string()),
        Just("&#106;avascript:alert(1)".to_string()),
        Just("//evil.example/x".to_string()),
        Just("https://a.example/\u{0}".to_string()),
        "\\PC{0,30}",
    ]
}

/// A JSON value of any type, with hostile strings.
fn any_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|n| json!(n)),
        hostile_text().prop_map(Value::String),
        prop::collection::vec(hostile_text(), 0..4).prop_map(|v| json!(v)),
        Just(json!({"a": [1, {"b": null}]})),
    ]
}

fn maybe(value: impl Strategy<Value = Value>) -> impl Strategy<Value = Option<Value>> {
    prop::option::weighted(0.7, value)
}

/// A record: mostly plausible fields, any of which may be of the wrong type or hostile.
fn record() -> impl Strategy<Value = Value> {
    let id = prop_oneof![
        "[a-z]{1,3}".prop_map(Value::String),
        "[a-z0-9._-]{1,8}".prop_map(Value::String),
        any_value(),
    ];
    let date = prop_oneof!["20[0-3][0-9](-[01][0-9](-[0-3][0-9])?)?".prop_map(Value::String), any_value(),];
    let links = prop::collection::vec(
        (prop::sample::select(vec!["code", "pdf", "url", "doi", "x"]), hostile_url()),
        0..4,
    )
    .prop_map(|pairs| Value::Object(pairs.into_iter().map(|(k, u)| (k.to_string(), json!(u))).collect()));
    (
        maybe(id),
        maybe(prop_oneof![hostile_text().prop_map(Value::String), any_value()]),
        maybe(prop_oneof![prop::collection::vec(hostile_text(), 0..5).prop_map(|v| json!(v)), any_value()]),
        maybe(prop_oneof![(0u32..30).prop_map(|n| json!(n)), any_value()]),
        maybe(date),
        maybe(prop_oneof![links, any_value()]),
        maybe(any_value()),
        maybe(any_value()),
    )
        .prop_map(|(id, title, authors, count, published, links, upvotes, abstract_text)| {
            let mut r = serde_json::Map::new();
            for (key, value) in [
                ("id", id),
                ("title", title),
                ("authors", authors),
                ("author_count", count),
                ("published", published),
                ("links", links),
                ("upvotes", upvotes),
                ("abstract", abstract_text),
            ] {
                if let Some(v) = value {
                    r.insert(key.to_string(), v);
                }
            }
            Value::Object(r)
        })
}

fn snapshot_text() -> impl Strategy<Value = (String, usize)> {
    prop::collection::vec(prop_oneof![9 => record(), 1 => any_value()], 0..12).prop_map(|records| {
        let n = records.len();
        (json!({"format": "paperdeck-snapshot", "version": 1, "papers": records}).to_string(), n)
    })
}

/// The bundled 77-paper snapshot, indexed once for every case.
fn bundled() -> &'static Catalog {
    static CATALOG: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    CATALOG.get_or_init(|| {
        Catalog::new(parse_snapshot(include_str!("../../../public/papers.json")).expect("bundled").snapshot)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_is_a_snapshot_or_an_error(text in any::<String>()) {
        let _ = parse_snapshot(&text);
    }

    #[test]
    fn every_record_is_kept_valid_or_reported((text, records) in snapshot_text(), q in "\\PC{0,30}") {
        let loaded = parse_snapshot(&text).expect("a snapshot");
        let papers = &loaded.snapshot.papers;
        // Kept + skipped = records; each skipped one says why.
        prop_assert_eq!(papers.len() + loaded.skipped(), records);
        let mut ids = std::collections::HashSet::new();
        for p in papers {
            prop_assert!(ids.insert(p.id.clone()), "unique ids");
            prop_assert!(!p.title.trim().is_empty());
            for kind in LinkKind::ALL {
                if let Some(url) = p.links.get(kind) {
                    prop_assert!(is_http_url(url), "{:?}", url);
                    let lower = url.trim_start().to_ascii_lowercase();
                    prop_assert!(lower.starts_with("http://") || lower.starts_with("https://"));
                }
            }
        }
        for problem in &loaded.problems {
            prop_assert!(problem.index < records);
            prop_assert!(matches!(problem.kind, ProblemKind::RecordSkipped | ProblemKind::FieldIgnored));
        }
        // What was kept is written and read back unchanged, with nothing to report.
        let again = parse_snapshot(&to_json(&loaded.snapshot)).expect("written snapshot");
        prop_assert!(again.is_clean(), "{:?}", again.problems);
        prop_assert_eq!(&again.snapshot, &loaded.snapshot);
        // And it can be searched.
        let catalog = Catalog::new(loaded.snapshot);
        let result = catalog.search(&ViewState { query: q, ..Default::default() });
        prop_assert!(result.ids.iter().all(|&i| (i as usize) < catalog.len()));
    }

    #[test]
    fn any_query_and_url_is_answered(qs in "\\PC{0,80}", q in any::<String>()) {
        let catalog = bundled();
        let (view, _) = decode_url(&qs);
        let result = catalog.search(&view);
        prop_assert!(result.ids.len() <= catalog.len());
        let query = Query::parse(&q);
        prop_assert!(query.terms.len() <= paperdeck_core::MAX_QUERY_TERMS);
        let result = catalog.search(&ViewState { query: q, ..Default::default() });
        prop_assert!(result.suggestions.len() <= 3);
    }
}
