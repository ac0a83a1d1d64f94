//! A page of its own for one paper (`papers/ID.html` beside the explorer): what Google
//! Scholar and other crawlers index. A whole HTML document that needs no script: the
//! paper's card as on the static page, its BibTeX, its Highwire `citation_*` meta, and
//! links to the paper in the explorer (`../?paper=ID`) and to all papers.

use crate::export::{bibtex_entry, CiteKeys};
use crate::search::catalog::Catalog;
use crate::snapshot::model::Paper;
use crate::view::{PaperUrlTemplate, ViewState};

use super::citation::citation_meta;
use super::escape::escape;
use super::html::card;

/// The folder, beside the explorer's page, that holds the papers' own pages.
pub const PAPER_PAGES_DIR: &str = "papers";

/// Where a paper's own page and what it links to are.
#[derive(Clone, Debug, Default)]
pub struct PaperPageOptions<'a> {
    /// The explorer's stylesheet, relative to the explorer's page (`main-1a2b.css`).
    pub stylesheet: Option<&'a str>,
    /// The explorer's address (`https://lab.example/papers/`), when known: the page's
    /// canonical URL and its `citation_abstract_html_url` become absolute.
    pub site_url: Option<&'a str>,
}

/// The file name of a paper's page inside [`PAPER_PAGES_DIR`]. Ids are of `A-Z a-z 0-9 .
/// _ -` only (docs/snapshot-format.md), so the name never leaves the folder.
pub fn paper_page_file(id: &str) -> String {
    format!("{id}.html")
}

/// The href of a paper's page from the explorer's page.
pub fn paper_page_href(id: &str) -> String {
    format!("{PAPER_PAGES_DIR}/{}", paper_page_file(id))
}

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
        description: paper.abstract_text.as_deref().map(summary),
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

/// What a generated page's head says besides the shell's fixed parts.
pub(super) struct Head<'a> {
    pub title: &'a str,
    pub description: Option<String>,
    pub canonical: Option<String>,
    /// More tags, already escaped (`citation_*` meta).
    pub extra: String,
}

/// The start of a generated page one folder below the explorer (no script allowed, the
/// explorer's stylesheet and icon), up to its open body with the collection's name
/// linking back to the explorer; `class` names the kind of page.
pub(super) fn open_document(
    out: &mut String,
    head: &Head,
    options: &PaperPageOptions,
    class: &str,
    collection: &str,
) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n  <head>\n    <meta charset=\"utf-8\" />\n");
    out.push_str(
        "    <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'; img-src 'self' https: data:\" />\n",
    );
    out.push_str("    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
    out.push_str(&format!("    <title>{}</title>\n", escape(head.title)));
    if let Some(text) = &head.description {
        out.push_str(&format!("    <meta name=\"description\" content=\"{}\" />\n", escape(text)));
    }
    if let Some(url) = &head.canonical {
        out.push_str(&format!("    <link rel=\"canonical\" href=\"{}\" />\n", escape(url)));
    }
    if let Some(css) = options.stylesheet {
        out.push_str(&format!("    <link rel=\"stylesheet\" href=\"../{}\" />\n", escape(css)));
    }
    out.push_str("    <link rel=\"icon\" href=\"../favicon.svg\" type=\"image/svg+xml\" />");
    out.push_str(&head.extra);
    out.push_str(&format!("</head>\n  <body>\n<div class=\"page static-page {class}\">\n"));
    out.push_str("<header class=\"site-header\">\n");
    out.push_str(&format!("<p class=\"brand\"><a href=\"../\">{}</a></p>\n", escape(collection)));
    out.push_str("</header>\n");
}

/// The end of a page begun by [`open_document`].
pub(super) fn close_document(out: &mut String) {
    out.push_str("<footer class=\"site-footer\">\n");
    out.push_str("<p>Made with Paperdeck: a paper explorer that runs entirely in your browser.</p>\n");
    out.push_str("</footer>\n</div>\n  </body>\n</html>\n");
}

/// The BibTeX entry under a heading, as the explorer's "Cite" shows it.
fn cite_section(paper: &Paper) -> String {
    let entry = bibtex_entry(paper, &mut CiteKeys::new());
    format!(
        "<section class=\"paper-page-cite\" aria-labelledby=\"cite-heading\">\n<h2 id=\"cite-heading\">BibTeX</h2>\n<pre class=\"cite-bibtex\">{}</pre>\n</section>\n",
        escape(&entry)
    )
}

/// The first 300 characters of an abstract, cut at a word, for the page's description.
fn summary(text: &str) -> String {
    const MAX: usize = 300;
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end())
}

#[cfg(test)]
mod tests {
    use super::summary;

    #[test]
    fn a_long_abstract_is_cut_at_a_word() {
        let text = "word ".repeat(100);
        let s = summary(&text);
        assert!(s.ends_with("word…"), "{s}");
        assert!(s.chars().count() <= 301);
        assert_eq!(summary("short"), "short");
    }
}
