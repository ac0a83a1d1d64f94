//! "Export": every paper of the current view as a file.

use std::time::Duration;

use leptos::prelude::*;
use paperdeck_core::labels::{papers_count, EXPORT_AWAITING_INDEX};
use paperdeck_core::{export_file_name, export_papers, step_card, ExportFormat};

use wasm_bindgen::JsCast;

use crate::download::save_text;
use crate::keyboard::close_menu;
use crate::passing_note::PassingNote;
use crate::state::{use_results, use_view};

/// How long the note after a save stays (it lies over the page below the toolbar).
const STATUS_SHOWN_FOR: Duration = Duration::from_secs(6);

/// A menu of formats (BibTeX, RIS, CSV, JSON); each saves all the papers of the view, in
/// its order, not only those on screen, as the core writes them (`export_view`), under a
/// file name that names the view. The menu hangs from the button's right edge, or from
/// its left edge where the toolbar has wrapped the button too close to the screen's left
/// for the menu to fit (a phone); the status after a save (which names the file) wraps
/// within the room on that side, and goes after a few seconds. The menu closes as menus
/// do: after a save (the focus back on its button), on Esc (`keyboard.rs`), on a press
/// anywhere else on the page, and when the keyboard's focus moves on past it; the arrow
/// keys, Home and End move between its formats.
#[component]
pub fn ExportMenu() -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    // A note, not a fixture: it lies over the page, so it goes after a while.
    let status = PassingNote::<String>::new(STATUS_SHOWN_FOR);
    let menu = NodeRef::<leptos::html::Details>::new();
    let opens_rightwards = RwSignal::new(false);
    let room = RwSignal::new(None::<f64>);
    let place = move |_| {
        let Some(details) = menu.get_untracked().filter(|d| d.open()) else { return };
        let options = details.query_selector(".export-options").ok().flatten();
        let width = options.map_or(0.0, |o| o.get_bounding_client_rect().width());
        let button = details.get_bounding_client_rect();
        let rightwards = button.right() < width;
        let screen = window().inner_width().ok().and_then(|w| w.as_f64()).unwrap_or(f64::MAX);
        opens_rightwards.set(rightwards);
        room.set(Some(if rightwards { screen - button.left() } else { button.right() } - 8.0));
    };
    // Set through the style object, not a `style` attribute, which the page's
    // Content-Security-Policy (style-src 'self') would refuse.
    // Whole pixels written as an integer: formatting a float with a precision would bring
    // the exact float formatter into the wasm (~10 KB gzip; docs/performance.md, "Size").
    let room_px =
        move || room.get().map_or_else(|| "26rem".to_string(), |px| format!("{}px", px.max(0.0) as u32));
    let save = move |format: ExportFormat| {
        // The papers shown while a search waits for the index are not its answer.
        if results.awaiting_index.get_untracked() {
            status.show(EXPORT_AWAITING_INDEX.to_string());
            return;
        }
        let (name, text, count) = ctx.view.with_untracked(|v| {
            // The papers shown, as `export_view` would choose them, and also the `new=1`
            // filter, which only this browser can apply.
            let catalog = &results.loaded.catalog;
            let papers: Vec<_> =
                results.result.with_untracked(|r| r.ids.iter().map(|&i| catalog.paper(i)).collect());
            (export_file_name(v, format), export_papers(catalog, v, &papers, format), papers.len())
        });
        let said = if save_text(&name, format.mime_type(), &text) {
            format!("Saved {name}: {}", papers_count(count))
        } else {
            "This browser did not allow the download".to_string()
        };
        status.show(said);
        if let Some(details) = menu.get() {
            close_menu(&details);
        }
    };
    // A press outside the open menu closes it (a press on its button toggles it as usual).
    let outside = window_event_listener(leptos::ev::pointerdown, move |ev| {
        let Some(details) = menu.get_untracked().filter(|d| d.open()) else { return };
        if !holds(&details, ev.target()) {
            details.set_open(false);
        }
    });
    on_cleanup(move || outside.remove());
    // The arrows move between the formats (from the button, ↓ and ↑ go to the first),
    // Home and End to the ends, as in a menu; the stepping is the core's, as for cards.
    // Esc in the menu closes it here, also in an embed, which has no shortcuts listener
    // (the explorer's, `keyboard.rs`, closes it when the focus is elsewhere).
    let keys = move |ev: web_sys::KeyboardEvent| {
        let Some(details) = menu.get_untracked().filter(|d| d.open()) else { return };
        if ev.key() == "Escape" {
            ev.prevent_default();
            close_menu(&details);
            return;
        }
        let Ok(found) = details.query_selector_all(".export-option") else { return };
        let options: Vec<web_sys::HtmlElement> =
            (0..found.length()).filter_map(|i| found.item(i)?.dyn_into().ok()).collect();
        let active = document().active_element();
        let current = options.iter().position(|o| active.as_ref().is_some_and(|a| a == o.as_ref()));
        let next = match ev.key().as_str() {
            "ArrowDown" => step_card(current, options.len(), true),
            "ArrowUp" => step_card(current, options.len(), false),
            "Home" => (!options.is_empty()).then_some(0),
            "End" => options.len().checked_sub(1),
            _ => return,
        };
        if let Some(option) = next.and_then(|k| options.get(k)) {
            ev.prevent_default();
            let _ = option.focus();
        }
    };
    // Tab past the last option (or back past the button) closes it. Only a focus that goes
    // somewhere else counts: a click that focuses nothing (Safari's buttons) gives none.
    let focus_left = move |ev: web_sys::FocusEvent| {
        let Some(details) = menu.get_untracked().filter(|d| d.open()) else { return };
        let next = ev.related_target();
        if next.is_some() && !holds(&details, next) {
            details.set_open(false);
        }
    };
    view! {
        <div class="export" class:opens-rightwards=opens_rightwards style=("--export-room", room_px)>
        <details class="export-menu" data-testid="export" data-menu="" node_ref=menu on:toggle=place on:focusout=focus_left on:keydown=keys>
            <summary class="button">"Export"</summary>
            <div class="export-options" role="group" aria-label="Export the papers of this view">
                {ExportFormat::ALL
                    .into_iter()
                    .map(|format| {
                        let save = save.clone();
                        view! {
                            <button type="button" class="export-option" data-format=format.name() on:click=move |_| save(format)>
                                {format.label()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </details>
        <span class="export-status" role="status" data-testid="export-status">{move || status.with(Clone::clone)}</span>
        </div>
    }
}

/// True when `target` is `details` or inside it.
fn holds(details: &web_sys::HtmlDetailsElement, target: Option<web_sys::EventTarget>) -> bool {
    target.and_then(|t| t.dyn_into::<web_sys::Node>().ok()).is_some_and(|n| details.contains(Some(&n)))
}
