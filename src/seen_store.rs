//! The browser side of "new since your last visit": reading and writing one snapshot's
//! record in `localStorage`. What the record means is the core's
//! (`paperdeck_core::seen`); here every storage failure (a private window, storage turned
//! off, a full quota) is swallowed, and the page then behaves as on a first visit.

use leptos::prelude::*;

/// The record stored under `key`, if storage works and holds one.
pub fn read(key: &str) -> Option<String> {
    window().local_storage().ok().flatten()?.get_item(key).ok().flatten()
}

/// Stores `record` under `key`, or silently does nothing.
pub fn write(key: &str, record: &str) {
    if let Ok(Some(storage)) = window().local_storage() {
        let _ = storage.set_item(key, record);
    }
}

/// Milliseconds since 1970, the clock visits are measured by.
pub fn now_ms() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}
