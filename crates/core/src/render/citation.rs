//! Highwire Press `citation_*` meta tags (what Google Scholar reads) for a page about one
//! paper.

use crate::snapshot::kind::PaperKind;
use crate::snapshot::links::LinkKind;
use crate::snapshot::model::Paper;

use super::escape::escape;

/// The `<meta name="citation_…">` tags of `paper`, one a line: title, each author, the
/// publication date (`YYYY/MM/DD`, `YYYY/MM` or `YYYY`), the venue as a journal or
/// conference title by its kind, the PDF, the DOI, the arXiv id and the abstract page
/// (`permalink`, absolute when the site's URL is known).
pub fn citation_meta(paper: &Paper, permalink: &str) -> String {
    let mut tags: Vec<(&str, String)> = vec![("citation_title", paper.title.clone())];
    for name in paper.authors.iter().flatten() {
        tags.push(("citation_author", name.clone()));
    }
    if paper.published.is_known() {
        tags.push(("citation_publication_date", paper.published.to_string().replace('-', "/")));
    }
    if let Some(venue) = paper.venue.as_deref().or(paper.venue_short.as_deref()) {
        let key = match paper.kind {
            Some(PaperKind::Conference) => "citation_conference_title",
            Some(PaperKind::Thesis) => "citation_dissertation_institution",
            Some(PaperKind::Report) => "citation_technical_report_institution",
            _ => "citation_journal_title",
        };
        tags.push((key, venue.to_string()));
    }
    if let Some(pdf) = paper.links.get(LinkKind::Pdf) {
        tags.push(("citation_pdf_url", pdf.to_string()));
    }
    if let Some(doi) = paper.links.get(LinkKind::Doi) {
        let bare = doi.split_once("doi.org/").map_or(doi, |(_, d)| d);
        tags.push(("citation_doi", bare.to_string()));
    }
    if let Some(arxiv) = paper.links.get(LinkKind::Arxiv) {
        if let Some((_, id)) = arxiv.split_once("arxiv.org/abs/") {
            tags.push(("citation_arxiv_id", id.to_string()));
        }
    }
    tags.push(("citation_abstract_html_url", permalink.to_string()));
    tags.iter()
        .map(|(name, content)| format!("\n    <meta name=\"{name}\" content=\"{}\" />", escape(content)))
        .collect::<String>()
        + "\n    "
}
