use leptos::prelude::*;

use crate::url_sync::{use_view, History};

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
                placeholder="Search titles, authors, abstracts — try \"low rank\", -survey, author:hu"
                autocomplete="off"
                spellcheck="false"
                prop:value=value
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    ctx.update(History::Replace, |v| v.query = text);
                }
            />
        </label>
    }
}
