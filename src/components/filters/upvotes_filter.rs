//! The upvotes filter.

use leptos::prelude::*;
use paperdeck_core::positive_count;

use crate::state::use_view;

/// A minimum number of upvotes.
#[component]
pub fn UpvotesFilter() -> impl IntoView {
    let ctx = use_view();
    view! {
        <fieldset class="facet">
            <legend>"Upvotes"</legend>
            <label class="number-input">
                <span>"At least"</span>
                <input
                    type="number"
                    min="0"
                    step="1"
                    inputmode="numeric"
                    data-testid="upvotes-min"
                    prop:value=move || ctx.view.with(|v| v.upvotes.min.map(|n| n.to_string()).unwrap_or_default())
                    on:change=move |ev| ctx.set_upvote_floor(positive_count(&event_target_value(&ev)))
                />
            </label>
        </fieldset>
    }
}
