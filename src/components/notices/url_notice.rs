//! The notice about ignored URL parameters.

use leptos::prelude::*;

use crate::components::widgets::dismiss_button::DismissButton;
use crate::state::use_view;

/// Says which URL parameters were ignored and why; dismissible.
#[component]
pub fn UrlNoticeBar() -> impl IntoView {
    let ctx = use_view();
    move || {
        let notices = ctx.url_notices.get();
        (!notices.is_empty()).then(|| {
            view! {
                <aside class="notice" role="status" data-testid="url-notice">
                    <p>"Some of this link's settings were ignored:"</p>
                    <ul>{notices.iter().map(|n| view! { <li>{n.to_string()}</li> }).collect_view()}</ul>
                    <DismissButton on_dismiss=move || ctx.dismiss_url_notices()/>
                </aside>
            }
        })
    }
}
