//! Responses of the arXiv API's query endpoint (`--from arxiv-atom`): Atom feeds, in the
//! classic format (namespaces declared on each element, `http://` links, hard-wrapped
//! summaries) and the 2025 one (namespaces on the root, `https://` links, a different
//! element order). Elements are found by name and namespace, never by position.
//!
//! Per entry: the arXiv id without its version (old-style `cond-mat/0412498` too), the
//! title and summary as one line of text, the authors, the `published` date, abs and pdf
//! links (built from the id, so always https), the DOI, categories as tags (primary
//! first), `journal_ref` as the venue, and code or project links written in the summary or
//! the comment. Every paper is of kind `preprint`. The API reports a bad query as a feed with one error entry: that is an
//! error naming the API's message.

use paperdeck_core::{Paper, PaperKind, PartialDate};
use roxmltree::{Document, Node};

use crate::import::fields::abstract_links::links_from_abstract;
use crate::import::fields::identifiers::{arxiv_id_in_url, doi, doi_url, set_arxiv_links};
use crate::import::fields::latex_text::{latex_to_text, one_line};
use crate::import::parsed::{ImportError, Location, Note, Parsed};
use crate::import::readers::{dated, set_authors};
use crate::import::source::ImportOptions;

const ATOM: &str = "http://www.w3.org/2005/Atom";
const ARXIV: &str = "http://arxiv.org/schemas/atom";
const OPENSEARCH: &str = "http://a9.com/-/spec/opensearch/1.1/";

/// Reads one API response.
pub fn parse(text: &str, options: &ImportOptions) -> Result<Parsed, ImportError> {
    let doc = Document::parse(text).map_err(|e| {
        let pos = e.pos();
        // The message without its own " at ROW:COL", which the error's place already says.
        let message = e.to_string();
        let message = message.rsplit_once(" at ").map_or(message.as_str(), |(m, _)| m);
        ImportError::at(pos.row as usize, Some(pos.col as usize), format!("not valid XML: {message}"))
    })?;
    let feed = doc.root_element();
    if !feed.has_tag_name((ATOM, "feed")) {
        return Err(ImportError::at(
            1,
            None,
            "not an Atom feed (the arXiv API answers with <feed xmlns=\"http://www.w3.org/2005/Atom\">)",
        ));
    }
    let line_of = |node: Node| doc.text_pos_at(node.range().start).row as usize;
    let mut parsed = Parsed::default();
    let entries: Vec<Node> = feed.children().filter(|n| n.has_tag_name((ATOM, "entry"))).collect();
    if let [only] = entries.as_slice() {
        let id = child_text(*only, ATOM, "id").unwrap_or_default();
        if id.contains("/api/errors") {
            let message = child_text(*only, ATOM, "summary").unwrap_or_else(|| "unknown error".into());
            return Err(ImportError::at(
                line_of(*only),
                None,
                format!("the arXiv API answered with an error: {message}"),
            ));
        }
    }
    for entry in &entries {
        let at = Location::Line(line_of(*entry));
        let paper = paper_of(*entry, options, at, &mut parsed.notes);
        parsed.push(at, paper);
    }
    let total = feed
        .children()
        .find(|n| n.has_tag_name((OPENSEARCH, "totalResults")))
        .and_then(|n| n.text()?.trim().parse::<usize>().ok());
    if let Some(total) = total.filter(|&t| t > entries.len()) {
        parsed.notes.push(Note {
            at: Location::Line(1),
            message: format!(
                "the feed holds {} of the query's {total} results; ask the API for the next pages with start= and import them too",
                entries.len()
            ),
        });
    }
    Ok(parsed)
}

fn child_text(node: Node, ns: &str, name: &str) -> Option<String> {
    node.children().find(|n| n.has_tag_name((ns, name))).and_then(|n| n.text()).map(str::to_string)
}

fn paper_of(
    entry: Node,
    options: &ImportOptions,
    at: Location,
    notes: &mut Vec<Note>,
) -> Result<Paper, String> {
    let raw_id = child_text(entry, ATOM, "id").ok_or("has no <id>")?;
    let id = arxiv_id_in_url(raw_id.trim())
        .ok_or_else(|| format!("<id> {:?} is not an arXiv abstract URL", raw_id.trim()))?;
    let title = child_text(entry, ATOM, "title")
        .map(|t| latex_to_text(&t))
        .filter(|t| !t.is_empty())
        .ok_or_else(|| format!("{id} has no title"))?;
    let date =
        child_text(entry, ATOM, "published").and_then(|d| d.trim().get(..10).and_then(PartialDate::parse));
    let published = dated(date, options, at, notes, &id)?;
    let authors: Vec<String> = entry
        .children()
        .filter(|n| n.has_tag_name((ATOM, "author")))
        .filter_map(|a| child_text(a, ATOM, "name"))
        .map(|n| one_line(&n))
        .filter(|n| !n.is_empty())
        .collect();
    let mut paper = Paper::new("", title, 0, published);
    set_authors(&mut paper, authors, false);
    paper.kind = Some(PaperKind::Preprint);
    let summary = child_text(entry, ATOM, "summary").map(|s| latex_to_text(&s)).filter(|s| !s.is_empty());
    let comment = child_text(entry, ARXIV, "comment").map(|c| latex_to_text(&c)).unwrap_or_default();
    let written = links_from_abstract(&format!("{} {comment}", summary.as_deref().unwrap_or("")));
    paper.links.code = written.code;
    paper.links.project = written.project;
    paper.abstract_text = summary;
    set_arxiv_links(&mut paper.links, &id);
    paper.links.doi = child_text(entry, ARXIV, "doi").and_then(|d| doi(&d)).and_then(|d| doi_url(&d));
    paper.venue =
        child_text(entry, ARXIV, "journal_ref").map(|j| latex_to_text(&j)).filter(|j| !j.is_empty());
    let primary = entry
        .children()
        .find(|n| n.has_tag_name((ARXIV, "primary_category")))
        .and_then(|n| n.attribute("term"));
    let categories =
        entry.children().filter(|n| n.has_tag_name((ATOM, "category"))).filter_map(|n| n.attribute("term"));
    for term in primary.into_iter().chain(categories) {
        if !term.is_empty() && !paper.tags.iter().any(|t| t == term) {
            paper.tags.push(term.to_string());
        }
    }
    Ok(paper)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FEED: &str = r#"<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <entry>
    <id>http://arxiv.org/abs/cond-mat/0412498v1</id>
    <published>2004-12-19T16:18:24Z</published>
    <title>Thermal melting of density
  waves</title>
    <summary>  We present &gt; the theory
of melting. Code: https://github.com/a/b.</summary>
    <author><name>Adrian  Del Maestro</name></author>
    <arxiv:doi xmlns:arxiv="http://arxiv.org/schemas/atom">10.1103/PhysRevB.71.144505</arxiv:doi>
    <arxiv:journal_ref xmlns:arxiv="http://arxiv.org/schemas/atom">Phys. Rev. B 71, 144505 (2005)</arxiv:journal_ref>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cond-mat.stat-mech"/>
    <category term="cond-mat.str-el"/>
    <category term="cond-mat.stat-mech"/>
  </entry>
  <entry><id>http://arxiv.org/abs/2201.00978v1</id><title>No date</title></entry>
</feed>"#;

    #[test]
    fn reads_entries_by_name_and_namespace() {
        let parsed = parse(FEED, &ImportOptions::default()).unwrap();
        assert_eq!(
            crate::import::test_render::parsed(&parsed),
            r#"line 3: "Thermal melting of density waves" 2004-12-19
  authors 1 [Adrian Del Maestro]
  abstract "We present > the theory of melting. Code: https://github.com/a/b."
  venue "Phys. Rev. B 71, 144505 (2005)"
  kind "preprint"
  tags cond-mat.stat-mech, cond-mat.str-el
  code https://github.com/a/b
  arxiv https://arxiv.org/abs/cond-mat/0412498
  pdf https://arxiv.org/pdf/cond-mat/0412498
  doi https://doi.org/10.1103/PhysRevB.71.144505
skipped line 17: 2201.00978 has no year (pass --allow-undated to keep it as an undated paper)
"#
        );
    }

    #[test]
    fn malformed_feeds_and_api_errors_are_errors() {
        let e = parse(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<entry>\n</feed>",
            &ImportOptions::default(),
        )
        .unwrap_err();
        assert_eq!(e.line, 3, "{e}");
        let e = parse("<html/>", &ImportOptions::default()).unwrap_err();
        assert!(e.message.contains("not an Atom feed"));
        let error_feed = r#"<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id>
            <title>Error</title><summary>incorrect id format for 1234</summary></entry></feed>"#;
        let e = parse(error_feed, &ImportOptions::default()).unwrap_err();
        assert!(e.message.contains("incorrect id format for 1234"), "{e}");
    }
}
