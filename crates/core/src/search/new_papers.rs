//! The papers new since the reader's last visit, as the search sees them: what the
//! `new=1` filter keeps and what cards mark "New". Which papers those are is decided by
//! `view/seen.rs` from this browser's stored record; this type is all the search needs
//! of it, so the search never depends on the view.

use super::bitset::BitSet;

/// Which papers of a snapshot are new since the reader's last visit. Personal: it comes
/// from this browser's storage, never from a link.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewPapers {
    set: Option<BitSet>,
}

impl NewPapers {
    /// No earlier visit to compare with (a first visit, or no storage): nothing is new,
    /// and the `new=1` filter cannot apply.
    pub fn unknown() -> Self {
        Self { set: None }
    }

    /// Papers `set` are new (`view/seen.rs` decides which).
    pub(crate) fn from_set(set: BitSet) -> Self {
        Self { set: Some(set) }
    }

    /// True when there is an earlier visit to compare with.
    pub fn is_known(&self) -> bool {
        self.set.is_some()
    }

    /// True when paper `index` is new.
    pub fn is_new(&self, index: u32) -> bool {
        self.set.as_ref().is_some_and(|s| s.contains(index))
    }

    /// How many papers are new.
    pub fn count(&self) -> usize {
        self.set.as_ref().map_or(0, BitSet::count)
    }

    /// The set the `new=1` filter keeps, when it applies.
    pub(crate) fn filter(&self) -> Option<&BitSet> {
        self.set.as_ref()
    }
}
