//! The document around a generated page one folder below the explorer (a paper's own page,
//! a list page): its head (no script allowed, the explorer's stylesheet and icon) and the
//! header and footer around its main part.

use super::escape::escape;

/// Where a generated page finds the explorer's files, and the explorer's address.
#[derive(Clone, Debug, Default)]
pub struct PaperPageOptions<'a> {
    /// The explorer's stylesheet, relative to the explorer's page (`main-1a2b.css`).
    pub stylesheet: Option<&'a str>,
    /// The explorer's address (`https://lab.example/papers/`), when known: the page's
    /// canonical URL and its `citation_abstract_html_url` become absolute.
    pub site_url: Option<&'a str>,
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
