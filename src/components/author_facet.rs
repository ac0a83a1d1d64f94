use leptos::prelude::*;
use paperdeck_core::AUTHOR_BUCKETS;

use super::explorer::use_results;
use crate::url_sync::{use_view, History};

/// Author-count buckets (1, 2–3, 4–6, 7–10, 11+) with their counts.
#[component]
pub fn AuthorFacet() -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    let labels = ["1", "2–3", "4–6", "7–10", "11+"];
    view! {
        <fieldset class="facet">
            <legend>"Authors"</legend>
            <ul class="facet-list" data-testid="author-facet">
                {AUTHOR_BUCKETS
                    .into_iter()
                    .zip(labels)
                    .enumerate()
                    .map(|(k, (range, label))| {
                        let active = move || ctx.view.with(|v| v.authors == range);
                        let count = move || results.result.with(|r| r.facets.authors[k]);
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="facet-option"
                                    class:empty=move || count() == 0
                                    aria-pressed=move || active().to_string()
                                    data-authors=range.to_string()
                                    on:click=move |_| {
                                        let on = !active();
                                        ctx.update(History::Push, |v| v.authors = if on { range } else { Default::default() })
                                    }
                                >
                                    <span>{label}</span>
                                    <span class="facet-count">{count}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="facet-note">
                {move || ctx.view.with(|v| {
                    (!v.authors.is_any() && !AUTHOR_BUCKETS.contains(&v.authors))
                        .then(|| format!("Showing papers with {} authors", v.authors))
                })}
            </p>
        </fieldset>
    }
}
