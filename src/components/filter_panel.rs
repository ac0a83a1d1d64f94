use leptos::prelude::*;

use super::author_facet::AuthorFacet;
use super::date_filter::DateFilter;
use super::has_facet::HasFacet;
use super::upvotes_filter::UpvotesFilter;
use super::year_facet::YearFacet;

/// Below this width the filters sit above the results (see style/main.css), so they start
/// folded there and the first screen shows papers.
const SIDEBAR_MIN_WIDTH_PX: f64 = 832.0;

/// The filters, each with the counts it would give. Open beside the results; folded above
/// them on a phone, with any active filter still applied.
#[component]
pub fn FilterPanel() -> impl IntoView {
    let wide = window().inner_width().ok().and_then(|w| w.as_f64()).is_none_or(|w| w >= SIDEBAR_MIN_WIDTH_PX);
    view! {
        <aside class="filters" aria-label="Filters">
            <details open=wide>
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
