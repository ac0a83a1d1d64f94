//! The browser's address bar and history: the only code that reads `location` or writes
//! `history`. Query strings come from and go to the core (`encode_url`, `decode_url`).
//!
//! Typing writes the address a moment after the last keystroke, not on each one
//! ([`History::ReplaceSoon`]): `history.replaceState` costs about half a millisecond, and
//! Chromium ignores a page's history changes after 200 in 10 seconds. A pending address is
//! written before any other change, before the address is read for "Copy link", and when
//! the page is left; Back and Forward drop it (it belonged to the entry they left).

use std::cell::RefCell;
use std::time::Duration;

use leptos::prelude::*;
use paperdeck_core::page_href;

/// How long after the last keystroke the address bar follows.
pub const TYPING_PAUSE: Duration = Duration::from_millis(300);

thread_local! {
    /// The query string typing has yet to write, and the timer that will write it.
    static PENDING: RefCell<Option<(String, TimeoutHandle)>> = const { RefCell::new(None) };
}

/// How a change enters the browser history.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum History {
    /// Replace the current entry, so Back skips it (every change in an embed).
    Replace,
    /// Replace the current entry once typing pauses (typing).
    ReplaceSoon,
    /// A new entry, so Back returns to the view before.
    Push,
}

/// The query string of the page, with its `?` (or empty).
pub fn search() -> String {
    window().location().search().unwrap_or_default()
}

/// The absolute URL of the page, for "Copy link": what typing has yet to write is
/// written first.
pub fn shared_url() -> String {
    write_pending();
    current_url()
}

/// The absolute URL of the page as the address bar has it (a base for resolving links;
/// its query may lag typing by a moment, see [`History::ReplaceSoon`]).
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
/// is: now, or for [`History::ReplaceSoon`] once typing pauses.
pub fn write(qs: &str, mode: History) {
    if mode == History::ReplaceSoon {
        // Each keystroke starts the pause again.
        let timer = set_timeout_with_handle(write_pending, TYPING_PAUSE).ok();
        let earlier = PENDING.with_borrow_mut(|pending| match timer {
            Some(timer) => pending.replace((qs.to_string(), timer)),
            None => pending.take(),
        });
        if let Some((_, earlier)) = earlier {
            earlier.clear();
        }
        if timer.is_none() {
            write_now(qs, History::Replace);
        }
        return;
    }
    write_pending();
    write_now(qs, mode);
}

/// Writes what typing has yet to write, if anything.
pub fn write_pending() {
    if let Some((qs, timer)) = PENDING.with_borrow_mut(Option::take) {
        timer.clear();
        write_now(&qs, History::Replace);
    }
}

/// Forgets what typing has yet to write: Back or Forward has left its entry.
pub fn drop_pending() {
    if let Some((_, timer)) = PENDING.with_borrow_mut(Option::take) {
        timer.clear();
    }
}

fn write_now(qs: &str, mode: History) {
    let target = if qs.is_empty() { String::new() } else { format!("?{qs}") };
    if search() == target {
        return;
    }
    let url = format!("{}{}", href(qs), window().location().hash().unwrap_or_default());
    if let Ok(history) = window().history() {
        let _ = match mode {
            History::Replace | History::ReplaceSoon => {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            }
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
