//! Fetching the snapshot. Parsing and validation happen in the core; this only moves bytes
//! and turns every failure into a message that says what failed and where, and keeps the
//! latest request's answer when the snapshot URL changes.

use std::sync::Arc;

use gloo_net::http::Request;
use leptos::prelude::*;
use leptos::task::spawn_local;
use paperdeck_core::{parse_snapshot, Catalog, Problem};

/// The bundled snapshot, relative to the page so the app works from any sub-path.
pub const DEFAULT_SNAPSHOT_URL: &str = "papers.json";

/// A snapshot ready to explore, with what was wrong in it.
pub struct Loaded {
    pub url: String,
    pub catalog: Catalog,
    pub problems: Vec<Problem>,
    pub notes: Vec<String>,
    /// Records left out because they broke a required rule.
    pub skipped: usize,
}

#[derive(Clone)]
pub enum LoadState {
    Loading,
    Failed { url: String, message: String },
    Ready(Arc<Loaded>),
}

/// Fetches and reads the snapshot at `url`.
pub async fn load_snapshot(url: &str) -> LoadState {
    let failed = |message: String| LoadState::Failed { url: url.to_string(), message };
    let response = match Request::get(url).send().await {
        Ok(r) => r,
        Err(e) => return failed(format!("the request failed ({e})")),
    };
    if !response.ok() {
        return failed(format!("the server answered HTTP {} {}", response.status(), response.status_text()));
    }
    let text = match response.text().await {
        Ok(t) => t,
        Err(e) => return failed(format!("the response could not be read as text ({e})")),
    };
    match parse_snapshot(&text) {
        Err(e) => failed(e.to_string()),
        Ok(loaded) => {
            let skipped = loaded.skipped();
            LoadState::Ready(Arc::new(Loaded {
                url: url.to_string(),
                catalog: Catalog::new(loaded.snapshot),
                problems: loaded.problems,
                notes: loaded.notes,
                skipped,
            }))
        }
    }
}

/// The snapshot at `url`, loaded again whenever `url` changes. Only the latest request
/// counts: after Back and Forward between two `data` values, a slower answer to the older
/// one never replaces the newer.
pub fn load_latest(url: Memo<String>) -> ReadSignal<LoadState> {
    let (state, set_state) = signal(LoadState::Loading);
    let latest = StoredValue::new(0u64);
    Effect::new(move |_| {
        let url = url.get();
        let request = latest.get_value() + 1;
        latest.set_value(request);
        set_state.set(LoadState::Loading);
        spawn_local(async move {
            let answer = load_snapshot(&url).await;
            if latest.try_get_value() == Some(request) {
                set_state.set(answer);
            }
        });
    });
    state
}
