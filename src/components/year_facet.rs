use leptos::prelude::*;
use paperdeck_core::PartialDate;

use super::explorer::use_results;
use super::facet_option::FacetOption;
use crate::url_sync::{use_view, History};

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
                        let date = PartialDate::y(year);
                        let count = Signal::derive(move || {
                            results.result.with(|r| r.facets.years.iter().find(|(y, _)| *y == year).map_or(0, |(_, n)| *n))
                        });
                        let active = Signal::derive(move || {
                            ctx.view.with(|v| v.from.is_some() && v.from == date && v.to == date)
                        });
                        let toggle = move |on: bool| {
                            ctx.update(History::Push, |v| {
                                v.from = if on { date } else { None };
                                v.to = if on { date } else { None };
                            })
                        };
                        view! { <FacetOption label=year.to_string() value=year.to_string() count active toggle/> }
                    }
                />
            </ul>
        </fieldset>
    }
}
