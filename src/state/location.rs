//! The browser's address bar and history: the only code that reads `location` or writes
//! `history`. Query strings come from and go to the core (`encode_url`, `decode_url`).

use leptos::prelude::*;

/// How a change enters the browser history.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum History {
    /// Replace the current entry, so Back skips it (typing, and every change in an embed).
    Replace,
    /// A new entry, so Back returns to the view before.
    Push,
}

/// The query string of the page, with its `?` (or empty).
pub fn search() -> String {
    window().location().search().unwrap_or_default()
}

/// The absolute URL of the page, for "Copy link".
pub fn current_url() -> String {
    window().location().href().unwrap_or_default()
}

/// The search part of the URL of a view whose canonical query string is `qs`: `?qs`, or
/// nothing for the default view, so its URL is the page's own path.
fn search_of(qs: &str) -> String {
    if qs.is_empty() {
        String::new()
    } else {
        format!("?{qs}")
    }
}

/// A link's `href` for the view whose query string is `qs`, relative to this page
/// (`?q=lora&sort=newest`, or the page's path for the default view).
pub fn href(qs: &str) -> String {
    let search = search_of(qs);
    if search.is_empty() {
        path()
    } else {
        search
    }
}

/// Makes `qs` the page's query string (keeping the path and the hash), unless it already
/// is.
pub fn write(qs: &str, mode: History) {
    let target = search_of(qs);
    if search() == target {
        return;
    }
    let location = window().location();
    let url = format!("{}{}{}", path(), target, location.hash().unwrap_or_default());
    if let Ok(history) = window().history() {
        let _ = match mode {
            History::Replace => history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
            History::Push => history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
        };
    }
}

fn path() -> String {
    window().location().pathname().unwrap_or_else(|_| "./".into())
}
