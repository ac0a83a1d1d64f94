//! The notice about papers new since this browser's last visit.

use leptos::prelude::*;
use paperdeck_core::labels::{new_only_note, new_papers_notice};

use crate::state::{use_new_papers, use_results, use_view};

/// "3 papers are new since your last visit", with "Show only new" (`new=1`) and "Mark all
/// as seen"; with `new=1`, why the list is empty or why the filter does not apply.
#[component]
pub fn NewPapersNotice() -> impl IntoView {
    let ctx = use_view();
    let news = use_new_papers();
    let results = use_results();
    let new_only = Memo::new(move |_| ctx.view.with(|v| v.new_only));
    let text = move || news.new.with(|n| new_papers_notice(n.count(), news.newest_then.get()));
    let note = move || {
        let (known, count) = news.new.with(|n| (n.is_known(), n.count()));
        new_only.get().then(|| new_only_note(known, count)).flatten()
    };
    let toggle_href = move || ctx.href_with(|v| v.set_new_only(!v.new_only));
    let toggle = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        ctx.set_new_only(!new_only.get_untracked());
    };
    let loaded = StoredValue::new_local(results.loaded.clone());
    let mark = move |_: leptos::ev::MouseEvent| loaded.with_value(|l| news.mark_all_seen(l));
    view! {
        <Show when=move || text().is_some() || note().is_some()>
            <aside class="notice new-papers" role="status" data-testid="new-papers-notice">
                {move || text().map(|t| view! { <p data-testid="new-papers-count">{t}</p> })}
                {move || note().map(|t| view! { <p data-testid="new-only-note">{t}</p> })}
                <Show when=move || text().is_some()>
                    <p class="notice-actions">
                        <a href=toggle_href on:click=toggle data-testid="new-only-toggle">
                            {move || if new_only.get() { "Show all papers" } else { "Show only new papers" }}
                        </a>
                        <button type="button" class="button" data-testid="mark-all-seen" on:click=mark>
                            "Mark all as seen"
                        </button>
                    </p>
                </Show>
            </aside>
        </Show>
    }
}
