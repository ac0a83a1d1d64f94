//! Yielding to the browser between pieces of long work, so no single task blocks input
//! and painting for long (Lighthouse's total blocking time counts every task's time over
//! 50 ms): boot parses the snapshot, indexes it and renders the first view in separate
//! tasks, and builds what is not on screen (the dialogs' contents) after that.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Resolves in a later task, giving the browser time to paint: a zero-delay timer (after a
/// long task Chromium ran these ~15 ms later, time enough for a frame), not a microtask,
/// which would run in the same task. For the few steps of boot, where painting first
/// matters more than the milliseconds.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(resolve.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves in a later task as soon as the browser has handled what waits (input, a due
/// frame): a message the page posts to itself, not [`next_task`]'s timer, which Chromium
/// runs ~15 ms later after a long task (measured while reading the 10k snapshot: 14 yields
/// waited 210–310 ms in all with a timer, 15–20 ms with a message). For loops that yield
/// often.
pub async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Ok(channel) = web_sys::MessageChannel::new() else {
            let _ = window().set_timeout_with_callback(resolve.unchecked_ref());
            return;
        };
        channel.port1().set_onmessage(Some(resolve.unchecked_ref()));
        let _ = channel.port2().post_message(&wasm_bindgen::JsValue::NULL);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A signal that turns true in a task after the current one ([`next_task`]): content
/// behind it is built after the first view is on screen.
pub fn after_this_task() -> ReadSignal<bool> {
    let (ready, set_ready) = signal(false);
    leptos::task::spawn_local(async move {
        next_task().await;
        // The component may be gone by then.
        let _ = set_ready.try_set(true);
    });
    ready
}
