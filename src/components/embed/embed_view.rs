//! The page in embed mode.

use leptos::prelude::*;
use paperdeck_core::labels::AWAITING_INDEX_NOTE;

use crate::components::notices::foreign_source::ForeignSourceNotice;
use crate::components::results::paper_card::PaperCard;
use crate::components::results::paper_list::PaperList;
use crate::components::results::suggestions::Suggestions;
use crate::components::results::timeline::Timeline;
use crate::components::toolbar::export_menu::ExportMenu;
use crate::components::toolbar::search_box::SearchBox;
use crate::components::toolbar::sort_select::SortSelect;
use crate::state::{use_results, use_view};

/// The card view alone, for an iframe on another site: a compact toolbar (unless
/// `controls=0`) with the timeline (unless `timeline=0` too), the cards (at most `limit`), or the single card of `paper`.
#[component]
pub fn EmbedView() -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    let foreign_origin = results.loaded.foreign_origin.clone();
    let single = Memo::new(move |_| {
        ctx.view.with(|v| v.paper.as_deref().and_then(|id| results.loaded.catalog.position(id)))
    });
    let controls = move || ctx.view.with(|v| !v.hide_controls) && single.get().is_none();
    // A search typed before the index is built: said (in a live region that stays, so the
    // change is announced), and what is shown dimmed (and the list busy, `PaperList`).
    let awaiting_index = results.awaiting_index;
    view! {
        <div class="embed" class:awaiting-index=move || awaiting_index.get()>
            {foreign_origin.map(|origin| view! { <ForeignSourceNotice origin/> })}
            <Show when=controls>
                <div class="toolbar embed-toolbar" role="search">
                    <SearchBox/>
                    <SortSelect/>
                    <ExportMenu/>
                </div>
                <Timeline/>
            </Show>
            <p class="count" aria-live="polite">
                {move || {
                    awaiting_index.get().then(|| view! { <span data-testid="awaiting-index">{AWAITING_INDEX_NOTE}</span> })
                }}
            </p>
            {move || match single.get() {
                Some(index) => view! { <div class="paper-list single"><PaperCard index/></div> }.into_any(),
                None => view! { <Suggestions/><PaperList/> }.into_any(),
            }}
        </div>
    }
}
