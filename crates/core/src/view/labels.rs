//! What the page says around the cards: the result count, the load notice, plurals. The
//! UI shows these strings as they are.

use crate::search::field::{Field, FieldSet};
use crate::search::filter::{CountRange, DatePreset, AUTHOR_BUCKETS};
use crate::search::query::Query;
use crate::search::sort::SortOrder;
use crate::view::state::ViewState;
use crate::{Problem, ProblemKind};

/// `one` for exactly 1, else `many`: `plural(1, "paper", "papers") == "paper"`.
pub fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// The search box's placeholder: the app's, and the static list's once the app runs (the
/// static list's box takes a search typed before the papers have loaded).
pub const SEARCH_PLACEHOLDER: &str = "Search: \"low rank\", -survey, author:hu";

/// [`SEARCH_PLACEHOLDER`] for papers without author names (counts only, as on the Hugging
/// Face search page), where an `author:` search can match nothing.
pub const SEARCH_PLACEHOLDER_NO_AUTHORS: &str = "Search: \"low rank\", -survey, title:llm";

/// The search box's placeholder for a collection: an `author:` example only where papers
/// have author names to match.
pub fn search_placeholder(has_author_names: bool) -> &'static str {
    match has_author_names {
        true => SEARCH_PLACEHOLDER,
        false => SEARCH_PLACEHOLDER_NO_AUTHORS,
    }
}

/// What the static list's count says once the reader types there before the papers have
/// loaded.
pub const EARLY_SEARCH_NOTE: &str = "Searching as soon as the papers have loaded…";

/// What the app's count says while a search typed just after the first cards waits for
/// the index, which a large snapshot finishes a moment after them.
pub const AWAITING_INDEX_NOTE: &str = "Searching as soon as the words are indexed…";

/// What the Export menu says when asked to save such a search before its answer.
pub const EXPORT_AWAITING_INDEX: &str = "The search is not answered yet: save again in a moment";

/// The date filter's presets, in the order shown, with what each says after "Last".
pub const DATE_PRESETS: [(DatePreset, &str); 3] = [
    (DatePreset::Last7Days, "7 days"),
    (DatePreset::Last30Days, "30 days"),
    (DatePreset::Last12Months, "12 months"),
];

/// The words after the result count: ` of 77 papers` when the view is narrowed, else
/// ` paper` or ` papers`.
pub fn result_count_tail(shown: usize, total: usize, narrowed: bool) -> String {
    if narrowed {
        format!(" of {} papers", thousands(total))
    } else {
        format!(" {}", plural(shown, "paper", "papers"))
    }
}

/// The button that leaves a phone's filter panel for the results: `Show 346 papers`.
pub fn show_papers_label(n: usize) -> String {
    format!("Show {}", papers_count(n))
}

/// What an empty answer says: a date range that ends before it starts (which a link or
/// the filter panel's two date boxes can set) first, since nothing could match it; then
/// the search's fault when there is query text, else the filters' (a link can set a year
/// range no paper falls in, with nothing typed), else neither's (papers like one the
/// snapshot does not have, a snapshot with none).
pub fn no_results_message(view: &ViewState) -> String {
    match (view.from, view.to) {
        (Some(from), Some(to)) if view.dates_reversed() => {
            format!("No papers can match dates from {from} to {to}: the range ends before it starts.")
        }
        _ if !view.query.trim().is_empty() => "No papers match this search.".to_string(),
        _ if view.is_filtered() => "No papers match these filters.".to_string(),
        _ => "No papers to show.".to_string(),
    }
}

/// Beside "No papers match this search" when the search looks in a field the collection
/// does not have (`author:` where papers give only how many authors they have,
/// `abstract:` without abstracts), so the reader knows that no spelling will do.
pub fn missing_field_note(query: &str, has_author_names: bool, has_abstracts: bool) -> Option<&'static str> {
    let parsed = Query::parse(query);
    let asks = |field| parsed.terms.iter().any(|t| !t.excluded && t.fields == FieldSet::only(field));
    if !has_author_names && asks(Field::Authors) {
        Some("This collection gives how many authors a paper has, not their names, so author: finds nothing here.")
    } else if !has_abstracts && asks(Field::Abstract) {
        Some("This collection has no abstracts, so abstract: finds nothing here.")
    } else {
        None
    }
}

/// The page's title (the browser's tab, its history and bookmarks, search engines): the
/// collection's title (`Paperdeck` without one), after the opened paper's title or the
/// search typed: `LoRA: Low-Rank Adaptation · Papers from Hugging Face`, `lora · Papers`.
pub fn page_title(collection: Option<&str>, view: &ViewState, opened_title: Option<&str>) -> String {
    let base = collection.map(str::trim).filter(|t| !t.is_empty()).unwrap_or("Paperdeck");
    let query = view.query.trim();
    match opened_title.map(str::trim).filter(|t| !t.is_empty()) {
        Some(paper) => format!("{paper} · {base}"),
        None if !query.is_empty() => format!("{query} · {base}"),
        None => base.to_string(),
    }
}

/// The order after the result count: `, newest`, `, most upvoted`, `, by relevance`,
/// `, by title (A–Z)` (the menu's label, lower-cased but for the letters of its range).
pub fn order_tail(order: SortOrder) -> String {
    match order {
        SortOrder::Relevance => ", by relevance".to_string(),
        SortOrder::Title => ", by title (A–Z)".to_string(),
        _ => format!(", {}", order.label().to_lowercase()),
    }
}

/// The note under the author facet when the URL asks for a count no bucket covers
/// (`authors=5`): `Showing papers with 5 authors`.
pub fn custom_authors_note(authors: CountRange) -> Option<String> {
    (!authors.is_any() && !AUTHOR_BUCKETS.contains(&authors))
        .then(|| format!("Showing papers with {authors} authors"))
}

/// The first line of the load notice: how many records of `url` were skipped and how
/// many fields ignored. `skipped` counts the records left out.
pub fn load_notice_summary(url: &str, skipped: usize, problems: &[Problem]) -> String {
    let ignored_fields = problems.iter().filter(|p| p.kind != ProblemKind::RecordSkipped).count();
    let records = format!("{} {}", thousands(skipped), plural(skipped, "record", "records"));
    let fields = format!(
        "{} {}",
        thousands(ignored_fields),
        plural(ignored_fields, "invalid field", "invalid fields")
    );
    match (skipped, ignored_fields) {
        (0, n) => format!("{fields} in {url} {} ignored.", plural(n, "was", "were")),
        (s, 0) => format!(
            "{records} in {url} {} skipped because {} invalid.",
            plural(s, "was", "were"),
            plural(s, "it is", "they are")
        ),
        (s, _) => format!("{records} in {url} {} skipped and {fields} ignored.", plural(s, "was", "were")),
    }
}

/// How many more of the load notice's details each "Show more" adds.
pub const LOAD_NOTICE_PAGE: usize = 50;

/// The load notice's details: the parser's notes, then each problem; the first `limit`
/// of them, so a file with 100,000 problems costs what is shown, not what it holds.
pub fn load_notice_details(notes: &[String], problems: &[Problem], limit: usize) -> Vec<String> {
    notes.iter().cloned().chain(problems.iter().map(ToString::to_string)).take(limit).collect()
}

/// The label of the button that shows more of the load notice's `total` details when
/// `shown` are shown (`Show 50 more of 1,234`), or `None` when all are.
pub fn load_notice_more(total: usize, shown: usize) -> Option<String> {
    (shown < total).then(|| {
        let next = (total - shown).min(LOAD_NOTICE_PAGE);
        format!("Show {next} more of {}", thousands(total))
    })
}

/// `1234567` as `1,234,567`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The report the "Something went wrong" panel offers to copy: what failed, where, on
/// which page and browser, for the page's owner or an issue.
pub fn crash_report(message: &str, page_url: &str, user_agent: &str) -> String {
    format!(
        "Paperdeck {}\nError: {message}\nPage: {page_url}\nBrowser: {user_agent}\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// Beside "Loading papers…" while a snapshot downloads: how many of its records have been
/// read so far, and how much of the file has arrived when its length is known
/// (`1,204 papers read (12% of the file)`); nothing before the first.
pub fn loading_progress(records: usize, percent: Option<u8>) -> Option<String> {
    (records > 0).then(|| match percent {
        Some(p) => format!("{} read ({p}% of the file)", papers_count(records)),
        None => format!("{} read", papers_count(records)),
    })
}

/// Under the date filter when a bound typed there is not a date: what was typed (its first
/// 24 characters) and the three forms it may take.
pub fn date_entry_error(typed: &str) -> String {
    let mut shown: String = typed.chars().take(24).collect();
    if shown.len() < typed.len() {
        shown.push('…');
    }
    format!("“{shown}” is not a date. Write a year (2024), a month (2024-05) or a day (2024-05-31).")
}

/// Under the date filter when its start is after its end.
pub const DATES_REVERSED: &str = "“From” is after “To”, so no paper falls between them.";

/// Under the date filter: what is wrong with a bound as typed (`from_typed`, `to_typed`:
/// the text typed for a bound that is not a date; From's first), else with the view's two
/// bounds together, else nothing.
pub fn date_filter_note(
    from_typed: Option<&str>,
    to_typed: Option<&str>,
    view: &ViewState,
) -> Option<String> {
    from_typed
        .or(to_typed)
        .map(date_entry_error)
        .or_else(|| view.dates_reversed().then(|| DATES_REVERSED.to_string()))
}

/// A group heading's count: `1 paper`, `1,204 papers`.
pub fn papers_count(n: usize) -> String {
    format!("{} {}", thousands(n), plural(n, "paper", "papers"))
}

/// Under a facet over names (`names`: "topics", "authors"), when it lists fewer than there
/// are: `8 of 1,204 shown` when it is known how many have papers here, else `Top 8 of
/// 100,491 authors in the collection` (all of the snapshot's, which a search narrows).
pub fn facet_note(listed: usize, matching: Option<usize>, total: usize, names: &str) -> Option<String> {
    match matching {
        Some(m) if m > listed => Some(format!("{listed} of {} shown", thousands(m))),
        Some(_) => None,
        None if total > listed => {
            Some(format!("Top {listed} of {} {names} in the collection", thousands(total)))
        }
        None => None,
    }
}

/// The chip of the `new=1` filter.
pub const NEW_ONLY_CHIP: &str = "New since your last visit";

/// The mark on a card new since the last visit.
pub const NEW_BADGE: &str = "New";

/// The heading of the related papers on an opened card.
pub const RELATED_HEADING: &str = "Related papers";

/// The link from an opened card to all papers like it (`related=ID`).
pub const MORE_LIKE_THIS: &str = "All papers like this one";

/// The notice about papers new since the last visit: `3 papers are new since your last
/// visit (then the newest was from 4 August 2026).`; `None` when none is, or there was no
/// earlier visit.
pub fn new_papers_notice(count: usize, newest_then: Option<crate::PartialDate>) -> Option<String> {
    (count > 0).then(|| {
        let verb = if count == 1 { "paper is" } else { "papers are" };
        let then = newest_then
            .filter(|d| d.is_known())
            .map(|d| format!(" (then the newest was from {})", d.display_long()))
            .unwrap_or_default();
        format!("{} {verb} new since your last visit{then}.", thousands(count))
    })
}

/// What the page says when `new=1` shows the papers new since the last visit: nothing
/// when some are; why the list is empty when none is; and, without an earlier visit in
/// this browser (a first visit, a private window, storage turned off), that the filter is
/// personal and every paper is shown.
pub fn new_only_note(known: bool, count: usize) -> Option<&'static str> {
    match (known, count) {
        (false, _) => Some(
            "“New since your last visit” is kept in this browser only, and it has no earlier \
             visit to compare with (or cannot keep one), so every paper is shown.",
        ),
        (true, 0) => Some("No paper is new since your last visit."),
        _ => None,
    }
}

/// The line above the results of `related=ID`: `Papers like “TITLE”, most similar first`
/// (`None` title: no paper has that id).
pub fn related_summary(id: &str, title: Option<&str>) -> String {
    match title {
        Some(t) => format!("Papers like “{t}”"),
        None => format!("No paper has the id “{id}” in this collection."),
    }
}

#[cfg(test)]
mod facet_tests {
    use super::*;

    #[test]
    fn group_counts_and_facet_notes() {
        assert_eq!(papers_count(1), "1 paper");
        assert_eq!(papers_count(1204), "1,204 papers");
        assert_eq!(facet_note(8, Some(20), 100, "topics").as_deref(), Some("8 of 20 shown"));
        assert_eq!(facet_note(3, Some(3), 100, "topics"), None);
        assert_eq!(
            facet_note(8, None, 100_491, "authors").as_deref(),
            Some("Top 8 of 100,491 authors in the collection")
        );
        assert_eq!(facet_note(8, None, 8, "authors"), None);
        assert!(missing_field_note("author:hu", false, true).unwrap().contains("not their names"));
        assert!(missing_field_note("lora abstract:\"low rank\"", true, false)
            .unwrap()
            .contains("no abstracts"));
        assert_eq!(missing_field_note("author:hu", true, true), None);
        assert_eq!(missing_field_note("hu -author:hu", false, false), None);
        assert_eq!(missing_field_note("title:hu", false, false), None);
    }
}
