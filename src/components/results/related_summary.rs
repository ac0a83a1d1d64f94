//! The line above the papers like one paper (`related=ID`).

use leptos::prelude::*;
use paperdeck_core::labels::related_summary;

use crate::state::{use_results, use_view};

/// "Papers like “TITLE”", the title a link to that paper's card in the whole collection;
/// or that no paper has the id.
#[component]
pub fn RelatedSummary() -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    let related = Memo::new(move |_| ctx.view.with(|v| v.related.clone()));
    move || {
        related.get().map(|id| {
            let catalog = &results.loaded.catalog;
            let title = catalog.position(&id).map(|i| catalog.paper(i).title.clone());
            view! { <p class="related-summary" data-testid="related-summary">{related_summary(&id, title.as_deref())}</p> }
        })
    }
}
