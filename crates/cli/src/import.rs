//! Importers, one module per source format.

pub mod abstract_links;
pub mod hf_page;

use std::fmt;

use paperdeck_core::Snapshot;

/// A source record that did not become a paper, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// 1-based line of the input where the record starts.
    pub line: usize,
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
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ImportError {}

/// The source formats `paperdeck import --from` knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceFormat {
    /// A Hugging Face papers page saved as text (`hf-page`).
    HfPage,
}

impl SourceFormat {
    pub const NAMES: [&'static str; 1] = ["hf-page"];

    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "hf-page" => Some(Self::HfPage),
            _ => None,
        }
    }
}
