//! The papers new since this browser's last visit: read from `localStorage` once per
//! loaded snapshot (the core's `begin_visit` says what is new and what to store), and
//! "Mark all as seen". Personal: never in the URL but as the `new=1` filter, whose
//! meaning depends on this browser. An embed neither reads nor writes the record.

use leptos::prelude::*;
use paperdeck_core::seen::{begin_visit, mark_all_seen, storage_key, NewPapers, Visit};
use paperdeck_core::PartialDate;

use crate::load::Loaded;
use crate::next_task::after_first_paint;
use crate::seen_store;

/// What is new, and the operation that changes it.
#[derive(Clone, Copy)]
pub struct NewPapersContext {
    pub new: ReadSignal<NewPapers>,
    set_new: WriteSignal<NewPapers>,
    /// The newest paper's date at the last visit, for the notice.
    pub newest_then: ReadSignal<Option<PartialDate>>,
    set_newest_then: WriteSignal<Option<PartialDate>>,
    key: StoredValue<Option<String>>,
    /// This visit's record, stored in the task after the first view is painted (writing
    /// its text is ~6 ms at 10k papers) unless "Mark all as seen" has stored another.
    unstored: StoredValue<Option<Visit>>,
}

impl NewPapersContext {
    /// "Mark all as seen": no paper is new any more, here and on the next visit.
    pub fn mark_all_seen(&self, loaded: &Loaded) {
        let visit = mark_all_seen(&loaded.catalog, seen_store::now_ms());
        self.unstored.set_value(None);
        if let Some(key) = self.key.get_value() {
            seen_store::write(&key, &visit.record());
        }
        self.set_new.set(visit.new);
        self.set_newest_then.set(visit.newest_then);
    }
}

/// Begins a visit of `loaded` (not in an embed) and provides what is new to the
/// components below.
pub fn provide_new_papers(loaded: &Loaded, embed: bool) -> NewPapersContext {
    let key = (!embed).then(|| storage_key(&absolute(&loaded.url)));
    let visit = key
        .as_ref()
        .map(|key| begin_visit(&loaded.catalog, seen_store::read(key).as_deref(), seen_store::now_ms()));
    let (new, newest_then) = match &visit {
        Some(visit) => (visit.new.clone(), visit.newest_then),
        None => (NewPapers::unknown(), None),
    };
    let (new, set_new) = signal(new);
    let (newest_then, set_newest_then) = signal(newest_then);
    let unstored = StoredValue::new(visit);
    let ctx =
        NewPapersContext { new, set_new, newest_then, set_newest_then, key: StoredValue::new(key), unstored };
    after_first_paint(move || {
        // The page may be gone by then; "Mark all as seen" may have stored another record.
        let visit = unstored.try_update_value(Option::take).flatten();
        if let (Some(visit), Some(key)) = (visit, ctx.key.try_get_value().flatten()) {
            seen_store::write(&key, &visit.record());
        }
    });
    provide_context(ctx);
    ctx
}

pub fn use_new_papers() -> NewPapersContext {
    expect_context::<NewPapersContext>()
}

/// The snapshot's URL as the browser resolves it: one record per snapshot, wherever the
/// link that named it was relative to.
fn absolute(url: &str) -> String {
    web_sys::Url::new_with_base(url, &super::current_url())
        .map(|u| u.href())
        .unwrap_or_else(|_| url.to_string())
}
