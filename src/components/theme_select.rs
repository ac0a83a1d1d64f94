use leptos::prelude::*;
use paperdeck_core::Theme;

use crate::url_sync::{use_view, History};

/// Light, dark, or the system's choice.
#[component]
pub fn ThemeSelect() -> impl IntoView {
    let ctx = use_view();
    let options =
        [(Theme::Auto, "auto", "Auto"), (Theme::Light, "light", "Light"), (Theme::Dark, "dark", "Dark")];
    view! {
        <label class="control">
            <span class="control-label">"Theme"</span>
            <select
                data-testid="theme-select"
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    if let Some((theme, _, _)) = options.iter().find(|(_, v, _)| *v == value) {
                        let theme = *theme;
                        ctx.update(History::Push, |v| v.theme = theme);
                    }
                }
            >
                {options
                    .into_iter()
                    .map(|(theme, value, label)| view! {
                        <option value=value selected=move || ctx.view.with(|v| v.theme) == theme>{label}</option>
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
