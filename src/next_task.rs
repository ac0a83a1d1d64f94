//! Yielding to the browser between pieces of long work, so no single task blocks input
//! and painting for long (Lighthouse's total blocking time counts every task's time over
//! 50 ms): boot parses the snapshot, indexes it and renders the first view in separate
//! tasks, and builds what is not on screen (the dialogs' contents) after that.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Resolves in a later task: the browser may paint and handle input first. A zero-delay
/// timer (not a microtask, which would run in the same task).
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(resolve.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A signal that turns true in a task after the current one: content behind it is built
/// after the first view is on screen.
pub fn after_this_task() -> ReadSignal<bool> {
    let (ready, set_ready) = signal(false);
    leptos::task::spawn_local(async move {
        next_task().await;
        // The component may be gone by then.
        let _ = set_ready.try_set(true);
    });
    ready
}
