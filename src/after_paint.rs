//! Parts of the page that follow an answer a frame later than the cards.
//!
//! A keystroke's frame should show its cards and count at once; the timeline's bars (and
//! such summaries beside the list) can follow in the task after that frame is painted, so
//! their work does not delay it. While answers come faster than frames, such a part
//! follows once per frame, the last answer only. A part built once can wait for the
//! first paint the same way ([`after_next_paint_run`]).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::next_task::yield_now;

/// A signal that changes once after the frame that follows a change of what `source`
/// reads: in a task posted from that frame's animation callback, so after its paint. A part
/// that reads the answer untracked and tracks this signal instead follows a frame later;
/// its first render reads the answer as it is, and the signal's first change (after the
/// effect's first run, which may come after a change) lets it catch up if needed.
pub fn after_next_paint(source: impl Fn() + 'static) -> ReadSignal<u64> {
    let (tick, set_tick) = signal(0_u64);
    // A follow-up already asked for: later changes before it runs ride along.
    let due = StoredValue::new_local(false);
    Effect::new(move |_| {
        source();
        if due.try_get_value().unwrap_or(true) {
            return;
        }
        due.set_value(true);
        after_next_paint_run(move || {
            // The part may be gone by then.
            if due.try_set_value(false).is_none() {
                let _ = set_tick.try_update(|n| *n += 1);
            }
        });
    });
    tick
}

/// Runs `then` once, in the task after the next painted frame: an animation callback, then
/// a message the page posts itself ([`yield_now`]), so after that frame's paint. What it
/// builds comes once the view being built now is on screen (a wide page's filters after
/// the first cards). `then` must allow for its component being gone.
pub fn after_next_paint_run(then: impl FnOnce() + 'static) {
    request_animation_frame(move || {
        leptos::task::spawn_local(async move {
            yield_now().await;
            then();
        });
    });
}

/// Resolves in the task after the next painted frame ([`after_next_paint_run`]), or after
/// `ms` if no frame comes first (a hidden tab paints none).
pub async fn next_paint_or(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let painted = resolve.clone();
        after_next_paint_run(move || {
            let _ = painted.call0(&wasm_bindgen::JsValue::NULL);
        });
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
