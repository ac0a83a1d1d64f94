//! The readers, one per source format. Each is a pure function from the text of one
//! input to a [`Parsed`](crate::import::parsed::Parsed) or an
//! [`ImportError`](crate::import::parsed::ImportError); none knows about files.
//! This file holds the rules they share.

pub mod arxiv_atom;
pub mod bibtex;
pub mod csv_table;
pub mod hf_api;
pub mod hf_page;

use paperdeck_core::PartialDate;

use crate::import::parsed::{Location, Note};
use crate::import::source::ImportOptions;

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
