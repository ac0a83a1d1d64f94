//! The root component: reads the view from the URL, loads the snapshot it names, then
//! shows the explorer or what went wrong.

use leptos::prelude::*;
use leptos::task::spawn_local;
use paperdeck_core::Theme;

use crate::components::explorer::Explorer;
use crate::components::load_error::LoadError;
use crate::components::loading_state::LoadingState;
use crate::load::{load_snapshot, LoadState, DEFAULT_SNAPSHOT_URL};
use crate::url_sync::ViewContext;

#[component]
pub fn App() -> impl IntoView {
    let ctx = ViewContext::from_location();
    provide_context(ctx);
    let _ = window_event_listener(leptos::ev::popstate, move |_| ctx.restore_from_location());

    // The theme is an attribute on <html>, so the whole page (and its scrollbars) follow.
    Effect::new(move |_| {
        let theme = ctx.view.with(|v| v.theme);
        if let Some(root) = document().document_element() {
            let _ = match theme {
                Theme::Auto => root.remove_attribute("data-theme"),
                Theme::Light => root.set_attribute("data-theme", "light"),
                Theme::Dark => root.set_attribute("data-theme", "dark"),
            };
        }
    });

    // Embed mode styles the whole document (a transparent background unless bg=1).
    Effect::new(move |_| {
        let (embed, opaque) = ctx.view.with(|v| (v.embed, v.opaque_background));
        if let Some(root) = document().document_element() {
            let _ = if embed {
                root.set_attribute("data-embed", "")
            } else {
                root.remove_attribute("data-embed")
            };
            let _ = if embed && opaque {
                root.set_attribute("data-bg", "")
            } else {
                root.remove_attribute("data-bg")
            };
        }
    });
    if ctx.view.with_untracked(|v| v.embed) {
        crate::embed_height::report_height_to_parent();
    }

    let data_url =
        Memo::new(move |_| ctx.view.with(|v| v.data.clone()).unwrap_or_else(|| DEFAULT_SNAPSHOT_URL.into()));
    let state = RwSignal::new(LoadState::Loading);
    Effect::new(move |_| {
        let url = data_url.get();
        state.set(LoadState::Loading);
        spawn_local(async move {
            state.set(load_snapshot(&url).await);
        });
    });

    view! {
        <main class="page">
            {move || match state.get() {
                LoadState::Loading => view! { <LoadingState/> }.into_any(),
                LoadState::Failed { url, message } => view! { <LoadError url message/> }.into_any(),
                LoadState::Ready(loaded) => view! { <Explorer loaded/> }.into_any(),
            }}
        </main>
    }
}
