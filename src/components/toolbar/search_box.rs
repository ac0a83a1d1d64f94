//! The search input.

use leptos::prelude::*;
use paperdeck_core::labels::search_placeholder;
use paperdeck_core::ValueFacet;

use crate::state::{use_results, use_view};

/// The search box, for code that finds it in the page (the `/` shortcut, the static list's
/// handover).
pub const SEARCH_INPUT: &str = "[data-testid=\"search-input\"]";

/// The query input. Each keystroke replaces the current history entry. Its example
/// searches by author only where the papers have author names.
#[component]
pub fn SearchBox() -> impl IntoView {
    let ctx = use_view();
    let placeholder = search_placeholder(use_results().loaded.catalog.has_values(ValueFacet::Author));
    let value = move || ctx.view.with(|v| v.query.clone());
    view! {
        <label class="search">
            <span class="visually-hidden">"Search papers"</span>
            <input
                type="search"
                data-testid="search-input"
                placeholder=placeholder
                autocomplete="off"
                spellcheck="false"
                prop:value=value
                on:input=move |ev| ctx.type_query(event_target_value(&ev))
            />
        </label>
    }
}
