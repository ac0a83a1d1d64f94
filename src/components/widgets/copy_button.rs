//! A button that copies text to the clipboard ("Copy link", "Copy script").

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

/// Copies `text` (read when clicked) and says so on the button. Where the clipboard is
/// unavailable (an insecure origin, a sandboxed frame) the button keeps its label and,
/// with `fallback_label`, the text is shown in a field of that name for copying by hand;
/// `announcement` is said to screen readers once copied.
#[component]
pub fn CopyButton(
    #[prop(into)] text: Signal<String>,
    label: &'static str,
    copied_label: &'static str,
    testid: &'static str,
    #[prop(optional)] fallback_label: Option<&'static str>,
    #[prop(optional)] announcement: Option<&'static str>,
) -> impl IntoView {
    let status = RwSignal::new(None::<Result<(), String>>);
    let copy = move |_| {
        let value = text.get_untracked();
        spawn_local(async move {
            let clipboard = window().navigator().clipboard();
            let result = JsFuture::from(clipboard.write_text(&value)).await.map(|_| ()).map_err(|_| value);
            status.set(Some(result));
        });
    };
    let copied = move || matches!(status.get(), Some(Ok(())));
    view! {
        <button type="button" class="button" data-testid=testid on:click=copy>
            {move || if copied() { copied_label } else { label }}
        </button>
        {fallback_label.map(|name| move || match status.get() {
            Some(Err(text)) => Some(view! { <input class="copy-fallback" readonly aria-label=name value=text/> }),
            _ => None,
        })}
        {announcement.map(|said| view! {
            <span class="visually-hidden" role="status">{move || copied().then_some(said)}</span>
        })}
    }
}
