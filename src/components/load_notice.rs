use leptos::prelude::*;
use paperdeck_core::Problem;

/// Says how many records were left out or partly ignored, with the details on demand.
#[component]
pub fn LoadNotice(url: String, problems: Vec<Problem>, notes: Vec<String>, skipped: usize) -> impl IntoView {
    let (open, set_open) = signal(true);
    let ignored_fields = problems.len()
        - problems.iter().filter(|p| p.kind == paperdeck_core::ProblemKind::RecordSkipped).count();
    let summary = match (skipped, ignored_fields) {
        (0, n) => format!("{n} invalid field(s) in {url} were ignored."),
        (s, 0) => format!("{s} record(s) in {url} were skipped because they are invalid."),
        (s, n) => format!("{s} record(s) in {url} were skipped and {n} invalid field(s) ignored."),
    };
    let details: Vec<String> = notes.into_iter().chain(problems.iter().map(ToString::to_string)).collect();
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
