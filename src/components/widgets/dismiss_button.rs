//! The "×" that closes a notice.

use leptos::prelude::*;

/// A button labelled "Dismiss" for screen readers, shown as "×" in the notice's corner.
#[component]
pub fn DismissButton(on_dismiss: impl Fn() + 'static) -> impl IntoView {
    view! {
        <button type="button" class="notice-dismiss" aria-label="Dismiss" on:click=move |_| on_dismiss()>
            "×"
        </button>
    }
}
