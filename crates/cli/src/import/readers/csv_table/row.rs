//! The paper of one row of a table, from the values of its columns by field.

use std::collections::HashMap;

use csv::StringRecord;
use paperdeck_core::{is_http_url, LinkKind, Paper, PaperKind, PartialDate};

use super::header::TableKind;
use crate::import::fields::counts::citation_count;
use crate::import::fields::dates::{loose_date, month_number};
use crate::import::fields::identifiers::{arxiv_id, arxiv_id_in_text, arxiv_id_in_url, set_arxiv_links};
use crate::import::fields::latex_text::one_line;
use crate::import::fields::links::{add_link, not_a_url, read_doi_field, take_doi_link};
use crate::import::fields::names::{self, split_list};
use crate::import::fields::tags::add_tag;
use crate::import::parsed::{Location, Note};
use crate::import::readers::{dated, set_authors};
use crate::import::source::ImportOptions;

/// The link fields, with the link each gives.
const LINK_FIELDS: [(&str, LinkField); 12] = [
    ("url", LinkField::Kind(LinkKind::Url)),
    ("pdf", LinkField::Kind(LinkKind::Pdf)),
    ("code", LinkField::Kind(LinkKind::Code)),
    ("project", LinkField::Kind(LinkKind::Project)),
    ("slides", LinkField::Kind(LinkKind::Slides)),
    ("poster", LinkField::Kind(LinkKind::Poster)),
    ("video", LinkField::Kind(LinkKind::Video)),
    ("blog", LinkField::Kind(LinkKind::Blog)),
    ("data", LinkField::Kind(LinkKind::Data)),
    ("supplement", LinkField::Kind(LinkKind::Supplement)),
    ("hf", LinkField::Kind(LinkKind::Hf)),
    ("fulltext", LinkField::FullText),
];

/// The link a link field gives.
#[derive(Clone, Copy)]
enum LinkField {
    Kind(LinkKind),
    /// Publish or Perish's full-text link: a PDF when it says so, else a page.
    FullText,
}

/// The non-empty values of a row by field, in column order (several columns can give one
/// field, as Zotero's two tag columns do).
pub struct Row<'r> {
    values: HashMap<&'static str, Vec<&'r str>>,
}

impl<'r> Row<'r> {
    /// The row's values, trimmed, by the field of their column.
    pub fn of(record: &'r StringRecord, fields: &[Option<&'static str>]) -> Self {
        let mut values: HashMap<&'static str, Vec<&'r str>> = HashMap::new();
        for (value, field) in record.iter().zip(fields) {
            let value = value.trim();
            if let (Some(field), false) = (field, value.is_empty()) {
                values.entry(field).or_default().push(value);
            }
        }
        Self { values }
    }

    /// True when no column with a field has a value.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    fn first(&self, field: &str) -> Option<&'r str> {
        self.values.get(field).and_then(|v| v.first()).copied()
    }

    fn one_line(&self, field: &str) -> Option<String> {
        self.first(field).map(one_line)
    }

    fn all(&self, field: &str) -> impl Iterator<Item = &'r str> + '_ {
        self.values.get(field).into_iter().flatten().copied()
    }
}

/// The paper of a row, or the reason it is none (no title; no year without
/// `--allow-undated`).
pub fn paper_of(
    row: &Row,
    kind: TableKind,
    options: &ImportOptions,
    at: Location,
    notes: &mut Vec<Note>,
) -> Result<Paper, String> {
    let title = row.one_line("title").ok_or("has no title")?;
    let published = dated(date_of(row), options, at, notes, format_args!("{title:?}"))?;
    let count = row.first("author_count").and_then(|c| c.parse::<u32>().ok());
    let mut paper = Paper::new("", title, count.unwrap_or(0), published);
    let (authors, incomplete) = row.first("authors").map(|a| authors_of(a, kind)).unwrap_or_default();
    set_authors(&mut paper, authors, incomplete);
    paper.abstract_text = row.one_line("abstract");
    paper.venue = row.one_line("venue");
    paper.venue_short = row.one_line("venue_short");
    paper.kind = row.first("kind").and_then(|k| kind_named(k, at, notes));
    paper.thumbnail = row.first("thumbnail").and_then(|u| {
        let ok = is_http_url(u);
        if !ok {
            notes.push(not_a_url(at, "thumbnail", u));
        }
        ok.then(|| u.to_string())
    });
    paper.summary = row.one_line("summary");
    paper.upvotes = row.first("upvotes").and_then(|u| u.parse().ok()).unwrap_or(0);
    paper.citations = row.first("citations").and_then(|c| citations(c, at, notes));
    paper.tags = tags_of(row, kind);
    set_links(row, &mut paper, at, notes);
    Ok(paper)
}

/// A kind by its snapshot name (any case), or a note that the cell names none.
fn kind_named(cell: &str, at: Location, notes: &mut Vec<Note>) -> Option<PaperKind> {
    let kind = PaperKind::from_name(&cell.to_lowercase());
    if kind.is_none() {
        notes.push(Note { at, message: format!("kind {cell:?} is not a kind; left out") });
    }
    kind
}

/// A citation count (Publish or Perish's `Cites`), or a note that the cell is none.
fn citations(cell: &str, at: Location, notes: &mut Vec<Note>) -> Option<u32> {
    let count = citation_count(cell);
    if count.is_none() {
        notes.push(Note { at, message: format!("citations {cell:?} is not a whole number; left out") });
    }
    count
}

/// `date`, unless it contradicts `year`; else `year` and `month`.
fn date_of(row: &Row) -> Option<PartialDate> {
    let year = row.first("year").and_then(|y| y.parse::<u16>().ok()).filter(|y| (1000..=9999).contains(y));
    row.first("date").and_then(loose_date).filter(|d| year.is_none_or(|y| d.year() == y)).or_else(|| {
        let y = year?;
        row.first("month")
            .and_then(month_number)
            .and_then(|m| PartialDate::ym(y, m))
            .or_else(|| PartialDate::y(y))
    })
}

/// The authors cell as the kind of table writes it.
fn authors_of(cell: &str, kind: TableKind) -> (Vec<String>, bool) {
    match kind {
        TableKind::PublishOrPerish => split_list(cell, ',', false),
        TableKind::Zotero => split_list(cell, ';', true),
        TableKind::Generic => split_generic_authors(cell),
    }
}

/// Tags of every tags column, each once.
fn tags_of(row: &Row, kind: TableKind) -> Vec<String> {
    // Zotero separates tags by `;` only: `Sleep, REM` is one.
    let separators: &[char] = if kind == TableKind::Zotero { &[';'] } else { &[';', ','] };
    let mut tags = Vec::new();
    for cell in row.all("tags") {
        for tag in cell.split(separators).map(str::trim).filter(|t| !t.is_empty()) {
            add_tag(&mut tags, tag);
        }
    }
    tags
}

/// Sets the paper's links and arXiv id (from `arxiv`, an arxiv.org link, or `Extra`),
/// noting each value that cannot be used.
fn set_links(row: &Row, paper: &mut Paper, at: Location, notes: &mut Vec<Note>) {
    let mut arxiv = row.first("arxiv").and_then(|a| arxiv_id(a).or_else(|| arxiv_id_in_url(a)));
    if let Some(d) = row.first("doi") {
        read_doi_field(&mut paper.links, d, at, notes);
    }
    for (field, link) in LINK_FIELDS {
        let Some(written) = row.first(field) else { continue };
        if let Some(id) = add_written_link(paper, field, link, written, at, notes) {
            arxiv.get_or_insert(id);
        }
    }
    if let Some(id) = arxiv.or_else(|| row.first("extra").and_then(arxiv_id_in_text)) {
        set_arxiv_links(&mut paper.links, &id);
    }
}

/// Adds the link a field gives, or notes why it gives none; an arxiv.org link gives the
/// arXiv id instead.
fn add_written_link(
    paper: &mut Paper,
    field: &str,
    link: LinkField,
    written: &str,
    at: Location,
    notes: &mut Vec<Note>,
) -> Option<String> {
    let url = last_url(written);
    if !is_http_url(url) {
        notes.push(not_a_url(at, field, written));
        return None;
    }
    if let Some(id) = arxiv_id_in_url(url) {
        return Some(id);
    }
    if take_doi_link(&mut paper.links, url) {
        return None;
    }
    let kind = match link {
        LinkField::Kind(kind) => kind,
        LinkField::FullText if url.to_ascii_lowercase().contains(".pdf") => LinkKind::Pdf,
        LinkField::FullText => LinkKind::Url,
    };
    add_link(&mut paper.links, kind, url.to_string());
    None
}

/// Authors of the generic header: separated by `;`; else by ` and ` (each side `Last,
/// First` or a list of whole names); else by `,` when every part is a whole name
/// (`Ada Lovelace, Alan Turing`); else one `Last, First` name.
fn split_generic_authors(cell: &str) -> (Vec<String>, bool) {
    if cell.contains(';') {
        return split_list(cell, ';', true);
    }
    let mut names = Vec::new();
    let mut incomplete = false;
    for side in cell.split(" and ").map(|s| s.trim().trim_end_matches(',')) {
        let parts: Vec<&str> = side.split(',').map(str::trim).filter(|p| !p.is_empty()).collect();
        let whole_names =
            parts.len() > 1 && parts.iter().all(|p| p.contains(' ') || names::is_more_authors(p));
        let (mut found, more) =
            if whole_names { split_list(side, ',', false) } else { split_list(side, ';', true) };
        names.append(&mut found);
        incomplete |= more;
    }
    (names, incomplete)
}

/// Zotero sometimes glues two URLs together (`https://a.orghttps://a.org/x`): the last one
/// is the real one.
fn last_url(s: &str) -> &str {
    let lower = s.to_ascii_lowercase();
    let last = lower.rfind("https://").into_iter().chain(lower.rfind("http://")).max().unwrap_or(0);
    &s[last..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_author_lists() {
        let names = |cell| split_generic_authors(cell).0;
        assert_eq!(names("Lovelace, Ada; Alan Turing"), ["Ada Lovelace", "Alan Turing"]);
        assert_eq!(names("Ada Lovelace and Alan Turing"), ["Ada Lovelace", "Alan Turing"]);
        assert_eq!(
            names("Ada Lovelace, Alan Turing, and Grace Hopper"),
            ["Ada Lovelace", "Alan Turing", "Grace Hopper"]
        );
        assert_eq!(names("Ada Lovelace, Alan Turing"), ["Ada Lovelace", "Alan Turing"]);
        assert_eq!(names("Lovelace, Ada"), ["Ada Lovelace"]);
        assert_eq!(names("Ada Lovelace"), ["Ada Lovelace"]);
        assert_eq!(
            split_generic_authors("Ada Lovelace, Alan Turing, et al."),
            (vec!["Ada Lovelace".into(), "Alan Turing".into()], true)
        );
    }

    #[test]
    fn glued_urls_keep_the_last() {
        assert_eq!(last_url("https://www.a.orghttps://www.a.org/x"), "https://www.a.org/x");
        assert_eq!(last_url("http://a.org/x"), "http://a.org/x");
    }
}
