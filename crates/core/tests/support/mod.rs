//! Whole-answer checks: a `SearchResult` rendered as text and compared exactly with the
//! expected text, in the style of rust-analyzer's `check(before, expect)`. A change in
//! any part of an answer (an id, its position, a facet count, a suggestion) fails the
//! test, and the failure shows both texts.

use paperdeck_core::{decode_url, Catalog, Has, SearchResult, AUTHOR_BUCKETS};

/// The answer to a URL query string, as text: ids in order, the order, every facet count,
/// and suggestions. Facet lines list only what is counted, e.g. `years: 2025 1, 2024 3`.
pub fn render(catalog: &Catalog, result: &SearchResult) -> String {
    let ids: Vec<&str> = result.ids.iter().map(|&i| catalog.paper(i).id.as_str()).collect();
    let years: Vec<String> = result.facets.years.iter().map(|(y, n)| format!("{y} {n}")).collect();
    let has: Vec<String> =
        Has::ALL.iter().zip(result.facets.has).map(|(h, n)| format!("{} {n}", h.name())).collect();
    let authors: Vec<String> =
        AUTHOR_BUCKETS.iter().zip(result.facets.authors).map(|(b, n)| format!("{} {n}", b.label())).collect();
    let suggestions: Vec<String> = result.suggestions.iter().map(|s| format!("{s:?}")).collect();
    let lines = [
        ("ids", ids.join(" ")),
        ("order", result.order.name().to_string()),
        ("years", years.join(", ")),
        ("has", has.join(", ")),
        ("authors", authors.join(", ")),
        ("suggestions", suggestions.join(", ")),
    ];
    lines.iter().map(|(label, value)| format!("{label}: {value}").trim_end().to_string() + "\n").collect()
}

/// Searches `catalog` for the view of URL query string `qs` (which must decode without
/// notices) and compares the rendered answer with `expect`, whose lines may be indented.
#[track_caller]
pub fn check(catalog: &Catalog, qs: &str, expect: &str) {
    let (view, notices) = decode_url(qs);
    assert!(notices.is_empty(), "{qs}: {notices:?}");
    let got = render(catalog, &catalog.search(&view));
    let want: String = expect.trim().lines().map(|l| format!("{}\n", l.trim())).collect();
    assert_eq!(got, want, "query string {qs:?}\n--- got ---\n{got}--- want ---\n{want}");
}
