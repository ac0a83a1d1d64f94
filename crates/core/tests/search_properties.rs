//! Properties of search and URL state over generated collections, queries and views,
//! checked against a deliberately naive reference implementation.

use paperdeck_core::{
    decode_url, encode_url, fold, words, Catalog, CountRange, Field, Has, HasSet, KindSet, Paper, PaperKind,
    PartialDate, PersonName, Snapshot, SortOrder, Theme, Timeline, ValueFacet, ViewMode, ViewState,
};
use proptest::prelude::*;

/// Cases per property: `PAPERDECK_FUZZ_CASES` (`make fuzz`), or `default` in `make test`.
fn cases(default: u32) -> u32 {
    std::env::var("PAPERDECK_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

const VOCAB: [&str; 12] = [
    "lora",
    "low",
    "rank",
    "adapt",
    "adapter",
    "fine",
    "tuning",
    "model",
    "Wölflein",
    "GPT-3.5",
    "diffusion",
    "large",
];

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(VOCAB.to_vec()), 0..max).prop_map(|w| w.join(" "))
}

fn paper_strategy() -> impl Strategy<Value = (String, String, Vec<String>, u32, u16, u8, u8, u32, u8)> {
    (
        text(6).prop_filter("non-empty title", |t| !t.trim().is_empty()),
        text(12),
        prop::collection::vec(text(3).prop_filter("name", |n| !n.is_empty()), 0..4),
        1u32..15,
        2019u16..2026,
        0u8..13,
        0u8..29,
        0u32..200,
        0u8..16,
    )
}

fn catalog_strategy() -> impl Strategy<Value = Catalog> {
    prop::collection::vec(paper_strategy(), 1..40).prop_map(|specs| {
        let papers = specs
            .into_iter()
            .enumerate()
            .map(|(i, (title, abs, authors, count, y, m, d, up, links))| {
                let date = match (m, d) {
                    (0, _) => PartialDate::y(y),
                    (m, 0) => PartialDate::ym(y, m),
                    (m, d) => PartialDate::ymd(y, m, d),
                }
                .unwrap();
                // Some papers are undated, whatever was drawn for them.
                let date = if i % 7 == 3 { PartialDate::UNKNOWN } else { date };
                let mut p = Paper::new(format!("p{i}"), title, count, date);
                if !authors.is_empty() {
                    p.author_count = authors.len() as u32;
                    p.authors = Some(authors);
                    // Some lists end in "and others".
                    p.authors_incomplete = i % 5 == 2;
                }
                p.abstract_text = (!abs.is_empty()).then_some(abs);
                p.upvotes = up;
                if links & 1 != 0 {
                    p.links.code = Some("https://github.com/a/b".into());
                }
                if links & 2 != 0 {
                    p.links.project = Some("https://a.example".into());
                }
                if links & 4 != 0 {
                    p.links.pdf = Some("https://a.example/p.pdf".into());
                }
                // Lab-page fields, drawn from what was drawn already.
                p.kind = PaperKind::ALL.get((up % 10) as usize).copied();
                p.citations = (i % 4 != 0).then_some(up / 3);
                p.tags = (0..(links as u32 % 3))
                    .map(|k| ["t0", "T1", "t2"][((up + k) % 3) as usize].to_string())
                    .collect();
                p.venue_short = (links & 8 != 0).then(|| ["A", "b"][i % 2].to_string());
                p
            })
            .collect();
        Catalog::new(Snapshot { papers, ..Default::default() })
    })
}

fn query_strategy() -> impl Strategy<Value = String> {
    let word = prop::sample::select(VOCAB.to_vec()).prop_flat_map(|w| {
        let n = w.chars().count();
        (Just(w), 1..=n).prop_map(|(w, k)| w.chars().take(k).collect::<String>())
    });
    let term = (word.clone(), word, 0u8..6, 0u8..4).prop_map(|(a, b, form, field)| {
        let field = ["", "title:", "author:", "abstract:"][field as usize];
        match form {
            0 => format!("{field}\"{a} {b}\""),
            1 => format!("-{field}{a}"),
            _ => format!("{field}{a}"),
        }
    });
    prop::collection::vec(term, 0..4).prop_map(|t| t.join(" "))
}

fn range_strategy(max: u32) -> impl Strategy<Value = CountRange> {
    (prop::option::of(0..max), prop::option::of(0..max)).prop_map(|(a, b)| match (a, b) {
        (Some(a), Some(b)) => CountRange { min: Some(a.min(b)), max: Some(a.max(b)) },
        (a, b) => CountRange { min: a, max: b },
    })
}

fn date_strategy() -> impl Strategy<Value = Option<PartialDate>> {
    prop::option::of((2019u16..2026, 0u8..13, 0u8..29)).prop_map(|o| {
        o.and_then(|(y, m, d)| match (m, d) {
            (0, _) => PartialDate::y(y),
            (m, 0) => PartialDate::ym(y, m),
            (m, d) => PartialDate::ymd(y, m, d),
        })
    })
}

fn view_strategy() -> impl Strategy<Value = ViewState> {
    (
        query_strategy(),
        date_strategy(),
        date_strategy(),
        range_strategy(15),
        range_strategy(200),
        prop::sample::subsequence(Has::ALL.to_vec(), 0..=Has::ALL.len()),
        prop::option::of(prop::sample::select(SortOrder::ALL.to_vec())),
        (
            prop::sample::subsequence(PaperKind::ALL.to_vec(), 0..3),
            range_strategy(70),
            prop::sample::subsequence(vec!["t0", "t1", "T2", "t9"], 0..3),
            prop::sample::subsequence(vec!["a", "B"], 0..2),
            prop::collection::vec(text(3).prop_filter("name", |n| !n.is_empty()), 0..2),
        ),
    )
        .prop_map(
            |(query, from, to, authors, upvotes, has, sort, (kinds, citations, tags, venues, people))| {
                let has = HasSet::from_iter(has);
                let mut view = ViewState {
                    query,
                    from,
                    to,
                    authors,
                    upvotes,
                    has,
                    sort,
                    citations,
                    ..Default::default()
                };
                for kind in kinds {
                    view.toggle_kind(kind);
                }
                view.tags = tags.into_iter().map(String::from).collect();
                view.venues = venues.into_iter().map(String::from).collect();
                view.people = people;
                view.normalized()
            },
        )
}

// ---- the reference implementation ----

struct Fields {
    values: [Vec<Vec<String>>; 5],
}

fn fields_of(p: &Paper) -> Fields {
    let one = |s: Option<&str>| s.map(|t| vec![words(t)]).unwrap_or_default();
    Fields {
        values: [
            vec![words(&p.title)],
            p.authors.iter().flatten().map(|a| words(a)).collect(),
            one(p.abstract_text.as_deref()),
            p.tags.iter().map(|t| words(t)).collect(),
            one(p.venue.as_deref()),
        ],
    }
}

fn naive_term(f: &Fields, term: &paperdeck_core::Term) -> bool {
    let k = term.words.len();
    Field::ALL.into_iter().filter(|&field| term.fields.contains(field)).any(|field| {
        let i = field as usize;
        f.values[i].iter().any(|value| {
            value.windows(k).any(|win| {
                win.iter().zip(&term.words).enumerate().all(|(j, (w, t))| {
                    if j == k - 1 {
                        w.starts_with(t.as_str())
                    } else {
                        w == t
                    }
                })
            })
        })
    })
}

fn naive_has(p: &Paper, h: Has) -> bool {
    match h {
        Has::Code => p.links.code.is_some(),
        Has::Project => p.links.project.is_some(),
        Has::Pdf => p.links.pdf.is_some(),
        Has::Abstract => p.abstract_text.is_some(),
    }
}

fn naive_matches(p: &Paper, view: &ViewState) -> bool {
    let query = paperdeck_core::Query::parse(&view.query);
    let f = fields_of(p);
    let query_ok = query.terms.iter().all(|t| naive_term(&f, t) != t.excluded);
    let key = p.published.sort_key();
    // An undated paper (key 0) matches no date bound.
    let from_ok = view.from.is_none_or(|d| key != 0 && key >= d.sort_key());
    let to_ok = view.to.is_none_or(|d| {
        let end = u32::from(d.year()) * 10_000
            + u32::from(d.month().unwrap_or(12)) * 100
            + u32::from(d.day().unwrap_or(31));
        key != 0 && key <= end
    });
    let has = view.has.iter().all(|h| naive_has(p, h));
    let kind_ok = view.kinds.is_empty() || p.kind.is_some_and(|k| view.kinds.contains(k));
    let citations_ok = view.citations.is_any() || p.citations.is_some_and(|n| view.citations.contains(n));
    let tags_ok = view.tags.is_empty() || p.tags.iter().any(|t| view.tags.iter().any(|w| fold(w) == fold(t)));
    let venue = p.venue_short.as_deref().or(p.venue.as_deref());
    let venues_ok =
        view.venues.is_empty() || venue.is_some_and(|v| view.venues.iter().any(|w| fold(w) == fold(v)));
    let people_ok = view.people.is_empty()
        || p.authors.iter().flatten().any(|a| {
            let a = PersonName::parse(a);
            view.people.iter().any(|w| match (&a, PersonName::parse(w)) {
                (Some(a), Some(w)) => a.matches(&w),
                _ => false,
            })
        });
    kind_ok
        && citations_ok
        && tags_ok
        && venues_ok
        && people_ok
        && query_ok
        && from_ok
        && to_ok
        && view.authors.contains(p.min_authors())
        && view.upvotes.contains(p.upvotes)
        && has
}

/// True when `a` may come before `b` in `order` (the documented tie-breaks).
fn in_order(order: SortOrder, a: &Paper, b: &Paper, score: Option<(f32, f32)>) -> bool {
    use std::cmp::Ordering::*;
    let (da, db) = (a.published.sort_key(), b.published.sort_key());
    let (ta, tb) = (fold(&a.title), fold(&b.title));
    let ord = match order {
        SortOrder::Relevance => {
            let (sa, sb) = score.unwrap();
            sb.total_cmp(&sa).then(db.cmp(&da)).then(a.id.cmp(&b.id))
        }
        SortOrder::Newest => db.cmp(&da).then(ta.cmp(&tb)).then(a.id.cmp(&b.id)),
        // Undated papers last, in both date orders.
        SortOrder::Oldest => {
            (da == 0).cmp(&(db == 0)).then(da.cmp(&db)).then(ta.cmp(&tb)).then(a.id.cmp(&b.id))
        }
        SortOrder::MostAuthors => {
            b.min_authors().cmp(&a.min_authors()).then(db.cmp(&da)).then(a.id.cmp(&b.id))
        }
        SortOrder::FewestAuthors => {
            a.min_authors().cmp(&b.min_authors()).then(db.cmp(&da)).then(a.id.cmp(&b.id))
        }
        SortOrder::MostUpvoted => b.upvotes.cmp(&a.upvotes).then(db.cmp(&da)).then(a.id.cmp(&b.id)),
        SortOrder::Title => ta.cmp(&tb).then(a.id.cmp(&b.id)),
        // Papers without a count last.
        SortOrder::MostCited => {
            let key = |p: &Paper| p.citations.map_or(0, |n| u64::from(n) + 1);
            key(b).cmp(&key(a)).then(db.cmp(&da)).then(a.id.cmp(&b.id))
        }
    };
    ord == Less
}

proptest! {
    // The generators filter out about 19 values per case kept (names, titles): allow for it.
    #![proptest_config(ProptestConfig {
        cases: cases(300),
        max_local_rejects: cases(300).saturating_mul(64).max(65_536),
        ..ProptestConfig::default()
    })]

    #[test]
    fn url_round_trip(
        view in view_strategy(),
        list in any::<bool>(),
        theme in 0u8..3,
        paper in prop::option::of("[A-Za-z0-9._-]{1,12}"),
        data in prop::option::of(prop::sample::select(vec!["papers-2024.json", "https://lab.example/p.json?v=1&x=2", "data/a b.json"])),
        extra in prop::collection::vec("utm_[a-z]{1,5}=[a-z0-9%]{0,6}", 0..3),
        unicode_query in "[a-zé😀\" :+&=%-]{0,12}",
        embed in (any::<bool>(), any::<bool>(), prop::option::of(1u32..500), any::<bool>()),
        hide_timeline in any::<bool>(),
        related in prop::option::of("[A-Za-z0-9._-]{1,12}"),
        new_only in any::<bool>(),
    ) {
        let mut s = view;
        if s.query.is_empty() {
            s.query = unicode_query;
        }
        s.view = if list { ViewMode::List } else { ViewMode::Cards };
        s.theme = [Theme::Auto, Theme::Light, Theme::Dark][theme as usize];
        s.paper = paper;
        s.data = data.filter(|d| !d.contains(' ')).map(String::from);
        s.extra = extra.into_iter().filter(|e| !e.contains('%')).collect();
        (s.embed, s.hide_controls, s.limit, s.opaque_background) = embed;
        s.hide_timeline = hide_timeline;
        s.related = related;
        s.new_only = new_only;
        let s = s.normalized();
        let encoded = encode_url(&s);
        let (decoded, notices) = decode_url(&encoded);
        prop_assert!(notices.is_empty(), "{encoded}: {notices:?}");
        prop_assert_eq!(&decoded, &s, "via {}", encoded);
        prop_assert_eq!(encode_url(&decoded), encoded, "encoding is canonical");
    }

    #[test]
    fn results_are_exactly_the_matching_papers_in_order(catalog in catalog_strategy(), view in view_strategy()) {
        let result = catalog.search(&view);
        let mut got: Vec<u32> = result.ids.clone();
        got.sort_unstable();
        got.dedup();
        prop_assert_eq!(got.len(), result.ids.len(), "no paper twice");
        let want: Vec<u32> = (0..catalog.len() as u32).filter(|&i| naive_matches(catalog.paper(i), &view)).collect();
        prop_assert_eq!(got, want, "query {:?}", view.query);
        // Each order holds for every adjacent pair (relevance: checked on date/id ties
        // only, since the scores are internal).
        let order = view.effective_sort();
        if order != SortOrder::Relevance || !view.has_query() {
            let order = if order == SortOrder::Relevance { SortOrder::Newest } else { order };
            for pair in result.ids.windows(2) {
                let (a, b) = (catalog.paper(pair[0]), catalog.paper(pair[1]));
                prop_assert!(in_order(order, a, b, None), "{:?}: {} before {}", order, a.id, b.id);
            }
        }
    }

    #[test]
    fn facet_counts_match_a_recount(catalog in catalog_strategy(), view in view_strategy()) {
        let facets = catalog.search(&view).facets;
        for (k, h) in Has::ALL.iter().enumerate() {
            let without = ViewState { has: HasSet::EMPTY, ..view.clone() };
            let count = (0..catalog.len() as u32)
                .filter(|&i| naive_matches(catalog.paper(i), &without) && naive_has(catalog.paper(i), *h))
                .count() as u32;
            prop_assert_eq!(facets.has[k], count, "has {:?}", h);
        }
        for (year, n) in &facets.years {
            let without = ViewState { from: None, to: None, ..view.clone() };
            let count = (0..catalog.len() as u32)
                .filter(|&i| naive_matches(catalog.paper(i), &without) && catalog.paper(i).published.year() == *year)
                .count() as u32;
            prop_assert_eq!(*n, count, "year {}", year);
        }
        prop_assert!(facets.years.iter().all(|(y, _)| *y != 0), "undated papers have no year facet");
        for (k, kind) in PaperKind::ALL.iter().enumerate() {
            let without = ViewState { kinds: KindSet::EMPTY, ..view.clone() };
            let count = (0..catalog.len() as u32)
                .filter(|&i| naive_matches(catalog.paper(i), &without) && catalog.paper(i).kind == Some(*kind))
                .count() as u32;
            prop_assert_eq!(facets.kinds[k], count, "kind {:?}", kind);
        }
    }

    #[test]
    fn author_facet_is_the_exact_top_of_a_recount(catalog in catalog_strategy(), view in view_strategy(), needle in prop::sample::select(vec!["", "o", "ra", "zzz"]), limit in 1usize..6) {
        // Without members, each folded spelling is one entry; the top `limit` by count,
        // ties by folded name, among the papers passing every filter but the author one.
        let view = ViewState { people: Vec::new(), ..view };
        let result = catalog.search(&view);
        let mut counts: std::collections::BTreeMap<String, u32> = Default::default();
        for i in 0..catalog.len() as u32 {
            let p = catalog.paper(i);
            if !naive_matches(p, &view) {
                continue;
            }
            let mut names: Vec<String> = p.authors.iter().flatten().map(|a| fold(a.trim())).collect();
            names.sort();
            names.dedup();
            for n in names.into_iter().filter(|n| !n.is_empty() && n.contains(needle)) {
                *counts.entry(n).or_default() += 1;
            }
        }
        let mut want: Vec<(String, u32)> = counts.into_iter().collect();
        want.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let matching = want.len();
        want.truncate(limit);
        let got = catalog.facet_entries(ValueFacet::Author, &view, &result, needle, limit);
        let got_list: Vec<(String, u32)> = got.entries.iter().map(|e| (fold(&e.label), e.count)).collect();
        prop_assert_eq!(got_list, want);
        if let Some(m) = got.matching {
            prop_assert_eq!(m, matching);
        }
    }

    #[test]
    fn topic_counts_match_a_recount(catalog in catalog_strategy(), view in view_strategy()) {
        let result = catalog.search(&view);
        let without = ViewState { tags: Vec::new(), ..view.clone() };
        for entry in catalog.facet_entries(ValueFacet::Tag, &view, &result, "", 10).entries {
            let count = (0..catalog.len() as u32)
                .filter(|&i| {
                    let p = catalog.paper(i);
                    naive_matches(p, &without) && p.tags.iter().any(|t| fold(t) == fold(&entry.label))
                })
                .count() as u32;
            prop_assert_eq!(entry.count, count, "topic {}", entry.label);
        }
    }

    #[test]
    fn timeline_bars_count_what_a_click_on_them_shows(catalog in catalog_strategy(), view in view_strategy()) {
        // The bars count the date filter's own facet: every filter but the date's. A bar
        // shows as many papers as its click gives, and bars plus undated papers are every
        // paper passing the other filters.
        let timeline = Timeline::new(&catalog.search(&view).facets.months, view.from, view.to);
        let without = ViewState { from: None, to: None, ..view.clone() };
        let passing = (0..catalog.len() as u32).filter(|&i| naive_matches(catalog.paper(i), &without)).count() as u32;
        prop_assert_eq!(timeline.dated() + timeline.undated, passing);
        let undated = (0..catalog.len() as u32)
            .filter(|&i| naive_matches(catalog.paper(i), &without) && !catalog.paper(i).published.is_known())
            .count() as u32;
        prop_assert_eq!(timeline.undated, undated);
        for bar in &timeline.bars {
            let clicked = without.with(|v| v.toggle_date_range(bar.from, bar.to));
            let count = (0..catalog.len() as u32).filter(|&i| naive_matches(catalog.paper(i), &clicked)).count() as u32;
            prop_assert_eq!(bar.count, count, "bar {}", bar.label);
            prop_assert_eq!(catalog.search(&clicked).ids.len() as u32, count, "bar {}", bar.label);
        }
        if let (Some(first), Some(last)) = (timeline.bars.first(), timeline.bars.last()) {
            prop_assert!(first.count > 0 && last.count > 0, "the bars start and end with papers");
        }
    }
}

#[test]
fn decoding_arbitrary_strings_never_panics() {
    proptest!(|(qs in "\\PC{0,60}")| {
        let (state, _) = decode_url(&qs);
        let _ = encode_url(&state);
    });
}
