//! A lab's publication page (issue #10): the topic, venue, kind and author filters and
//! facets, citations, grouping, members' names, the active-filter chips and their URL
//! parameters, on a small lab-like corpus.

use paperdeck_core::{
    active_filters, decode_url, encode_url, parse_snapshot, to_json, Catalog, GroupBy, PaperKind, SortOrder,
    ValueFacet, ViewState,
};

const LAB: &str = r#"{"format":"paperdeck-snapshot","version":1,
 "highlight_authors":["Georg Wölflein","Arandjelović, Ognjen"],
 "papers":[
 {"id":"eccv","title":"Whole-slide foundation models","authors":["G. Wölflein","Dadong Wang","Ognjen Arandjelovic"],"published":"2024-09","kind":"conference","venue":"European Conference on Computer Vision","venue_short":"ECCV","citations":41,"tags":["Pathology","Foundation models"]},
 {"id":"miccai","title":"Benchmarking feature extractors","authors":["Georg Wölflein","Jane Smith"],"published":"2024-03","kind":"conference","venue":"Medical Image Computing","venue_short":"MICCAI","citations":12,"tags":["pathology"]},
 {"id":"journal","title":"Deep learning in chess recognition","authors":["Wölflein, Georg","Ognjen Arandjelović"],"published":"2021-06","kind":"article","venue":"Journal of Imaging","citations":30,"tags":["Chess"]},
 {"id":"preprint","title":"A preprint on agents","authors":["John Smith","Ann Other","B. Third","C. Fourth","Georg Wolflein"],"published":"2025-01","kind":"preprint","citations":0},
 {"id":"thesis","title":"A thesis","authors":["Jane Smith"],"published":"2021","kind":"thesis"},
 {"id":"talk","title":"Invited talk","authors":["Ognjen Arandjelović","O. Arandjelovic"],"kind":"talk","venue":"ECCV"}
]}"#;

fn catalog() -> Catalog {
    let loaded = parse_snapshot(LAB).unwrap();
    assert!(loaded.is_clean(), "{:?} {:?}", loaded.problems, loaded.notes);
    Catalog::new(loaded.snapshot)
}

fn view(qs: &str) -> ViewState {
    let (view, notices) = decode_url(qs);
    assert!(notices.is_empty(), "{qs}: {notices:?}");
    view
}

/// The ids of the view of `qs`, in order.
fn ids(c: &Catalog, qs: &str) -> Vec<String> {
    c.search(&view(qs)).ids.iter().map(|&i| c.paper(i).id.clone()).collect()
}

/// A facet's entries as `label count` (a `*` marks a chosen one).
fn entries(c: &Catalog, facet: ValueFacet, qs: &str, needle: &str, limit: usize) -> Vec<String> {
    let v = view(qs);
    let result = c.search(&v);
    c.facet_entries(facet, &v, &result, needle, limit)
        .entries
        .iter()
        .map(|e| format!("{}{} {}", if e.selected { "*" } else { "" }, e.label, e.count))
        .collect()
}

#[test]
fn value_filters_match_any_chosen_value_and_every_other_filter() {
    let c = catalog();
    for (qs, expect) in [
        // Topics are matched folded: "Pathology" and "pathology" are one topic.
        ("tag=pathology", vec!["eccv", "miccai"]),
        ("tag=PATHOLOGY", vec!["eccv", "miccai"]),
        ("tag=pathology&tag=chess", vec!["eccv", "miccai", "journal"]),
        ("tag=nothing", vec![]),
        // A venue is the short form, or the full one without it.
        ("venue=ECCV", vec!["eccv", "talk"]),
        ("venue=journal+of+imaging", vec!["journal"]),
        ("venue=European+Conference+on+Computer+Vision", vec![]),
        ("kind=conference", vec!["eccv", "miccai"]),
        ("kind=conference,article", vec!["eccv", "miccai", "journal"]),
        ("kind=article&kind=thesis", vec!["journal", "thesis"]),
        // Names by the name rule: every spelling of one person.
        ("author=Georg+W%C3%B6lflein", vec!["preprint", "eccv", "miccai", "journal"]),
        ("author=G.+Wolflein", vec!["preprint", "eccv", "miccai", "journal"]),
        ("author=Jane+Smith", vec!["miccai", "thesis"]),
        ("author=J.+Smith", vec!["preprint", "miccai", "thesis"]),
        ("author=Jane+Smith&author=Ann+Other", vec!["preprint", "miccai", "thesis"]),
        // Across filters, every one must match.
        ("tag=pathology&kind=article", vec![]),
        ("author=Jane+Smith&kind=thesis", vec!["thesis"]),
        // Citations: a range like upvotes; a paper without a count matches none.
        ("citations=1-", vec!["eccv", "miccai", "journal"]),
        ("citations=0", vec!["preprint"]),
        ("citations=-12", vec!["preprint", "miccai"]),
    ] {
        assert_eq!(ids(&c, qs), expect, "{qs}");
    }
}

#[test]
fn most_cited_puts_papers_without_a_count_last() {
    let c = catalog();
    assert_eq!(ids(&c, "sort=most-cited"), ["eccv", "journal", "miccai", "preprint", "thesis", "talk"]);
    assert_eq!(SortOrder::from_name("most-cited"), Some(SortOrder::MostCited));
}

#[test]
fn facets_count_every_filter_but_their_own() {
    let c = catalog();
    let kinds = |qs: &str| {
        let r = c.search(&view(qs));
        PaperKind::ALL
            .iter()
            .zip(r.facets.kinds)
            .filter(|(_, n)| *n > 0)
            .map(|(k, n)| format!("{} {n}", k.name()))
            .collect::<Vec<_>>()
    };
    assert_eq!(kinds(""), ["article 1", "conference 2", "preprint 1", "thesis 1", "talk 1"]);
    // Choosing a kind leaves the kind counts as they were (disjunctive)...
    assert_eq!(kinds("kind=conference"), kinds(""));
    // ...while another filter narrows them.
    assert_eq!(kinds("tag=pathology"), ["conference 2"]);
    assert_eq!(entries(&c, ValueFacet::Tag, "", "", 10), ["Pathology 2", "Chess 1", "Foundation models 1"]);
    assert_eq!(
        entries(&c, ValueFacet::Tag, "tag=chess", "", 10),
        ["*chess 1", "Pathology 2", "Foundation models 1"]
    );
    assert_eq!(entries(&c, ValueFacet::Tag, "kind=article", "", 10), ["Chess 1"]);
    assert_eq!(entries(&c, ValueFacet::Venue, "", "", 10), ["ECCV 2", "Journal of Imaging 1", "MICCAI 1"]);
    assert_eq!(
        entries(&c, ValueFacet::Author, "", "", 3),
        ["Georg Wölflein 4", "Ognjen Arandjelović 3", "Jane Smith 2"],
        "the most common first, ties by name; a member once, under the name highlight_authors gives, in display order"
    );
    assert_eq!(entries(&c, ValueFacet::Author, "", "wolf", 10), ["Georg Wölflein 4"]);
    assert_eq!(
        entries(&c, ValueFacet::Author, "", "smith", 10),
        ["Jane Smith 2", "John Smith 1"],
        "others are listed per spelling (folded)"
    );
    assert_eq!(
        entries(&c, ValueFacet::Author, "", "ARANDJELOVIĆ", 10),
        ["Ognjen Arandjelović 3"],
        "the filter box folds"
    );
    assert_eq!(entries(&c, ValueFacet::Author, "", "", 2).len(), 2, "the limit holds");
    // A chosen name is listed first with every spelling's papers counted.
    assert_eq!(
        entries(&c, ValueFacet::Author, "author=Georg+W%C3%B6lflein", "", 1),
        ["*Georg Wölflein 4", "Ognjen Arandjelović 3"]
    );
    let v = view("");
    let r = c.search(&v);
    assert_eq!(c.facet_entries(ValueFacet::Author, &v, &r, "smith", 10).matching, Some(2));
}

#[test]
fn groups_keep_the_view_order_inside_and_have_counts() {
    let c = catalog();
    let groups = |qs: &str| {
        let r = c.search(&view(qs));
        r.groups
            .iter()
            .map(|g| {
                let ids: Vec<&str> =
                    r.ids[g.start..g.start + g.len].iter().map(|&i| c.paper(i).id.as_str()).collect();
                format!("{}|{}: {}", g.key, g.label, ids.join(" "))
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(groups(""), Vec::<String>::new());
    assert_eq!(
        groups("group=year"),
        ["2025|2025: preprint", "2024|2024: eccv miccai", "2021|2021: journal thesis", "none|Undated: talk"]
    );
    assert_eq!(
        groups("group=year&sort=oldest"),
        ["2021|2021: thesis journal", "2024|2024: miccai eccv", "2025|2025: preprint", "none|Undated: talk"]
    );
    assert_eq!(groups("group=year&sort=most-cited")[1], "2024|2024: eccv miccai");
    assert_eq!(
        groups("group=kind"),
        [
            "article|Journal articles: journal",
            "conference|Conference papers: eccv miccai",
            "preprint|Preprints: preprint",
            "thesis|Theses: thesis",
            "talk|Talks: talk"
        ]
    );
    assert_eq!(
        groups("group=venue"),
        [
            "ECCV|ECCV: eccv talk",
            "Journal of Imaging|Journal of Imaging: journal",
            "MICCAI|MICCAI: miccai",
            "none|No venue: preprint thesis"
        ]
    );
    assert_eq!(groups("group=year&tag=chess"), ["2021|2021: journal"]);
    assert_eq!(GroupBy::from_name("kind"), Some(GroupBy::Kind));
}

#[test]
fn members_are_recognised_by_the_name_rule() {
    let c = catalog();
    for name in ["Georg Wölflein", "G. Wölflein", "Wölflein, Georg", "Georg Wolflein", "Ognjen Arandjelovic"]
    {
        assert!(c.is_member(name), "{name}");
    }
    for name in ["Jane Smith", "Dadong Wang", "Wolf", ""] {
        assert!(!c.is_member(name), "{name}");
    }
}

#[test]
fn the_new_parameters_are_canonical_and_lenient() {
    for (input, canonical) in [
        ("tag=b&tag=a", "tag=a&tag=b"),
        ("tag=a&tag=A&tag=+a+", "tag=a"),
        ("kind=talk,article", "kind=article,talk"),
        ("kind=talk&kind=article", "kind=article,talk"),
        ("author=Wölflein%2C+Georg", "author=W%C3%B6lflein,+Georg"),
        ("group=none", ""),
        ("group=year&sort=newest", "group=year"),
        ("citations=10-&sort=most-cited", "citations=10-&sort=most-cited"),
        ("venue=A%26B", "venue=A%26B"),
    ] {
        let (state, notices) = decode_url(input);
        assert!(notices.is_empty(), "{input}: {notices:?}");
        assert_eq!(encode_url(&state), canonical, "{input}");
        assert_eq!(decode_url(canonical).0, state, "{canonical} round trip");
    }
    let (state, notices) = decode_url("kind=article,journal&group=month&citations=lots&tag=&author=x");
    let said: Vec<String> = notices.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        said,
        [
            "kind: \"journal\" is not one of article, conference, preprint, thesis, book, chapter, report, talk, other",
            "group: \"month\" is not none, year, kind, venue",
            "citations: \"lots\" is not a count or range (N, N-M, N- or -M)",
            "tag: is empty"
        ]
    );
    assert_eq!(encode_url(&state), "kind=article&author=x", "the good values are kept");
}

#[test]
fn chips_name_each_filter_and_remove_only_it() {
    let v = view("q=agents&from=2024&to=2024&tag=Chess&kind=article&author=Jane+Smith&citations=5-&has=code&group=year");
    let chips: Vec<(String, String)> =
        active_filters(&v, None).into_iter().map(|c| (c.label, encode_url(&c.without))).collect();
    assert_eq!(
        chips,
        [
            (
                "Search: agents".into(),
                "from=2024&to=2024&citations=5-&has=code&tag=Chess&kind=article&author=Jane+Smith&group=year"
                    .into()
            ),
            (
                "Year: 2024".into(),
                "q=agents&citations=5-&has=code&tag=Chess&kind=article&author=Jane+Smith&group=year".into()
            ),
            (
                "Topic: Chess".into(),
                "q=agents&from=2024&to=2024&citations=5-&has=code&kind=article&author=Jane+Smith&group=year"
                    .into()
            ),
            (
                "Type: Journal article".into(),
                "q=agents&from=2024&to=2024&citations=5-&has=code&tag=Chess&author=Jane+Smith&group=year"
                    .into()
            ),
            (
                "Author: Jane Smith".into(),
                "q=agents&from=2024&to=2024&citations=5-&has=code&tag=Chess&kind=article&group=year".into()
            ),
            (
                "Citations: 5+".into(),
                "q=agents&from=2024&to=2024&has=code&tag=Chess&kind=article&author=Jane+Smith&group=year"
                    .into()
            ),
            (
                "Has: Code".into(),
                "q=agents&from=2024&to=2024&citations=5-&tag=Chess&kind=article&author=Jane+Smith&group=year"
                    .into()
            ),
        ]
    );
    assert!(
        active_filters(&view("group=year&view=list"), None).is_empty(),
        "layout and grouping are not filters"
    );
    // `related`'s chip names the paper by its title, or by its id when the collection lacks it.
    let like = view("related=lora-adapters&from=2024");
    let label =
        |title| active_filters(&like, title).into_iter().map(|c| c.label).find(|l| l.starts_with("Like"));
    assert_eq!(label(Some("LoRA: Adapters")), Some("Like “LoRA: Adapters”".to_string()));
    assert_eq!(label(None), Some("Like “lora-adapters”".to_string()));
    let mut cleared = v.clone();
    cleared.clear_search_and_filters();
    assert_eq!(encode_url(&cleared), "group=year", "Clear all keeps the grouping, like the layout");
}

#[test]
fn toggling_a_value_adds_or_removes_it() {
    let mut v = ViewState::default();
    v.toggle_value(ValueFacet::Author, "Jane Smith");
    v.toggle_value(ValueFacet::Tag, "LLM");
    assert!(v.has_value(ValueFacet::Tag, "llm"));
    assert_eq!(encode_url(&v), "tag=LLM&author=Jane+Smith");
    v.toggle_value(ValueFacet::Tag, "llm");
    v.toggle_kind(PaperKind::Talk);
    assert_eq!(encode_url(&v), "kind=talk&author=Jane+Smith");
    assert!(v.is_filtered());
    // A name on a card toggles the person, whatever the spelling.
    v.toggle_person("Georg Wölflein");
    assert!(v.has_person("G. Wolflein"));
    v.toggle_person("Wölflein, G.");
    assert_eq!(encode_url(&v), "kind=talk&author=Jane+Smith");
}

#[test]
fn the_new_fields_round_trip_and_bad_values_are_reported() {
    let loaded = parse_snapshot(LAB).unwrap();
    let again = parse_snapshot(&to_json(&loaded.snapshot)).unwrap();
    assert_eq!(again.snapshot, loaded.snapshot);
    assert_eq!(loaded.snapshot.highlight_authors, ["Georg Wölflein", "Arandjelović, Ognjen"]);
    let json = to_json(&loaded.snapshot);
    assert!(json.contains("\"citations\": 0"), "a count of 0 is written");
    let bad = r#"{"format":"paperdeck-snapshot","version":1,"highlight_authors":["A",3,""],"papers":[
      {"id":"a","title":"A","author_count":1,"kind":"journal","citations":-1,"venue_short":7,"links":{"slides":"javascript:alert(1)","poster":"https://p.example/poster.pdf"}}]}"#;
    let loaded = parse_snapshot(bad).unwrap();
    let p = &loaded.snapshot.papers[0];
    assert_eq!((p.kind, p.citations, p.venue_short.as_deref()), (None, None, None));
    assert_eq!(p.links.poster.as_deref(), Some("https://p.example/poster.pdf"));
    assert_eq!(p.links.slides, None);
    let fields: Vec<&str> = loaded.problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["venue_short", "kind", "citations", "links.slides"]);
    assert_eq!(loaded.snapshot.highlight_authors, ["A"]);
    assert_eq!(loaded.notes, ["\"highlight_authors\" has 2 entries that are not names; they are left out"]);
}
