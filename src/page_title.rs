//! The document's title follows the view (the core's `page_title`): the collection's
//! title, after the opened paper's or the search typed, so the browser's tab, its
//! history entries and a bookmark name what they show.

use leptos::prelude::*;

use crate::state::{use_results, use_view};

/// Keeps `document.title` in step with the view while the explorer is on the page.
pub fn follow_view_in_title() {
    let ctx = use_view();
    let results = use_results();
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
        if document().title() != title {
            document().set_title(&title);
        }
    });
}
