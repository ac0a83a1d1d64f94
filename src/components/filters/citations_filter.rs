//! The citations filter.

use leptos::prelude::*;

use super::count_floor::CountFloor;
use crate::state::{use_results, use_view};

/// A minimum number of citations; not shown when no paper has a count.
#[component]
pub fn CitationsFilter() -> impl IntoView {
    let ctx = use_view();
    let floor = Signal::derive(move || ctx.view.with(|v| v.citations.min));
    use_results().loaded.catalog.has_citations().then(|| {
        view! { <CountFloor legend="Citations" testid="citations-min" floor set=move |n| ctx.set_citation_floor(n)/> }
    })
}
