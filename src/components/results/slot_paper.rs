//! The paper a card shows, read reactively.

use std::sync::Arc;

use leptos::prelude::*;
use paperdeck_core::display::AuthorMarks;
use paperdeck_core::Paper;

use crate::load::Loaded;
use crate::scoped_memo::scoped_memo;
use crate::state::use_results;

/// The paper that a card or row shows, by index, as a signal: when a new answer gives the
/// card another paper (`paper_list.rs`, the core's `CardReuse`), the card's parts read the
/// new paper and change their text and attributes in place (no new elements). Copy, so
/// every part's closure can hold one.
#[derive(Clone, Copy)]
pub struct SlotPaper {
    loaded: StoredValue<Arc<Loaded>>,
    pub index: Signal<u32>,
}

impl SlotPaper {
    pub fn new(index: Signal<u32>) -> Self {
        Self { loaded: StoredValue::new(use_results().loaded), index }
    }

    /// `f` of the paper shown now; tracks the index, so a closure that calls it runs again
    /// when another paper takes the place.
    pub fn with<T>(&self, f: impl FnOnce(&Paper) -> T) -> T {
        let index = self.index.get();
        self.loaded.with_value(|loaded| f(loaded.catalog.paper(index)))
    }

    /// What the query marks on the paper's authors line, as a memo that changes only when
    /// the marks do (for most papers and keystrokes they stay empty), so the line is
    /// rebuilt only then.
    pub fn author_marks(self) -> Memo<AuthorMarks> {
        let query = use_results().query;
        scoped_memo(move |_| query.with(|q| self.with(|p| AuthorMarks::of(p, q))))
    }
}
