//! Auto-height for embeds: the page tells the page that frames it how tall its content is,
//! whenever that changes, as `{type: "paperdeck:height", height}` and nothing else. The
//! host's `embed.js` resizes the iframe (and ignores every other message).

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// How often the height is also measured without a resize notification: Chromium pauses
/// rendering, and with it ResizeObserver, in cross-origin frames scrolled out of view, which
/// would leave the host page's layout stale until the reader scrolls there.
const FALLBACK_INTERVAL: std::time::Duration = std::time::Duration::from_millis(1000);

/// Observes the body's size and posts its height to `window.parent` on each change.
pub fn report_height_to_parent() {
    let window = window();
    let Ok(Some(parent)) = window.parent() else { return };
    if parent == window {
        return; // not in a frame
    }
    let Some(body) = document().body() else { return };
    let last = std::cell::Cell::new(-1.0f64);
    let measured = body.clone();
    let post = std::rc::Rc::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        if height != last.get() {
            last.set(height);
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"paperdeck:height".into());
            let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
            // The message holds only a height, so any host may read it; "*" lets it reach
            // hosts whose origin the explorer cannot know.
            let _ = parent.post_message(&message, "*");
        }
    });
    let on_resize = post.clone();
    let callback = Closure::<dyn Fn()>::new(move || on_resize());
    set_interval(move || post(), FALLBACK_INTERVAL);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&body);
        // Both live as long as the page.
        std::mem::forget(observer);
    }
    callback.forget();
}
