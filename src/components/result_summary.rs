use leptos::prelude::*;
use paperdeck_core::ViewState;

use super::explorer::use_results;
use crate::url_sync::{use_view, History};

/// "12 of 77 papers", with a way back to everything when filtered.
#[component]
pub fn ResultSummary() -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    let total = results.loaded.catalog.len();
    let shown = move || results.result.with(|r| r.ids.len());
    let narrowed = move || ctx.view.with(|v| !v.query.trim().is_empty() || v.is_filtered());
    view! {
        <div class="result-summary">
            <p class="count" aria-live="polite">
                <span data-testid="result-count">{shown}</span>
                {move || if narrowed() { format!(" of {total} papers") } else if shown() == 1 { " paper".into() } else { " papers".into() }}
                {move || format!(", {}", results.result.with(|r| r.order.label().to_lowercase()))}
            </p>
            <Show when=narrowed>
                <button
                    type="button"
                    class="link-like"
                    data-testid="clear-all"
                    on:click=move |_| {
                        ctx.update(History::Push, |v| {
                            *v = ViewState { view: v.view, theme: v.theme, data: v.data.clone(), extra: v.extra.clone(), ..Default::default() }
                        })
                    }
                >
                    "Clear search and filters"
                </button>
            </Show>
        </div>
    }
}
