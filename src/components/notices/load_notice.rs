//! The notice about a snapshot's invalid records and fields.

use leptos::prelude::*;
use paperdeck_core::labels::{load_notice_details, load_notice_more, load_notice_summary, LOAD_NOTICE_PAGE};
use paperdeck_core::Problem;

use crate::components::widgets::dismiss_button::DismissButton;

/// Says how many records were left out or partly ignored, with the details on demand.
#[component]
pub fn LoadNotice(url: String, problems: Vec<Problem>, notes: Vec<String>, skipped: usize) -> impl IntoView {
    let (open, set_open) = signal(true);
    let summary = load_notice_summary(&url, skipped, &problems);
    let total = notes.len() + problems.len();
    // A page of details at a time: a file can hold 100,000 problems.
    let (limit, set_limit) = signal(LOAD_NOTICE_PAGE);
    let lines = StoredValue::new((notes, problems));
    let details =
        move || lines.with_value(|(notes, problems)| load_notice_details(notes, problems, limit.get()));
    let more = move || load_notice_more(total, limit.get().min(total));
    view! {
        <Show when=move || open.get()>
            <aside class="notice" role="status" data-testid="load-notice">
                <p>{summary.clone()} " Every valid paper is shown."</p>
                <details>
                    <summary>"Details"</summary>
                    <ul>{move || details().into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
                    {move || more().map(|label| view! {
                        <button
                            type="button"
                            class="notice-more"
                            on:click=move |_| set_limit.update(|n| *n += LOAD_NOTICE_PAGE)
                        >
                            {label}
                        </button>
                    })}
                </details>
                <DismissButton on_dismiss=move || set_open.set(false)/>
            </aside>
        </Show>
    }
}
