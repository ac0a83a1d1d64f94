//! The filter panel and its filters, each showing the counts it would give.

pub mod author_facet;
pub mod citations_filter;
pub mod count_floor;
pub mod date_filter;
pub mod facet_option;
pub mod has_facet;
pub mod kind_facet;
pub mod show_results;
pub mod upvotes_filter;
pub mod value_facet_list;
pub mod year_facet;

use leptos::context::Provider;
use leptos::prelude::*;

use paperdeck_core::ValueFacet;

use crate::after_paint::after_next_paint_run;
use crate::state::results_after_paint;

use self::author_facet::AuthorFacet;
use self::citations_filter::CitationsFilter;
use self::date_filter::DateFilter;
use self::has_facet::HasFacet;
use self::kind_facet::KindFacet;
use self::show_results::ShowResults;
use self::upvotes_filter::UpvotesFilter;
use self::value_facet_list::ValueFacetList;
use self::year_facet::YearFacet;

/// Set to `1` by style/main.css where the filters sit above the results (the one place
/// the breakpoint is written).
const FILTERS_ABOVE_PROPERTY: &str = "--filters-above-results";

/// The filters, each with the counts it would give. Open beside the results, built a
/// frame after the first cards; folded above them on a phone, so the first screen shows
/// papers, with any active filter still applied. Folded, the filters are not built until
/// the panel is first opened: a phone's first screen and its keystrokes then pay for no
/// facet counts nobody sees. There, the open panel ends with the way back to the results
/// ([`ShowResults`]).
#[component]
pub fn FilterPanel() -> impl IntoView {
    // The counts follow each answer a frame after the cards: the filters below read the
    // answer as `results_after_paint` gives it.
    let after_paint = results_after_paint();
    let open = !filters_above_results();
    // Open, the filters are built in the task after the first cards are painted: the
    // page's first render is then the cards' alone (docs/performance.md §4, "The first
    // render without the filters").
    let built = RwSignal::new(false);
    if open {
        after_next_paint_run(move || {
            // The panel may be gone by then.
            let _ = built.try_set(true);
        });
    }
    let details = NodeRef::<leptos::html::Details>::new();
    // Folded, the first opening builds them. (A `<details>` made open fires `toggle` too,
    // a task later, which must not build an open panel's filters before that paint.)
    let on_toggle = move |_| {
        if !open && details.get_untracked().is_some_and(|d| d.has_attribute("open")) {
            built.set(true);
        }
    };
    view! {
        <aside class="filters" aria-label="Filters">
            <details open=open node_ref=details on:toggle=on_toggle>
                <summary>"Filters"</summary>
                <Provider value=after_paint>
                    <Show when=move || built.get()>
                        <DateFilter/>
                        <YearFacet/>
                        <ValueFacetList facet=ValueFacet::Tag/>
                        <KindFacet/>
                        <ValueFacetList facet=ValueFacet::Venue/>
                        <ValueFacetList facet=ValueFacet::Author/>
                        <AuthorFacet/>
                        <UpvotesFilter/>
                        <CitationsFilter/>
                        <HasFacet/>
                        {(!open).then(|| view! { <ShowResults panel=details/> })}
                    </Show>
                </Provider>
            </details>
        </aside>
    }
}

/// True when the stylesheet lays the filters out above the results (a narrow screen).
fn filters_above_results() -> bool {
    let root = document().document_element();
    let style = root.and_then(|r| window().get_computed_style(&r).ok().flatten());
    style.and_then(|s| s.get_property_value(FILTERS_ABOVE_PROPERTY).ok()).is_some_and(|v| v.trim() == "1")
}
