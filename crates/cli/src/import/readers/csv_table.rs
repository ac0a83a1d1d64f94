//! Tables with a header row (`--from csv`), read by their headers, never by position.
//!
//! Three kinds of header are recognised:
//! - **Zotero** exports (`Item Type`, `Publication Year`, `Abstract Note`, …; authors
//!   `Last, First; Last, First`);
//! - **Publish or Perish** exports of Google Scholar and other searches (`Cites`,
//!   `Authors`, `GSRank`, …; authors `WR Tobler, Q Yang`, cut with `…` when long; year 0
//!   for unknown);
//! - the **generic** header documented in README ("Use your own papers"): columns named
//!   after the fields below, in any order and case, authors separated by `;`.
//!
//! `--map COLUMN=FIELD` maps any column to a field (or `ignore`), on top of what the
//! header implies. A UTF-8 byte order mark is ignored. Each row is an entry; its line is
//! where it starts.

use std::collections::HashMap;

use paperdeck_core::{is_http_url, Paper, PartialDate};

use crate::import::fields::dates::{loose_date, month_number};
use crate::import::fields::identifiers::{
    arxiv_id, arxiv_id_in_text, arxiv_id_in_url, doi, doi_of_url, doi_url, set_arxiv_links,
};
use crate::import::fields::latex_text::one_line;
use crate::import::fields::names::{self, split_list};
use crate::import::parsed::{line_column, ImportError, Location, Note, Parsed, Record, Skipped};
use crate::import::readers::undated;
use crate::import::source::ImportOptions;

/// The fields a column can be mapped to, with what each takes.
pub const FIELDS: [(&str, &str); 18] = [
    ("title", "the title (required)"),
    ("authors", "names separated by ';' (or ' and ', or ',' between whole names), each \"First Last\" or \"Last, First\"; \"others\" or \"…\" marks the list incomplete"),
    ("author_count", "the number of authors, when there are no names"),
    ("date", "YYYY-MM-DD, YYYY-MM or YYYY (or June 2024, 2024/06/28)"),
    ("year", "a year, when there is no date"),
    ("month", "a month (number or name), with year"),
    ("abstract", "the abstract"),
    ("venue", "journal or conference"),
    ("tags", "tags separated by ';' or ','"),
    ("upvotes", "a whole number"),
    ("url", "the paper's page"),
    ("pdf", "a PDF link"),
    ("code", "a code link"),
    ("project", "a project page"),
    ("arxiv", "an arXiv id or URL"),
    ("doi", "a DOI or doi.org URL"),
    ("summary", "a one-line summary"),
    ("ignore", "leaves the column out"),
];

/// The kind of table, told by its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableKind {
    Zotero,
    PublishOrPerish,
    Generic,
}

impl TableKind {
    fn of(headers: &[String]) -> Self {
        let has = |h: &str| headers.iter().any(|x| x.eq_ignore_ascii_case(h));
        if has("Item Type") && has("Publication Year") && has("Abstract Note") {
            Self::Zotero
        } else if has("Cites") && has("GSRank") && has("Authors") {
            Self::PublishOrPerish
        } else {
            Self::Generic
        }
    }

    /// The field of a column, by its header.
    fn field_of(self, header: &str) -> Option<&'static str> {
        let h = header.trim().to_lowercase();
        let table: &[(&str, &'static str)] = match self {
            Self::Zotero => &[
                ("title", "title"),
                ("author", "authors"),
                ("publication year", "year"),
                ("date", "date"),
                ("abstract note", "abstract"),
                ("publication title", "venue"),
                ("conference name", "venue"),
                ("proceedings title", "venue"),
                ("doi", "doi"),
                ("url", "url"),
                ("manual tags", "tags"),
                ("automatic tags", "tags"),
                ("extra", "extra"),
            ],
            Self::PublishOrPerish => &[
                ("authors", "authors"),
                ("title", "title"),
                ("year", "year"),
                ("source", "venue"),
                ("articleurl", "url"),
                ("fulltexturl", "fulltext"),
                ("doi", "doi"),
                ("abstract", "abstract"),
            ],
            Self::Generic => &[
                ("author", "authors"),
                ("published", "date"),
                ("journal", "venue"),
                ("keywords", "tags"),
                ("link", "url"),
            ],
        };
        if let Some((_, f)) = table.iter().find(|(name, _)| *name == h) {
            return Some(f);
        }
        match self {
            Self::Generic => FIELDS.iter().map(|(f, _)| *f).find(|f| *f == h && *f != "ignore"),
            _ => None,
        }
    }
}

/// Reads a table.
pub fn parse(text: &str, options: &ImportOptions) -> Result<Parsed, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers: Vec<String> =
        reader.headers().map_err(|e| csv_error(text, &e))?.iter().map(|h| h.trim().to_string()).collect();
    let kind = TableKind::of(&headers);
    let mut fields: Vec<Option<&str>> = headers.iter().map(|h| kind.field_of(h)).collect();
    for (column, field) in &options.column_map {
        let i = headers.iter().position(|h| h.eq_ignore_ascii_case(column.trim())).ok_or_else(|| {
            ImportError::at(
                1,
                None,
                format!(
                    "--map {column}={field}: there is no column {column:?} (columns: {})",
                    headers.join(", ")
                ),
            )
        })?;
        let known = FIELDS.iter().find(|(f, _)| f == field).map(|(f, _)| *f).ok_or_else(|| {
            ImportError::at(1, None, format!("--map {column}={field}: unknown field {field:?}"))
        })?;
        fields[i] = (known != "ignore").then_some(known);
    }
    if !fields.contains(&Some("title")) {
        return Err(ImportError::at(
            1,
            None,
            format!(
                "no title column: the header ({}) is not a Zotero or Publish or Perish export and has no column named \"title\"; name one with --map COLUMN=title",
                headers.join(", ")
            ),
        ));
    }
    let mut parsed = Parsed::default();
    if kind == TableKind::Generic {
        let unused: Vec<&str> = headers
            .iter()
            .zip(&fields)
            .filter(|(h, f)| {
                f.is_none()
                    && !h.is_empty()
                    && !options.column_map.iter().any(|(c, _)| c.eq_ignore_ascii_case(h))
            })
            .map(|(h, _)| h.as_str())
            .collect();
        if !unused.is_empty() {
            parsed.notes.push(Note {
                at: Location::Line(1),
                message: format!(
                    "columns not used: {} (map them with --map COLUMN=FIELD)",
                    unused.join(", ")
                ),
            });
        }
    }
    for row in reader.records() {
        let row = row.map_err(|e| csv_error(text, &e))?;
        let line = row.position().map_or(0, |p| first_line_of(text, p.byte() as usize));
        let at = Location::Line(line);
        let mut values: HashMap<&str, Vec<&str>> = HashMap::new();
        for (value, field) in row.iter().zip(&fields) {
            if let Some(field) = field {
                let value = value.trim();
                if !value.is_empty() {
                    values.entry(field).or_default().push(value);
                }
            }
        }
        if values.is_empty() && row.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        match paper_of(&values, kind, options, at, &mut parsed.notes) {
            Ok(paper) => parsed.records.push(Record { at, paper }),
            Err(reason) => parsed.skipped.push(Skipped { at, reason }),
        }
    }
    Ok(parsed)
}

/// The line a record starts on: blank lines before it belong to no record.
fn first_line_of(text: &str, byte: usize) -> usize {
    let rest = text.get(byte..).unwrap_or("");
    let skipped = rest.len() - rest.trim_start_matches(['\r', '\n']).len();
    line_column(text, byte + skipped).0
}

fn csv_error(text: &str, e: &csv::Error) -> ImportError {
    let message = format!("not a readable CSV table: {e}");
    match e.position() {
        Some(p) => ImportError::at_offset(text, p.byte() as usize, message),
        None => ImportError::at(1, None, message),
    }
}

fn paper_of(
    values: &HashMap<&str, Vec<&str>>,
    kind: TableKind,
    options: &ImportOptions,
    at: Location,
    notes: &mut Vec<Note>,
) -> Result<Paper, String> {
    let first = |f: &str| values.get(f).and_then(|v| v.first()).copied();
    let one_line = |f: &str| first(f).map(one_line);
    let title = one_line("title").ok_or("has no title")?;
    let year = first("year").and_then(|y| y.parse::<u16>().ok()).filter(|y| (1000..=9999).contains(y));
    let date =
        first("date").and_then(loose_date).filter(|d| year.is_none_or(|y| d.year() == y)).or_else(|| {
            let y = year?;
            first("month")
                .and_then(month_number)
                .and_then(|m| PartialDate::ym(y, m))
                .or_else(|| PartialDate::y(y))
        });
    let published = match date {
        Some(d) => d,
        None => undated(options, at, notes).map_err(|reason| format!("{title:?} {reason}"))?,
    };
    let (authors, incomplete) = first("authors")
        .map(|a| match kind {
            TableKind::PublishOrPerish => split_list(a, ',', false),
            TableKind::Zotero => split_list(a, ';', true),
            TableKind::Generic => split_generic_authors(a),
        })
        .unwrap_or_default();
    let count = first("author_count").and_then(|c| c.parse::<u32>().ok());
    let mut paper = Paper::new(
        "",
        title,
        count.filter(|_| authors.is_empty()).unwrap_or(authors.len() as u32),
        published,
    );
    if !authors.is_empty() {
        paper.authors = Some(authors);
        paper.authors_incomplete = incomplete;
    }
    paper.abstract_text = one_line("abstract");
    paper.venue = one_line("venue");
    paper.summary = one_line("summary");
    paper.upvotes = first("upvotes").and_then(|u| u.parse().ok()).unwrap_or(0);
    for tags in values.get("tags").into_iter().flatten() {
        // Zotero separates tags by `;` only: `Sleep, REM` is one.
        let separators: &[char] = if kind == TableKind::Zotero { &[';'] } else { &[';', ','] };
        for tag in tags.split(separators).map(str::trim).filter(|t| !t.is_empty()) {
            if !paper.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
                paper.tags.push(tag.to_string());
            }
        }
    }
    let mut arxiv = first("arxiv").and_then(|a| arxiv_id(a).or_else(|| arxiv_id_in_url(a)));
    if let Some(d) = first("doi") {
        match doi(d) {
            Some(d) => paper.links.doi = doi_url(&d),
            None => notes.push(Note { at, message: format!("doi {d:?} is not a DOI; left out") }),
        }
    }
    for (field, kind) in
        [("url", "url"), ("pdf", "pdf"), ("code", "code"), ("project", "project"), ("fulltext", "fulltext")]
    {
        let Some(raw) = first(field) else { continue };
        let url = last_url(raw);
        if !is_http_url(url) {
            notes.push(Note {
                at,
                message: format!("{field} {raw:?} is not an absolute http(s) URL; left out"),
            });
            continue;
        }
        if let Some(id) = arxiv_id_in_url(url) {
            arxiv.get_or_insert(id);
            continue;
        }
        // A doi.org link is the DOI link, not a second link to the same page.
        if let Some(d) = doi_of_url(url) {
            if paper.links.doi.is_none() {
                paper.links.doi = doi_url(&d);
            }
            continue;
        }
        // Publish or Perish's full-text link is a PDF when it says so, else a page.
        let kind = match kind {
            "fulltext" if url.to_ascii_lowercase().contains(".pdf") => "pdf",
            "fulltext" => "url",
            kind => kind,
        };
        if paper.links.get(kind).is_none() {
            paper.links.set(kind, url.to_string());
        }
    }
    if arxiv.is_none() {
        arxiv = first("extra").and_then(arxiv_id_in_text);
    }
    if let Some(id) = arxiv {
        set_arxiv_links(&mut paper.links, &id);
    }
    Ok(paper)
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

    fn parse_ok(text: &str, options: &ImportOptions) -> Parsed {
        parse(text, options).unwrap()
    }

    #[test]
    fn the_generic_header_in_any_order_and_case() {
        let text = "Year,Title,Authors,DOI,Keywords,Code,Notes\n\
                    2021,\"A, B and C\",\"Lovelace, Ada; Alan Turing; others\",10.1000/x,nlp; cv,https://github.com/a/b,hi\n";
        let parsed = parse_ok(text, &ImportOptions::default());
        let p = &parsed.records[0].paper;
        assert_eq!(p.title, "A, B and C");
        assert_eq!(p.authors.as_deref().unwrap(), ["Ada Lovelace", "Alan Turing"]);
        assert!(p.authors_incomplete);
        assert_eq!(p.published.to_string(), "2021");
        assert_eq!(p.links.doi.as_deref(), Some("https://doi.org/10.1000/x"));
        assert_eq!(p.links.code.as_deref(), Some("https://github.com/a/b"));
        assert_eq!(p.tags, ["nlp", "cv"]);
        assert_eq!(parsed.records[0].at, Location::Line(2));
        assert!(parsed.notes[0].message.contains("columns not used: Notes"), "{:?}", parsed.notes);
    }

    #[test]
    fn map_names_any_column() {
        let text = "Paper name,When,Who\nX,2020-05,Ann Lee\n";
        let e = parse(text, &ImportOptions::default()).unwrap_err();
        assert!(e.message.contains("no title column") && e.message.contains("--map"), "{e}");
        let map = |pairs: &[(&str, &str)]| ImportOptions {
            column_map: pairs.iter().map(|(c, f)| (c.to_string(), f.to_string())).collect(),
            ..Default::default()
        };
        let parsed = parse_ok(text, &map(&[("paper name", "title"), ("When", "date"), ("Who", "authors")]));
        let p = &parsed.records[0].paper;
        assert_eq!(
            (p.title.as_str(), p.published.to_string(), p.author_count),
            ("X", "2020-05".to_string(), 1)
        );
        assert!(parse(text, &map(&[("Nope", "title")])).unwrap_err().message.contains("no column \"Nope\""));
        assert!(parse(text, &map(&[("When", "when")])).unwrap_err().message.contains("unknown field"));
    }

    #[test]
    fn rows_without_year_or_title_are_reported() {
        let text = "\u{feff}title,year\nKept,2020\n,2020\nNo year,0\n\n\"Multi\nline\",2019\n";
        let parsed = parse_ok(text, &ImportOptions::default());
        let titles: Vec<&str> = parsed.records.iter().map(|r| r.paper.title.as_str()).collect();
        assert_eq!(titles, ["Kept", "Multi line"]);
        let skipped: Vec<Location> = parsed.skipped.iter().map(|s| s.at).collect();
        assert_eq!(skipped, [Location::Line(3), Location::Line(4)]);
        assert_eq!(parsed.records[1].at, Location::Line(6));
        let undated = parse_ok(text, &ImportOptions { allow_undated: true, ..Default::default() });
        assert_eq!(undated.records.len(), 3);
    }

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
