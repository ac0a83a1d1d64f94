//! The readers, one per source format. Each is a pure function from the text of one
//! input to a [`Parsed`](crate::import::parsed::Parsed) or an
//! [`ImportError`](crate::import::parsed::ImportError); none knows about files.
//! This file holds the rules they share: the year rule and how an author list is kept.

pub mod arxiv_atom;
pub mod bibtex;
pub mod csv_table;
pub mod hf_api;
pub mod hf_page;
pub mod ris;
pub mod snapshot_json;

use std::fmt::Display;

use paperdeck_core::{Paper, PartialDate};

use crate::import::parsed::{Location, Note};
use crate::import::source::ImportOptions;

/// The year rule every importer shares: a paper without a year is kept as undated only
/// with `--allow-undated`: then it is [`PartialDate::UNKNOWN`] (and noted), else the
/// reason to skip it.
fn undated(options: &ImportOptions, at: Location, notes: &mut Vec<Note>) -> Result<PartialDate, String> {
    if options.allow_undated {
        notes.push(Note { at, message: "has no year; kept as undated".into() });
        Ok(PartialDate::UNKNOWN)
    } else {
        Err("has no year (pass --allow-undated to keep it as an undated paper)".into())
    }
}

/// The date of a paper, or the year rule for one without: `subject` names the entry in
/// the reason it is skipped (`entry "key" has no year (…)`).
pub(crate) fn dated(
    date: Option<PartialDate>,
    options: &ImportOptions,
    at: Location,
    notes: &mut Vec<Note>,
    subject: impl Display,
) -> Result<PartialDate, String> {
    match date {
        Some(d) => Ok(d),
        None => undated(options, at, notes).map_err(|reason| format!("{subject} {reason}")),
    }
}

/// Gives `paper` its author names, their count, and whether the list is incomplete; an
/// empty list leaves the paper as it is.
pub(crate) fn set_authors(paper: &mut Paper, names: Vec<String>, incomplete: bool) {
    if !names.is_empty() {
        paper.author_count = names.len() as u32;
        paper.authors = Some(names);
        paper.authors_incomplete = incomplete;
    }
}
