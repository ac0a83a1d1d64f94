use leptos::prelude::*;

use super::explorer::use_results;
use super::paper_card::PaperCard;
use super::paper_list::PaperList;
use super::search_box::SearchBox;
use super::sort_select::SortSelect;
use super::suggestions::Suggestions;
use crate::url_sync::use_view;

/// The card view alone, for an iframe on another site: a compact toolbar (unless
/// `controls=0`), the cards (at most `limit`), or the single card of `paper`.
#[component]
pub fn EmbedView() -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    let single = Memo::new(move |_| {
        ctx.view.with(|v| v.paper.as_deref().and_then(|id| results.loaded.catalog.position(id)))
    });
    let controls = move || ctx.view.with(|v| !v.hide_controls) && single.get().is_none();
    view! {
        <div class="embed">
            <Show when=controls>
                <div class="toolbar embed-toolbar" role="search">
                    <SearchBox/>
                    <SortSelect/>
                </div>
            </Show>
            {move || match single.get() {
                Some(index) => view! { <div class="paper-list single"><PaperCard index/></div> }.into_any(),
                None => view! { <Suggestions/><PaperList/> }.into_any(),
            }}
        </div>
    }
}
