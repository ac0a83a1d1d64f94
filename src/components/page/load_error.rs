//! What shows when the snapshot cannot be used.

use leptos::prelude::*;

/// The snapshot could not be used at all: say what failed and where, never a blank page.
#[component]
pub fn LoadError(url: String, message: String) -> impl IntoView {
    view! {
        <section class="load-error" role="alert" data-testid="load-error">
            <h1>"Papers could not be loaded"</h1>
            <p>
                "Paperdeck could not read " <code>{url.clone()}</code> ": " {message} "."
            </p>
            <p class="hint">
                "If you publish this page, check that the snapshot is valid with "
                <code>{format!("paperdeck check {}", url.rsplit('/').next().unwrap_or(&url))}</code> "."
            </p>
        </section>
    }
}
