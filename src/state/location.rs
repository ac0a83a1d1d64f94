//! The browser's address bar and history: the only code that reads `location` or writes
//! `history`. Query strings come from and go to the core (`encode_url`, `decode_url`).

use leptos::prelude::*;
use paperdeck_core::page_href;

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

/// A link's `href` for the view whose query string is `qs`, relative to this page
/// (`?q=lora&sort=newest`, or `./` and the page's last path segment for the default view:
/// never built from the whole path, see `paperdeck_core::page_href`).
pub fn href(qs: &str) -> String {
    page_href(qs, path)
}

/// Makes `qs` the page's query string (keeping the path and the hash), unless it already
/// is.
pub fn write(qs: &str, mode: History) {
    let target = if qs.is_empty() { String::new() } else { format!("?{qs}") };
    if search() == target {
        return;
    }
    let url = format!("{}{}", href(qs), window().location().hash().unwrap_or_default());
    if let Ok(history) = window().history() {
        let _ = match mode {
            History::Replace => history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
            History::Push => history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
        };
    }
}

fn path() -> String {
    window().location().pathname().unwrap_or_default()
}

/// The page's origin as browsers write it (`https://lab.example`, or `null`).
pub fn origin() -> String {
    window().location().origin().unwrap_or_else(|_| "null".into())
}
