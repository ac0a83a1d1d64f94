//! The papers new since this browser's last visit: read from `localStorage` once per
//! loaded snapshot (the core's `begin_visit` says what is new and what to store), and
//! "Mark all as seen". Personal: never in the URL but as the `new=1` filter, whose
//! meaning depends on this browser. An embed neither reads nor writes the record.

use leptos::prelude::*;
use paperdeck_core::seen::{begin_visit, mark_all_seen, storage_key, NewPapers, Visit};
use paperdeck_core::PartialDate;

use crate::load::Loaded;
use crate::next_task::next_task;
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
    /// This visit's record, not stored yet, with the text it was read from
    /// ([`store_later`]).
    unstored: StoredValue<Option<(Visit, Option<String>)>>,
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
    let visit = key.as_ref().map(|key| {
        let read = seen_store::read(key);
        (begin_visit(&loaded.catalog, read.as_deref(), seen_store::now_ms()), read)
    });
    let (new, newest_then) = match &visit {
        Some((visit, _)) => (visit.new.clone(), visit.newest_then),
        None => (NewPapers::unknown(), None),
    };
    let (new, set_new) = signal(new);
    let (newest_then, set_newest_then) = signal(newest_then);
    let unstored = StoredValue::new(visit);
    let ctx =
        NewPapersContext { new, set_new, newest_then, set_newest_then, key: StoredValue::new(key), unstored };
    store_later(ctx);
    provide_context(ctx);
    ctx
}

/// Stores this visit's record in a task after the one that builds the first view (its
/// text is ~6 ms of work at 10k papers): a timer, which runs in a hidden tab too. Not when
/// "Mark all as seen" has stored another by then, nor when the stored record is no longer
/// the one this visit was read from (another tab of the same snapshot wrote since).
fn store_later(ctx: NewPapersContext) {
    leptos::task::spawn_local(async move {
        next_task().await;
        // The page may be gone by then.
        let Some(Some((visit, read))) = ctx.unstored.try_update_value(Option::take) else { return };
        let Some(Some(key)) = ctx.key.try_get_value() else { return };
        if seen_store::read(&key) == read {
            seen_store::write(&key, &visit.record());
        }
    });
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
