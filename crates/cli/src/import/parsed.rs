//! What a reader makes of one input: papers as [`Record`]s with their [`Location`], the
//! entries it [`Skipped`] with the reason, [`Note`]s on what it left out of kept papers
//! (all in a [`Parsed`]), or an [`ImportError`] naming the line and column that make the
//! input unusable.

use std::fmt;

use paperdeck_core::{Paper, PartialDate};

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
/// for (its arXiv id, else one made from its title); [`crate::import::merge`] makes ids
/// unique.
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
    /// Lab members the source names (a snapshot's `highlight_authors`).
    pub highlight_authors: Vec<String>,
}

impl Parsed {
    /// Keeps an entry's paper as a record, or the reason it is not one as a skipped entry.
    pub fn push(&mut self, at: Location, paper: Result<Paper, String>) {
        match paper {
            Ok(paper) => self.records.push(Record { at, paper }),
            Err(reason) => self.skipped.push(Skipped { at, reason }),
        }
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_of_offsets() {
        let text = "ab\r\ncé\nx";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 4), (2, 1));
        assert_eq!(line_column(text, 7), (2, 3), "columns count characters");
        assert_eq!(line_column(text, 6), (2, 2), "inside a character: its start");
        assert_eq!(line_column(text, 99), (3, 2));
    }
}
