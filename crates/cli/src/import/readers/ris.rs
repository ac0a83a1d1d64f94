//! RIS files (`--from ris`, `.ris`), as Zotero, Mendeley and EndNote export them: records
//! of `TAG  - value` lines from `TY` to `ER`. A line without a tag continues the value
//! before it (some exports wrap abstracts).
//!
//! - title: `TI`, else `T1`, `CT`; authors: `AU`, else `A1` (`Family, Given` or as
//!   written; `et al.`/`others` marks the list incomplete);
//! - date: `DA` (`2024/06/28/`, `2024/06//`), else `PY`/`Y1`, each at its precision
//!   (`DA` is used only when its year agrees with `PY`);
//! - venue: `T2`, else `JF`, `JO`, `BT`, `JA`; `J2` is its short form; abstract: `AB`,
//!   else `N2`; tags: each `KW` line;
//! - links: `DO` (the DOI), each `UR`/`L2` (arxiv.org: the arXiv id; doi.org: the DOI;
//!   huggingface.co/papers: `hf`; a code host: `code`; else `url`, the first wins), `L1`
//!   (a PDF, when an http(s) URL); an arXiv id also from `N1`/`M1` (`arXiv:2406.18540`);
//! - kind from `TY`: JOUR/JFULL/EJOUR/MGZN/NEWS article, CONF/CPAPER conference,
//!   UNPB preprint, THES thesis, BOOK/EBOOK/EDBOOK book, CHAP/ECHAP chapter, RPRT report,
//!   SLIDE talk; ELEC and WEB preprint with an arXiv id, else other; GEN and the rest other.
//!
//! A record without a title is skipped; without a year, the year rule applies.

use paperdeck_core::{is_http_url, LinkKind, Paper, PaperKind, PartialDate};

use crate::import::fields::abstract_links::is_code_host;
use crate::import::fields::dates::{loose_date, year_in};
use crate::import::fields::identifiers::{arxiv_id_in_text, arxiv_id_in_url, set_arxiv_links};
use crate::import::fields::links::{add_link, not_a_url, read_doi_field, take_doi_link};
use crate::import::fields::names::{display_name, is_more_authors};
use crate::import::fields::tags::add_tag;
use crate::import::parsed::{ImportError, Location, Note, Parsed};
use crate::import::readers::{dated, set_authors};
use crate::import::source::ImportOptions;

/// One record: its first line and its `(tag, value)` lines in order.
struct RisRecord {
    line: usize,
    fields: Vec<(String, String)>,
}

impl RisRecord {
    fn all<'a>(&'a self, tag: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.fields.iter().filter(move |(t, v)| t == tag && !v.is_empty()).map(|(_, v)| v.as_str())
    }

    fn first<'a>(&'a self, tags: &[&'a str]) -> Option<&'a str> {
        tags.iter().find_map(|t| self.all(t).next())
    }
}

/// Reads a RIS file.
pub fn parse(text: &str, options: &ImportOptions) -> Result<Parsed, ImportError> {
    let records = read_records(text)?;
    let mut parsed = Parsed::default();
    for record in &records {
        let at = Location::Line(record.line);
        let paper = paper_of(record, options, at, &mut parsed.notes);
        parsed.push(at, paper);
    }
    Ok(parsed)
}

/// `TAG  - value` (the spaces before `-` may be one or two; the one after it may be
/// missing at the end of a line): the tag and the value.
fn tagged(line: &str) -> Option<(&str, &str)> {
    let tag = line.get(..2)?;
    let mut bytes = tag.bytes();
    let ok = bytes.next().is_some_and(|b| b.is_ascii_uppercase()) && bytes.all(|b| b.is_ascii_alphanumeric());
    let rest = line[2..].trim_start_matches(' ');
    let value = rest.strip_prefix('-')?;
    (ok && line[2..].starts_with(' ')).then(|| (tag, value.strip_prefix(' ').unwrap_or(value).trim()))
}

/// The records of a file; text outside records (before the first `TY`) must be blank.
fn read_records(text: &str) -> Result<Vec<RisRecord>, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut current: Option<RisRecord> = None;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        match tagged(line) {
            Some(("TY", value)) => {
                if let Some(open) = current.take() {
                    records.push(open);
                }
                current = Some(RisRecord { line: i + 1, fields: vec![("TY".into(), value.to_string())] });
            }
            Some(("ER", _)) => {
                if let Some(done) = current.take() {
                    records.push(done);
                }
            }
            Some((tag, value)) => match current.as_mut() {
                Some(record) => record.fields.push((tag.to_string(), value.to_string())),
                None => {
                    return Err(ImportError::at(
                        i + 1,
                        Some(1),
                        format!("{tag} before the first TY: not a RIS file"),
                    ))
                }
            },
            None if line.trim().is_empty() => {}
            None => match current.as_mut().and_then(|r| r.fields.last_mut()) {
                Some((_, value)) => {
                    value.push(' ');
                    value.push_str(line.trim());
                }
                None if records.is_empty() => {
                    return Err(ImportError::at(
                        i + 1,
                        Some(1),
                        "not a RIS line (TAG  - value): not a RIS file",
                    ))
                }
                None => {}
            },
        }
    }
    if let Some(open) = current.take() {
        records.push(open);
    }
    if records.is_empty() {
        return Err(ImportError::at(1, None, "no RIS record (TY  - …) in the file"));
    }
    Ok(records)
}

fn paper_of(
    record: &RisRecord,
    options: &ImportOptions,
    at: Location,
    notes: &mut Vec<Note>,
) -> Result<Paper, String> {
    let title =
        record.first(&["TI", "T1", "CT"]).map(one_line).filter(|t| !t.is_empty()).ok_or("has no title")?;
    let published = dated(date_of(record), options, at, notes, format_args!("{title:?}"))?;
    let mut paper = Paper::new("", title, 0, published);
    let (names, incomplete) = authors_of(record);
    set_authors(&mut paper, names, incomplete);
    paper.venue = record.first(&["T2", "JF", "JO", "BT", "JA"]).map(one_line);
    paper.venue_short = record.first(&["J2"]).map(one_line);
    paper.abstract_text = record.first(&["AB", "N2"]).map(one_line);
    for tag in record.all("KW") {
        add_tag(&mut paper.tags, &one_line(tag));
    }
    let arxiv = set_links(record, &mut paper, at, notes);
    let ty = record.first(&["TY"]).unwrap_or("").trim().to_ascii_uppercase();
    paper.kind = Some(kind_of(&ty, arxiv));
    Ok(paper)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `DA` when its year agrees with `PY`/`Y1`, else `PY`/`Y1` (`2024/06/28/` or `2024`).
fn date_of(record: &RisRecord) -> Option<PartialDate> {
    let year_field = record.first(&["PY", "Y1"]);
    let year = year_field.and_then(year_in);
    let da = record.first(&["DA"]).and_then(ris_date).filter(|d| year.is_none_or(|y| d.year() == y));
    da.or_else(|| year_field.and_then(ris_date))
}

/// `YYYY/MM/DD/other`, with parts left empty (`2024/06//`), or a looser date.
fn ris_date(s: &str) -> Option<PartialDate> {
    let parts: Vec<&str> = s.trim().split('/').collect();
    if parts.len() >= 2 && parts[0].len() == 4 {
        let year: u16 = parts[0].parse().ok()?;
        let month = parts.get(1).and_then(|m| m.trim().parse::<u8>().ok());
        let day = parts.get(2).and_then(|d| d.trim().parse::<u8>().ok());
        return match (month, day) {
            (Some(m), Some(d)) => PartialDate::ymd(year, m, d).or_else(|| PartialDate::ym(year, m)),
            (Some(m), None) => PartialDate::ym(year, m),
            _ => PartialDate::y(year),
        };
    }
    loose_date(s)
}

/// `AU` names (else `A1`), each `Family, Given` or as written.
fn authors_of(record: &RisRecord) -> (Vec<String>, bool) {
    let tag = if record.all("AU").next().is_some() { "AU" } else { "A1" };
    let mut names = Vec::new();
    let mut incomplete = false;
    for name in record.all(tag) {
        if is_more_authors(name) {
            incomplete = true;
        } else if let Some(n) = display_name(name) {
            names.push(n);
        }
    }
    (names, incomplete)
}

/// The links, and whether the record has an arXiv id.
fn set_links(record: &RisRecord, paper: &mut Paper, at: Location, notes: &mut Vec<Note>) -> bool {
    let mut arxiv = None;
    if let Some(doi) = record.first(&["DO"]) {
        read_doi_field(&mut paper.links, doi, at, notes);
    }
    for (tag, url) in record.fields.iter().filter(|(t, v)| (t == "UR" || t == "L2") && !v.is_empty()) {
        if !is_http_url(url) {
            notes.push(not_a_url(at, tag, url));
        } else if take_doi_link(&mut paper.links, url) {
        } else if let Some(id) = arxiv_id_in_url(url) {
            arxiv.get_or_insert(id);
        } else {
            let kind = if is_hf_paper(url) {
                LinkKind::Hf
            } else if is_code_host(url) {
                LinkKind::Code
            } else {
                LinkKind::Url
            };
            add_link(&mut paper.links, kind, url.clone());
        }
    }
    for pdf in record.all("L1") {
        if is_http_url(pdf) {
            add_link(&mut paper.links, LinkKind::Pdf, pdf.to_string());
        }
    }
    if arxiv.is_none() {
        arxiv = record.all("N1").chain(record.all("M1")).find_map(arxiv_id_in_text);
    }
    if let Some(id) = &arxiv {
        set_arxiv_links(&mut paper.links, id);
    }
    arxiv.is_some()
}

/// A Hugging Face paper page (`https://huggingface.co/papers/2406.18540`).
fn is_hf_paper(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, r)| r).to_ascii_lowercase();
    rest.starts_with("huggingface.co/papers/") || rest.starts_with("www.huggingface.co/papers/")
}

fn kind_of(ty: &str, arxiv: bool) -> PaperKind {
    match ty {
        "JOUR" | "JFULL" | "EJOUR" | "MGZN" | "NEWS" => PaperKind::Article,
        "CONF" | "CPAPER" => PaperKind::Conference,
        "UNPB" => PaperKind::Preprint,
        "THES" => PaperKind::Thesis,
        "BOOK" | "EBOOK" | "EDBOOK" => PaperKind::Book,
        "CHAP" | "ECHAP" => PaperKind::Chapter,
        "RPRT" => PaperKind::Report,
        "SLIDE" => PaperKind::Talk,
        "ELEC" | "WEB" if arxiv => PaperKind::Preprint,
        _ => PaperKind::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::test_render;

    #[test]
    fn a_zotero_record() {
        let ris = "\u{feff}TY  - CPAPER\r\nTI  - ShortcutsBench: A\r\nAU  - Shen, Haiyang\r\nAU  - Yue Li\r\nAU  - et al.\r\n\
                   PY  - 2024\r\nDA  - 2024/06/28/\r\nT2  - NeurIPS\r\nJ2  - NIPS\r\nAB  - An abstract\r\n  wrapped\r\n\
                   KW  - agents\r\nKW  - a, b\r\nDO  - 10.1000/X\r\nUR  - https://github.com/x/y\r\n\
                   UR  - https://arxiv.org/abs/2406.18540v2\r\nUR  - https://lab.example/p\r\nL1  - file:///tmp/a.pdf\r\nER  - \r\n\r\n\
                   TY  - JOUR\r\nAU  - Nobody\r\nPY  - 2020\r\nER  -\r\n\
                   TY  - GEN\r\nTI  - Undated\r\nER  - \r\n";
        let parsed = parse(ris, &ImportOptions::default()).unwrap();
        assert_eq!(
            test_render::parsed(&parsed),
            r#"line 1: "ShortcutsBench: A" 2024-06-28
  authors 2 [Haiyang Shen, Yue Li, …]
  abstract "An abstract wrapped"
  venue "NeurIPS"
  venue_short "NIPS"
  kind "conference"
  tags agents, a, b
  code https://github.com/x/y
  arxiv https://arxiv.org/abs/2406.18540
  pdf https://arxiv.org/pdf/2406.18540
  doi https://doi.org/10.1000/X
  url https://lab.example/p
skipped line 21: has no title
skipped line 25: "Undated" has no year (pass --allow-undated to keep it as an undated paper)
"#
        );
    }

    #[test]
    fn not_ris_is_an_error() {
        assert!(parse("hello\n", &ImportOptions::default()).is_err());
        assert!(parse("", &ImportOptions::default()).is_err());
        assert!(parse("AU  - x\n", &ImportOptions::default()).is_err());
    }
}
