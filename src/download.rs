//! Saving text as a file: a Blob, an object URL and a click on a temporary link, so an
//! export needs no server.

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;

/// Offers `text` as a download named `file_name`, of MIME type `mime`. Returns false when
/// the browser refused (no Blob support, a blocked download).
pub fn save_text(file_name: &str, mime: &str, text: &str) -> bool {
    let attempt = || -> Option<()> {
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let document = leptos::prelude::document();
        let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        link.set_href(&url);
        link.set_download(file_name);
        link.set_rel("noopener");
        // The click must not bubble: the page's click listener (Leptos delegates every
        // `on:click` to one listener on the window) is the one running this, and being
        // called again from inside itself, it would throw.
        let contain = Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| e.stop_propagation());
        link.add_event_listener_with_callback("click", contain.as_ref().unchecked_ref()).ok()?;
        let body = document.body()?;
        body.append_child(&link).ok()?;
        link.click();
        let _ = body.remove_child(&link);
        // Some browsers read the URL after the click returns: let it go a little later.
        leptos::prelude::set_timeout(
            move || {
                let _ = web_sys::Url::revoke_object_url(&url);
            },
            std::time::Duration::from_secs(30),
        );
        Some(())
    };
    attempt().is_some()
}
