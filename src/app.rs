//! The root component: reads the view from the URL, loads the snapshot it names, then
//! shows the explorer or what went wrong.

use std::sync::Mutex;

use leptos::prelude::*;

use crate::components::page::explorer::Explorer;
use crate::components::page::load_error::LoadError;
use crate::components::page::loading_state::LoadingState;
use crate::load::{load_latest, LoadState, DEFAULT_SNAPSHOT_URL};
use crate::root_attributes::follow_view;
use crate::state::ViewContext;
use crate::static_page::{
    composing_in_static_search, continue_early_search, has_static_list, remove_static_list,
    static_list_hidden, static_search_edited, take_early_search,
};

#[component]
pub fn App() -> impl IntoView {
    let ctx = ViewContext::from_location();
    provide_context(ctx);
    let _ = window_event_listener(leptos::ev::popstate, move |_| ctx.restore_from_location());
    let _ = window_event_listener(leptos::ev::pagehide, move |_| ctx.settle_address());
    follow_view(ctx.view);
    if ctx.view.with_untracked(|v| v.embed) {
        crate::embed_height::report_height_to_parent();
    }

    // The static list (`paperdeck render`) stays until the app has papers to show in its
    // place, or an error: one list at a time, never a blank page in between. An embed or
    // another snapshot (`data=`) shows other papers, so it goes at once; so does a list the
    // page's first script already hid (`data-no-static`, by a rougher reading of the URL
    // than the app's: `?data=` with a value the app refuses), so the page is never blank.
    if ctx.view.with_untracked(|v| v.embed || v.data.is_some()) || static_list_hidden() {
        remove_static_list();
    }
    let data_url =
        Memo::new(move |_| ctx.view.with(|v| v.data.clone()).unwrap_or_else(|| DEFAULT_SNAPSHOT_URL.into()));
    // The first view is shown before the index when it does not search; one typed in the
    // static box while the papers loaded does.
    let searches_first = move || ctx.view.with_untracked(|v| v.needs_index()) || static_search_edited();
    let load = load_latest(data_url, searches_first);
    let state = load.state;
    // While the static list shows, the app's page is not laid out at all (`display: none`),
    // not even its "Loading papers…" below the list: a box there would jump to the top
    // when the list goes, a layout shift of the whole screen (Lighthouse's CLS). The list
    // goes and the app's cards come in one update, in the same place.
    let behind_static = has_static_list();
    // A reader composing text with an input method in the static box when the papers are
    // ready keeps the static list until the text is confirmed (or left unchanged for a
    // while): handed over half-done, the composition would be lost with the box.
    let recheck = ArcTrigger::new();
    let seen = Mutex::new(None);
    let composing = Memo::new({
        let recheck = recheck.clone();
        move |_| {
            recheck.track();
            let recheck = recheck.clone();
            let mut seen = seen.lock().unwrap_or_else(|e| e.into_inner());
            composing_in_static_search(&mut seen, move || recheck.notify())
        }
    });
    // The papers are ready, the composition is not.
    let awaiting_composition = move || matches!(state.get(), LoadState::Ready(_)) && composing.get();
    let hidden =
        move || behind_static && (matches!(state.get(), LoadState::Loading) || awaiting_composition());
    // Said on the page, for tests and DevTools.
    let awaiting = move || awaiting_composition().then_some("composition");
    view! {
        <main class="page" class:behind-static=hidden data-awaiting=awaiting>
            {move || match state.get() {
                LoadState::Loading => view! { <LoadingState progress=load.progress/> }.into_any(),
                LoadState::Ready(_) if composing.get() => {
                    view! { <LoadingState progress=load.progress/> }.into_any()
                }
                LoadState::Failed { url, message, fetched } => {
                    remove_static_list();
                    view! { <LoadError url message fetched/> }.into_any()
                }
                LoadState::Ready(loaded) => {
                    // Meanwhile the reader may have typed in the static list's search box:
                    // the app's box takes the text, the focus and the caret over with the
                    // list, and the explorer's first answer is that search's.
                    let early = take_early_search();
                    let typed = early.as_ref().and_then(|e| e.typed.clone());
                    if let Some(text) = typed.filter(|t| ctx.view.with_untracked(|v| v.query != *t)) {
                        ctx.type_query(text);
                    }
                    remove_static_list();
                    // Once the explorer below is in the page, before the next keystroke.
                    if let Some(early) = early {
                        leptos::tachys::renderer::dom::queue_microtask(move || continue_early_search(&early));
                    }
                    view! { <Explorer loaded/> }.into_any()
                }
            }}
        </main>
    }
}
