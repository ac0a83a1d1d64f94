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
    // The collection's notices follow the view (a paper opened later clears its own);
    // dismissed, those of this view stay hidden.
    let of_collection = Memo::new(move |_| ctx.view.with(|v| results.loaded.catalog.link_notices(v)));
    let dismissed = RwSignal::new(Vec::new());
    move || {
        let mut notices = ctx.url_notices.get();
        let mine = of_collection.get();
        if dismissed.with(|d| *d != mine) {
            notices.extend(mine);
        }
        (!notices.is_empty()).then(|| {
            view! {
                <aside class="notice" role="status" data-testid="url-notice">
                    <p>"Some of this link's settings were ignored:"</p>
                    <ul>{notices.iter().map(|n| view! { <li>{n.to_string()}</li> }).collect_view()}</ul>
                    <DismissButton on_dismiss=move || {
                        dismissed.set(of_collection.get_untracked());
                        ctx.dismiss_url_notices();
                    }/>
                </aside>
            }
        })
    }
}
