//! "Keyboard shortcuts": the button and the help panel listing them.

use leptos::html::Dialog;
use leptos::prelude::*;
use paperdeck_core::Shortcut;

use crate::next_task::after_this_task;
use crate::state::Shortcuts;

/// The shortcuts the core defines (`Shortcut::ALL`), each with its keys and what it does,
/// in a dialog opened by the button or by `?`, closed by Esc, `?` or its Close button.
#[component]
pub fn ShortcutHelp(shortcuts: Shortcuts) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let open = shortcuts.help_open;
    // The signal is the truth; the dialog follows it (and reports closing by itself).
    Effect::new(move |_| {
        let Some(d) = dialog.get() else { return };
        if open.get() && !d.open() {
            let _ = d.show_modal();
        } else if !open.get() && d.open() {
            d.close();
        }
    });
    // The table is built after the first view is on screen (see `after_this_task`).
    let built = after_this_task();
    let rows = move || {
        Shortcut::ALL.map(|s| {
            let keys = s
                .keys()
                .iter()
                .enumerate()
                .map(|(i, k)| view! { {(i > 0).then_some(" or ")}<kbd>{*k}</kbd> })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{keys}</th>
                    <td>{s.label()}</td>
                </tr>
            }
        })
    };
    view! {
        <button
            type="button"
            class="link-like shortcuts-open"
            data-testid="shortcuts-open"
            aria-keyshortcuts="?"
            on:click=move |_| open.set(true)
        >
            "Keyboard shortcuts"
        </button>
        <dialog
            node_ref=dialog
            class="embed-dialog shortcut-help"
            data-testid="shortcut-help"
            aria-labelledby="shortcut-help-title"
            on:close=move |_| {
                // A `close` event comes a task after the closing: by then the panel may
                // have been opened again (the button pressed at once), which stays.
                if !dialog.get_untracked().is_some_and(|d| d.open()) {
                    open.set(false);
                }
            }
        >
            <h2 id="shortcut-help-title">"Keyboard shortcuts"</h2>
            <p class="hint">"None of them fire while you type in a field."</p>
            <table class="shortcut-table">
                <tbody>{move || built.get().then(rows)}</tbody>
            </table>
            <p class="hint">
                "On the timeline: ← and → move between bars, Enter or Space chooses one, Shift with an arrow extends the range."
            </p>
            <form method="dialog" class="dialog-actions">
                <button class="button" data-testid="shortcuts-close">"Close"</button>
            </form>
        </dialog>
    }
}
