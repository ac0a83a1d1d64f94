//! The theme menu.

use leptos::prelude::*;
use paperdeck_core::Theme;

use crate::state::use_view;

/// Light, dark, or the system's choice.
#[component]
pub fn ThemeSelect() -> impl IntoView {
    let ctx = use_view();
    view! {
        <label class="control theme-control">
            <span class="control-label">"Theme"</span>
            <select
                data-testid="theme-select"
                on:change=move |ev| {
                    if let Some(theme) = Theme::from_name(&event_target_value(&ev)) {
                        ctx.set_theme(theme);
                    }
                }
            >
                {Theme::ALL
                    .into_iter()
                    .map(|theme| view! {
                        <option value=theme.name() prop:selected=move || ctx.view.with(|v| v.theme) == theme>{theme.label()}</option>
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
