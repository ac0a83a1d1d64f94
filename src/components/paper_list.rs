use leptos::prelude::*;
use paperdeck_core::ViewMode;

use super::explorer::use_results;
use super::paper_card::PaperCard;
use super::paper_row::PaperRow;
use crate::url_sync::use_view;

/// Rows rendered at once; more are added on request, so a 10,000-paper result never puts
/// 10,000 cards in the DOM.
const PAGE_SIZE: usize = 100;

/// The results in the view's order, a page at a time, keyed by paper index so a keystroke
/// only adds and removes the cards that changed.
#[component]
pub fn PaperList() -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    let shown = RwSignal::new(PAGE_SIZE);
    // A new answer starts again from the first page, extended to reach an opened paper.
    Effect::new(move |_| {
        results.result.track();
        let opened = ctx.view.with_untracked(|v| v.paper.clone());
        let position = opened.and_then(|id| {
            let index = results.loaded.catalog.position(&id)?;
            results.result.with_untracked(|r| r.ids.iter().position(|&i| i == index))
        });
        shown.set(position.map_or(PAGE_SIZE, |p| (p / PAGE_SIZE + 1) * PAGE_SIZE));
    });
    let total = move || results.result.with(|r| r.ids.len());
    let visible = Memo::new(move |_| results.result.with(|r| r.ids[..r.ids.len().min(shown.get())].to_vec()));
    let remaining = move || total().saturating_sub(shown.get());
    let is_list = move || ctx.view.with(|v| v.view == ViewMode::List);
    view! {
        <ol class="paper-list" class:compact=is_list aria-label="Papers">
            <For
                each=move || visible.get()
                key=|index| *index
                children=move |index| {
                    view! {
                        <li>
                            {move || if is_list() {
                                view! { <PaperRow index/> }.into_any()
                            } else {
                                view! { <PaperCard index/> }.into_any()
                            }}
                        </li>
                    }
                }
            />
        </ol>
        <Show when=move || { remaining() > 0 }>
            <button
                type="button"
                class="show-more"
                data-testid="show-more"
                on:click=move |_| shown.update(|n| *n += PAGE_SIZE)
            >
                {move || format!("Show {} more of {}", remaining().min(PAGE_SIZE), remaining())}
            </button>
        </Show>
    }
}
