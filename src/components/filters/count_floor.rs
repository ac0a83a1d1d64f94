//! "At least N": a whole-number floor (upvotes, citations).

use leptos::prelude::*;
use paperdeck_core::positive_count;

/// A number input under `legend` that shows `floor` and calls `set` with what is typed
/// (`None` for empty, 0 or anything that is not a whole number ≥ 1).
#[component]
pub fn CountFloor(
    legend: &'static str,
    testid: &'static str,
    #[prop(into)] floor: Signal<Option<u32>>,
    set: impl Fn(Option<u32>) + 'static,
) -> impl IntoView {
    view! {
        <fieldset class="facet">
            <legend>{legend}</legend>
            <label class="number-input">
                <span>"At least"</span>
                <input
                    type="number"
                    min="0"
                    step="1"
                    inputmode="numeric"
                    data-testid=testid
                    prop:value=move || floor.get().map(|n| n.to_string()).unwrap_or_default()
                    on:change=move |ev| set(positive_count(&event_target_value(&ev)))
                />
            </label>
        </fieldset>
    }
}
