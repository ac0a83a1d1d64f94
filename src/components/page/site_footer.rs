//! The page footer.

use std::sync::Arc;

use leptos::prelude::*;

use super::feed_link::FeedLink;
use crate::load::Loaded;

/// Where the papers come from.
#[component]
pub fn SiteFooter(loaded: Arc<Loaded>) -> impl IntoView {
    let snapshot = &loaded.catalog.snapshot;
    let source = snapshot.source.clone();
    let generated = snapshot.generated.clone();
    view! {
        <footer class="site-footer">
            <FeedLink/>
            {source.map(|s| view! { <p>"Source: " {s}</p> })}
            {generated.map(|g| view! { <p>"Snapshot of " {g}</p> })}
            <p>"Made with Paperdeck: a paper explorer that runs entirely in your browser."</p>
        </footer>
    }
}
