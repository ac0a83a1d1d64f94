//! The document's title follows the view (the core's `page_title`): the collection's
//! title, after the opened paper's or the search typed, so the browser's tab, its
//! history entries and a bookmark name what they show. Written once the view has stayed
//! a moment (as typing's address is, `state/location.rs`): setting `document.title`
//! costs ~0.2–0.3 ms, too much for every keystroke.

use leptos::prelude::*;

use crate::state::{use_results, use_view, TYPING_PAUSE};

/// Keeps `document.title` in step with the view while the explorer is on the page.
pub fn follow_view_in_title() {
    let ctx = use_view();
    let results = use_results();
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let catalog = &results.loaded.catalog;
        let title = ctx.view.with(|v| {
            let opened = v
                .paper
                .as_deref()
                .and_then(|id| catalog.position(id))
                .map(|i| catalog.paper(i).title.as_str());
            paperdeck_core::labels::page_title(catalog.snapshot.title.as_deref(), v, opened)
        });
        if let Some(earlier) = pending.try_update_value(Option::take).flatten() {
            earlier.clear();
        }
        if document().title() == title {
            return;
        }
        let write = move || document().set_title(&title);
        match set_timeout_with_handle(write.clone(), TYPING_PAUSE) {
            Ok(timer) => pending.set_value(Some(timer)),
            Err(_) => write(),
        }
    });
}
