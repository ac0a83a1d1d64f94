//! The notice about ignored URL parameters.

use leptos::prelude::*;

use crate::components::widgets::dismiss_button::DismissButton;
use crate::state::{use_results, use_view};

/// Says which URL parameters were ignored and why, those the address cannot mean
/// (`decode_url`) and those this collection cannot answer (`Catalog::link_notices`: a
/// `paper` it does not hold); dismissible.
#[component]
pub fn UrlNoticeBar() -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    // The collection's notices follow the opened paper (`paper=`, not every keystroke).
    // Dismissed, they stay hidden until the paper changes: Back to the same link shows
    // them again, as it shows the address's own notices again.
    let of_collection = Memo::new(move |_| {
        ctx.opened_id();
        ctx.view.with_untracked(|v| results.loaded.catalog.link_notices(v))
    });
    let dismissed = RwSignal::new(false);
    Effect::new(move |_| {
        of_collection.track();
        dismissed.set(false);
    });
    move || {
        let mut notices = ctx.url_notices.get();
        if !dismissed.get() {
            notices.extend(of_collection.get());
        }
        (!notices.is_empty()).then(|| {
            view! {
                <aside class="notice" role="status" data-testid="url-notice">
                    <p>"Some of this link's settings were ignored:"</p>
                    <ul>{notices.iter().map(|n| view! { <li>{n.to_string()}</li> }).collect_view()}</ul>
                    <DismissButton on_dismiss=move || {
                        dismissed.set(true);
                        ctx.dismiss_url_notices();
                    }/>
                </aside>
            }
        })
    }
}
