//! A button that copies text to the clipboard ("Copy link", "Copy script").

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use crate::passing_note::PassingNote;

/// How long the button says it has copied.
const COPIED_SHOWN_FOR: Duration = Duration::from_secs(3);

/// Copies `text` (read when clicked) and says so on the button for a few seconds; the
/// button is as wide as the wider of its two labels, so saying so never moves what is
/// beside it (a toolbar would wrap). Where the clipboard is
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
    let status = PassingNote::<Result<(), String>>::new(COPIED_SHOWN_FOR);
    let copy = move |_| {
        let value = text.get_untracked();
        spawn_local(async move {
            let clipboard = window().navigator().clipboard();
            match JsFuture::from(clipboard.write_text(&value)).await {
                Ok(_) => status.show(Ok(())),
                // The text stays in a field to copy by hand, for as long as it takes.
                Err(_) => status.keep(Err(value)),
            }
        });
    };
    let copied = move || status.with(|s| matches!(s, Some(Ok(()))));
    view! {
        // Both labels in one grid cell, the one not meant hidden (and so not read out).
        <button type="button" class="button copy-button" data-testid=testid on:click=copy>
            <span class="copy-label" class:shown=move || !copied()>{label}</span>
            <span class="copy-label" class:shown=copied>{copied_label}</span>
        </button>
        {fallback_label.map(|name| move || match status.with(Clone::clone) {
            Some(Err(text)) => Some(view! { <input class="copy-fallback" readonly aria-label=name value=text/> }),
            _ => None,
        })}
        {announcement.map(|said| view! {
            <span class="visually-hidden" role="status">{move || copied().then_some(said)}</span>
        })}
    }
}
