//! Importers, one module per source format, and the pipeline that turns several inputs
//! into one snapshot: each importer parses its text into [`Record`]s (papers with where
//! they came from) plus the entries it had to skip; [`merge`] then folds duplicates
//! across all inputs into one paper and hands out the ids.

pub mod abstract_links;
pub mod arxiv_atom;
pub mod bibtex;
pub mod csv_table;
pub mod dates;
pub mod hf_api;
pub mod hf_page;
pub mod identifiers;
pub mod latex_text;
pub mod merge;
pub mod names;

use std::fmt;

use paperdeck_core::{Paper, PartialDate, Snapshot};

pub use merge::Merged;

/// Where a record is in its input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Location {
    /// 1-based line of a text input.
    Line(usize),
    /// 0-based index of a record in a JSON array.
    Record(usize),
}

impl fmt::Display for Location {
    /// `429` for a line (so `FILE:429` reads as usual), `record 17` for a JSON record.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Line(n) => write!(f, "{n}"),
            Self::Record(n) => write!(f, "record {n}"),
        }
    }
}

/// A source entry that did not become a paper, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub at: Location,
    pub reason: String,
}

/// Something worth knowing about an entry that was kept (a field that could not be used,
/// an undated paper), or about the whole input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub at: Location,
    pub message: String,
}

/// One paper an importer read, with its place in the input. Its id is the one it asks
/// for (its arXiv id, else one made from its title); [`merge`] makes ids unique.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub at: Location,
    pub paper: Paper,
}

/// What an importer made of one input.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parsed {
    pub records: Vec<Record>,
    pub skipped: Vec<Skipped>,
    pub notes: Vec<Note>,
    /// When the source says it was made (a saved page's date).
    pub generated: Option<PartialDate>,
}

impl Parsed {
    /// The entries of the input: each became a record or was skipped.
    pub fn entries(&self) -> usize {
        self.records.len() + self.skipped.len()
    }
}

/// Input that cannot be imported at all; nothing is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// 1-based line of the input.
    pub line: usize,
    /// 1-based column, when known.
    pub column: Option<usize>,
    pub message: String,
}

impl ImportError {
    pub fn at(line: usize, column: Option<usize>, message: impl Into<String>) -> Self {
        Self { line, column, message: message.into() }
    }

    /// The error at a byte offset of `text`.
    pub fn at_offset(text: &str, offset: usize, message: impl Into<String>) -> Self {
        let (line, column) = line_column(text, offset);
        Self::at(line, Some(column), message)
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.column {
            Some(c) => write!(f, "{}:{c}: {}", self.line, self.message),
            None => write!(f, "{}: {}", self.line, self.message),
        }
    }
}

impl std::error::Error for ImportError {}

/// The 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// The source formats `paperdeck import --from` knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceFormat {
    /// BibTeX or BibLaTeX (`bibtex`).
    Bibtex,
    /// A response of the arXiv API's query endpoint, an Atom feed (`arxiv-atom`).
    ArxivAtom,
    /// A table with a header row: Zotero, Publish or Perish, or the generic header (`csv`).
    Csv,
    /// Hugging Face `daily_papers` API responses, JSON arrays (`hf-api`).
    HfApi,
    /// A Hugging Face papers page saved as text (`hf-page`).
    HfPage,
}

impl SourceFormat {
    pub const ALL: [Self; 5] = [Self::Bibtex, Self::ArxivAtom, Self::Csv, Self::HfApi, Self::HfPage];

    /// The name `--from` takes.
    pub fn name(self) -> &'static str {
        match self {
            Self::Bibtex => "bibtex",
            Self::ArxivAtom => "arxiv-atom",
            Self::Csv => "csv",
            Self::HfApi => "hf-api",
            Self::HfPage => "hf-page",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The format a file name implies: `.bib`, `.xml`/`.atom`, `.csv`, `.json`, `.txt`,
    /// each optionally followed by `.gz`.
    pub fn from_file_name(name: &str) -> Option<Self> {
        let lower = name.to_ascii_lowercase();
        let stem = lower.strip_suffix(".gz").unwrap_or(&lower);
        let ext = stem.rsplit_once('.')?.1;
        Some(match ext {
            "bib" | "bibtex" => Self::Bibtex,
            "xml" | "atom" => Self::ArxivAtom,
            "csv" => Self::Csv,
            "json" => Self::HfApi,
            "txt" => Self::HfPage,
            _ => return None,
        })
    }

    /// How the snapshot's `source` names inputs of this format.
    fn label(self) -> &'static str {
        match self {
            Self::Bibtex => "BibTeX",
            Self::ArxivAtom => "arXiv API",
            Self::Csv => "CSV",
            Self::HfApi => "Hugging Face daily_papers API",
            Self::HfPage => "Hugging Face papers page",
        }
    }
}

/// One input file, already read.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    /// The file name, as the snapshot's `source` and the report name it.
    pub name: &'a str,
    pub format: SourceFormat,
    pub text: &'a str,
}

/// Options that apply to every input.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// The snapshot title (`--title`).
    pub title: Option<String>,
    /// The year of dates written without one, for `hf-page` (`--year`).
    pub year: Option<u16>,
    /// Keep entries without a year, as undated papers (`--allow-undated`).
    pub allow_undated: bool,
    /// CSV columns mapped to fields by hand (`--map COLUMN=FIELD`).
    pub column_map: Vec<(String, String)>,
}

/// What one input contributed, for the report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InputReport {
    pub entries: usize,
    pub skipped: Vec<Skipped>,
    pub notes: Vec<Note>,
}

/// The snapshot made of all inputs, and what happened on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub snapshot: Snapshot,
    /// One per input, in input order.
    pub inputs: Vec<InputReport>,
    /// Papers that several entries were merged into.
    pub merged: Vec<Merged>,
}

impl Outcome {
    /// Entries folded into another paper: written + merged + skipped = entries.
    pub fn merged_entries(&self) -> usize {
        self.merged.iter().map(|m| m.sources.len() - 1).sum()
    }

    pub fn skipped_entries(&self) -> usize {
        self.inputs.iter().map(|i| i.skipped.len()).sum()
    }

    pub fn entries(&self) -> usize {
        self.inputs.iter().map(|i| i.entries).sum()
    }
}

/// Parses one input with its format's importer.
pub fn parse_input(input: &Input, options: &ImportOptions) -> Result<Parsed, ImportError> {
    match input.format {
        SourceFormat::Bibtex => bibtex::parse(input.text, options),
        SourceFormat::ArxivAtom => arxiv_atom::parse(input.text, options),
        SourceFormat::Csv => csv_table::parse(input.text, options),
        SourceFormat::HfApi => hf_api::parse(input.text),
        SourceFormat::HfPage => hf_page::parse(input.text, options.year),
    }
}

/// Imports every input and merges them into one snapshot. The first input that cannot
/// be read at all stops the import: `(its index, the error)`.
pub fn import(inputs: &[Input], options: &ImportOptions) -> Result<Outcome, (usize, ImportError)> {
    let mut parsed = Vec::with_capacity(inputs.len());
    for (i, input) in inputs.iter().enumerate() {
        parsed.push(parse_input(input, options).map_err(|e| (i, e))?);
    }
    let generated = parsed.iter().filter_map(|p| p.generated).max_by_key(|d| d.sort_key());
    let mut reports = Vec::with_capacity(parsed.len());
    let mut records = Vec::new();
    for (i, p) in parsed.into_iter().enumerate() {
        reports.push(InputReport { entries: p.entries(), skipped: p.skipped, notes: p.notes });
        records.extend(p.records.into_iter().map(|r| (i, r)));
    }
    let (papers, merged) = merge::merge(records);
    let snapshot = Snapshot {
        title: options.title.clone().or_else(|| default_title(inputs).map(String::from)),
        description: None,
        generated: generated.map(|d| d.to_string()),
        source: Some(source_line(inputs)),
        papers,
    };
    Ok(Outcome { snapshot, inputs: reports, merged })
}

/// The title of a snapshot made only of Hugging Face inputs; others have none by default.
fn default_title(inputs: &[Input]) -> Option<&'static str> {
    let first = inputs.first()?.format;
    if inputs.iter().any(|i| i.format != first) {
        return None;
    }
    match first {
        SourceFormat::HfPage => Some("Papers from Hugging Face"),
        SourceFormat::HfApi => Some("Hugging Face Daily Papers"),
        _ => None,
    }
}

/// `BibTeX (a.bib, b.bib); arXiv API (feed.xml)`: the inputs by format, in first-seen order.
fn source_line(inputs: &[Input]) -> String {
    let mut groups: Vec<(SourceFormat, Vec<&str>)> = Vec::new();
    for input in inputs {
        match groups.iter_mut().find(|(f, _)| *f == input.format) {
            Some((_, names)) => names.push(input.name),
            None => groups.push((input.format, vec![input.name])),
        }
    }
    groups
        .iter()
        .map(|(f, names)| format!("{} ({})", f.label(), names.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The year rule every importer shares: a paper without a year is kept as undated only
/// with `--allow-undated`: then it is [`PartialDate::UNKNOWN`] (and noted), else the
/// reason to skip it.
pub(crate) fn undated(
    options: &ImportOptions,
    at: Location,
    notes: &mut Vec<Note>,
) -> Result<PartialDate, String> {
    if options.allow_undated {
        notes.push(Note { at, message: "has no year; kept as undated".into() });
        Ok(PartialDate::UNKNOWN)
    } else {
        Err("has no year (pass --allow-undated to keep it as an undated paper)".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_name_and_by_file_name() {
        for f in SourceFormat::ALL {
            assert_eq!(SourceFormat::from_name(f.name()), Some(f));
        }
        let by_file = |n: &str| SourceFormat::from_file_name(n);
        assert_eq!(by_file("lab.bib"), Some(SourceFormat::Bibtex));
        assert_eq!(by_file("Lab.BIB"), Some(SourceFormat::Bibtex));
        assert_eq!(by_file("query.xml"), Some(SourceFormat::ArxivAtom));
        assert_eq!(by_file("export.csv"), Some(SourceFormat::Csv));
        assert_eq!(by_file("daily.json.gz"), Some(SourceFormat::HfApi));
        assert_eq!(by_file("page.txt"), Some(SourceFormat::HfPage));
        assert_eq!(by_file("notes.md"), None);
        assert_eq!(by_file("bib"), None);
    }

    #[test]
    fn line_and_column_of_offsets() {
        let text = "ab\r\ncé\nx";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 4), (2, 1));
        assert_eq!(line_column(text, 7), (2, 3), "columns count characters");
        assert_eq!(line_column(text, 6), (2, 2), "inside a character: its start");
        assert_eq!(line_column(text, 99), (3, 2));
    }

    #[test]
    fn source_groups_inputs_by_format() {
        let input = |name, format| Input { name, format, text: "" };
        let inputs = [
            input("a.bib", SourceFormat::Bibtex),
            input("f.xml", SourceFormat::ArxivAtom),
            input("b.bib", SourceFormat::Bibtex),
        ];
        assert_eq!(source_line(&inputs), "BibTeX (a.bib, b.bib); arXiv API (f.xml)");
        assert_eq!(default_title(&inputs), None);
        assert_eq!(default_title(&inputs[..1]), None);
        assert_eq!(default_title(&[input("p.txt", SourceFormat::HfPage)]), Some("Papers from Hugging Face"));
    }
}
