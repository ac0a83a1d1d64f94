//! The author-count facet.

use leptos::prelude::*;
use paperdeck_core::labels::custom_authors_note;
use paperdeck_core::AUTHOR_BUCKETS;

use super::facet_option::FacetOption;
use crate::state::{use_results, use_view};

/// Author-count buckets (1, 2–3, 4–6, 7–10, 11+) with their counts.
#[component]
pub fn AuthorFacet() -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    view! {
        <fieldset class="facet">
            <legend>"Number of authors"</legend>
            <ul class="facet-list" data-testid="author-facet">
                {AUTHOR_BUCKETS
                    .into_iter()
                    .enumerate()
                    .map(|(k, range)| {
                        let active = Signal::derive(move || ctx.view.with(|v| v.authors == range));
                        let count = Signal::derive(move || results.result.with(|r| r.facets.authors[k]));
                        let toggle = move |on: bool| ctx.set_authors(range, on);
                        view! { <FacetOption label=range.label() value=range.to_string() count active toggle/> }
                    })
                    .collect_view()}
            </ul>
            <p class="facet-note">
                {move || ctx.view.with(|v| custom_authors_note(v.authors))}
            </p>
        </fieldset>
    }
}
