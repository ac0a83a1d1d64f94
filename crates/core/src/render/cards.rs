//! The app's card markup as static HTML, shared by the explorer's static list, the list
//! pages and a paper's own page: one card with schema.org microdata, a list of cards with
//! its group headings, and the links between list pages.

use std::ops::Range;

use crate::search::catalog::{Catalog, SearchResult};
use crate::snapshot::model::Paper;
use crate::view::display::{abstract_needs_toggle, citations_label, count_label, venue_parts};
use crate::view::labels::{papers_count, thousands};

use super::escape::escape;
use super::site_paths::list_page_href;

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
