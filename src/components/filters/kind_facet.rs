//! The kind-of-publication facet.

use leptos::prelude::*;
use paperdeck_core::PaperKind;

use super::facet_option::FacetOption;
use crate::state::{use_results, use_view};

/// Journal article, conference paper, preprint, …: the kinds the snapshot has, with
/// their counts. Not shown when no paper has a kind.
#[component]
pub fn KindFacet() -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    let present: Vec<PaperKind> = results.loaded.catalog.kinds_present();
    (!present.is_empty()).then(|| {
        view! {
            <fieldset class="facet">
                <legend>"Type"</legend>
                <ul class="facet-list" data-testid="kind-facet">
                    {present
                        .into_iter()
                        .map(|kind| {
                            let active = Signal::derive(move || ctx.view.with(|v| v.kinds.contains(kind)));
                            let count = Signal::derive(move || results.result.with(|r| r.facets.kinds[kind as usize]));
                            let toggle = move |_on: bool| ctx.toggle_kind(kind);
                            view! { <FacetOption label=kind.label().to_string() value=kind.name().to_string() count active toggle/> }
                        })
                        .collect_view()}
                </ul>
            </fieldset>
        }
    })
}
