use leptos::prelude::*;
use paperdeck_core::CountRange;

use crate::url_sync::{use_view, History};

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
                    on:change=move |ev| {
                        let text = event_target_value(&ev);
                        let min = text.trim().parse::<u32>().ok().filter(|n| *n > 0);
                        ctx.update(History::Push, |v| {
                            let max = v.upvotes.max.filter(|m| min.is_none_or(|n| *m >= n));
                            v.upvotes = CountRange { min, max }
                        })
                    }
                />
            </label>
        </fieldset>
    }
}
