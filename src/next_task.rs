//! Yielding to the browser between pieces of long work, so no single task blocks input
//! and painting for long (Lighthouse's total blocking time counts every task's time over
//! 50 ms): boot parses the snapshot, indexes it and renders the first view in separate
//! tasks, and builds what is not on screen (the dialogs' contents) after that.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Resolves in a later task: the browser may paint and handle input first. A message the
/// page posts to itself, not a zero-delay timer: after a long task Chromium runs such a
/// timer ~15 ms later (measured while reading the 10k snapshot: 14 yields waited 210–310 ms
/// in all with a timer, 15–20 ms with a message), and not a microtask, which would run in
/// the same task.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Ok(channel) = web_sys::MessageChannel::new() else {
            // No MessageChannel (no browser lacks it; a test double might): a timer.
            let _ = window().set_timeout_with_callback(resolve.unchecked_ref());
            return;
        };
        channel.port1().set_onmessage(Some(resolve.unchecked_ref()));
        let _ = channel.port2().post_message(&wasm_bindgen::JsValue::NULL);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A signal that turns true after the current task, once the browser has had time to
/// paint: content behind it is built after the first view is on screen. A zero-delay timer
/// (which Chromium runs after the frame a long task held back), not [`next_task`]'s
/// message, which can run before that frame.
pub fn after_this_task() -> ReadSignal<bool> {
    let (ready, set_ready) = signal(false);
    leptos::task::spawn_local(async move {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let _ = window().set_timeout_with_callback(resolve.unchecked_ref());
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        // The component may be gone by then.
        let _ = set_ready.try_set(true);
    });
    ready
}
