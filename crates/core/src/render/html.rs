//! The static page: a view's papers as semantic HTML that needs no script, with schema.org
//! `ScholarlyArticle` microdata, styled by the app's own card classes. `paperdeck render`
//! writes it into the built index.html (the app removes it when it starts, by
//! [`STATIC_ID`]) or alone, as a fragment another site includes.

use std::ops::Range;

use crate::search::catalog::{Catalog, SearchResult};
use crate::snapshot::model::Paper;
use crate::view::display::{abstract_needs_toggle, citations_label, count_label, venue_parts};
use crate::view::labels::{order_tail, papers_count, result_count_tail, thousands};
use crate::view::{PaperUrlTemplate, ViewState};

use super::escape::escape;
use super::feeds::FeedLink;
use super::list_page::list_page_href;
use super::paper_page::paper_page_href;
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
            "<div class=\"result-summary\"><p class=\"count\"><span class=\"result-count\">{}</span>{}{}</p></div>\n",
            result.ids.len(),
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

/// Where a paper's title and its "Show more" lead, on a list of papers.
pub(super) type PaperLinks<'a> = dyn Fn(&Paper) -> (String, Option<String>) + 'a;

/// Papers `range` of `result` as the app's list: each group's heading where it starts (and
/// the heading of the group the range starts in), then the cards, linked by `links`.
pub(super) fn paper_list(
    out: &mut String,
    catalog: &Catalog,
    result: &SearchResult,
    range: Range<usize>,
    links: &PaperLinks,
) {
    out.push_str("<ol class=\"paper-list\">\n");
    let start = range.start;
    for i in range {
        let group =
            result.groups.iter().find(|g| g.start == i || (i == start && g.start < i && i < g.start + g.len));
        if let Some(g) = group {
            out.push_str(&format!(
                "<li class=\"group-heading\" data-group=\"{}\"><h2>{} <span class=\"group-count\">{}</span></h2></li>\n",
                escape(&g.key),
                escape(&g.label),
                escape(&papers_count(g.len))
            ));
        }
        let paper = catalog.paper(result.ids[i]);
        let (href, more) = links(paper);
        card(out, paper, &href, "h2", more.as_deref());
    }
    out.push_str("</ol>\n");
}

/// Links from page `page` (1 is the explorer's) of a list of `total` papers, `size` a page,
/// to the pages before and after it; `up` leads from the page's folder to the explorer's.
pub(super) fn list_nav(out: &mut String, page: usize, total: usize, size: usize, up: &str) {
    let first = (page - 1) * size + 1;
    let last = (page * size).min(total);
    let pages = total.div_ceil(size);
    out.push_str("<nav class=\"list-pages\" aria-label=\"More papers\">\n");
    out.push_str(&format!(
        "<p>Papers {}–{} of {}.</p>\n<p>",
        thousands(first),
        thousands(last),
        thousands(total)
    ));
    let href = |n: usize| match n {
        1 if up.is_empty() => "./".to_string(),
        1 => up.to_string(),
        n => format!("{up}{}", list_page_href(n)),
    };
    if page > 1 {
        out.push_str(&format!(
            "<a class=\"link-button\" rel=\"prev\" href=\"{}\">← Previous</a> ",
            href(page - 1)
        ));
    }
    if page < pages {
        out.push_str(&format!(
            "<a class=\"link-button\" rel=\"next\" href=\"{}\">Next {} →</a>",
            href(page + 1),
            thousands((total - last).min(size))
        ));
    }
    out.push_str("</p>\n</nav>\n");
}

/// One paper as the app's card markup, with microdata; its title, a `heading` element,
/// links to `permalink`. With `more` (the paper's own page), a long abstract is clamped as
/// on the app's cards, all of its text still in the page, and "Show more" links there.
pub(super) fn card(out: &mut String, paper: &Paper, permalink: &str, heading: &str, more: Option<&str>) {
    out.push_str(&format!(
        "<li><article class=\"paper-card\" data-paper-id=\"{}\" itemscope=\"\" itemtype=\"https://schema.org/ScholarlyArticle\">\n",
        escape(&paper.id)
    ));
    out.push_str(&format!(
        "<{heading} class=\"paper-title\"><a href=\"{}\" itemprop=\"url\"><span itemprop=\"name\">{}</span></a></{heading}>\n",
        escape(permalink),
        escape(&paper.title)
    ));
    out.push_str("<p class=\"paper-meta\">");
    if paper.published.is_known() {
        out.push_str(&format!(
            "<time datetime=\"{}\" itemprop=\"datePublished\">{}</time>",
            paper.published,
            paper.published.display_long()
        ));
    } else {
        out.push_str("<span>Undated</span>");
    }
    out.push_str("<span class=\"sep\" aria-hidden=\"true\">·</span><span class=\"authors\">");
    match paper.authors.as_deref().filter(|n| !n.is_empty()) {
        Some(names) => {
            let names: Vec<String> = names
                .iter()
                .map(|n| {
                    format!(
                        "<span itemprop=\"author\" itemscope=\"\" itemtype=\"https://schema.org/Person\"><span itemprop=\"name\">{}</span></span>",
                        escape(n)
                    )
                })
                .collect();
            out.push_str(&names.join(", "));
            if paper.authors_incomplete {
                out.push_str(" et al.");
            }
        }
        None => out.push_str(&escape(&count_label(paper.author_count))),
    }
    out.push_str("</span>");
    if let Some(n) = paper.citations {
        out.push_str(&format!(
            "<span class=\"sep\" aria-hidden=\"true\">·</span><span class=\"citations\">{}</span>",
            escape(&citations_label(n))
        ));
    }
    out.push_str("</p>\n");
    let (short, full) = venue_parts(paper);
    if short.is_some() || full.is_some() || paper.kind.is_some() {
        out.push_str("<p class=\"paper-venue\">");
        let mut parts = Vec::new();
        if let Some(s) = short {
            parts.push(format!("<span class=\"venue-badge\">{}</span>", escape(s)));
        }
        if let Some(k) = paper.kind {
            parts.push(format!(
                "<span class=\"kind\" data-kind=\"{}\">{}</span>",
                k.name(),
                escape(k.label())
            ));
        }
        if let Some(v) = full {
            parts.push(format!("<span class=\"venue\">{}</span>", escape(v)));
        }
        out.push_str(&parts.join(" "));
        out.push_str("</p>\n");
    }
    if let Some(a) = &paper.abstract_text {
        match more.filter(|_| abstract_needs_toggle(a)) {
            Some(page) => out.push_str(&format!(
                "<div class=\"abstract\"><p class=\"abstract-text clamped\" itemprop=\"abstract\">{}</p><a class=\"abstract-toggle\" href=\"{}\">Show more</a></div>\n",
                escape(a),
                escape(page)
            )),
            None => out.push_str(&format!("<p class=\"abstract-text\" itemprop=\"abstract\">{}</p>\n", escape(a))),
        }
    }
    // The core admits only absolute http(s) links into a `Paper`; each is written as is,
    // escaped.
    if !paper.links.is_empty() {
        out.push_str("<div class=\"paper-links\" role=\"group\" aria-label=\"Links\">");
        for (kind, url) in paper.links.iter() {
            out.push_str(&format!(
                "<a class=\"link-button\" data-kind=\"{}\" href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                kind.name(),
                escape(url),
                escape(kind.label())
            ));
        }
        out.push_str("</div>\n");
    }
    out.push_str("</article></li>\n");
}
