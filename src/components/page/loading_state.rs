//! What shows while the snapshot loads.

use leptos::prelude::*;
use paperdeck_core::labels::loading_progress;

/// Shown while the snapshot is on its way, with how many of its records have been read
/// (a large snapshot on a slow connection takes seconds). The count is for the eye only:
/// a status that changed with every chunk would keep a screen reader talking.
#[component]
pub fn LoadingState(records_read: ReadSignal<usize>) -> impl IntoView {
    view! {
        <div class="loading" role="status" data-testid="loading">
            <span class="spinner" aria-hidden="true"></span>
            "Loading papers…"
            <span class="loading-progress" aria-hidden="true" data-testid="loading-progress">
                {move || loading_progress(records_read.get())}
            </span>
        </div>
    }
}
