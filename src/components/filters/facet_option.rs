//! One value of a facet, as a toggle button.

use leptos::prelude::*;
use paperdeck_core::labels::thousands;

/// One value of a facet: its label and count, pressed while it filters; clicking calls
/// `toggle` with whether it should now filter.
#[component]
pub fn FacetOption(
    label: String,
    /// Identifies the value for tests and styles (`data-value`).
    value: String,
    #[prop(into)] count: Signal<u32>,
    #[prop(into)] active: Signal<bool>,
    toggle: impl Fn(bool) + 'static,
) -> impl IntoView {
    view! {
        <li>
            <button
                type="button"
                class="facet-option"
                class:empty=move || count.get() == 0
                aria-pressed=move || active.get().to_string()
                data-value=value
                on:click=move |_| toggle(!active.get_untracked())
            >
                <span>{label}</span>
                <span class="facet-count">{move || thousands(count.get() as usize)}</span>
            </button>
        </li>
    }
}
