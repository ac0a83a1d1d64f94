//! What comes out of an import: the snapshot, and for the report what each input
//! contributed and which entries were merged.

use paperdeck_core::Snapshot;

use crate::import::merge::Merged;
use crate::import::parsed::{Note, Skipped};

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
