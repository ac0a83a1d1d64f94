//! The link to the Atom feed of the view shown, when the build wrote one.

use leptos::prelude::*;

use crate::state::use_view;
use crate::static_page::follow_feed_links;

/// "Atom feed of this view", shown (and the head's `<link rel="alternate">` on) only
/// while the view is one the build wrote a feed of (`paperdeck render --feed`).
#[component]
pub fn FeedLink() -> impl IntoView {
    let ctx = use_view();
    let feed = Memo::new(move |_| ctx.view.with(follow_feed_links));
    move || {
        feed.get().map(|f| {
            view! {
                <p class="feed-link">
                    <a href=f.href type="application/atom+xml" data-testid="feed-link">"Atom feed of this view"</a>
                </p>
            }
        })
    }
}
