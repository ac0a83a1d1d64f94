//! "No papers match", with "did you mean" links.

use leptos::prelude::*;
use paperdeck_core::labels::{missing_field_note, no_results_message};
use paperdeck_core::{Has, ValueFacet};

use crate::state::{use_results, use_view};

/// When nothing matches: say so, and offer corrected queries as links.
#[component]
pub fn Suggestions() -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    let catalog = &results.loaded.catalog;
    let (names, abstracts) = (catalog.has_values(ValueFacet::Author), catalog.offers_has(Has::Abstract));
    move || {
        let (empty, suggestions) = results.result.with(|r| (r.ids.is_empty(), r.suggestions.clone()));
        empty.then(|| {
            // From the view signal, not a lasting memo (the block comes and goes): two empty
            // answers are equal, so the answer alone would not say that the search changed.
            let message = move || ctx.view.with(no_results_message);
            let note = move || ctx.view.with(|v| missing_field_note(&v.query, names, abstracts));
            let links: Vec<_> = suggestions
                .into_iter()
                .map(|q| {
                    let href = {
                        let q = q.clone();
                        ctx.href_with(|v| v.query = q)
                    };
                    let query = q.clone();
                    view! {
                        <li>
                            <a
                                href=href
                                data-testid="suggestion"
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    ctx.apply_suggestion(query.clone());
                                }
                            >
                                {q}
                            </a>
                        </li>
                    }
                })
                .collect();
            let has_links = !links.is_empty();
            view! {
                <div class="no-results" data-testid="no-results">
                    <p>{message}</p>
                    {move || note().map(|n| view! { <p class="missing-field" data-testid="missing-field">{n}</p> })}
                    {has_links.then(|| view! {
                        <div class="did-you-mean">
                            <p>"Did you mean:"</p>
                            <ul>{links}</ul>
                        </div>
                    })}
                </div>
            }
        })
    }
}
