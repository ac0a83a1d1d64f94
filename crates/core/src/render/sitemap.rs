//! A sitemap (sitemaps.org 0.9) of the explorer and every paper's own page, for search
//! engines and Google Scholar, which read it to find pages no link leads to.

use crate::search::catalog::Catalog;

use super::escape::escape;
use super::site_paths::paper_page_href;

/// The sitemap of the explorer at `site_url` (absolute, ending in `/`) and of the pages of
/// papers `ids`, in that order; a paper's `lastmod` is its date when that is a whole day.
pub fn sitemap(catalog: &Catalog, ids: &[u32], site_url: &str) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    out.push_str(&format!("  <url><loc>{}</loc></url>\n", escape(site_url)));
    for paper in ids.iter().map(|&i| catalog.paper(i)) {
        let loc = format!("{site_url}{}", paper_page_href(&paper.id));
        out.push_str(&format!("  <url><loc>{}</loc>", escape(&loc)));
        if paper.published.day().is_some() {
            out.push_str(&format!("<lastmod>{}</lastmod>", paper.published));
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}
