//! The static list in pages: when each paper has a page of its own, the explorer's page
//! holds the first [`STATIC_PAGE_SIZE`] papers of the view and `list/2.html`, `list/3.html`,
//! … the rest, each with links to the pages before and after it. A reader without
//! JavaScript and a crawler reach every paper by following them, while the explorer's page
//! stays small at 10,000 papers (its first cards paint before the app has loaded).

use crate::search::catalog::{Catalog, SearchResult};
use crate::view::labels::{order_tail, thousands};

use super::cards::{list_nav, paper_list};
use super::shell::{close_document, open_document, Head, PaperPageOptions};
use super::site_paths::{list_page_href, paper_page_file, PAPER_PAGES_DIR, STATIC_PAGE_SIZE};

/// List page `n` (2 or more) of `result`: its papers as cards whose titles lead to their
/// own pages, and the links to the pages before and after it.
pub fn list_page(catalog: &Catalog, result: &SearchResult, n: usize, options: &PaperPageOptions) -> String {
    let collection = catalog.snapshot.title.as_deref().unwrap_or("Papers");
    let total = result.ids.len();
    let first = ((n - 1) * STATIC_PAGE_SIZE).min(total);
    let last = (n * STATIC_PAGE_SIZE).min(total);
    let range_label = format!("Papers {}–{} of {}", thousands(first + 1), thousands(last), thousands(total));
    let head = Head {
        title: &format!("{range_label} · {collection}"),
        description: None,
        canonical: options.site_url.map(|site| format!("{site}{}", list_page_href(n))),
        extra: String::new(),
    };
    let mut out = String::with_capacity(STATIC_PAGE_SIZE * 2048);
    open_document(&mut out, &head, options, "list-page", collection);
    out.push_str("<main class=\"results\">\n");
    out.push_str(&format!(
        "<h1>{}</h1>\n<div class=\"result-summary\"><p class=\"count\">{range_label}{}</p></div>\n",
        super::escape::escape(collection),
        super::escape::escape(&order_tail(result.order))
    ));
    paper_list(&mut out, catalog, result, first..last, &|paper| {
        let page = format!("../{PAPER_PAGES_DIR}/{}", paper_page_file(&paper.id));
        (page.clone(), Some(page))
    });
    list_nav(&mut out, n, total, STATIC_PAGE_SIZE, "../");
    out.push_str("</main>\n");
    close_document(&mut out);
    out
}
