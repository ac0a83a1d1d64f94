//! The static page: a view's papers as semantic HTML that needs no script, with schema.org
//! `ScholarlyArticle` microdata, styled by the app's own card classes. `paperdeck render`
//! writes it into the built index.html (the app removes it when it starts, by
//! [`STATIC_ID`]) or alone, as a fragment another site includes.

use crate::search::catalog::Catalog;
use crate::view::labels::{order_tail, result_count_tail, thousands};
use crate::view::{PaperUrlTemplate, ViewState};

use super::cards::{list_nav, paper_list};
use super::escape::escape;
use super::feeds::FeedLink;
use super::site_paths::paper_page_href;
use super::static_timeline::static_timeline;
use super::static_toolbar::static_toolbar;

/// The `id` of the page's static block; the app removes the element when it starts.
pub const STATIC_ID: &str = "paperdeck-static";

/// What the block says around the papers, and where its links lead.
#[derive(Clone, Debug, Default)]
pub struct HtmlOptions<'a> {
    /// Put before every permalink (`?paper=ID`): empty on the explorer's own page, the
    /// explorer's URL (`https://lab.example/papers/`) in a fragment for another site.
    pub explorer_url: &'a str,
    /// Only the list of papers (for another site's page), not the page's header, note and
    /// footer.
    pub fragment: bool,
    /// The feed of this view, linked from the page's note.
    pub feed: Option<&'a FeedLink>,
    /// Only this paper (a page of its own, with its `citation_*` meta in the head).
    pub paper: Option<&'a str>,
    /// Each paper has its own page (`papers/ID.html`, written by `paper_page`): titles
    /// link there, and that page links the paper in the explorer.
    pub paper_pages: bool,
    /// With `paper_pages`, at most this many papers here; the rest are on list pages
    /// (`list/2.html`, …, written by `list_page`), linked below the list.
    pub page_size: Option<usize>,
}

/// The papers of `view`, in its order and with its group headings, as HTML. Every paper
/// has its title, date, authors, venue, abstract, links and its permalink
/// (`explorer_url?paper=ID`, or its own page with [`HtmlOptions::paper_pages`]); every
/// string from the data is escaped.
pub fn static_block(catalog: &Catalog, view: &ViewState, options: &HtmlOptions) -> String {
    let mut result = catalog.search(view);
    if let Some(id) = options.paper {
        result.ids.retain(|&i| catalog.paper(i).id == id);
        result.groups.clear();
    }
    let permalinks = PaperUrlTemplate::new(&ViewState::default());
    let snapshot = &catalog.snapshot;
    let mut out = String::with_capacity(1024 + result.ids.len() * 2048);
    if options.fragment {
        out.push_str("<div class=\"paperdeck-papers\">\n");
    } else {
        out.push_str(&format!(
            "\n<div id=\"{STATIC_ID}\" class=\"page static-page\">\n<header class=\"site-header\">\n"
        ));
        out.push_str("<p class=\"brand\">Paperdeck</p>\n");
        let title = snapshot.title.as_deref().unwrap_or("Papers");
        out.push_str(&format!("<h1>{}</h1>\n", escape(title)));
        if let Some(d) = &snapshot.description {
            out.push_str(&format!("<p class=\"description\">{}</p>\n", escape(d)));
        }
        out.push_str("</header>\n");
        // The app's toolbar, filter panel (folded), timeline and result count, in their places, so
        // the cards stay where they are when the app replaces this.
        out.push_str(&static_toolbar(catalog, view));
        out.push_str(
            "<div class=\"explorer\">\n<aside class=\"filters static-about\" aria-label=\"Filters\">\n",
        );
        out.push_str("<details><summary>Filters</summary>\n<p>Search, filters and sorting start with JavaScript and WebAssembly.</p>\n</details>\n</aside>\n");
        out.push_str("<section class=\"results\" aria-label=\"Papers\">\n");
        out.push_str(&static_timeline(&result, view));
        out.push_str(&format!(
            "<div class=\"result-summary\"><p class=\"count\" aria-live=\"polite\"><span class=\"result-count\">{}</span>{}{}</p></div>\n",
            thousands(result.ids.len()),
            escape(&result_count_tail(result.ids.len(), catalog.len(), view.is_narrowed())),
            escape(&order_tail(result.order))
        ));
    }
    let pages = options.paper_pages && !options.fragment;
    let shown = match options.page_size.filter(|_| pages) {
        Some(size) => result.ids.len().min(size),
        None => result.ids.len(),
    };
    paper_list(&mut out, catalog, &result, 0..shown, &|paper| {
        if pages {
            let page = paper_page_href(&paper.id);
            (page.clone(), Some(page))
        } else {
            (format!("{}?{}", options.explorer_url, permalinks.with_paper(&paper.id)), None)
        }
    });
    if shown < result.ids.len() {
        list_nav(&mut out, 1, result.ids.len(), options.page_size.unwrap_or(shown), "");
    }
    if options.fragment {
        out.push_str("</div>\n");
    } else {
        out.push_str("</section>\n</div>\n<footer class=\"site-footer\">\n<p>");
        if let Some(feed) = options.feed {
            out.push_str(&format!(
                "<a href=\"{}\" type=\"application/atom+xml\">Atom feed</a> · ",
                escape(&feed.href)
            ));
        }
        out.push_str("<a href=\"papers.json\" type=\"application/json\">papers.json</a></p>\n");
        if let Some(s) = &snapshot.source {
            out.push_str(&format!("<p>Source: {}</p>\n", escape(s)));
        }
        if let Some(g) = &snapshot.generated {
            out.push_str(&format!("<p>Snapshot of {}</p>\n", escape(g)));
        }
        out.push_str("<p>Made with Paperdeck: a paper explorer that runs entirely in your browser.</p>\n");
        out.push_str("</footer>\n</div>\n");
    }
    out
}
