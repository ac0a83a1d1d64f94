//! What shows while the snapshot loads.

use leptos::prelude::*;
use paperdeck_core::labels::loading_progress;

use crate::load::Progress;

/// Shown while the snapshot is on its way, with how many of its records have been read
/// and how much of the file has arrived (a large snapshot on a slow connection takes
/// seconds). The count is for the eye only:
/// a status that changed with every chunk would keep a screen reader talking.
#[component]
pub fn LoadingState(progress: ReadSignal<Progress>) -> impl IntoView {
    view! {
        <div class="loading" role="status" data-testid="loading">
            <span class="spinner" aria-hidden="true"></span>
            "Loading papers…"
            <span class="loading-progress" aria-hidden="true" data-testid="loading-progress">
                {move || {
                    let (records, percent) = progress.get();
                    loading_progress(records, percent)
                }}
            </span>
        </div>
    }
}
