//! Importers, one module per source format.

pub mod abstract_links;
pub mod hf_api;
pub mod hf_page;
pub mod latex_text;

use std::fmt;

use paperdeck_core::Snapshot;

/// Where a record is in its input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

/// A source record that did not become a paper, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub at: Location,
    pub reason: String,
}

/// What an importer made of its input.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub snapshot: Snapshot,
    pub skipped: Vec<Skipped>,
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

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.column {
            Some(c) => write!(f, "{}:{c}: {}", self.line, self.message),
            None => write!(f, "{}: {}", self.line, self.message),
        }
    }
}

impl std::error::Error for ImportError {}

/// The source formats `paperdeck import --from` knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceFormat {
    /// A Hugging Face papers page saved as text (`hf-page`).
    HfPage,
    /// Hugging Face `daily_papers` API responses, JSON arrays (`hf-api`).
    HfApi,
}

impl SourceFormat {
    pub const NAMES: [&'static str; 2] = ["hf-page", "hf-api"];

    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "hf-page" => Some(Self::HfPage),
            "hf-api" => Some(Self::HfApi),
            _ => None,
        }
    }
}
