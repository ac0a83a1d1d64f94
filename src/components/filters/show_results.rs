//! On a phone, the way from the open filter panel back to the papers.

use leptos::prelude::*;
use paperdeck_core::labels::{show_papers_label, AWAITING_INDEX_NOTE};

use crate::state::use_results;

/// "Show 346 papers" at the foot of the filter panel where it sits above the results (a
/// phone), kept in view as the panel scrolls: each filter chosen there changes the count
/// at once, though the results are a long way down; a tap folds the panel and brings the
/// results into view.
#[component]
pub fn ShowResults(panel: NodeRef<leptos::html::Details>) -> impl IntoView {
    let results = use_results();
    let count = move || results.result.with(|r| r.ids.len());
    let show = move |_| {
        if let Some(details) = panel.get_untracked() {
            details.set_open(false);
        }
        if let Some(summary) = document().query_selector(".result-summary").ok().flatten() {
            summary.scroll_into_view();
        }
    };
    view! {
        <button type="button" class="button show-results" data-testid="show-results" on:click=show>
            {move || match results.awaiting_index.get() {
                true => AWAITING_INDEX_NOTE.to_string(),
                false => show_papers_label(count()),
            }}
        </button>
    }
}
