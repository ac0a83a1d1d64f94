//! The URL table, names of themes and layouts, and card links.

use paperdeck_core::{
    decode_url, encode_url, PaperUrlTemplate, Param, Theme, ViewMode, ViewState, PARAMETERS,
};

#[test]
fn the_key_table_is_the_documented_one_in_order() {
    let keys: Vec<&str> = Param::ALL.iter().map(|p| p.key()).collect();
    assert_eq!(
        keys,
        [
            "q",
            "from",
            "to",
            "authors",
            "upvotes",
            "citations",
            "has",
            "tag",
            "venue",
            "kind",
            "author",
            "sort",
            "group",
            "view",
            "paper",
            "theme",
            "data",
            "embed",
            "controls",
            "timeline",
            "limit",
            "bg",
            "related",
            "new"
        ]
    );
    assert_eq!(PARAMETERS, Param::ALL);
    let doc = include_str!("../../../docs/url-parameters.md");
    let documented: Vec<&str> =
        doc.lines().filter_map(|l| l.strip_prefix("| `")).filter_map(|l| l.split('`').next()).collect();
    assert_eq!(documented, keys, "docs/url-parameters.md lists the keys in the same order");
    for p in Param::ALL {
        assert_eq!(Param::from_key(p.key()), Some(p));
    }
    assert_eq!(Param::from_key("utm_source"), None);
}

#[test]
fn every_key_of_the_table_is_decoded_and_encoded() {
    // One value per key, in canonical order: decoding then encoding gives the same text,
    // so no key of the table is ignored by either side.
    let qs = "q=a&from=2020&to=2021&authors=2&upvotes=3-&citations=-9&has=pdf&tag=t&venue=v&kind=thesis&author=A+B&sort=title&group=kind&view=list&paper=p&theme=light&data=d.json&embed=1&controls=0&timeline=0&limit=2&bg=1&related=r&new=1";
    let (state, notices) = decode_url(qs);
    assert_eq!(notices, vec![]);
    assert_eq!(encode_url(&state), qs);
    let pieces: Vec<&str> = qs.split('&').map(|p| p.split('=').next().unwrap()).collect();
    assert_eq!(pieces, Param::ALL.map(Param::key));
}

#[test]
fn theme_and_layout_names_round_trip_and_read_as_labels() {
    assert_eq!(
        Theme::ALL.map(|t| (t.name(), t.label())),
        [("auto", "Auto"), ("light", "Light"), ("dark", "Dark")]
    );
    assert_eq!(ViewMode::ALL.map(|m| (m.name(), m.label())), [("cards", "Cards"), ("list", "List")]);
    for t in Theme::ALL {
        assert_eq!(Theme::from_name(t.name()), Some(t));
        let (v, _) = decode_url(&format!("theme={}", t.name()));
        assert_eq!(v.theme, t);
    }
    for m in ViewMode::ALL {
        assert_eq!(ViewMode::from_name(m.name()), Some(m));
        let (v, _) = decode_url(&format!("view={}", m.name()));
        assert_eq!(v.view, m);
    }
    assert_eq!((Theme::from_name("Dark"), ViewMode::from_name("grid")), (None, None));
    assert_eq!(decode_url("view=grid").1[0].to_string(), "view: \"grid\" is not cards or list");
    assert_eq!(decode_url("theme=pink").1[0].to_string(), "theme: \"pink\" is not auto, light or dark");
}

#[test]
fn a_bad_has_list_reports_each_bad_name() {
    let (v, notices) = decode_url("has=video,code,audio");
    assert_eq!(encode_url(&v), "has=code");
    let texts: Vec<String> = notices.iter().map(ToString::to_string).collect();
    assert_eq!(
        texts,
        [
            "has: \"video\" is not one of code, project, pdf, abstract",
            "has: \"audio\" is not one of code, project, pdf, abstract"
        ]
    );
}

/// Views a card link is made in: defaults, every key, an opened paper, a query that
/// spells the old placeholder, unknown parameters.
fn views() -> Vec<ViewState> {
    [
        "",
        "q=PAPERDECK-CARD-ID",
        "q=paper%3DPAPERDECK-CARD-ID&paper=PAPERDECK-CARD-ID",
        "q=lora&from=2020&sort=oldest&view=list&paper=x1&theme=dark&data=d.json&utm_source=news",
        "theme=light",
        "embed=1&controls=0&limit=3&bg=1",
        "timeline=0&paper=p2",
        "tag=b&tag=a&author=G.+W%C3%B6lflein&group=year&kind=talk,article&citations=10-",
        "utm_medium=a&utm_source=b",
        "paper=p1",
    ]
    .iter()
    .map(|qs| decode_url(qs).0)
    .collect()
}

#[test]
fn card_links_equal_encoding_the_view_with_that_paper() {
    for view in views() {
        let template = PaperUrlTemplate::new(&view);
        for id in ["p1", "PAPERDECK-CARD-ID", "2406.18540", "a_b-c"] {
            let expected = encode_url(&ViewState { paper: Some(id.into()), ..view.clone() });
            assert_eq!(template.with_paper(id), expected, "{view:?} {id}");
        }
        assert_eq!(template.without_paper(), encode_url(&ViewState { paper: None, ..view.clone() }));
    }
}

#[test]
fn a_query_spelling_the_old_placeholder_keeps_every_card_link_right() {
    let (view, _) = decode_url("q=PAPERDECK-CARD-ID");
    let template = PaperUrlTemplate::new(&view);
    assert_eq!(template.with_paper("p1"), "q=PAPERDECK-CARD-ID&paper=p1");
    assert_eq!(template.with_paper("p2"), "q=PAPERDECK-CARD-ID&paper=p2");
    assert_eq!(template.without_paper(), "q=PAPERDECK-CARD-ID");
    let (both, _) = decode_url("q=lora&theme=dark&utm_source=x");
    assert_eq!(PaperUrlTemplate::new(&both).with_paper("p1"), "q=lora&paper=p1&theme=dark&utm_source=x");
    assert_eq!(PaperUrlTemplate::new(&ViewState::default()).with_paper("p1"), "paper=p1");
    assert_eq!(PaperUrlTemplate::new(&ViewState::default()).without_paper(), "");
}
