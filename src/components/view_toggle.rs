use leptos::prelude::*;
use paperdeck_core::ViewMode;

use crate::url_sync::{use_view, History};

/// Cards or a compact list.
#[component]
pub fn ViewToggle() -> impl IntoView {
    let ctx = use_view();
    let button = move |mode: ViewMode, label: &'static str| {
        view! {
            <button
                type="button"
                class="segment"
                data-testid=format!("view-{}", label.to_lowercase())
                aria-pressed=move || (ctx.view.with(|v| v.view) == mode).to_string()
                on:click=move |_| ctx.update(History::Push, |v| v.view = mode)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="segmented" role="group" aria-label="Layout">
            {button(ViewMode::Cards, "Cards")}
            {button(ViewMode::List, "List")}
        </div>
    }
}
