//! What a visitor sees when the app panics: a "Something went wrong" panel with the
//! report to copy and a link that reloads the page, in the explorer and in embeds. With
//! `panic = "abort"` nothing runs after the panic, so the panel is built from the panic
//! hook with plain DOM calls (not through Leptos, whose state may be half-updated), its
//! text set as text, never as HTML.

use paperdeck_core::labels::crash_report;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

/// Logs every panic to the console (with its stack) and shows the panel.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// Panics on purpose: the browser tests call it (`window.wasmBindings`) to check the
/// panel. Nothing in the page calls it.
#[wasm_bindgen]
pub fn paperdeck_panic_for_tests() {
    panic!("a panic on purpose, from the browser tests");
}

fn show(message: &str) {
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    let href = window.location().href().unwrap_or_default();
    let agent = window.navigator().user_agent().unwrap_or_default();
    let report = crash_report(message, &href, &agent);
    let _ = build(&document, &report, &href);
}

fn build(document: &Document, report: &str, href: &str) -> Result<(), JsValue> {
    if document.get_element_by_id("paperdeck-crash").is_some() {
        return Ok(());
    }
    let panel = element(document, "section", "crash-panel")?;
    panel.set_id("paperdeck-crash");
    panel.set_attribute("role", "alert")?;
    panel.set_attribute("data-testid", "crash-panel")?;
    let heading = element(document, "h2", "")?;
    heading.set_text_content(Some("Something went wrong"));
    let text = element(document, "p", "")?;
    text.set_text_content(Some(
        "Paperdeck stopped because of an error. Reloading the page usually helps. If it \
         happens again, please send the report below to the page's owner.",
    ));
    let report_box = element(document, "textarea", "crash-report")?;
    report_box.set_attribute("readonly", "")?;
    report_box.set_attribute("rows", "5")?;
    report_box.set_attribute("aria-label", "Error report")?;
    report_box.set_text_content(Some(report));
    let actions = element(document, "p", "crash-actions")?;
    let copy = element(document, "button", "")?;
    copy.set_attribute("type", "button")?;
    copy.set_text_content(Some("Copy report"));
    let reload = element(document, "a", "crash-reload")?;
    reload.set_attribute("href", href)?;
    reload.set_text_content(Some("Reload the page"));
    actions.append_with_node_2(&copy, &reload)?;
    panel.append_with_node_4(&heading, &text, &report_box, &actions)?;
    let owned = report.to_string();
    let on_copy = Closure::<dyn Fn()>::new(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.navigator().clipboard().write_text(&owned);
        }
    });
    copy.add_event_listener_with_callback("click", on_copy.as_ref().unchecked_ref())?;
    on_copy.forget();
    // Before everything else, so it is the first thing seen and read.
    let body = document.body().ok_or_else(|| JsValue::from_str("no body"))?;
    body.prepend_with_node_1(&panel)?;
    Ok(())
}

fn element(document: &Document, tag: &str, class: &str) -> Result<Element, JsValue> {
    let e = document.create_element(tag)?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    Ok(e)
}
