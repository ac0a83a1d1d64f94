//! A card's link buttons.

use leptos::prelude::*;
use paperdeck_core::{LinkKind, Links};

/// A card's link buttons, labelled by the core (`LinkKind::label`). The core admits only
/// absolute http(s) URLs, so no link from the data can run script; each opens in a new tab
/// without access to this page. A labelled group, not a `nav` landmark: every card has one,
/// and landmarks of one name, one per card, would crowd the page's landmarks.
#[component]
pub fn PaperLinks(links: Links) -> impl IntoView {
    let items: Vec<(LinkKind, String)> = links.iter().map(|(k, u)| (k, u.to_string())).collect();
    (!items.is_empty()).then(|| {
        view! {
            <div class="paper-links" role="group" aria-label="Links">
                {items
                    .into_iter()
                    .map(|(kind, url)| view! {
                        <a class="link-button" data-kind=kind.name() href=url target="_blank" rel="noopener noreferrer">
                            {kind.label()}
                        </a>
                    })
                    .collect_view()}
            </div>
        }
    })
}
