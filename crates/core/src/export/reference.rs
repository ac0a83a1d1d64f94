//! One paper as a plain-text reference, and its permalink.

use super::ids::{arxiv_id, doi};
use crate::snapshot::kind::PaperKind;
use crate::snapshot::model::Paper;
use crate::view::{encode, ViewState};

/// The paper as a reference in the ACM Reference Format: names as written, `A and B`,
/// `A, B, and C`, or `A, B, et al.` for an incomplete list; the year (`n.d.` when
/// undated); the title; `In VENUE.` for a conference paper or a chapter, else `VENUE.`,
/// or `arXiv:ID.` for an arXiv paper with no venue; then the DOI link, else the arXiv
/// link, else the paper's page. Text is on one line.
///
/// `Haiyang Shen, Yue Li, and Zhe Wang. 2024. ShortcutsBench: A Benchmark. In NeurIPS
/// 2024. https://doi.org/10.1000/x`
pub fn reference(paper: &Paper) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(names) = paper.authors.as_ref().filter(|n| !n.is_empty()) {
        parts.push(sentence(&author_list(names, paper.authors_incomplete)));
    }
    let year = if paper.published.is_known() { paper.published.year().to_string() } else { "n.d.".into() };
    parts.push(sentence(&year));
    parts.push(sentence(&paper.title));
    let venue = match (&paper.venue, paper.kind) {
        (Some(v), Some(PaperKind::Conference | PaperKind::Chapter)) => Some(format!("In {v}")),
        (Some(v), _) => Some(v.clone()),
        (None, _) => arxiv_id(paper).map(|id| format!("arXiv:{id}")),
    };
    parts.extend(venue.map(|v| sentence(&v)));
    let link = doi(paper)
        .map(|d| format!("https://doi.org/{d}"))
        .or_else(|| paper.links.arxiv.clone())
        .or_else(|| paper.links.url.clone())
        .or_else(|| paper.links.project.clone());
    parts.extend(link);
    one_line(&parts.join(" "))
}

fn author_list(names: &[String], incomplete: bool) -> String {
    match (names, incomplete) {
        (_, true) => format!("{}, et al", names.join(", ")),
        ([one], _) => one.clone(),
        ([a, b], _) => format!("{a} and {b}"),
        ([first @ .., last], _) => format!("{}, and {last}", first.join(", ")),
        ([], _) => String::new(),
    }
}

/// `text` ending in a full stop (unless it ends in `.`, `?` or `!` already).
fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '?', '!']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The link that opens the paper on the page at `page_url`: the page without its query
/// and fragment, and the query string of a view that opens the paper (keeping the
/// snapshot the page shows, `data`, when it is not the default one).
/// `permalink("https://lab.example/papers/?q=x#top", &view, "2406.18540")` is
/// `https://lab.example/papers/?paper=2406.18540`.
pub fn permalink(page_url: &str, view: &ViewState, paper_id: &str) -> String {
    let page = page_url.split(['?', '#']).next().unwrap_or("");
    let opened =
        ViewState { paper: Some(paper_id.to_string()), data: view.data.clone(), ..ViewState::default() };
    format!("{page}?{}", encode(&opened))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::date::PartialDate;
    use crate::view::decode;

    #[test]
    fn acm_references() {
        let mut p = Paper::new("x", "ShortcutsBench: A\nBenchmark", 3, PartialDate::ym(2024, 6).unwrap());
        p.authors = Some(vec!["Haiyang Shen".into(), "Yue Li".into(), "Zhe Wang".into()]);
        p.venue = Some("NeurIPS 2024".into());
        p.kind = Some(PaperKind::Conference);
        p.links.doi = Some("https://doi.org/10.1000/x".into());
        p.links.arxiv = Some("https://arxiv.org/abs/2406.18540".into());
        assert_eq!(
            reference(&p),
            "Haiyang Shen, Yue Li, and Zhe Wang. 2024. ShortcutsBench: A Benchmark. In NeurIPS 2024. https://doi.org/10.1000/x"
        );
        p.authors = Some(vec!["A B".into(), "C D".into()]);
        p.venue = None;
        p.links.doi = None;
        assert_eq!(
            reference(&p),
            "A B and C D. 2024. ShortcutsBench: A Benchmark. arXiv:2406.18540. https://arxiv.org/abs/2406.18540"
        );
        p.authors_incomplete = true;
        p.published = PartialDate::UNKNOWN;
        p.title = "Why?".into();
        assert!(reference(&p).starts_with("A B, C D, et al. n.d. Why? arXiv:"), "{}", reference(&p));
    }

    #[test]
    fn permalinks_open_the_paper_on_the_page() {
        let view = decode("q=x&data=lab.json").0;
        assert_eq!(
            permalink("https://lab.example/p/?q=x#top", &view, "2406.1"),
            "https://lab.example/p/?paper=2406.1&data=lab.json"
        );
        assert_eq!(
            permalink("https://lab.example/", &ViewState::default(), "a b"),
            "https://lab.example/?paper=a+b"
        );
    }
}
