//! What shows while the snapshot loads.

use leptos::prelude::*;

/// Shown while the snapshot is on its way.
#[component]
pub fn LoadingState() -> impl IntoView {
    view! {
        <div class="loading" role="status" data-testid="loading">
            <span class="spinner" aria-hidden="true"></span>
            "Loading papers…"
        </div>
    }
}
