//! The static page and the Atom feed (`paperdeck render`, `paperdeck feed`) against their
//! specifications: both are parsed back as XML (the static block is written well-formed),
//! every paper is in them with its permalink, hostile text stays text, the page groups by
//! year newest first, and the feed follows RFC 4287's rules. A paper's own page is a
//! whole document, well-formed too, with its `citation_*` meta and no script; the sitemap
//! follows sitemaps.org.

use std::collections::HashSet;

use paperdeck_core::labels::{SEARCH_PLACEHOLDER, SEARCH_PLACEHOLDER_NO_AUTHORS};
use paperdeck_core::render::{
    atom_feed, citation_meta, paper_page, sitemap, static_block, FeedOptions, HtmlOptions, PaperPageOptions,
    STATIC_ID,
};
use paperdeck_core::{decode_url, parse_snapshot, Catalog, ViewState};
use roxmltree::{Document, Node};

const ATOM: &str = "http://www.w3.org/2005/Atom";

/// Text that tries to break out of every context it is written in.
fn hostile() -> String {
    "<script>alert(1)</script> & \"quoted\" 'single' ]]> --> <!-- \u{0}\u{1b}\u{7f}bell\u{7}".to_string()
}

fn snapshot_json() -> String {
    let long_title = "Long ".repeat(4000);
    serde_json::json!({
        "format": "paperdeck-snapshot", "version": 1,
        "title": format!("Lab {}", hostile()),
        "description": hostile(),
        "generated": "2025-11-07",
        "papers": [
            {"id": "a-2024", "title": format!("Attack {}", hostile()), "authors": [hostile(), "Jane Doe"],
             "published": "2024-06-28", "abstract": format!("Abstract {}", hostile()),
             "venue": hostile(), "venue_short": "V&V", "kind": "conference", "tags": [hostile()],
             "links": {"pdf": "https://example.org/a.pdf?x=1&y=2", "code": "javascript:alert(1)",
                       "project": "https://example.org/p"}},
            {"id": "b-2025", "title": "Newest", "author_count": 8, "published": "2025-01"},
            {"id": "c-2023", "title": long_title, "authors": ["Ann"], "authors_incomplete": true, "published": "2023"},
            {"id": "d-undated", "title": "Undated & unknown", "author_count": 1},
            {"id": "e-2024", "title": "Mid 2024", "authors": ["Bo"], "published": "2024-02-01",
             "links": {"doi": "https://doi.org/10.1/x", "arxiv": "https://arxiv.org/abs/2402.00001"}}
        ]
    })
    .to_string()
}

fn catalog(json: &str) -> Catalog {
    Catalog::new(parse_snapshot(json).unwrap().snapshot)
}

fn view(qs: &str) -> ViewState {
    let (view, notices) = decode_url(qs);
    assert!(notices.is_empty(), "{qs}: {notices:?}");
    view
}

/// What `escape` keeps of a string: the characters XML allows.
fn xml_text(s: &str) -> String {
    s.chars().filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r')).collect()
}

fn text_of(node: Node) -> String {
    node.descendants().filter(|n| n.is_text()).map(|n| n.text().unwrap_or("")).collect()
}

fn by_class<'a>(node: Node<'a, 'a>, class: &str) -> Vec<Node<'a, 'a>> {
    node.descendants()
        .filter(|n| n.attribute("class").is_some_and(|c| c.split(' ').any(|x| x == class)))
        .collect()
}

#[test]
fn the_static_page_is_well_formed_and_has_every_paper_with_its_permalink() {
    let c = catalog(&snapshot_json());
    let html = static_block(&c, &view("group=year"), &HtmlOptions::default());
    let doc = Document::parse(&html).unwrap_or_else(|e| panic!("not well-formed: {e}\n{html}"));
    let root = doc.root_element();
    assert_eq!(root.attribute("id"), Some(STATIC_ID));
    assert_eq!(
        text_of(by_class(root, "site-header")[0].children().find(|n| n.has_tag_name("h1")).unwrap()),
        xml_text(&format!("Lab {}", hostile()))
    );
    let cards = by_class(root, "paper-card");
    assert_eq!(cards.len(), c.len());
    for card in &cards {
        let id = card.attribute("data-paper-id").unwrap();
        let paper = &c.papers()[c.position(id).unwrap() as usize];
        assert_eq!(card.attribute("itemtype"), Some("https://schema.org/ScholarlyArticle"));
        let link = by_class(*card, "paper-title")[0].first_element_child().unwrap();
        assert_eq!(link.attribute("href"), Some(format!("?paper={id}").as_str()));
        assert_eq!(text_of(link), xml_text(&paper.title));
    }
    // Newest first, grouped by year, undated last.
    let order: Vec<&str> = cards.iter().map(|c| c.attribute("data-paper-id").unwrap()).collect();
    assert_eq!(order, ["b-2025", "a-2024", "e-2024", "c-2023", "d-undated"]);
    let headings: Vec<String> = by_class(root, "group-heading")
        .iter()
        .map(|h| h.attribute("data-group").unwrap().to_string())
        .collect();
    assert_eq!(headings.len(), 4, "{headings:?}");
    assert_eq!(&headings[..3], ["2025", "2024", "2023"]);
    // The first paper's details.
    let a = cards[1];
    let meta = text_of(by_class(a, "paper-meta")[0]);
    assert!(meta.contains("Jun 28, 2024") && meta.contains("Jane Doe"), "{meta}");
    assert!(text_of(by_class(cards[0], "paper-meta")[0]).contains("8 authors"));
    assert!(text_of(by_class(cards[3], "paper-meta")[0]).contains("Ann et al."));
    assert_eq!(text_of(by_class(a, "abstract-text")[0]), xml_text(&format!("Abstract {}", hostile())));
    assert!(text_of(by_class(a, "paper-venue")[0]).contains("V&V"));
    let hrefs: Vec<&str> = by_class(a, "link-button").iter().map(|l| l.attribute("href").unwrap()).collect();
    assert_eq!(hrefs, ["https://example.org/p", "https://example.org/a.pdf?x=1&y=2"]);
}

#[test]
fn hostile_text_never_becomes_markup() {
    let c = catalog(&snapshot_json());
    let html = static_block(&c, &view("group=year"), &HtmlOptions::default());
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "a script element");
    assert!(!lower.contains("javascript:"), "a javascript: link");
    assert!(!lower.contains("<!-- <"), "a comment opened by the data");
    assert!(!html.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r')));
    let doc = Document::parse(&html).unwrap();
    for node in doc.descendants().filter(|n| n.is_element()) {
        let allowed = [
            "div", "header", "p", "h1", "h2", "aside", "a", "section", "ol", "li", "article", "span", "time",
            "footer", "label", "input", "select", "option", "button", "details", "summary", "svg", "g",
            "rect",
        ];
        assert!(allowed.contains(&node.tag_name().name()), "element {:?}", node.tag_name());
        for attr in node.attributes() {
            assert!(!attr.name().starts_with("on") && attr.name() != "style", "attribute {}", attr.name());
        }
        // The toolbar's controls are the app's, disabled until it starts.
        if ["input", "select", "button"].contains(&node.tag_name().name()) {
            assert_eq!(node.attribute("disabled"), Some(""), "{:?} is disabled", node.tag_name());
        }
    }
}

#[test]
fn a_fragment_is_the_list_alone_with_links_to_the_explorer() {
    let c = catalog(&snapshot_json());
    let options =
        HtmlOptions { fragment: true, explorer_url: "https://lab.example/papers/", ..HtmlOptions::default() };
    let html = static_block(&c, &view("q=newest"), &options);
    let doc = Document::parse(&html).unwrap();
    assert_eq!(doc.root_element().attribute("class"), Some("paperdeck-papers"));
    let cards = by_class(doc.root_element(), "paper-card");
    assert_eq!(cards.len(), 1);
    let link = by_class(cards[0], "paper-title")[0].first_element_child().unwrap();
    assert_eq!(link.attribute("href"), Some("https://lab.example/papers/?paper=b-2025"));
    assert!(!html.contains("site-header"));
}

#[test]
fn the_bundled_snapshot_renders_every_paper() {
    let json =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/papers.json")).unwrap();
    let c = catalog(&json);
    let html = static_block(&c, &view("group=year"), &HtmlOptions::default());
    let doc = Document::parse(&html).unwrap();
    let ids: HashSet<&str> = by_class(doc.root_element(), "paper-card")
        .iter()
        .filter_map(|n| n.attribute("data-paper-id"))
        .collect();
    assert_eq!(ids.len(), c.len());
    for p in c.papers() {
        assert!(ids.contains(p.id.as_str()), "{}", p.id);
    }
    let feed =
        atom_feed(&c, &ViewState::default(), &FeedOptions { href: "feed.xml", ..FeedOptions::default() });
    check_atom(&feed);
    // Its papers have author counts, not names: the search box's example searches titles.
    let search = doc.descendants().find(|n| n.attribute("type") == Some("search")).unwrap();
    assert_eq!(search.attribute("data-app-placeholder"), Some(SEARCH_PLACEHOLDER_NO_AUTHORS));
    let named = catalog(&snapshot_json());
    let html = static_block(&named, &view(""), &HtmlOptions::default());
    let doc = Document::parse(&html).unwrap();
    let search = doc.descendants().find(|n| n.attribute("type") == Some("search")).unwrap();
    assert_eq!(search.attribute("data-app-placeholder"), Some(SEARCH_PLACEHOLDER));
}

/// Checks the rules of RFC 4287 a feed must follow, and returns its entries' ids.
fn check_atom(xml: &str) -> Vec<String> {
    let doc = Document::parse(xml).unwrap_or_else(|e| panic!("not well-formed: {e}"));
    let feed = doc.root_element();
    assert!(feed.has_tag_name((ATOM, "feed")), "the root is atom:feed");
    let children = |n: Node<'_, '_>, name: &str| -> Vec<String> {
        n.children().filter(|c| c.has_tag_name((ATOM, name))).map(|c| text_of(c)).collect()
    };
    for name in ["id", "title", "updated"] {
        assert_eq!(children(feed, name).len(), 1, "feed has one atom:{name}");
    }
    assert!(is_rfc3339(&children(feed, "updated")[0]));
    assert!(is_absolute_iri(&children(feed, "id")[0]));
    let feed_has_author = feed.children().any(|c| c.has_tag_name((ATOM, "author")));
    let mut ids = Vec::new();
    for entry in feed.children().filter(|c| c.has_tag_name((ATOM, "entry"))) {
        for name in ["id", "title", "updated"] {
            assert_eq!(children(entry, name).len(), 1, "entry has one atom:{name}");
        }
        let id = children(entry, "id")[0].clone();
        assert!(is_absolute_iri(&id), "{id}");
        assert!(is_rfc3339(&children(entry, "updated")[0]));
        for published in children(entry, "published") {
            assert!(is_rfc3339(&published));
        }
        let has_author = entry.children().any(|c| c.has_tag_name((ATOM, "author")));
        assert!(has_author || feed_has_author, "entry {id} has an author, or the feed has");
        for author in entry.children().filter(|c| c.has_tag_name((ATOM, "author"))) {
            assert_eq!(children(author, "name").len(), 1);
        }
        let has_content = entry.children().any(|c| c.has_tag_name((ATOM, "content")));
        let alternates = entry
            .children()
            .filter(|c| {
                c.has_tag_name((ATOM, "link")) && c.attribute("rel").unwrap_or("alternate") == "alternate"
            })
            .count();
        assert!(has_content || alternates >= 1, "an entry without content has a rel=alternate link");
        assert!(alternates <= 1, "one alternate link per type and language");
        for link in entry.children().filter(|c| c.has_tag_name((ATOM, "link"))) {
            assert!(link.attribute("href").is_some());
        }
        ids.push(id);
    }
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "entry ids are unique");
    ids
}

fn is_rfc3339(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 20
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 | 16 => *c == b':',
            19 => *c == b'Z',
            _ => c.is_ascii_digit(),
        })
}

fn is_absolute_iri(s: &str) -> bool {
    s.split_once(':').is_some_and(|(scheme, rest)| {
        !rest.is_empty()
            && scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    }) && !s.chars().any(char::is_whitespace)
}

#[test]
fn the_feed_follows_atom_and_keeps_hostile_text_as_text() {
    let c = catalog(&snapshot_json());
    let xml =
        atom_feed(&c, &ViewState::default(), &FeedOptions { href: "feed.xml", ..FeedOptions::default() });
    let ids = check_atom(&xml);
    assert_eq!(ids.len(), c.len());
    let doc = Document::parse(&xml).unwrap();
    let feed = doc.root_element();
    // Undated papers take the feed's date; the feed's is the latest of all.
    let updated = text_of(feed.children().find(|n| n.has_tag_name((ATOM, "updated"))).unwrap());
    assert_eq!(updated, "2025-11-07T00:00:00Z");
    // The feed-level author covers the papers with only a count.
    let author = feed.children().find(|n| n.has_tag_name((ATOM, "author"))).unwrap();
    assert_eq!(text_of(author), xml_text(&format!("Lab {}", hostile())));
    let entry = feed
        .children()
        .filter(|n| n.has_tag_name((ATOM, "entry")))
        .find(|e| text_of(*e).contains("Attack"))
        .unwrap();
    let title = entry.children().find(|n| n.has_tag_name((ATOM, "title"))).unwrap();
    assert_eq!(text_of(title), xml_text(&format!("Attack {}", hostile())));
    assert_eq!(title.attribute("type"), Some("text"));
    let names: Vec<String> =
        entry.descendants().filter(|n| n.has_tag_name((ATOM, "name"))).map(text_of).collect();
    assert_eq!(names, [xml_text(&hostile()), "Jane Doe".to_string()]);
    let summary = entry.children().find(|n| n.has_tag_name((ATOM, "summary"))).unwrap();
    assert_eq!(text_of(summary), xml_text(&format!("Abstract {}", hostile())));
    let hrefs: Vec<&str> = entry.children().filter_map(|n| n.attribute("href")).collect();
    assert_eq!(hrefs, ["./?paper=a-2024", "https://example.org/p", "https://example.org/a.pdf?x=1&y=2"]);
    assert!(!xml.contains("javascript:"));
    let published = entry.children().find(|n| n.has_tag_name((ATOM, "published"))).unwrap();
    assert_eq!(text_of(published), "2024-06-28T00:00:00Z");
}

#[test]
fn ids_are_stable_and_follow_the_site_url() {
    let c = catalog(&snapshot_json());
    let plain = FeedOptions { href: "feed.xml", ..FeedOptions::default() };
    let all = check_atom(&atom_feed(&c, &ViewState::default(), &plain));
    assert_eq!(all, check_atom(&atom_feed(&c, &ViewState::default(), &plain)), "the same feed twice");
    // A paper keeps its id in another view's feed, and in another order.
    let oldest = check_atom(&atom_feed(&c, &view("sort=oldest"), &plain));
    let mut a = all.clone();
    let mut b = oldest.clone();
    a.sort();
    b.sort();
    assert_eq!(a, b);
    let site = FeedOptions {
        site_url: Some("https://lab.example/papers/"),
        href: "lora.xml",
        ..FeedOptions::default()
    };
    let xml = atom_feed(&c, &view("q=newest&sort=newest"), &site);
    assert_eq!(check_atom(&xml), ["https://lab.example/papers/?paper=b-2025"]);
    assert!(xml.contains("<id>https://lab.example/papers/lora.xml</id>"));
    assert!(xml.contains("href=\"https://lab.example/papers/?q=newest&amp;sort=newest\""), "{xml}");
    let limited = atom_feed(&c, &ViewState::default(), &FeedOptions { limit: Some(2), ..plain });
    assert_eq!(check_atom(&limited), all[..2]);
}

#[test]
fn citation_meta_describes_one_paper() {
    let c = catalog(&snapshot_json());
    let e = &c.papers()[c.position("e-2024").unwrap() as usize];
    let meta = citation_meta(e, "https://lab.example/?paper=e-2024");
    for line in [
        r#"<meta name="citation_title" content="Mid 2024" />"#,
        r#"<meta name="citation_author" content="Bo" />"#,
        r#"<meta name="citation_publication_date" content="2024/02/01" />"#,
        r#"<meta name="citation_doi" content="10.1/x" />"#,
        r#"<meta name="citation_arxiv_id" content="2402.00001" />"#,
        r#"<meta name="citation_abstract_html_url" content="https://lab.example/?paper=e-2024" />"#,
    ] {
        assert!(meta.contains(line), "{line} in {meta}");
    }
    let a = &c.papers()[c.position("a-2024").unwrap() as usize];
    let meta = citation_meta(a, "?paper=a-2024");
    assert!(meta.contains("citation_conference_title") && !meta.contains("<script"));
    assert!(
        meta.contains(r#"<meta name="citation_pdf_url" content="https://example.org/a.pdf?x=1&amp;y=2" />"#)
    );
}

/// A paper's page as an XML document (the DOCTYPE removed: roxmltree reads no HTML one).
fn page_doc(html: &str) -> Document<'_> {
    let body = html.strip_prefix("<!DOCTYPE html>\n").expect("a DOCTYPE first");
    Document::parse(body).unwrap()
}

#[test]
fn a_papers_own_page_is_a_whole_document_with_its_citation_meta_and_no_script() {
    let c = catalog(&snapshot_json());
    let index = c.position("a-2024").unwrap();
    let options =
        PaperPageOptions { stylesheet: Some("main-1a.css"), site_url: Some("https://lab.example/p/") };
    let html = paper_page(&c, index, &options);
    let doc = page_doc(&html);
    let root = doc.root_element();
    let head = root.children().find(|n| n.has_tag_name("head")).unwrap();
    let metas = |name: &str| -> Vec<String> {
        head.children()
            .filter(|n| n.has_tag_name("meta") && n.attribute("name") == Some(name))
            .map(|n| n.attribute("content").unwrap().to_string())
            .collect()
    };
    assert_eq!(metas("citation_title"), [xml_text(&format!("Attack {}", hostile()))]);
    assert_eq!(metas("citation_author"), [xml_text(&hostile()), "Jane Doe".to_string()]);
    assert_eq!(metas("citation_abstract_html_url"), ["https://lab.example/p/?paper=a-2024"]);
    let link = |rel: &str| {
        head.children()
            .find(|n| n.has_tag_name("link") && n.attribute("rel") == Some(rel))
            .and_then(|n| n.attribute("href"))
    };
    assert_eq!(link("canonical"), Some("https://lab.example/p/papers/a-2024.html"));
    assert_eq!(link("stylesheet"), Some("../main-1a.css"));
    // The policy allows no script, and the page has none.
    let csp = head
        .children()
        .find(|n| n.attribute("http-equiv") == Some("Content-Security-Policy"))
        .and_then(|n| n.attribute("content"))
        .unwrap();
    assert!(csp.starts_with("default-src 'none';") && !csp.contains("script-src"), "{csp}");
    assert!(!html.to_lowercase().contains("<script") && !html.contains("javascript:"));
    // One h1, the title, linking to the paper in the explorer; the BibTeX under it.
    let h1: Vec<Node> = root.descendants().filter(|n| n.has_tag_name("h1")).collect();
    assert_eq!(h1.len(), 1);
    assert_eq!(text_of(h1[0]), xml_text(&format!("Attack {}", hostile())));
    assert_eq!(h1[0].first_element_child().unwrap().attribute("href"), Some("../?paper=a-2024"));
    let bibtex = text_of(by_class(root, "cite-bibtex")[0]);
    assert!(bibtex.starts_with("@inproceedings{"), "{bibtex}");
    let actions: Vec<&str> =
        by_class(root, "paper-page-actions")[0].children().filter_map(|n| n.attribute("href")).collect();
    assert_eq!(actions, ["../?paper=a-2024", "../"]);
    // Without a site URL, links stay relative and there is no canonical link.
    let plain = paper_page(&c, index, &PaperPageOptions::default());
    assert!(!plain.contains("rel=\"canonical\"") && plain.contains("content=\"../?paper=a-2024\""));
}

#[test]
fn titles_link_to_the_papers_own_pages_when_there_are_some() {
    let c = catalog(&snapshot_json());
    let options = HtmlOptions { paper_pages: true, ..HtmlOptions::default() };
    let html = static_block(&c, &view("group=year"), &options);
    let doc = Document::parse(&html).unwrap();
    let hrefs: Vec<&str> = by_class(doc.root_element(), "paper-title")
        .iter()
        .map(|t| t.first_element_child().unwrap().attribute("href").unwrap())
        .collect();
    assert_eq!(
        hrefs,
        [
            "papers/b-2025.html",
            "papers/a-2024.html",
            "papers/e-2024.html",
            "papers/c-2023.html",
            "papers/d-undated.html"
        ]
    );
}

#[test]
fn the_sitemap_lists_the_explorer_and_each_papers_page() {
    let c = catalog(&snapshot_json());
    let ids = c.search(&view("sort=newest")).ids;
    let xml = sitemap(&c, &ids, "https://lab.example/p/");
    let doc = Document::parse(&xml).unwrap();
    let sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
    assert!(doc.root_element().has_tag_name((sm, "urlset")));
    let urls: Vec<(String, Option<String>)> = doc
        .root_element()
        .children()
        .filter(|n| n.has_tag_name((sm, "url")))
        .map(|u| {
            let child = |name: &str| u.children().find(|n| n.has_tag_name((sm, name))).map(text_of);
            (child("loc").unwrap(), child("lastmod"))
        })
        .collect();
    assert_eq!(urls[0], ("https://lab.example/p/".to_string(), None));
    assert_eq!(urls.len(), 1 + c.len());
    assert!(urls
        .contains(&("https://lab.example/p/papers/a-2024.html".to_string(), Some("2024-06-28".to_string()))));
    // A lastmod is a whole day: a paper dated by its month only has none.
    assert!(urls.contains(&("https://lab.example/p/papers/b-2025.html".to_string(), None)));
}

#[test]
fn the_static_toolbar_shows_the_views_choices_and_the_count_the_app_will() {
    let c = catalog(&snapshot_json());
    let html = static_block(&c, &view("group=kind&sort=oldest&view=list&q=2024"), &HtmlOptions::default());
    let doc = Document::parse(&html).unwrap();
    let selects: Vec<(String, Vec<String>)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("select"))
        .map(|s| {
            let options: Vec<Node> = s.children().filter(|o| o.has_tag_name("option")).collect();
            let chosen =
                options.iter().find(|o| o.attribute("selected").is_some()).map(|o| text_of(*o)).unwrap();
            (chosen, options.iter().map(|o| text_of(*o)).collect())
        })
        .collect();
    assert_eq!(selects[0].0, "Oldest");
    // No citation counts in this snapshot: no "Most cited".
    assert!(!selects[0].1.iter().any(|o| o == "Most cited"), "{:?}", selects[0].1);
    // A grouped list has two Group menus: the one shown without the app, and the one shown
    // where the app will list the papers ungrouped (index.html's `data-app-ungrouped`).
    assert_eq!(selects[1].0, "By type");
    assert_eq!(selects[2].0, "No grouping");
    assert_eq!(selects[1].1, selects[2].1);
    let menus: Vec<&str> =
        by_class(doc.root_element(), "group-control").iter().map(|l| l.attribute("class").unwrap()).collect();
    assert_eq!(menus, ["control group-control when-app-grouped", "control group-control when-app-ungrouped"]);
    assert_eq!(selects[3].0, "Auto");
    // An ungrouped list has one.
    let ungrouped = static_block(&c, &view("group=none"), &HtmlOptions::default());
    assert_eq!(ungrouped.matches("group-control").count(), 1);
    assert!(!ungrouped.contains("when-app-"));
    let pressed: Vec<String> = by_class(doc.root_element(), "segment")
        .iter()
        .filter(|b| b.attribute("aria-pressed") == Some("true"))
        .map(|b| text_of(*b))
        .collect();
    assert_eq!(pressed, ["List"]);
    let count = text_of(by_class(doc.root_element(), "count")[0]);
    assert_eq!(count, format!("{} of 5 papers, oldest", c.search(&view("q=2024")).ids.len()));
}

#[test]
fn the_static_timeline_draws_the_apps_bars_and_hides_with_timeline_0() {
    let c = catalog(&snapshot_json());
    let html = static_block(&c, &view("group=year"), &HtmlOptions::default());
    let doc = Document::parse(&html).unwrap();
    let timeline = by_class(doc.root_element(), "timeline")[0];
    let bars = by_class(timeline, "timeline-bar");
    // Four dated papers, from 2023 to 2025-01: one bar a month (Jan 2023 counts the
    // year-only paper), the tallest the full height; the undated one counted apart.
    assert!(bars.len() > 12, "{}", bars.len());
    let heights: Vec<f64> = by_class(timeline, "timeline-fill")
        .iter()
        .map(|r| r.attribute("height").unwrap().parse().unwrap())
        .collect();
    assert_eq!(heights.iter().cloned().fold(0.0, f64::max), 100.0);
    assert_eq!(heights.iter().filter(|h| **h > 0.0).count(), 4);
    let readout = text_of(by_class(timeline, "timeline-readout")[0]);
    assert!(readout.contains("1 undated paper"), "{readout}");
    let hidden = static_block(&c, &view("group=year&timeline=0"), &HtmlOptions::default());
    assert!(!hidden.contains("class=\"timeline\""));
}

/// Counts as the app writes them, with thousands separators: the static page's count is
/// the app's until it takes over.
#[test]
fn the_count_is_written_with_thousands_separators() {
    let papers: Vec<String> = (0..1234)
        .map(|i| {
            format!(
                r#"{{"id":"p{i}","title":"Paper {i} {}","author_count":1}}"#,
                ["on graphs", "on text"][i % 2]
            )
        })
        .collect();
    let json = format!(r#"{{"format":"paperdeck-snapshot","version":1,"papers":[{}]}}"#, papers.join(","));
    let c = Catalog::new(parse_snapshot(&json).expect("valid").snapshot);
    let count = |params: &str| {
        let html = static_block(&c, &decode_url(params).0, &HtmlOptions::default());
        let doc = Document::parse(&html).expect("well-formed");
        text_of(by_class(doc.root_element(), "count")[0])
    };
    assert_eq!(count(""), "1,234 papers, newest");
    assert_eq!(count("q=graphs"), "617 of 1,234 papers, by relevance");
}
