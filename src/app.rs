//! The root component: reads the view from the URL, loads the snapshot it names, then
//! shows the explorer or what went wrong.

use leptos::prelude::*;

use crate::components::page::explorer::Explorer;
use crate::components::page::load_error::LoadError;
use crate::components::page::loading_state::LoadingState;
use crate::load::{load_latest, LoadState, DEFAULT_SNAPSHOT_URL};
use crate::root_attributes::follow_view;
use crate::state::ViewContext;
use crate::static_page::remove_static_list;

#[component]
pub fn App() -> impl IntoView {
    let ctx = ViewContext::from_location();
    provide_context(ctx);
    let _ = window_event_listener(leptos::ev::popstate, move |_| ctx.restore_from_location());
    follow_view(ctx.view);
    if ctx.view.with_untracked(|v| v.embed) {
        crate::embed_height::report_height_to_parent();
    }

    // The static list (`paperdeck render`) stays until the app has papers to show in its
    // place, or an error: one list at a time, never a blank page in between. An embed or
    // another snapshot (`data=`) shows other papers, so it goes at once.
    if ctx.view.with_untracked(|v| v.embed || v.data.is_some()) {
        remove_static_list();
    }
    let data_url =
        Memo::new(move |_| ctx.view.with(|v| v.data.clone()).unwrap_or_else(|| DEFAULT_SNAPSHOT_URL.into()));
    let state = load_latest(data_url);

    view! {
        <main class="page">
            {move || match state.get() {
                LoadState::Loading => view! { <LoadingState/> }.into_any(),
                LoadState::Failed { url, message } => {
                    remove_static_list();
                    view! { <LoadError url message/> }.into_any()
                }
                LoadState::Ready(loaded) => {
                    remove_static_list();
                    view! { <Explorer loaded/> }.into_any()
                }
            }}
        </main>
    }
}
