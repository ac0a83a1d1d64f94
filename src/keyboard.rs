//! The keyboard shortcuts' listener: reads the key and where it was pressed, asks the
//! core which shortcut that is (`Shortcut::for_key`, `escape_step`, `step_card`) and
//! carries it out through the view's named operations. Listens on the window while the
//! explorer is on the page.

use leptos::prelude::*;
use paperdeck_core::{escape_step, step_card, takes_text, EscapeStep, KeyContext, OpenNow, Shortcut};
use wasm_bindgen::JsCast;

use crate::components::toolbar::search_box::SEARCH_INPUT;
use crate::state::{use_results, use_view, Shortcuts};

/// Every card and list row on the page, in order.
pub(crate) const CARDS: &str = "[data-testid=\"paper-card\"]";

/// A menu hanging from the toolbar (a `<details>` marked `data-menu`), when open.
pub(crate) const OPEN_MENU: &str = "details[data-menu][open]";

/// Starts listening; stops when the calling component goes away.
pub fn listen_for_shortcuts(shortcuts: Shortcuts) {
    let ctx = use_view();
    let results = use_results();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.default_prevented() || ev.is_composing() {
            return;
        }
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        // Another dialog (Embed) has the keyboard; in the help panel only Esc and ? count.
        if let Ok(Some(dialog)) = target.closest("dialog") {
            let in_help = dialog.class_list().contains("shortcut-help");
            if !in_help || !matches!(ev.key().as_str(), "Escape" | "?") {
                return;
            }
        }
        let editable = target.dyn_ref::<web_sys::HtmlElement>().is_some_and(|e| e.is_content_editable());
        let typing = takes_text(
            &target.tag_name().to_ascii_lowercase(),
            &target.get_attribute("type").unwrap_or_default(),
            editable,
        );
        let card = target.closest(CARDS).ok().flatten();
        let at = KeyContext {
            typing,
            in_list: card.is_some(),
            on_card: card.as_ref() == Some(&target),
            command: ev.ctrl_key() || ev.meta_key() || ev.alt_key(),
        };
        let Some(shortcut) = Shortcut::for_key(&ev.key(), at) else { return };
        let card_id = card.as_ref().and_then(|c| c.get_attribute("data-paper-id"));
        match shortcut {
            Shortcut::FocusSearch => {
                let Some(input) = query(SEARCH_INPUT) else { return };
                focus(&input);
            }
            Shortcut::NextCard | Shortcut::PreviousCard => {
                let cards = all_cards();
                let current = card.as_ref().and_then(|c| cards.iter().position(|x| x == c));
                let Some(next) = step_card(current, cards.len(), shortcut == Shortcut::NextCard) else {
                    return;
                };
                focus(&cards[next]);
            }
            Shortcut::Open => {
                let Some(id) = card_id else { return };
                if ctx.view.with_untracked(|v| v.view == paperdeck_core::ViewMode::List) {
                    ctx.open_as_card(&id);
                } else {
                    ctx.toggle_paper(&id);
                }
                refocus(id);
            }
            Shortcut::Cite => {
                let Some(id) = card_id else { return };
                let Some(index) = results.loaded.catalog.position(&id) else { return };
                shortcuts.cite_request.set(Some(index));
                if !ctx.view.with_untracked(|v| v.is_open(&id) && v.view == paperdeck_core::ViewMode::Cards) {
                    ctx.open_as_card(&id);
                }
                refocus(id);
            }
            Shortcut::Escape => {
                let (open, narrowed) = ctx.view.with_untracked(|v| (v.paper.clone(), v.is_narrowed()));
                let menu = query(OPEN_MENU);
                let now = OpenNow {
                    help: shortcuts.help_open.get_untracked(),
                    menu: menu.is_some(),
                    // A `paper=` this collection lacks opened nothing to close.
                    paper: open.as_deref().is_some_and(|id| results.loaded.catalog.position(id).is_some()),
                    narrowed,
                };
                match escape_step(now) {
                    Some(EscapeStep::CloseHelp) => shortcuts.help_open.set(false),
                    Some(EscapeStep::CloseMenu) => {
                        if let Some(menu) =
                            menu.and_then(|m| m.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                        {
                            close_menu(&menu);
                        }
                    }
                    Some(EscapeStep::ClosePaper) => {
                        let id = open.unwrap_or_default();
                        ctx.toggle_paper(&id);
                        refocus(id);
                    }
                    Some(EscapeStep::ClearSearchAndFilters) => ctx.clear_search_and_filters(),
                    None => return,
                }
            }
            Shortcut::Help => shortcuts.help_open.update(|open| *open = !*open),
        }
        ev.prevent_default();
    });
    on_cleanup(move || handle.remove());
}

/// Closes `menu`; if the focus was inside it (on an option), it goes back to the menu's
/// button rather than to the page's body.
pub(crate) fn close_menu(menu: &web_sys::HtmlDetailsElement) {
    let had_focus = document().active_element().is_some_and(|a| menu.contains(Some(&a)));
    menu.set_open(false);
    if had_focus {
        if let Some(summary) = menu.query_selector("summary").ok().flatten() {
            if let Some(el) = summary.dyn_ref::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    }
}

fn query(selector: &str) -> Option<web_sys::Element> {
    document().query_selector(selector).ok().flatten()
}

fn all_cards() -> Vec<web_sys::Element> {
    let Ok(list) = document().query_selector_all(CARDS) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok()).collect()
}

/// Focuses `el` and brings it into view (only as far as needed).
fn focus(el: &web_sys::Element) {
    if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = el.focus();
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Focuses paper `id`'s card once the page has drawn the change (opening a row replaces
/// it with a card).
fn refocus(id: String) {
    request_animation_frame(move || {
        if let Some(card) = query(&format!("{CARDS}[data-paper-id=\"{id}\"]")) {
            if let Some(el) = card.dyn_ref::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}
