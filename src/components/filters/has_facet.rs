//! The "has" facet: code, project page, PDF, abstract.

use leptos::prelude::*;
use paperdeck_core::labels::thousands;

use crate::state::{use_results, use_view};

/// "Has code / project page / PDF / abstract", each with its count: those some paper has,
/// and any the link requires (core `Catalog::has_options`). Not shown when there are none.
#[component]
pub fn HasFacet() -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    let loaded = results.loaded.clone();
    // Changes only when a link requires an option no paper has, or stops requiring it.
    let options = Memo::new(move |_| ctx.view.with(|v| loaded.catalog.has_options(v)));
    move || {
        let options = options.get();
        (!options.is_empty()).then(|| {
            view! {
                <fieldset class="facet">
                    <legend>"Has"</legend>
                    <ul class="facet-list">
                        {options
                            .into_iter()
                            .map(|h| {
                                let count = move || results.result.with(|r| r.facets.has_count(h));
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
        })
    }
}
