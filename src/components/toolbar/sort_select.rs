//! The order menu.

use leptos::prelude::*;
use paperdeck_core::SortOrder;

use crate::state::{use_results, use_view};

/// The order of the results. Relevance needs a query to rank by. Each option's
/// `selected` is set as a property: the attribute stops moving the menu once a person has
/// chosen from it (an option's "dirtiness"), so the menu would not follow Back.
#[component]
pub fn SortSelect() -> impl IntoView {
    let ctx = use_view();
    // Parsed once per change of the view, not once per option.
    let current = Memo::new(move |_| ctx.view.with(|v| v.effective_sort()));
    let has_query = Memo::new(move |_| ctx.view.with(|v| v.has_query()));
    // "Most cited" only where some paper has a count (or a link asks for it).
    let loaded = use_results().loaded;
    let offered = move |order: SortOrder| loaded.catalog.offers_sort(order) || current.get() == order;
    view! {
        <label class="control sort-control">
            <span class="control-label">"Sort"</span>
            <select
                data-testid="sort-select"
                on:change=move |ev| {
                    if let Some(order) = SortOrder::from_name(&event_target_value(&ev)) {
                        ctx.set_sort(order);
                    }
                }
            >
                {SortOrder::ALL
                    .into_iter()
                    .filter(|o| offered(*o))
                    .map(|order| view! {
                        <option
                            value=order.name()
                            prop:selected=move || current.get() == order
                            disabled=move || order == SortOrder::Relevance && !has_query.get()
                        >
                            {order.label()}
                        </option>
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
