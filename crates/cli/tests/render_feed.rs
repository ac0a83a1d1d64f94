//! `paperdeck render` and `paperdeck feed` on the bundled snapshot: what they write, that
//! rendering twice gives the same page, and how they refuse wrong usage.

use std::process::{Command, Output};
#[path = "../src/cli/scratch.rs"]
mod scratch;
use scratch::Scratch;

fn paperdeck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_paperdeck")).args(args).output().expect("paperdeck runs")
}

fn scratch(name: &str) -> Scratch {
    Scratch::new(&format!("render-test-{name}"))
}

const SNAPSHOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/papers.json");
const PAGE: &str =
    "<html><head>\n<!-- paperdeck:head -->\n</head><body>\n<!-- paperdeck:static -->\n</body></html>";

fn ok(out: &Output) {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn render_into_a_page_is_idempotent_and_links_the_feed() {
    let dir = scratch("page");
    let page = dir.join("index.html");
    std::fs::write(&page, PAGE).unwrap();
    let (page_s, feed_s) = (page.to_str().unwrap(), dir.join("feed.xml"));
    ok(&paperdeck(&["feed", SNAPSHOT, "-o", feed_s.to_str().unwrap()]));
    let feed = std::fs::read_to_string(&feed_s).unwrap();
    assert!(feed.starts_with(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
    ));
    assert_eq!(feed.matches("<entry>").count(), 77);
    ok(&paperdeck(&["render", SNAPSHOT, "--into", page_s, "--feed", "feed.xml"]));
    let once = std::fs::read_to_string(&page).unwrap();
    assert_eq!(once.matches("class=\"paper-card\"").count(), 77);
    assert!(once.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Papers from Hugging Face\" href=\"feed.xml\" data-view=\"\" />"));
    assert!(once.contains("<a href=\"feed.xml\" type=\"application/atom+xml\">Atom feed</a>"));
    ok(&paperdeck(&["render", SNAPSHOT, "--into", page_s, "--feed", "feed.xml"]));
    assert_eq!(std::fs::read_to_string(&page).unwrap(), once, "a second run gives the same page");
    // A feed that is not there is not linked.
    let out = paperdeck(&["render", SNAPSHOT, "--into", page_s, "--feed", "lora.xml=q=lora"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("lora.xml: no such file"));
    // One paper's page: its card alone and its citation meta.
    ok(&paperdeck(&[
        "render",
        SNAPSHOT,
        "--into",
        page_s,
        "--paper",
        "shortcutsbench-a-large-scale-real-world-benchmark-for-api-based-agents",
        "--site-url",
        "https://lab.example/",
    ]));
    let one = std::fs::read_to_string(&page).unwrap();
    assert_eq!(one.matches("class=\"paper-card\"").count(), 1);
    assert!(one.contains("<meta name=\"citation_abstract_html_url\" content=\"https://lab.example/?paper=shortcutsbench-a-large-scale-real-world-benchmark-for-api-based-agents\" />"));
}

#[test]
fn a_fragment_is_written_alone() {
    let dir = scratch("fragment");
    let out = dir.join("papers.html");
    ok(&paperdeck(&[
        "render",
        SNAPSHOT,
        "--fragment",
        "--view",
        "q=lora",
        "--explorer-url",
        "https://lab.example/papers/",
        "-o",
        out.to_str().unwrap(),
    ]));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<div class=\"paperdeck-papers\">"));
    assert!(html.contains("href=\"https://lab.example/papers/?paper="));
    assert!(!html.contains("paperdeck-static"));
}

#[test]
fn wrong_usage_exits_2_and_bad_input_1() {
    let dir = scratch("usage");
    let page = dir.join("index.html");
    std::fs::write(&page, "<html><body></body></html>").unwrap();
    let page_s = page.to_str().unwrap();
    for args in [
        &["render"][..],
        &["render", SNAPSHOT],
        &["render", SNAPSHOT, "--fragment", "--into", page_s],
        &["render", SNAPSHOT, "--into", page_s, "--view", "sort=sideways"],
        &["render", SNAPSHOT, "--into", page_s, "--site-url", "https://lab.example/no-slash"],
        &["render", SNAPSHOT, "--into", page_s, "--site-url", "javascript:alert(1)/"],
        &["render", SNAPSHOT, "--into", page_s, "--pages", "--paper", "x"],
        &["render", SNAPSHOT, "--fragment", "--pages", "-o", page_s],
        &["feed", SNAPSHOT],
        &["feed", SNAPSHOT, "--limit", "0", "-o", "x.xml"],
        &["feed", SNAPSHOT, "--site-url", "javascript:alert(1)/", "-o", "x.xml"],
    ] {
        let out = paperdeck(args);
        let code = out.status.code();
        // A view the explorer would not understand is bad input (1), found after reading.
        assert!(
            code == Some(2) || (code == Some(1) && args.contains(&"sort=sideways")),
            "{args:?}: {code:?}"
        );
    }
    let out = paperdeck(&["render", SNAPSHOT, "--into", page_s]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no <!-- paperdeck:static --> marker"));
    ok(&paperdeck(&["render", "--help"]));
    ok(&paperdeck(&["feed", "--help"]));
}

#[test]
fn pages_give_each_paper_its_own_page_and_the_site_url_a_sitemap_and_the_policy() {
    let dir = scratch("pages");
    let page = dir.join("index.html");
    let built = PAGE.replace(
        "<head>",
        "<head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'\" /><link rel=\"stylesheet\" href=\"./main-1a.css\" integrity=\"x\"/>",
    );
    assert_ne!(built, PAGE, "the test page has a <head>");
    std::fs::write(&page, &built).unwrap();
    // A page left from an earlier build, of a paper no longer in the snapshot.
    std::fs::create_dir_all(dir.join("papers")).unwrap();
    std::fs::write(dir.join("papers/gone.html"), "old").unwrap();
    let page_s = page.to_str().unwrap();
    let args = ["render", SNAPSHOT, "--into", page_s, "--pages", "--site-url", "https://lab.example/p/"];
    ok(&paperdeck(&args));
    let once = std::fs::read_to_string(&page).unwrap();
    assert!(once.contains(
        "content=\"default-src 'self' https://lab.example; script-src 'self' https://lab.example 'wasm-unsafe-eval'\""
    ));
    let pages: Vec<String> = std::fs::read_dir(dir.join("papers"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(pages.len(), 77, "one page a paper, the old one removed: {pages:?}");
    assert!(!pages.contains(&"gone.html".to_string()));
    let id = "measuring-the-intrinsic-dimension-of-objective-landscapes";
    let own = std::fs::read_to_string(dir.join(format!("papers/{id}.html"))).unwrap();
    assert!(own.contains("<link rel=\"stylesheet\" href=\"../main-1a.css\" />"));
    assert!(
        own.contains(&format!("<link rel=\"canonical\" href=\"https://lab.example/p/papers/{id}.html\" />"))
    );
    assert!(
        own.contains(&format!("<a class=\"link-button\" href=\"../?paper={id}\">Open in the explorer</a>"))
    );
    assert!(once.contains(&format!("<a href=\"papers/{id}.html\" itemprop=\"url\">")));
    let sitemap = std::fs::read_to_string(dir.join("sitemap.xml")).unwrap();
    assert_eq!(sitemap.matches("<url>").count(), 78);
    assert!(sitemap.contains(&format!("<loc>https://lab.example/p/papers/{id}.html</loc>")));
    // Running it again gives the same files.
    ok(&paperdeck(&args));
    assert_eq!(std::fs::read_to_string(&page).unwrap(), once);
    assert_eq!(std::fs::read_to_string(dir.join(format!("papers/{id}.html"))).unwrap(), own);
}

/// The hrefs of an HTML page, as written (no entity in them but `&amp;`).
fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(|h| h.replace("&amp;", "&"))
        .collect()
}

#[test]
fn at_250_papers_the_static_list_is_paged_and_a_crawler_reaches_every_paper() {
    let dir = scratch("paged");
    let papers: Vec<serde_json::Value> = (0..250)
        .map(|i| {
            serde_json::json!({"id": format!("p{i:03}"), "title": format!("Paper {i}"), "author_count": 1,
                "published": format!("{}-{:02}-01", 2000 + i / 12, i % 12 + 1), "abstract": "word ".repeat(80)})
        })
        .collect();
    let snapshot = dir.join("papers.json");
    let json =
        serde_json::json!({"format": "paperdeck-snapshot", "version": 1, "title": "Many", "papers": papers});
    std::fs::write(&snapshot, json.to_string()).unwrap();
    let page = dir.join("index.html");
    std::fs::write(&page, PAGE).unwrap();
    ok(&paperdeck(&["render", snapshot.to_str().unwrap(), "--into", page.to_str().unwrap(), "--pages"]));
    let index = std::fs::read_to_string(&page).unwrap();
    assert_eq!(index.matches("class=\"paper-card\"").count(), 100, "the first 100 on the explorer's page");
    assert!(index.contains("<p>Papers 1–100 of 250.</p>"));
    assert!(index.contains("<a class=\"link-button\" rel=\"next\" href=\"list/2.html\">Next 100 →</a>"));
    let mut lists: Vec<String> = std::fs::read_dir(dir.join("list"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    lists.sort();
    assert_eq!(lists, ["2.html", "3.html"]);
    let last = std::fs::read_to_string(dir.join("list/3.html")).unwrap();
    assert_eq!(last.matches("class=\"paper-card\"").count(), 50);
    assert!(last.contains("<p>Papers 201–250 of 250.</p>"));
    assert!(last.contains("rel=\"prev\" href=\"../list/2.html\"") && !last.contains("rel=\"next\""));
    let second = std::fs::read_to_string(dir.join("list/2.html")).unwrap();
    assert!(second.contains("rel=\"prev\" href=\"../\""), "page 2 leads back to the explorer");
    // A page that starts inside a year starts with that year's heading.
    assert!(second.find("class=\"group-heading\"").unwrap() < second.find("class=\"paper-card\"").unwrap());
    // Following links from the explorer's page, as a crawler does, reaches every paper's page.
    let mut seen = std::collections::HashSet::new();
    let mut queue = vec![page.clone()];
    while let Some(file) = queue.pop() {
        let Ok(html) = std::fs::read_to_string(&file) else { continue };
        for href in hrefs(&html) {
            // Pages only: the explorer (`../`, `?paper=`), sites and files are not followed.
            if href.starts_with("http") || !href.ends_with(".html") {
                continue;
            }
            let target = file.parent().unwrap().join(&href);
            let target = std::fs::canonicalize(&target)
                .unwrap_or_else(|_| panic!("{href} in {} leads nowhere", file.display()));
            if seen.insert(target.clone()) {
                queue.push(target);
            }
        }
    }
    let reached = seen.iter().filter(|p| p.parent().unwrap().ends_with("papers")).count();
    assert_eq!(reached, 250);
}
