//! The lasting notice on a page showing a snapshot from another site.

use leptos::prelude::*;

/// Names the other site the papers come from. It cannot be dismissed: a shared link must
/// never pass another site's papers off as this page's own.
#[component]
pub fn ForeignSourceNotice(origin: String) -> impl IntoView {
    view! {
        <p class="notice foreign-source" role="note" data-testid="foreign-source">
            "These papers come from " <strong>{origin}</strong> ", not from this site."
        </p>
    }
}
