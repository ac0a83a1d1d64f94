//! The citations filter.

use leptos::prelude::*;
use paperdeck_core::positive_count;

use crate::state::{use_results, use_view};

/// A minimum number of citations; not shown when no paper has a count.
#[component]
pub fn CitationsFilter() -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    results.loaded.catalog.has_citations().then(|| {
        view! {
            <fieldset class="facet">
                <legend>"Citations"</legend>
                <label class="number-input">
                    <span>"At least"</span>
                    <input
                        type="number"
                        min="0"
                        step="1"
                        inputmode="numeric"
                        data-testid="citations-min"
                        prop:value=move || ctx.view.with(|v| v.citations.min.map(|n| n.to_string()).unwrap_or_default())
                        on:change=move |ev| ctx.set_citation_floor(positive_count(&event_target_value(&ev)))
                    />
                </label>
            </fieldset>
        }
    })
}
