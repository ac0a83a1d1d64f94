//! The search input.

use leptos::prelude::*;
use paperdeck_core::labels::SEARCH_PLACEHOLDER;

use crate::state::use_view;

/// The search box, for code that finds it in the page (the `/` shortcut, the static list's
/// handover).
pub const SEARCH_INPUT: &str = "[data-testid=\"search-input\"]";

/// The query input. Each keystroke replaces the current history entry.
#[component]
pub fn SearchBox() -> impl IntoView {
    let ctx = use_view();
    let value = move || ctx.view.with(|v| v.query.clone());
    view! {
        <label class="search">
            <span class="visually-hidden">"Search papers"</span>
            <input
                type="search"
                data-testid="search-input"
                placeholder=SEARCH_PLACEHOLDER
                autocomplete="off"
                spellcheck="false"
                prop:value=value
                on:input=move |ev| ctx.type_query(event_target_value(&ev))
            />
        </label>
    }
}
