//! Tables with a header row (`--from csv`), read by their headers, never by position.
//!
//! Three kinds of header are recognised:
//! - **Zotero** exports (`Item Type`, `Publication Year`, `Abstract Note`, …; authors
//!   `Last, First; Last, First`);
//! - **Publish or Perish** exports of Google Scholar and other searches (`Cites`,
//!   `Authors`, `GSRank`, …; authors `WR Tobler, Q Yang`, cut with `…` when long; year 0
//!   for unknown; `Cites` is the citation count);
//! - the **generic** header documented in README ("Use your own papers"): columns named
//!   after the fields below, in any order and case, authors separated by `;`.
//!
//! `--map COLUMN=FIELD` maps any column to a field (or `ignore`), on top of what the
//! header implies. A UTF-8 byte order mark is ignored. Each row is an entry; its line is
//! where it starts.
//!
//! `header.rs` reads the header row, `row.rs` makes each row a paper.

mod header;
mod row;

use csv::{Reader, StringRecord};

use crate::import::parsed::{line_column, ImportError, Location, Parsed};
use crate::import::source::ImportOptions;
use header::{column_fields, unused_columns_note, TableKind};
use row::{paper_of, Row};

pub use header::FIELDS;

/// Reads a table.
pub fn parse(text: &str, options: &ImportOptions) -> Result<Parsed, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers = read_headers(&mut reader, text)?;
    let kind = TableKind::of(&headers);
    let fields = column_fields(&headers, kind, &options.column_map)?;
    let mut parsed = Parsed::default();
    parsed.notes.extend(unused_columns_note(&headers, &fields, kind, &options.column_map));
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(text, &e))?;
        let at = Location::Line(record.position().map_or(0, |p| first_line_of(text, p.byte() as usize)));
        let row = Row::of(&record, &fields);
        if row.is_empty() && is_blank(&record) {
            continue;
        }
        let paper = paper_of(&row, kind, options, at, &mut parsed.notes);
        parsed.push(at, paper);
    }
    Ok(parsed)
}

/// The header row, each name trimmed.
fn read_headers(reader: &mut Reader<&[u8]>, text: &str) -> Result<Vec<String>, ImportError> {
    Ok(reader.headers().map_err(|e| csv_error(text, &e))?.iter().map(|h| h.trim().to_string()).collect())
}

/// A row whose every cell is empty or white space, which is no entry.
fn is_blank(record: &StringRecord) -> bool {
    record.iter().all(|v| v.trim().is_empty())
}

/// The line a record starts on: blank lines before it belong to no record.
fn first_line_of(text: &str, byte: usize) -> usize {
    let rest = text.get(byte..).unwrap_or("");
    let skipped = rest.len() - rest.trim_start_matches(['\r', '\n']).len();
    line_column(text, byte + skipped).0
}

/// The error of a table the `csv` crate cannot read, at its place.
fn csv_error(text: &str, e: &csv::Error) -> ImportError {
    let message = format!("not a readable CSV table: {e}");
    match e.position() {
        Some(p) => ImportError::at_offset(text, p.byte() as usize, message),
        None => ImportError::at(1, None, message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::test_render;

    fn parse_ok(text: &str, options: &ImportOptions) -> Parsed {
        parse(text, options).unwrap()
    }

    /// Reads `text` and compares all it made of it, rendered as text, with `expect`.
    fn check(text: &str, options: &ImportOptions, expect: &str) {
        assert_eq!(test_render::parsed(&parse_ok(text, options)), expect);
    }

    #[test]
    fn the_generic_header_in_any_order_and_case() {
        let text = "Year,Title,Authors,DOI,Keywords,Code,Notes\n\
                    2021,\"A, B and C\",\"Lovelace, Ada; Alan Turing; others\",10.1000/x,nlp; cv,https://github.com/a/b,hi\n";
        check(
            text,
            &ImportOptions::default(),
            r#"line 2: "A, B and C" 2021
  authors 2 [Ada Lovelace, Alan Turing, …]
  tags nlp, cv
  code https://github.com/a/b
  doi https://doi.org/10.1000/x
note line 1: columns not used: Notes (map them with --map COLUMN=FIELD)
"#,
        );
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
        check(
            text,
            &ImportOptions::default(),
            r#"line 2: "Kept" 2020
  authors 0 []
line 6: "Multi line" 2019
  authors 0 []
skipped line 3: has no title
skipped line 4: "No year" has no year (pass --allow-undated to keep it as an undated paper)
"#,
        );
        check(
            text,
            &ImportOptions { allow_undated: true, ..Default::default() },
            r#"line 2: "Kept" 2020
  authors 0 []
line 4: "No year" undated
  authors 0 []
line 6: "Multi line" 2019
  authors 0 []
skipped line 3: has no title
note line 4: has no year; kept as undated
"#,
        );
    }

    #[test]
    fn publish_or_perish_cites_are_citations() {
        let text = "Cites,Authors,Title,Year,Source,GSRank\n\
                    369,\"W Tobler\",\"Three presentations\",1993,\"\",8\n\
                    0,\"W Tobler\",\"Never cited\",1970,\"\",9\n\
                    ,\"W Tobler\",\"No count\",1971,\"\",10\n\
                    n/a,\"W Tobler\",\"Bad count\",1972,\"\",11\n";
        check(
            text,
            &ImportOptions::default(),
            r#"line 2: "Three presentations" 1993
  authors 1 [W Tobler]
  citations 369
line 3: "Never cited" 1970
  authors 1 [W Tobler]
  citations 0
line 4: "No count" 1971
  authors 1 [W Tobler]
line 5: "Bad count" 1972
  authors 1 [W Tobler]
note line 5: citations "n/a" is not a whole number; left out
"#,
        );
    }

    #[test]
    fn generic_citation_columns() {
        for header in ["citations", "Cites", "Cited by", "citation_count", "Times Cited"] {
            let parsed = parse_ok(&format!("title,year,{header}\nT,2020,17\n"), &ImportOptions::default());
            assert_eq!(parsed.records[0].paper.citations, Some(17), "{header}");
            assert!(parsed.notes.is_empty(), "{header}: {:?}", parsed.notes);
        }
        let map = ImportOptions { column_map: vec![("GS".into(), "citations".into())], ..Default::default() };
        assert_eq!(parse_ok("title,year,GS\nT,2020,4\n", &map).records[0].paper.citations, Some(4));
    }
}
