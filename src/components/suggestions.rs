use leptos::prelude::*;

use super::explorer::use_results;
use crate::url_sync::{use_view, History, ViewContext};

/// When nothing matches: say so, and offer corrected queries as links.
#[component]
pub fn Suggestions() -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    move || {
        let (empty, suggestions) = results.result.with(|r| (r.ids.is_empty(), r.suggestions.clone()));
        empty.then(|| {
            let links: Vec<_> = suggestions
                .into_iter()
                .map(|q| {
                    let target =
                        ctx.view.with(|v| paperdeck_core::ViewState { query: q.clone(), ..v.clone() });
                    let href = ViewContext::href_for(&target);
                    let query = q.clone();
                    view! {
                        <li>
                            <a
                                href=href
                                data-testid="suggestion"
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    let query = query.clone();
                                    ctx.update(History::Push, |v| v.query = query);
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
                    <p>"No papers match this search."</p>
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
