use std::sync::Arc;

use leptos::prelude::*;

use super::paper_card::PaperCard;
use crate::load::Loaded;

/// Cards rendered at once; more are added on request, so a 10,000-paper snapshot never
/// puts 10,000 cards in the DOM.
const PAGE_SIZE: usize = 100;

/// The papers in view order, rendered a page at a time and keyed by paper index.
#[component]
pub fn PaperList(loaded: Arc<Loaded>) -> impl IntoView {
    let total = loaded.catalog.len();
    let shown = RwSignal::new(PAGE_SIZE.min(total));
    let order = loaded.clone();
    let visible = Memo::new(move |_| order.catalog.newest_first()[..shown.get()].to_vec());
    let remaining = move || total - shown.get();
    view! {
        <ol class="paper-list" aria-label="Papers">
            <For
                each=move || visible.get()
                key=|index| *index
                children=move |index| {
                    view! { <li><PaperCard loaded=loaded.clone() index/></li> }
                }
            />
        </ol>
        <Show when=move || { remaining() > 0 }>
            <button
                type="button"
                class="show-more"
                data-testid="show-more"
                on:click=move |_| shown.update(|n| *n = (*n + PAGE_SIZE).min(total))
            >
                {move || format!("Show {} more of {}", remaining().min(PAGE_SIZE), remaining())}
            </button>
        </Show>
        <Show when=move || total == 0>
            <p class="empty">"This snapshot has no papers."</p>
        </Show>
    }
}
