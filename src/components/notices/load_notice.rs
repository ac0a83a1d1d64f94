//! The notice about a snapshot's invalid records and fields.

use leptos::prelude::*;
use paperdeck_core::labels::{load_notice_details, load_notice_summary};
use paperdeck_core::Problem;

/// Says how many records were left out or partly ignored, with the details on demand.
#[component]
pub fn LoadNotice(url: String, problems: Vec<Problem>, notes: Vec<String>, skipped: usize) -> impl IntoView {
    let (open, set_open) = signal(true);
    let summary = load_notice_summary(&url, skipped, &problems);
    let details = load_notice_details(&notes, &problems);
    view! {
        <Show when=move || open.get()>
            <aside class="notice" role="status" data-testid="load-notice">
                <p>{summary.clone()} " Every valid paper is shown."</p>
                <details>
                    <summary>"Details"</summary>
                    <ul>{details.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}</ul>
                </details>
                <button type="button" class="notice-dismiss" aria-label="Dismiss" on:click=move |_| set_open.set(false)>
                    "×"
                </button>
            </aside>
        </Show>
    }
}
