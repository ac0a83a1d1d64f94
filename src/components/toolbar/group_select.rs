//! The grouping menu.

use leptos::prelude::*;
use paperdeck_core::GroupBy;

use crate::state::{use_results, use_view};

/// Section headings by year, type or venue; only the groupings the snapshot can fill.
#[component]
pub fn GroupSelect() -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    let catalog = &results.loaded.catalog;
    // A grouping from a link is offered even where the snapshot cannot fill it, so the
    // menu never misstates the view.
    let linked = ctx.view.with_untracked(|v| v.group);
    let offered: Vec<GroupBy> =
        GroupBy::ALL.into_iter().filter(|g| catalog.offers_group(*g) || *g == linked).collect();
    let current = Memo::new(move |_| ctx.view.with(|v| v.group));
    view! {
        <label class="control group-control">
            <span class="control-label">"Group"</span>
            <select
                data-testid="group-select"
                on:change=move |ev| {
                    if let Some(group) = GroupBy::from_name(&event_target_value(&ev)) {
                        ctx.set_group(group);
                    }
                }
            >
                {offered
                    .into_iter()
                    .map(|group| view! {
                        <option value=group.name() prop:selected=move || current.get() == group>{group.label()}</option>
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
