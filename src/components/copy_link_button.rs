use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use crate::url_sync::current_url;

/// Copies the canonical URL of the current view. Where the clipboard is not available
/// (an insecure origin, a sandboxed frame), the URL is shown for copying by hand.
#[component]
pub fn CopyLinkButton() -> impl IntoView {
    let status = RwSignal::new(None::<Result<(), String>>);
    let copy = move |_| {
        let url = current_url();
        spawn_local(async move {
            let clipboard = window().navigator().clipboard();
            let result = JsFuture::from(clipboard.write_text(&url)).await.map(|_| ()).map_err(|_| url);
            status.set(Some(result));
        });
    };
    view! {
        <div class="copy-link">
            <button type="button" class="button" data-testid="copy-link" on:click=copy>
                {move || match status.get() {
                    Some(Ok(())) => "Link copied",
                    _ => "Copy link",
                }}
            </button>
            {move || match status.get() {
                Some(Err(url)) => Some(view! {
                    <input class="copy-fallback" readonly aria-label="Link to this view" value=url/>
                }),
                _ => None,
            }}
            <span class="visually-hidden" role="status">
                {move || matches!(status.get(), Some(Ok(()))).then_some("Link to this view copied")}
            </span>
        </div>
    }
}
