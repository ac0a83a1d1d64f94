//! The named changes the UI makes to the view: each is compared as a whole `ViewState`,
//! so a change that touches one field more than it should fails here.

use paperdeck_core::{
    decode_url, encode_url, positive_count, CountRange, Has, PartialDate, SortOrder, ViewMode, ViewState,
};

/// A view with every field away from its default.
fn busy() -> ViewState {
    decode_url("q=lora&from=2023&to=2024-06&authors=2-3&upvotes=5-20&has=code,pdf&sort=oldest&view=list&paper=p1&theme=dark&data=other.json&embed=1&controls=0&limit=4&bg=1&utm_source=x").0
}

fn view(qs: &str) -> ViewState {
    let (state, notices) = decode_url(qs);
    assert_eq!(notices, vec![], "{qs}");
    state
}

#[test]
fn clear_keeps_layout_theme_data_and_unknown_parameters_only() {
    let mut v = busy();
    v.clear_search_and_filters();
    assert_eq!(
        v,
        ViewState {
            view: ViewMode::List,
            theme: paperdeck_core::Theme::Dark,
            data: Some("other.json".into()),
            extra: vec!["utm_source=x".into()],
            ..Default::default()
        }
    );
    assert_eq!(encode_url(&v), "view=list&theme=dark&data=other.json&utm_source=x");
}

#[test]
fn narrowed_means_a_query_or_a_filter() {
    let cases = [
        ("", false),
        ("view=list&theme=dark&sort=oldest&paper=p1", false),
        ("q=lora", true),
        ("q=+", false),
        ("from=2024", true),
        ("to=2024", true),
        ("authors=3", true),
        ("upvotes=1-", true),
        ("has=abstract", true),
    ];
    for (qs, narrowed) in cases {
        let (v, _) = decode_url(qs);
        assert_eq!(v.is_narrowed(), narrowed, "{qs}");
    }
    let typed = ViewState { query: "  ".into(), ..Default::default() };
    assert!(!typed.is_narrowed(), "spaces typed into the box narrow nothing");
}

#[test]
fn a_card_title_opens_its_paper_and_closes_it_again() {
    let mut v = view("q=lora&paper=p1");
    v.toggle_paper("p2");
    assert_eq!(v, view("q=lora&paper=p2"));
    v.toggle_paper("p2");
    assert_eq!(v, view("q=lora"));
    v.toggle_paper("p1");
    assert_eq!(v, view("q=lora&paper=p1"));
    assert_eq!((v.is_open("p1"), v.is_open("p2")), (true, false));
}

#[test]
fn a_list_row_opens_its_paper_as_a_card() {
    let mut v = view("q=lora&view=list&sort=title");
    v.open_as_card("p9");
    assert_eq!(v, view("q=lora&sort=title&paper=p9"));
    let before = view("view=list");
    assert_eq!(before.with(|v| v.open_as_card("p9")), view("paper=p9"));
    assert_eq!(before, view("view=list"), "with() leaves the view itself alone");
}

#[test]
fn a_year_button_sets_both_bounds_to_that_year() {
    let mut v = view("q=x&from=2020-05&to=2021");
    v.set_year(2024, true);
    assert_eq!(v, view("q=x&from=2024&to=2024"));
    assert_eq!((v.is_year(2024), v.is_year(2023)), (true, false));
    v.set_year(2024, false);
    assert_eq!(v, view("q=x"));
    assert!(!view("from=2024").is_year(2024), "from alone is not the year");
    assert!(!view("from=2024-01&to=2024").is_year(2024), "nor is a month");
    assert!(!ViewState::default().is_year(0), "the unknown year is never pressed");
}

#[test]
fn dates_are_reversed_only_when_the_start_is_after_the_whole_end() {
    for reversed in ["from=2025&to=2024", "from=2024-06&to=2024-05", "from=2024-05-02&to=2024-05-01"] {
        assert!(view(reversed).dates_reversed(), "{reversed}");
    }
    // A year ends on its last day, a month on its last: these bounds hold their own papers.
    for fine in [
        "from=2024&to=2024",
        "from=2024-12&to=2024",
        "from=2024-05-31&to=2024-05",
        "from=2025",
        "to=2024",
        "",
    ] {
        assert!(!view(fine).dates_reversed(), "{fine}");
    }
}

#[test]
fn a_date_preset_sets_from_and_drops_to() {
    let since = PartialDate::parse("2024-10-29").unwrap();
    let mut v = view("from=2020&to=2021");
    assert!(!v.is_since(since));
    v.set_since(since, true);
    assert_eq!(v, view("from=2024-10-29"));
    assert!(v.is_since(since));
    assert!(!view("from=2024-10-29&to=2025").is_since(since));
    v.set_since(since, false);
    assert_eq!(v, ViewState::default());
}

#[test]
fn an_author_bucket_filters_to_its_range_or_to_any() {
    let mut v = view("authors=5");
    v.set_authors(CountRange { min: Some(2), max: Some(3) }, true);
    assert_eq!(v, view("authors=2-3"));
    v.set_authors(CountRange { min: Some(2), max: Some(3) }, false);
    assert_eq!(v, ViewState::default());
}

#[test]
fn an_upvote_floor_keeps_a_ceiling_above_it() {
    let cases = [
        ("upvotes=5-20", Some(10), "upvotes=10-20"),
        ("upvotes=5-20", Some(20), "upvotes=20"),
        ("upvotes=5-20", Some(21), "upvotes=21-"),
        ("upvotes=5-20", None, "upvotes=-20"),
        ("upvotes=5-20", Some(0), "upvotes=-20"),
        ("", Some(2), "upvotes=2-"),
        ("upvotes=3-", None, ""),
    ];
    for (start, floor, expect) in cases {
        let mut v = view(start);
        v.set_upvote_floor(floor);
        assert_eq!(v, view(expect), "{start} then {floor:?}");
    }
}

#[test]
fn number_inputs_read_whole_numbers_from_one() {
    let cases = [
        ("2", Some(2)),
        (" 12 ", Some(12)),
        ("0", None),
        ("", None),
        ("-3", None),
        ("2.5", None),
        ("many", None),
        ("4294967296", None),
    ];
    for (text, expect) in cases {
        assert_eq!(positive_count(text), expect, "{text:?}");
    }
}

#[test]
fn has_toggles_one_requirement() {
    let mut v = view("has=code");
    v.toggle_has(Has::Pdf);
    assert_eq!(v, view("has=code,pdf"));
    v.toggle_has(Has::Code);
    assert_eq!(v, view("has=pdf"));
    assert_eq!((v.has_filter(Has::Pdf), v.has_filter(Has::Code)), (true, false));
}

#[test]
fn sort_choices_stay_canonical() {
    let mut v = view("q=lora");
    v.set_sort(SortOrder::Relevance);
    assert_eq!(v, view("q=lora"));
    v.set_sort(SortOrder::Newest);
    assert_eq!(v, view("q=lora&sort=newest"));
}

#[test]
fn only_an_embed_caps_its_cards() {
    assert_eq!(view("embed=1&limit=4").card_cap(), Some(4));
    assert_eq!(view("embed=1").card_cap(), None);
    assert_eq!(view("limit=4").card_cap(), None, "the full explorer lists everything");
    assert_eq!(busy().outside_embed().card_cap(), None);
}

/// A view needs the words' index when its query has any term, an excluded one too, or when
/// it asks for `related` papers; filters, orders and an opened card do not.
#[test]
fn a_view_needs_the_index_when_it_searches_words() {
    for url in ["", "sort=most-upvoted&from=2024", "paper=x&group=year", "q=%20%20", "authors=1-3&has=code"] {
        assert!(!view(url).needs_index(), "{url}");
    }
    for url in ["q=lora", "q=-survey", "q=author:hu", "q=%22low+rank%22", "related=x"] {
        assert!(view(url).needs_index(), "{url}");
    }
}
