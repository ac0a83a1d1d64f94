//! The active filters above the results.

use leptos::prelude::*;
use paperdeck_core::{active_filters, encode_url};

use crate::state::{use_results, use_view};

/// Each active filter as a chip that removes it (the core's `active_filters`), and
/// "Clear all"; nothing when nothing narrows the view.
#[component]
pub fn ActiveFilters() -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    let chips = Memo::new(move |_| {
        ctx.view.with(|v| {
            let catalog = &results.loaded.catalog;
            let related = v.related.as_deref().and_then(|id| catalog.position(id));
            active_filters(v, related.map(|i| catalog.paper(i).title.as_str()))
        })
    });
    view! {
        <Show when=move || chips.with(|c| !c.is_empty())>
            <div class="active-filters" role="group" aria-label="Active filters">
                <For
                    each=move || chips.get()
                    // The view a chip leads to changes with every other filter: key by both.
                    key=|chip| (chip.label.clone(), encode_url(&chip.without))
                    children=move |chip| {
                        let without = chip.without.clone();
                        let label = chip.label.clone();
                        view! {
                            <span class="filter-chip" data-testid="filter-chip">
                                <span class="chip-label">{chip.label.clone()}</span>
                                <button
                                    type="button"
                                    class="chip-remove"
                                    data-testid="filter-chip-remove"
                                    aria-label=format!("Remove {label}")
                                    title=format!("Remove {label}")
                                    on:click=move |_| ctx.show(without.clone())
                                >
                                    "×"
                                </button>
                            </span>
                        }
                    }
                />
                <button
                    type="button"
                    class="chips-clear link-like"
                    data-testid="clear-all"
                    title="Clear the search and every filter"
                    on:click=move |_| ctx.clear_search_and_filters()
                >
                    "Clear all"
                </button>
            </div>
        </Show>
    }
}
