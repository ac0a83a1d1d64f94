//! The line above the results: how many papers, in which order.

use leptos::prelude::*;
use paperdeck_core::labels::{order_tail, result_count_tail, thousands, AWAITING_INDEX_NOTE};

use crate::state::{use_results, use_view};

/// "12 of 77 papers, newest first". The way back to everything is the active filters'
/// "Clear all". A search typed before the catalog has its index says it is coming.
#[component]
pub fn ResultSummary() -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    let total = results.loaded.catalog.len();
    let shown = move || results.result.with(|r| r.ids.len());
    let narrowed = move || ctx.view.with(|v| v.is_narrowed());
    // A memo: the count's parts are rebuilt only when it changes, not on each answer.
    let count = move || match results.awaiting_index.get() {
        true => view! { <span data-testid="awaiting-index">{AWAITING_INDEX_NOTE}</span> }.into_any(),
        false => view! {
            <span data-testid="result-count">{move || thousands(shown())}</span>
            {move || result_count_tail(shown(), total, narrowed())}
            {move || results.result.with(|r| order_tail(r.order))}
        }
        .into_any(),
    };
    view! {
        <div class="result-summary">
            <p class="count" aria-live="polite">{count}</p>
        </div>
    }
}
