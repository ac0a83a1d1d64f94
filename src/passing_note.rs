//! A note that goes after a while: what a button says once it has done something ("Saved
//! papers.bib: 12 papers", "Copied"). Each note replaces the last and is taken back after
//! its time, unless a later one came meanwhile, which keeps its own full time.

use std::time::Duration;

use leptos::prelude::*;

pub struct PassingNote<T: Send + Sync + 'static> {
    note: RwSignal<Option<T>>,
    /// How many notes have been shown, so that only the last one's timer takes it back.
    shown: StoredValue<u32>,
    lasts: Duration,
}

// Copied whatever `T` is (a derive would ask `T: Copy`): it holds only handles.
impl<T: Send + Sync + 'static> Clone for PassingNote<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for PassingNote<T> {}

impl<T: Send + Sync + 'static> PassingNote<T> {
    pub fn new(lasts: Duration) -> Self {
        Self { note: RwSignal::new(None), shown: StoredValue::new(0), lasts }
    }

    /// Shows `note`, and takes it back after the note's time.
    pub fn show(self, note: T) {
        let Some(this) = self.shown.try_update_value(|n| {
            *n += 1;
            *n
        }) else {
            return;
        };
        self.note.try_set(Some(note));
        set_timeout(
            move || {
                if self.shown.try_get_value() == Some(this) {
                    self.note.try_set(None);
                }
            },
            self.lasts,
        );
    }

    /// Shows `note` until the next one (a note that must stay, such as a fallback).
    pub fn keep(self, note: T) {
        self.shown.try_update_value(|n| *n += 1);
        self.note.try_set(Some(note));
    }

    /// The note shown now (tracked).
    pub fn with<R>(self, f: impl FnOnce(&Option<T>) -> R) -> R {
        self.note.with(f)
    }
}
