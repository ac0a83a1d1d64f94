use std::cell::RefCell;
use std::rc::Rc;

use leptos::html::Div;
use leptos::prelude::*;
use paperdeck_core::ViewMode;
use wasm_bindgen::prelude::*;

use super::explorer::use_results;
use super::paper_card::PaperCard;
use super::paper_row::PaperRow;
use crate::url_sync::use_view;

/// Cards rendered with each answer: a screen or two. Further pages are added in later
/// tasks as the end of the list comes near, so they never delay the keystroke's frame and a
/// keystroke on 10,000 papers only creates what can be seen.
const PAGE_SIZE: usize = 8;

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
    // An embed's `limit` caps the list; the rest is a link away.
    let cap = Memo::new(move |_| ctx.view.with(|v| if v.embed { v.limit.map(|n| n as usize) } else { None }));
    let listed = move || results.result.with(|r| r.ids.len().min(cap.get().unwrap_or(usize::MAX)));
    let visible = Memo::new(move |_| results.result.with(|r| r.ids[..listed().min(shown.get())].to_vec()));
    // Scroll the opened paper's card into view once it is rendered.
    Effect::new(move |_| {
        let Some(id) = ctx.view.with(|v| v.paper.clone()) else { return };
        visible.track();
        let selector = format!("[data-paper-id=\"{id}\"]");
        if let Ok(Some(card)) = document().query_selector(&selector) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            card.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
    let total = move || results.result.with(|r| r.ids.len());
    let remaining = move || listed().saturating_sub(shown.get());
    let view_all_href = move || {
        let full = ctx.view.with(|v| v.outside_embed());
        crate::url_sync::ViewContext::href_for(&full)
    };
    // A memo, not a closure over the view: a card is rebuilt only when the layout changes,
    // never because a keystroke changed the view.
    let is_list = Memo::new(move |_| ctx.view.with(|v| v.view == ViewMode::List));
    let sentinel = NodeRef::<Div>::new();
    load_more_when_near(sentinel, visible, move || {
        if remaining() > 0 {
            shown.update(|n| *n += PAGE_SIZE);
        }
    });
    view! {
        <ol class="paper-list" class:compact=is_list aria-label="Papers">
            <For
                each=move || visible.get()
                key=|index| *index
                children=move |index| {
                    view! {
                        <li>
                            {move || if is_list.get() {
                                view! { <PaperRow index/> }.into_any()
                            } else {
                                view! { <PaperCard index/> }.into_any()
                            }}
                        </li>
                    }
                }
            />
        </ol>
        <div class="list-end" node_ref=sentinel aria-hidden="true"></div>
        <Show when=move || cap.get().is_some_and(|c| total() > c)>
            <a class="view-all" data-testid="view-all" href=view_all_href target="_blank" rel="noopener">
                {move || format!("View all {} papers", total())}
            </a>
        </Show>
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

/// Calls `more` while the end of the list is within a screen of the viewport. The
/// sentinel is observed afresh after each change of the visible list: an observer reports
/// only changes, and the end can stay near after a page is added (short cards, a tall
/// screen), so each new list gets its own first report.
fn load_more_when_near(sentinel: NodeRef<Div>, visible: Memo<Vec<u32>>, more: impl Fn() + 'static) {
    let observer: Rc<RefCell<Option<web_sys::IntersectionObserver>>> = Rc::default();
    let more = Rc::new(more);
    Effect::new(move |_| {
        visible.track();
        let Some(el) = sentinel.get() else { return };
        let mut slot = observer.borrow_mut();
        if slot.is_none() {
            let more = more.clone();
            let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
                let near = entries
                    .iter()
                    .any(|e| e.unchecked_into::<web_sys::IntersectionObserverEntry>().is_intersecting());
                if near {
                    more();
                }
            });
            let options = web_sys::IntersectionObserverInit::new();
            options.set_root_margin("0px 0px 100% 0px");
            *slot =
                web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
                    .ok();
            // The callback lives as long as the observer, which lives as long as the page.
            callback.forget();
        }
        if let Some(observer) = slot.as_ref() {
            observer.unobserve(&el);
            observer.observe(&el);
        }
    });
}
