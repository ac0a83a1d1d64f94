//! The root component: loads the snapshot, then shows the explorer or what went wrong.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::explorer::Explorer;
use crate::components::load_error::LoadError;
use crate::components::loading_state::LoadingState;
use crate::load::{load_snapshot, LoadState, DEFAULT_SNAPSHOT_URL};

#[component]
pub fn App() -> impl IntoView {
    let state = RwSignal::new(LoadState::Loading);
    spawn_local(async move {
        state.set(load_snapshot(DEFAULT_SNAPSHOT_URL).await);
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
