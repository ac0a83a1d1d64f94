//! What `paperdeck render` writes into the built index.html for readers without
//! JavaScript or WebAssembly: the static list of papers, which the app removes when it
//! shows its own, and the feeds' `<link rel="alternate">`s in the head, which the app
//! turns on only for the view a feed is of (docs/deploying.md).

use leptos::prelude::document;
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
