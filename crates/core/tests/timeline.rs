//! The timeline (docs/search.md, "Timeline"): bins, the range a click or a drag sets,
//! the keys on a bar, and what it says. Whole answers are compared as text.

use paperdeck_core::{
    decode_url, parse_snapshot, Catalog, MonthCounts, PartialDate, TimeUnit, Timeline, TimelineKey,
};

/// Papers `(id, published)`; `""` for undated.
fn catalog(papers: &[(&str, &str)]) -> Catalog {
    let records: Vec<String> = papers
        .iter()
        .map(|(id, date)| {
            let published = if date.is_empty() { String::new() } else { format!(r#","published":"{date}""#) };
            format!(r#"{{"id":"{id}","title":"Paper {id}","author_count":1{published}}}"#)
        })
        .collect();
    let json = format!(r#"{{"format":"paperdeck-snapshot","version":1,"papers":[{}]}}"#, records.join(","));
    Catalog::new(parse_snapshot(&json).unwrap().snapshot)
}

/// The timeline of the view `qs` as text: the unit, one line per bar (`from..to count`,
/// `*` when highlighted) and the undated count.
fn render(catalog: &Catalog, qs: &str) -> String {
    let (view, notices) = decode_url(qs);
    assert!(notices.is_empty(), "{qs}: {notices:?}");
    let timeline = Timeline::new(&catalog.search(&view).facets.months, view.from, view.to);
    let mut out = format!("per {}\n", timeline.unit.name());
    for bar in &timeline.bars {
        let mark = if bar.in_range { " *" } else { "" };
        out.push_str(&format!("{}..{} {}{mark}\n", bar.from, bar.to, bar.count));
    }
    out.push_str(&format!("undated {}\n", timeline.undated));
    out
}

#[track_caller]
fn check(catalog: &Catalog, qs: &str, expect: &str) {
    let want: String = expect.trim().lines().map(|l| format!("{}\n", l.trim())).collect();
    let got = render(catalog, qs);
    assert_eq!(got, want, "query string {qs:?}\n--- got ---\n{got}--- want ---\n{want}");
}

fn spring_2024() -> Catalog {
    catalog(&[
        ("a", "2024-03-02"),
        ("b", "2024-03"),
        ("c", "2024-05-31"),
        ("d", "2024"),
        ("e", ""),
        ("f", "2024-06-15"),
    ])
}

#[test]
fn months_from_the_first_with_papers_to_the_last_undated_apart() {
    // A paper dated `2024` counts in January, as `from=2024-01` reads it.
    check(
        &spring_2024(),
        "",
        "per month
         2024-01..2024-01 1
         2024-02..2024-02 0
         2024-03..2024-03 2
         2024-04..2024-04 0
         2024-05..2024-05 1
         2024-06..2024-06 1
         undated 1",
    );
}

#[test]
fn the_bars_stay_when_a_range_is_chosen_and_highlight_it() {
    // The date filter's own facet: choosing a range hides no bar, and the undated paper is
    // still counted (apart) though the range leaves it out of the results.
    check(
        &spring_2024(),
        "from=2024-03&to=2024-05",
        "per month
         2024-01..2024-01 1
         2024-02..2024-02 0
         2024-03..2024-03 2 *
         2024-04..2024-04 0 *
         2024-05..2024-05 1 *
         2024-06..2024-06 1
         undated 1",
    );
    // A day inside a month highlights that month; an open end runs to the last bar.
    check(
        &spring_2024(),
        "from=2024-05-20",
        "per month
         2024-01..2024-01 1
         2024-02..2024-02 0
         2024-03..2024-03 2
         2024-04..2024-04 0
         2024-05..2024-05 1 *
         2024-06..2024-06 1 *
         undated 1",
    );
}

#[test]
fn other_filters_and_the_query_narrow_the_bars() {
    check(
        &spring_2024(),
        "q=paper+c",
        "per month
         2024-05..2024-05 1
         undated 0",
    );
    check(&spring_2024(), "q=nothing", "per month\nundated 0");
    check(&catalog(&[("x", ""), ("y", "")]), "", "per month\nundated 2");
}

#[test]
fn a_long_span_is_drawn_per_year() {
    // 48 months from the first to the last is the most drawn per month.
    let four_years = catalog(&[("a", "2020-01"), ("b", "2023-12-31")]);
    assert_eq!(render(&four_years, "").lines().count(), 48 + 2);
    check(
        &catalog(&[("a", "2019-11"), ("b", "2020-01"), ("c", "2022"), ("d", "2023-12-31"), ("e", "2023-12")]),
        "from=2022&to=2022",
        "per year
         2019..2019 1
         2020..2020 1
         2021..2021 0
         2022..2022 1 *
         2023..2023 2
         undated 0",
    );
}

#[test]
fn a_click_sets_the_bar_and_a_drag_the_range_between_two() {
    let c = spring_2024();
    let t = Timeline::new(&c.search(&Default::default()).facets.months, None, None);
    let d = |s| PartialDate::parse(s).unwrap();
    assert_eq!(t.range(2, 2), Some((d("2024-03"), d("2024-03"))));
    assert_eq!(t.range(4, 1), Some((d("2024-02"), d("2024-05"))), "either direction");
    assert_eq!(t.range(0, 9), None);
    let mut view = decode_url("q=paper").0;
    view.toggle_date_range(d("2024-03"), d("2024-03"));
    assert_eq!(paperdeck_core::encode_url(&view), "q=paper&from=2024-03&to=2024-03");
    view.toggle_date_range(d("2024-03"), d("2024-03"));
    assert_eq!(paperdeck_core::encode_url(&view), "q=paper", "a second click undoes the first");
    view.set_date_range(d("2024-02"), d("2024-05"));
    view.set_date_range(d("2024-02"), d("2024-05"));
    assert_eq!(paperdeck_core::encode_url(&view), "q=paper&from=2024-02&to=2024-05", "a drag never undoes");
}

#[test]
fn pointer_positions_fall_on_bars() {
    let months = MonthCounts { first: 2024 * 12, counts: vec![1, 2, 3, 4], undated: 0 };
    let t = Timeline::new(&months, None, None);
    let at: Vec<Option<usize>> =
        [-0.5, 0.0, 0.24, 0.25, 0.99, 1.0, 3.0, f64::NAN].map(|x| t.bar_at(x)).to_vec();
    assert_eq!(at, [Some(0), Some(0), Some(0), Some(1), Some(3), Some(3), Some(3), Some(0)]);
    assert_eq!(Timeline::default().bar_at(0.5), None);
}

#[test]
fn keys_move_extend_and_choose() {
    let months = MonthCounts { first: 2024 * 12, counts: vec![1, 2, 3, 4], undated: 0 };
    let t = Timeline::new(&months, None, None);
    let cases = [
        ("ArrowRight", false, 1, Some(TimelineKey::Focus(2))),
        ("ArrowUp", false, 1, Some(TimelineKey::Focus(2))),
        ("ArrowRight", false, 3, Some(TimelineKey::Focus(3))),
        ("ArrowLeft", false, 0, Some(TimelineKey::Focus(0))),
        ("ArrowDown", false, 2, Some(TimelineKey::Focus(1))),
        ("Home", false, 2, Some(TimelineKey::Focus(0))),
        ("End", false, 0, Some(TimelineKey::Focus(3))),
        ("ArrowRight", true, 1, Some(TimelineKey::Extend(2))),
        ("End", true, 1, Some(TimelineKey::Extend(3))),
        ("Enter", false, 1, Some(TimelineKey::Choose)),
        (" ", false, 1, Some(TimelineKey::Choose)),
        ("a", false, 1, None),
        ("Tab", false, 1, None),
    ];
    for (key, shift, focus, want) in cases {
        assert_eq!(t.key(key, shift, focus), want, "{key:?} shift={shift} on {focus}");
    }
    assert_eq!(Timeline::default().key("ArrowRight", false, 0), None);
}

#[test]
fn what_the_timeline_says() {
    let c = spring_2024();
    let (view, _) = decode_url("from=2024-03&to=2024-05");
    let t = Timeline::new(&c.search(&view).facets.months, view.from, view.to);
    assert_eq!(t.unit, TimeUnit::Month);
    assert_eq!(t.label(), "Papers per month, Jan 2024 to Jun 2024");
    assert_eq!(t.bars[2].description(), "Mar 2024: 2 papers");
    assert_eq!(t.bars[1].description(), "Feb 2024: 0 papers");
    let matched = c.search(&view).ids.len();
    assert_eq!(t.readout(Some(4), matched), "May 2024: 1 paper");
    // A drag says the range it would choose, whichever way it runs.
    assert_eq!(t.drag_readout(4, 2), t.drag_readout(2, 4));
    assert_eq!(t.drag_readout(2, 4), "Mar 2024 – May 2024: 3 papers");
    assert_eq!(t.drag_readout(4, 4), t.readout(Some(4), matched), "one bar, as when pointed at");
    assert_eq!(t.live_readout(Some(3), Some((2, 4)), matched), t.drag_readout(2, 4), "a drag says its range");
    assert_eq!(
        t.live_readout(Some(4), Some((4, 4)), matched),
        t.readout(Some(4), matched),
        "a drag not yet past its bar"
    );
    assert_eq!(t.live_readout(None, None, matched), t.readout(None, matched));
    assert_eq!(t.readout(None, matched), "Mar 2024 – May 2024: 3 papers", "the chosen range");
    assert_eq!(t.selected(), Some((2, 4)));
    // A range whose bounds cut a bar (a day, a bar a month; what `since=` sets) is named
    // as chosen and counted as the results are, not as the bars it touches.
    for (link, want) in [
        ("from=2024-06-16", "Since Jun 16, 2024: 0 papers"),
        ("from=2024-05-31", "Since May 31, 2024: 2 papers"),
        ("to=2024-03-01", "Until Mar 1, 2024: 2 papers"),
        ("from=2024&to=2024", "2024: 5 papers"),
    ] {
        let (view, _) = decode_url(link);
        let result = c.search(&view);
        let cut = Timeline::new(&result.facets.months, view.from, view.to);
        assert_eq!(cut.readout(None, result.ids.len()), want, "{link}");
    }
    let all = Timeline::new(&c.search(&Default::default()).facets.months, None, None);
    assert_eq!(all.readout(None, 6), "Jan 2024 – Jun 2024: 5 papers", "the whole span, the undated apart");
    assert_eq!(all.undated_note().as_deref(), Some("1 undated paper, not drawn"));
    let none =
        Timeline::new(&MonthCounts { first: 2024 * 12, counts: vec![0; 12], undated: 1200 }, None, None);
    assert_eq!(none.label(), "Papers over time");
    assert_eq!(none.readout(None, 1200), "No dated papers");
    assert_eq!(none.undated_note().as_deref(), Some("1,200 undated papers, not drawn"));
    // Heights: the tallest bar fills the chart, one paper is still visible, none is 0.
    let tall = Timeline::new(
        &MonthCounts { first: 2024 * 12, counts: vec![1000, 1, 0, 500], undated: 0 },
        None,
        None,
    );
    let heights: Vec<f64> = (0..4).map(|k| tall.height(k)).collect();
    assert_eq!(heights, [1.0, 0.04, 0.0, 0.5]);
    let fills: Vec<(String, String)> = (0..4).map(|k| tall.fill_attributes(k)).collect();
    let fill = |y: &str, h: &str| (y.to_string(), h.to_string());
    assert_eq!(
        fills,
        [fill("0.00", "100.00"), fill("96.00", "4.00"), fill("100.00", "0.00"), fill("50.00", "50.00")]
    );
    // Two decimals, rounded: 2 of 3 is 66.67 high.
    let third = Timeline::new(&MonthCounts { first: 2024 * 12, counts: vec![3, 2], undated: 0 }, None, None);
    assert_eq!(third.fill_attributes(1), fill("33.33", "66.67"));
}
