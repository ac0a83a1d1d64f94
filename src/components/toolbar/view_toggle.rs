//! The layout switch.

use leptos::prelude::*;
use paperdeck_core::ViewMode;

use crate::state::use_view;

/// Cards or a compact list.
#[component]
pub fn ViewToggle() -> impl IntoView {
    let ctx = use_view();
    view! {
        <div class="segmented" role="group" aria-label="Layout">
            {ViewMode::ALL
                .into_iter()
                .map(|mode| view! {
                    <button
                        type="button"
                        class="segment"
                        data-testid=format!("view-{}", mode.name())
                        aria-pressed=move || (ctx.view.with(|v| v.view) == mode).to_string()
                        on:click=move |_| ctx.set_layout(mode)
                    >
                        {mode.label()}
                    </button>
                })
                .collect_view()}
        </div>
    }
}
