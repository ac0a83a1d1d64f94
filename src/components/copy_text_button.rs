use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

/// Copies `text` to the clipboard and says so; where the clipboard is unavailable the
/// text stays selectable next to it.
#[component]
pub fn CopyTextButton(
    #[prop(into)] text: Signal<String>,
    label: &'static str,
    testid: &'static str,
) -> impl IntoView {
    let copied = RwSignal::new(false);
    view! {
        <button
            type="button"
            class="button"
            data-testid=testid
            on:click=move |_| {
                let value = text.get_untracked();
                spawn_local(async move {
                    let clipboard = window().navigator().clipboard();
                    copied.set(JsFuture::from(clipboard.write_text(&value)).await.is_ok());
                });
            }
        >
            {move || if copied.get() { "Copied" } else { label }}
        </button>
    }
}
