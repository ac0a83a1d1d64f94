//! The "has" facet: code, project page, PDF, abstract.

use leptos::prelude::*;
use paperdeck_core::labels::thousands;
use paperdeck_core::Has;

use crate::state::{use_results, use_view};

/// "Has code / project page / PDF / abstract", each with its count.
#[component]
pub fn HasFacet() -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    view! {
        <fieldset class="facet">
            <legend>"Has"</legend>
            <ul class="facet-list">
                // What no paper has is left out, unless the link chose it.
                {Has::ALL
                    .into_iter()
                    .enumerate()
                    .filter(|(_, h)| results.loaded.catalog.offers_has(*h) || ctx.view.with_untracked(|v| v.has_filter(*h)))
                    .map(|(k, h)| {
                        let count = move || results.result.with(|r| r.facets.has[k]);
                        view! {
                            <li>
                                <label class="check-option" class:empty=move || count() == 0>
                                    <input
                                        type="checkbox"
                                        data-testid=format!("has-{}", h.name())
                                        prop:checked=move || ctx.view.with(|v| v.has_filter(h))
                                        on:change=move |_| ctx.toggle_has(h)
                                    />
                                    <span>{h.label()}</span>
                                    <span class="facet-count">{move || thousands(count() as usize)}</span>
                                </label>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </fieldset>
    }
}
