//! What the page says: counts, plurals, notices, and the paging of the card list.

use paperdeck_core::display::{count_label, upvotes_unit};
use paperdeck_core::labels::{
    crash_report, custom_authors_note, date_entry_error, date_filter_note, load_notice_details,
    load_notice_more, load_notice_summary, loading_progress, no_results_message, order_tail, plural,
    result_count_tail, show_papers_label, thousands, DATE_PRESETS, LOAD_NOTICE_PAGE,
};
use paperdeck_core::{
    decode_url, CountRange, Paging, PartialDate, Problem, ProblemKind, SortOrder, PAGE_SIZE,
};

#[test]
fn plurals() {
    assert_eq!([0, 1, 2].map(|n| plural(n, "paper", "papers")), ["papers", "paper", "papers"]);
    assert_eq!([0, 1, 8].map(count_label), ["0 authors", "1 author", "8 authors"]);
    assert_eq!([1, 14].map(upvotes_unit), ["upvote", "upvotes"]);
}

#[test]
fn the_result_summary_reads_as_a_sentence() {
    assert_eq!(result_count_tail(77, 77, false), " papers");
    assert_eq!(result_count_tail(1, 1, false), " paper");
    assert_eq!(result_count_tail(1, 77, true), " of 77 papers");
    assert_eq!(result_count_tail(0, 77, true), " of 77 papers");
    assert_eq!(result_count_tail(12, 10_049, true), " of 10,049 papers");
    let view = |params: &str| decode_url(params).0;
    assert_eq!(no_results_message(&view("to=1999")), "No papers match these filters.");
    assert_eq!(no_results_message(&view("q=zzz&to=1999")), "No papers match this search.");
    assert_eq!(no_results_message(&view("q=+&tag=x")), "No papers match these filters.");
    assert_eq!(no_results_message(&view("related=no-such-paper")), "No papers to show.");
    assert_eq!(no_results_message(&view("")), "No papers to show.");
    // A range that ends before it starts, whatever else the view has; a month ending in
    // the year it starts is not reversed.
    let reversed = "No papers can match dates from 2025 to 2020: the range ends before it starts.";
    assert_eq!(no_results_message(&view("from=2025&to=2020")), reversed);
    assert_eq!(no_results_message(&view("q=lora&from=2025&to=2020")), reversed);
    assert_eq!(
        no_results_message(&view("from=2025-02&to=2024")),
        "No papers can match dates from 2025-02 to 2024: the range ends before it starts."
    );
    assert_eq!(no_results_message(&view("from=2024-02&to=2024")), "No papers match these filters.");
    assert_eq!(
        [0, 1, 10_049].map(show_papers_label),
        ["Show 0 papers", "Show 1 paper", "Show 10,049 papers"]
    );
    let tails: Vec<String> = SortOrder::ALL.into_iter().map(order_tail).collect();
    assert_eq!(
        tails,
        [
            ", by relevance",
            ", newest",
            ", oldest",
            ", most authors",
            ", fewest authors",
            ", most upvoted",
            ", by title (A–Z)",
            ", most cited"
        ]
    );
}

#[test]
fn an_author_count_no_bucket_covers_gets_a_note() {
    let range = |min, max| CountRange { min, max };
    assert_eq!(custom_authors_note(range(None, None)), None);
    assert_eq!(custom_authors_note(range(Some(2), Some(3))), None, "a bucket shows as pressed");
    assert_eq!(
        custom_authors_note(range(Some(5), Some(5))),
        Some("Showing papers with 5 authors".to_string())
    );
    assert_eq!(custom_authors_note(range(Some(2), None)), Some("Showing papers with 2- authors".to_string()));
}

fn problem(index: usize, kind: ProblemKind) -> Problem {
    Problem { index, id: None, kind, field: "title".into(), message: "is empty".into() }
}

#[test]
fn the_load_notice_counts_skipped_records_and_ignored_fields() {
    let skipped = problem(0, ProblemKind::RecordSkipped);
    let ignored = problem(1, ProblemKind::FieldIgnored);
    assert_eq!(
        load_notice_summary("p.json", 0, &[ignored.clone(), ignored.clone()]),
        "2 invalid fields in p.json were ignored."
    );
    assert_eq!(
        load_notice_summary("p.json", 1, std::slice::from_ref(&skipped)),
        "1 record in p.json was skipped because it is invalid."
    );
    assert_eq!(
        load_notice_summary("p.json", 2, &[skipped.clone(), skipped.clone(), ignored.clone()]),
        "2 records in p.json were skipped and 1 invalid field ignored."
    );
    assert_eq!(
        load_notice_summary("p.json", 0, std::slice::from_ref(&ignored)),
        "1 invalid field in p.json was ignored."
    );
    assert_eq!(
        load_notice_details(&["a note".to_string()], std::slice::from_ref(&skipped), 50),
        ["a note", "papers[0]: title: is empty; record skipped"]
    );
}

#[test]
fn a_load_notice_of_100000_problems_shows_a_page_at_a_time() {
    let problem = |index| Problem {
        index,
        id: None,
        kind: ProblemKind::RecordSkipped,
        field: "title".into(),
        message: "is empty".into(),
    };
    let problems: Vec<Problem> = (0..100_000).map(problem).collect();
    let first = load_notice_details(&[], &problems, LOAD_NOTICE_PAGE);
    assert_eq!(first.len(), 50);
    assert_eq!(first[49], "papers[49]: title: is empty; record skipped");
    assert_eq!(load_notice_more(100_000, 50).as_deref(), Some("Show 50 more of 100,000"));
    assert_eq!(
        load_notice_summary("p.json", 33_336, &problems[..1200]),
        "33,336 records in p.json were skipped because they are invalid."
    );
    assert_eq!(load_notice_more(120, 100).as_deref(), Some("Show 20 more of 120"));
    assert_eq!(load_notice_more(120, 120), None);
    assert_eq!(thousands(999), "999");
    assert_eq!(thousands(1000), "1,000");
    assert_eq!(thousands(1_234_567), "1,234,567");
    assert_eq!(loading_progress(0, None), None);
    assert_eq!(loading_progress(0, Some(3)), None);
    assert_eq!(loading_progress(1, None), Some("1 paper read".to_string()));
    assert_eq!(loading_progress(10_049, None), Some("10,049 papers read".to_string()));
    assert_eq!(loading_progress(7_623, Some(74)), Some("7,623 papers read (74% of the file)".to_string()));
}

#[test]
fn a_date_typed_wrong_is_quoted_with_the_forms_it_may_take() {
    assert_eq!(
        date_entry_error("2024-13-40"),
        "“2024-13-40” is not a date. Write a year (2024), a month (2024-05) or a day (2024-05-31)."
    );
    // A long paste is cut, on a character boundary.
    let long = "é".repeat(30);
    assert!(date_entry_error(&long).starts_with(&format!("“{}…” is not", "é".repeat(24))));
    assert!(date_entry_error("").starts_with("“” is not a date"));
    // Under the filter: a bound typed wrong first (From's before To's), then bounds reversed.
    let (reversed, _) = decode_url("from=2025&to=2024");
    let (fine, _) = decode_url("from=2024");
    assert_eq!(date_filter_note(Some("June"), Some("x"), &fine), Some(date_entry_error("June")));
    assert_eq!(date_filter_note(None, Some("x"), &reversed), Some(date_entry_error("x")));
    assert_eq!(
        date_filter_note(None, None, &reversed).as_deref(),
        Some(paperdeck_core::labels::DATES_REVERSED)
    );
    assert_eq!(date_filter_note(None, None, &fine), None);
}

#[test]
fn a_list_renders_a_page_at_a_time() {
    let first = Paging::first(77, None, None);
    assert_eq!(first, Paging { total: 77, cap: None, shown: PAGE_SIZE });
    assert_eq!((first.listed(), first.visible(), first.remaining()), (77, 4, 73));
    assert_eq!(first.show_more_label().as_deref(), Some("Show more papers (73 left)"));
    assert_eq!(first.view_all_label(), None);
    let last = Paging { shown: 76, ..first };
    assert_eq!((last.visible(), last.remaining()), (76, 1));
    assert_eq!(last.show_more_label().as_deref(), Some("Show the last paper"));
    assert_eq!(Paging { shown: 72, ..first }.show_more_label().as_deref(), Some("Show more papers (5 left)"));
    assert_eq!(Paging { shown: 74, ..first }.show_more_label().as_deref(), Some("Show the last 3 papers"));
    let done = last.more();
    assert_eq!((done.shown, done.visible(), done.remaining(), done.show_more_label()), (80, 77, 0, None));
    let few = Paging::first(3, None, None);
    assert_eq!((few.visible(), few.show_more_label()), (3, None));
}

#[test]
fn the_first_pages_reach_the_opened_paper() {
    assert_eq!(Paging::first(77, None, Some(0)).shown, 4);
    assert_eq!(Paging::first(77, None, Some(3)).shown, 4);
    assert_eq!(Paging::first(77, None, Some(4)).shown, 8);
    assert_eq!(Paging::first(77, None, Some(40)).shown, 44);
}

#[test]
fn an_embed_limit_caps_the_list_and_links_to_the_rest() {
    let capped = Paging::first(12, Some(3), None);
    assert_eq!((capped.listed(), capped.visible(), capped.remaining()), (3, 3, 0));
    assert_eq!(capped.show_more_label(), None);
    assert_eq!(capped.view_all_label().as_deref(), Some("View all 12 papers"));
    let over_a_page = Paging::first(12, Some(5), None);
    assert_eq!(
        (over_a_page.visible(), over_a_page.more().visible(), over_a_page.more().remaining()),
        (4, 5, 0)
    );
    let big_cap = Paging::first(40, Some(20), None);
    assert_eq!(
        (big_cap.visible(), big_cap.show_more_label().as_deref()),
        (4, Some("Show more papers (16 left)"))
    );
    assert_eq!(Paging::first(5, Some(5), None).view_all_label(), None, "nothing left out");
}

#[test]
fn date_presets_read_after_last() {
    let newest = PartialDate::parse("2024-12-31").unwrap();
    let presets: Vec<(String, &str)> =
        DATE_PRESETS.iter().map(|(p, label)| (p.from_bound(newest).to_string(), *label)).collect();
    assert_eq!(
        presets,
        [
            ("2024-12-25".to_string(), "7 days"),
            ("2024-12-02".to_string(), "30 days"),
            ("2024-01-02".to_string(), "12 months")
        ]
    );
}

#[test]
fn a_crash_report_says_what_where_and_in_which_browser() {
    assert_eq!(
        crash_report("panicked at src/a.rs:1:2:\nboom", "https://lab.example/?q=x", "Chromium 140"),
        format!(
            "Paperdeck {}\nError: panicked at src/a.rs:1:2:\nboom\nPage: https://lab.example/?q=x\nBrowser: Chromium 140\n",
            env!("CARGO_PKG_VERSION")
        )
    );
}

#[test]
fn the_page_title_names_the_collection_then_what_is_shown() {
    use paperdeck_core::labels::page_title;
    let (plain, _) = decode_url("");
    let (searched, _) = decode_url("q=%20lora%20adapters%20&sort=oldest");
    assert_eq!(page_title(Some("Lab papers"), &plain, None), "Lab papers");
    assert_eq!(page_title(None, &plain, None), "Paperdeck");
    assert_eq!(page_title(Some("  "), &plain, None), "Paperdeck", "a blank title is none");
    assert_eq!(page_title(Some("Lab papers"), &searched, None), "lora adapters · Lab papers");
    assert_eq!(
        page_title(Some("Lab papers"), &searched, Some("LoRA")),
        "LoRA · Lab papers",
        "the opened paper first"
    );
}
