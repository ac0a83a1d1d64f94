//! The "Embed this view" dialog.

use leptos::html::Dialog;
use leptos::prelude::*;
use paperdeck_core::{
    embed_view, encode_url, iframe_snippet, positive_count, script_snippet, EmbedOptions, Theme, ViewState,
};

use crate::components::widgets::copy_button::CopyButton;
use crate::next_task::after_this_task;
use crate::state::use_view;

/// "Embed this view": the snippets (script and iframe forms) for the current view, with
/// options for the number of cards, the toolbar, the timeline and the theme, and a live preview.
#[component]
pub fn EmbedDialog() -> impl IntoView {
    let ctx = use_view();
    let dialog = NodeRef::<Dialog>::new();
    let open = RwSignal::new(false);
    let defaults = EmbedOptions::default();
    let limit = RwSignal::new(defaults.limit);
    // What is typed in the limit's field, kept as typed: a value that is no count (0, -3,
    // 2.5) is said to be one, not wiped or silently dropped.
    let limit_text = RwSignal::new(defaults.limit.map(|n| n.to_string()).unwrap_or_default());
    let limit_invalid = move || limit_text.with(|t| !t.trim().is_empty() && positive_count(t).is_none());
    let controls = RwSignal::new(defaults.controls);
    let timeline = RwSignal::new(defaults.timeline);
    let theme = RwSignal::new(defaults.theme);
    let base = explorer_base();
    // Its contents are built after the first view is on screen, and follow the view only
    // while the dialog is open: a closed dialog costs a keystroke nothing.
    let built = after_this_task();
    let embed = Memo::new(move |previous: Option<&ViewState>| {
        if !open.get() {
            if let Some(previous) = previous {
                return previous.clone();
            }
        }
        let options = EmbedOptions {
            limit: limit.get(),
            controls: controls.get(),
            timeline: timeline.get(),
            theme: theme.get(),
        };
        ctx.view.with(|v| embed_view(&v.outside_embed(), &options))
    });
    let script = {
        let base = base.clone();
        Signal::derive(move || embed.with(|e| script_snippet(&base, e)))
    };
    let iframe = Signal::derive(move || embed.with(|e| iframe_snippet(&base, e)));
    let preview_src = move || embed.with(|e| format!("?{}", encode_url(e)));
    view! {
        <button
            type="button"
            class="button"
            data-testid="embed-open"
            on:click=move |_| {
                if let Some(d) = dialog.get() {
                    let _ = d.show_modal();
                    open.set(true);
                }
            }
        >
            "Embed"
        </button>
        <dialog node_ref=dialog class="embed-dialog" aria-labelledby="embed-title" on:close=move |_| {
            // A late `close` (the dialog opened again since) leaves it open.
            if !dialog.get_untracked().is_some_and(|d| d.open()) {
                open.set(false);
            }
        }>
          <Show when=move || built.get()>
            <h2 id="embed-title">"Embed this view"</h2>
            <p class="hint">
                "Paste a snippet into any web page (a lab homepage, a course page) to show these papers there. "
                "The script form resizes itself to fit; the iframe form works where scripts are not allowed."
            </p>
            <div class="embed-options">
                // The hint outside the label: not part of the field's name, read once
                // (`aria-describedby`), and always on the page, so a change is announced.
                <div class="number-field">
                    <label class="number-input">
                        <span>"Cards at most"</span>
                        <input
                            type="number"
                            min="1"
                            data-testid="embed-limit"
                            aria-describedby="embed-limit-hint"
                            aria-invalid=move || limit_invalid().to_string()
                            prop:value=move || limit_text.get()
                            on:input=move |ev| {
                                let typed = event_target_value(&ev);
                                limit.set(positive_count(&typed));
                                limit_text.set(typed);
                            }
                        />
                    </label>
                    <span class="field-hint" id="embed-limit-hint" data-testid="embed-limit-hint" role="status">
                        {move || limit_invalid().then_some("Enter 1 or more; meanwhile the embed shows every card")}
                    </span>
                </div>
                <label class="check-option">
                    <input
                        type="checkbox"
                        data-testid="embed-controls"
                        prop:checked=move || controls.get()
                        on:change=move |ev| controls.set(event_target_checked(&ev))
                    />
                    <span>"Search and sort controls"</span>
                </label>
                <label class="check-option">
                    <input
                        type="checkbox"
                        data-testid="embed-timeline"
                        prop:checked=move || timeline.get()
                        prop:disabled=move || !controls.get()
                        on:change=move |ev| timeline.set(event_target_checked(&ev))
                    />
                    <span>"Timeline"</span>
                </label>
                <label class="control">
                    <span class="control-label">"Theme"</span>
                    <select data-testid="embed-theme" on:change=move |ev| theme.set(Theme::from_name(&event_target_value(&ev)).unwrap_or_default())>
                        {Theme::ALL.iter().map(|t| view! { <option value=t.name()>{t.label()}</option> }).collect::<Vec<_>>()}
                    </select>
                </label>
            </div>
            <label class="snippet">
                <span>"Script (resizes to fit)"</span>
                <textarea readonly rows="3" data-testid="embed-script" prop:value=move || script.get()></textarea>
            </label>
            <CopyButton text=script label="Copy script" copied_label="Copied" testid="embed-copy-script"/>
            <label class="snippet">
                <span>"Iframe (no script)"</span>
                <textarea readonly rows="3" data-testid="embed-iframe" prop:value=move || iframe.get()></textarea>
            </label>
            <CopyButton text=iframe label="Copy iframe" copied_label="Copied" testid="embed-copy-iframe"/>
            <h3>"Preview"</h3>
            <Show when=move || open.get()>
                <iframe class="embed-preview" data-testid="embed-preview" title="Preview of the embed" src=preview_src></iframe>
            </Show>
            <form method="dialog" class="dialog-actions">
                <button class="button" data-testid="embed-close">"Close"</button>
            </form>
          </Show>
        </dialog>
    }
}

/// The explorer's address up to its last `/`, where `embed.js` also lives.
fn explorer_base() -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_else(|_| "/".into());
    let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    format!("{origin}{dir}")
}
