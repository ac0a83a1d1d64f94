//! A page of its own for one paper (`papers/ID.html` beside the explorer): what Google
//! Scholar and other crawlers index. A whole HTML document that needs no script: the
//! paper's card as on the static page, its BibTeX, its Highwire `citation_*` meta, and
//! links to the paper in the explorer (`../?paper=ID`) and to all papers.

use crate::export::{bibtex_entry, CiteKeys};
use crate::search::catalog::Catalog;
use crate::snapshot::model::Paper;
use crate::view::display::abstract_preview;
use crate::view::{PaperUrlTemplate, ViewState};

use super::cards::card;
use super::citation::citation_meta;
use super::escape::escape;
use super::shell::{close_document, open_document, Head, PaperPageOptions};
use super::site_paths::paper_page_href;

/// The whole page of paper `index`. Every string from the data is escaped; the page's
/// policy allows no script at all.
pub fn paper_page(catalog: &Catalog, index: u32, options: &PaperPageOptions) -> String {
    let paper = catalog.paper(index);
    let snapshot = &catalog.snapshot;
    let collection = snapshot.title.as_deref().unwrap_or("Papers");
    let in_explorer = format!("?{}", PaperUrlTemplate::new(&ViewState::default()).with_paper(&paper.id));
    let own_url = options.site_url.map(|site| format!("{site}{}", paper_page_href(&paper.id)));
    let abstract_url = match options.site_url {
        Some(site) => format!("{site}{in_explorer}"),
        None => format!("../{in_explorer}"),
    };
    let mut out = String::with_capacity(4096);
    let head = Head {
        title: &format!("{} · {collection}", paper.title),
        // The start of the abstract, as a clamped card renders it.
        description: paper.abstract_text.as_deref().map(|text| match abstract_preview(text) {
            preview if preview.len() < text.len() => format!("{preview}…"),
            whole => whole.to_string(),
        }),
        canonical: own_url,
        extra: citation_meta(paper, &abstract_url),
    };
    open_document(&mut out, &head, options, "paper-page", collection);
    out.push_str("<main class=\"results\">\n<ol class=\"paper-list\">\n");
    card(&mut out, paper, &format!("../{in_explorer}"), "h1", None);
    out.push_str("</ol>\n<p class=\"paper-page-actions\">");
    out.push_str(&format!(
        "<a class=\"link-button\" href=\"../{}\">Open in the explorer</a> <a class=\"link-button\" href=\"../\">All papers</a>",
        escape(&in_explorer)
    ));
    out.push_str("</p>\n");
    out.push_str(&cite_section(paper));
    out.push_str("</main>\n");
    close_document(&mut out);
    out
}

/// The BibTeX entry under a heading, as the explorer's "Cite" shows it.
fn cite_section(paper: &Paper) -> String {
    let entry = bibtex_entry(paper, &mut CiteKeys::new());
    format!(
        "<section class=\"paper-page-cite\" aria-labelledby=\"cite-heading\">\n<h2 id=\"cite-heading\">BibTeX</h2>\n<pre class=\"cite-bibtex\">{}</pre>\n</section>\n",
        escape(&entry)
    )
}
