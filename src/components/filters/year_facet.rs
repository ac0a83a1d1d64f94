//! The year facet.

use super::facet_option::FacetOption;
use crate::state::{use_results, use_view};
use leptos::prelude::*;

/// One button per year with its count; choosing a year sets from and to to it.
#[component]
pub fn YearFacet() -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    view! {
        <fieldset class="facet">
            <legend>"Year"</legend>
            <ul class="facet-list" data-testid="year-facet">
                <For
                    each=move || results.result.with(|r| r.facets.years.iter().map(|(y, _)| *y).collect::<Vec<_>>())
                    key=|year| *year
                    children=move |year| {
                        let count = Signal::derive(move || {
                            results.result.with(|r| r.facets.years.iter().find(|(y, _)| *y == year).map_or(0, |(_, n)| *n))
                        });
                        let active = Signal::derive(move || ctx.view.with(|v| v.is_year(year)));
                        let toggle = move |on: bool| ctx.set_year(year, on);
                        view! { <FacetOption label=year.to_string() value=year.to_string() count active toggle/> }
                    }
                />
            </ul>
        </fieldset>
    }
}
