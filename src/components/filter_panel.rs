use leptos::prelude::*;

use super::author_facet::AuthorFacet;
use super::date_filter::DateFilter;
use super::has_facet::HasFacet;
use super::upvotes_filter::UpvotesFilter;
use super::year_facet::YearFacet;

/// The filters, each with the counts it would give. Open by default; a phone can fold it.
#[component]
pub fn FilterPanel() -> impl IntoView {
    view! {
        <aside class="filters" aria-label="Filters">
            <details open>
                <summary>"Filters"</summary>
                <DateFilter/>
                <YearFacet/>
                <AuthorFacet/>
                <UpvotesFilter/>
                <HasFacet/>
            </details>
        </aside>
    }
}
