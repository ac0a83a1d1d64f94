//! What `paperdeck render` writes into the built index.html for readers without
//! JavaScript or WebAssembly: the static list of papers, which the app removes when it
//! shows its own, handing what was typed in its search box while the papers loaded to the
//! app's box, and the feeds' `<link rel="alternate">`s in the head, which the app turns on
//! only for the view a feed is of (docs/deploying.md).

use std::time::Duration;

use leptos::prelude::{document, set_timeout};
use paperdeck_core::render::{feed_for_view, read_feed_link, FeedLink, STATIC_ID};
use paperdeck_core::ViewState;
use wasm_bindgen::{JsCast, JsValue};

use crate::components::toolbar::search_box::SEARCH_INPUT;

/// True while the page holds the static list.
pub fn has_static_list() -> bool {
    document().get_element_by_id(STATIC_ID).is_some()
}

/// True when index.html's first script marked the page `data-no-static` (an embed or
/// another snapshot in the URL): the stylesheet hides the static list.
pub fn static_list_hidden() -> bool {
    document().document_element().is_some_and(|root| root.has_attribute("data-no-static"))
}

/// Removes the static list, if the page has one: the app's own cards replace it.
pub fn remove_static_list() {
    if let Some(element) = document().get_element_by_id(STATIC_ID) {
        element.remove();
    }
}

/// The static toolbar's search box (`paperdeck render` writes it disabled, for readers
/// without the app).
const STATIC_SEARCH: &str = "#paperdeck-static .static-toolbar input[type=\"search\"]";

/// The static list's search box as the reader left it when the app took over: what they
/// typed (`None` if they typed nothing: the box shows the URL's query, which the app has
/// already), and whether it had the focus, with its selection.
pub struct EarlySearch {
    pub typed: Option<String>,
    focused: bool,
    selection: Option<(JsValue, JsValue, JsValue)>,
}

/// True when the reader has typed in the static list's search box: the app's first view
/// then searches.
pub fn static_search_edited() -> bool {
    document()
        .query_selector(STATIC_SEARCH)
        .ok()
        .flatten()
        .is_some_and(|input| input.has_attribute("data-edited"))
}

/// The static search box as the reader left it, read just before the static list goes;
/// `None` without a static list, or when the box was neither typed in nor focused. The
/// page's loader enabled the box (scripts/boot-after-first-paint.mjs) and marks it
/// `data-edited` on the first input.
pub fn take_early_search() -> Option<EarlySearch> {
    let document = document();
    let input = document.query_selector(STATIC_SEARCH).ok()??;
    let property = |name: &str| js_sys::Reflect::get(&input, &name.into()).unwrap_or(JsValue::UNDEFINED);
    let typed = input.has_attribute("data-edited").then(|| property("value").as_string().unwrap_or_default());
    let focused = document.active_element().is_some_and(|active| active == input);
    let selection =
        Some((property("selectionStart"), property("selectionEnd"), property("selectionDirection")))
            .filter(|(start, end, _)| start.as_f64().is_some() && end.as_f64().is_some());
    (focused || typed.is_some()).then_some(EarlySearch { typed, focused, selection })
}

/// How long text an input method leaves unconfirmed in the static box holds the app back
/// when it does not change: Android's keyboards compose whole words, and a reader who
/// stops mid-word waits for results, not for the word's end.
const COMPOSITION_IDLE_MS: f64 = 2000.0;

/// How often the box is looked at again while it composes.
const COMPOSITION_CHECK: Duration = Duration::from_millis(100);

/// True while an input method (Japanese, Chinese, Korean, or a phone's keyboard composing
/// a word) composes text in the focused static search box (the page's loader marks it
/// `data-composing`): text not yet confirmed, which the app waits for rather than hand
/// over half-done, unless it has not changed for [`COMPOSITION_IDLE_MS`]. `seen` is the
/// box's text when last asked, and since when; `recheck` is called a moment later to ask
/// again (a timer, not `compositionend`, whose input method may start the next
/// composition in the same task).
pub fn composing_in_static_search(
    seen: &mut Option<(String, f64)>,
    recheck: impl FnOnce() + 'static,
) -> bool {
    let Some(input) = document().query_selector(STATIC_SEARCH).ok().flatten() else { return false };
    let focused = document().active_element().is_some_and(|active| active == input);
    if !focused || input.has_attribute("disabled") || !input.has_attribute("data-composing") {
        return false;
    }
    let text =
        js_sys::Reflect::get(&input, &"value".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
    let now = js_sys::Date::now();
    match seen {
        Some((last, since)) if *last == text => {
            if now - *since >= COMPOSITION_IDLE_MS {
                return false;
            }
        }
        _ => *seen = Some((text, now)),
    }
    set_timeout(recheck, COMPOSITION_CHECK);
    true
}

/// Gives the app's search box, once in the page, the focus and selection the static one had.
pub fn continue_early_search(early: &EarlySearch) {
    if !early.focused {
        return;
    }
    let input = document().query_selector(SEARCH_INPUT).ok().flatten();
    let Some(input) = input.and_then(|i| i.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
    let _ = input.focus();
    // The explorer sets the box's value after it is in the page, and a new value puts the
    // caret at its end: set it first (the same text, which the explorer's setting then
    // leaves alone), then the caret.
    if let Some(text) = &early.typed {
        let _ = js_sys::Reflect::set(&input, &"value".into(), &text.into());
    }
    if let Some((start, end, direction)) = &early.selection {
        let set_range = js_sys::Reflect::get(&input, &"setSelectionRange".into());
        if let Ok(set_range) = set_range.and_then(|f| f.dyn_into::<js_sys::Function>()) {
            let _ = set_range.call3(&input, start, end, direction);
        }
    }
}

/// The head's feed links (`data-view` marks those `paperdeck render` wrote).
const FEED_LINKS: &str = "link[type=\"application/atom+xml\"][data-view]";

/// The value of `rel` of a feed link whose view is not shown: feed readers ignore it.
const INACTIVE_REL: &str = "paperdeck-feed";

/// Makes the feed of `view`, if the page lists one, the page's only
/// `<link rel="alternate" type="application/atom+xml">`, and returns it.
pub fn follow_feed_links(view: &ViewState) -> Option<FeedLink> {
    let links = feed_link_elements();
    let feeds: Vec<FeedLink> = links
        .iter()
        .map(|el| {
            let attr = |name: &str| el.get_attribute(name).unwrap_or_default();
            read_feed_link(&attr("href"), &attr("data-view"), &attr("title"))
        })
        .collect();
    let current = feed_for_view(&feeds, view).cloned();
    for (el, feed) in links.iter().zip(&feeds) {
        let rel = if Some(feed) == current.as_ref() { "alternate" } else { INACTIVE_REL };
        let _ = el.set_attribute("rel", rel);
    }
    current
}

/// `document.querySelectorAll(FEED_LINKS)` without the NodeList binding.
fn feed_link_elements() -> Vec<web_sys::Element> {
    let document = document();
    let found = js_sys::Reflect::get(&document, &"querySelectorAll".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&document, &FEED_LINKS.into()).ok());
    found
        .map(|list| {
            js_sys::Array::from(&list).iter().filter_map(|n| n.dyn_into::<web_sys::Element>().ok()).collect()
        })
        .unwrap_or_default()
}
