//! What `paperdeck render` writes into the built index.html for readers without
//! JavaScript or WebAssembly: the static list of papers, which the app removes when it
//! shows its own, its search box, which takes a search typed while the papers load and
//! hands it to the app's, and the feeds' `<link rel="alternate">`s in the head, which the
//! app turns on only for the view a feed is of (docs/deploying.md).

use leptos::prelude::document;
use paperdeck_core::labels::{EARLY_SEARCH_NOTE, SEARCH_PLACEHOLDER};
use paperdeck_core::render::{feed_for_view, read_feed_link, FeedLink, STATIC_ID};
use paperdeck_core::ViewState;
use wasm_bindgen::JsCast;

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

/// The static list's result count, which says what becomes of a search typed early.
const STATIC_COUNT: &str = "#paperdeck-static .result-summary .count";

/// Lets the reader type in the static list's search box while the papers load, with the
/// app's own placeholder and the view's `query` (from the URL): the app takes the text over
/// with the list ([`take_early_search`]). Called once the app runs, so the box never takes
/// text that nothing would search.
pub fn enable_early_search(query: &str) {
    let document = document();
    let Ok(Some(input)) = document.query_selector(STATIC_SEARCH) else { return };
    let _ = input.remove_attribute("disabled");
    let _ = input.set_attribute("placeholder", SEARCH_PLACEHOLDER);
    if !query.is_empty() {
        let _ = js_sys::Reflect::set(&input, &"value".into(), &query.into());
    }
    // The first input says, in the count's place, that the search is on its way.
    let said = std::cell::Cell::new(false);
    let on_input = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        if said.replace(true) {
            return;
        }
        if let Ok(Some(count)) = document.query_selector(STATIC_COUNT) {
            count.set_text_content(Some(EARLY_SEARCH_NOTE));
        }
    });
    let _ = input.add_event_listener_with_callback("input", on_input.as_ref().unchecked_ref());
    // Lives as long as the box, which goes with the static list.
    on_input.forget();
}

/// What was typed in the static list's search box before the app took over, and whether
/// the box had the focus (with its selection), so the app's box can take both.
pub struct EarlySearch {
    pub text: String,
    focused: bool,
    selection: Option<(u32, u32)>,
}

/// The static search box's text and focus, read just before the static list goes; `None`
/// without a static list or when nothing was typed and the box was not focused.
pub fn take_early_search() -> Option<EarlySearch> {
    let document = document();
    let input = document.query_selector(STATIC_SEARCH).ok()??;
    let property = |name: &str| js_sys::Reflect::get(&input, &name.into()).ok();
    let text = property("value").and_then(|v| v.as_string()).unwrap_or_default();
    let focused = document.active_element().is_some_and(|active| active == input);
    let selection = match (property("selectionStart"), property("selectionEnd")) {
        (Some(start), Some(end)) => start.as_f64().zip(end.as_f64()).map(|(s, e)| (s as u32, e as u32)),
        _ => None,
    };
    (focused || !text.trim().is_empty()).then_some(EarlySearch { text, focused, selection })
}

/// The app's search box (`SearchBox`).
const APP_SEARCH: &str = "[data-testid=\"search-input\"]";

/// Gives the app's search box, once in the page, the focus and selection the static one had.
pub fn continue_early_search(early: &EarlySearch) {
    if !early.focused {
        return;
    }
    let input = document().query_selector(APP_SEARCH).ok().flatten();
    let Some(input) = input.and_then(|i| i.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
    let _ = input.focus();
    if let Some((start, end)) = early.selection {
        let _ = js_sys::Reflect::set(&input, &"selectionStart".into(), &start.into());
        let _ = js_sys::Reflect::set(&input, &"selectionEnd".into(), &end.into());
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
