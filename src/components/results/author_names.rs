//! A paper's authors as names that filter by their person.

use leptos::prelude::*;
use paperdeck_core::display::AuthorsLine;
use paperdeck_core::PersonSet;

use crate::state::{use_results, use_view};

/// The authors line of paper `index` with at most `max_names` names (members and the
/// people the view chooses, `chosen`, always shown): each name a button that shows this
/// person's papers (`author=`), the lab's members (`highlight_authors`) in bold and
/// announced as members, a chosen person marked as a search's words are; a count alone
/// when the source gave no names.
#[component]
pub fn AuthorNames(index: u32, max_names: usize, chosen: PersonSet) -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    let catalog = &results.loaded.catalog;
    let paper = catalog.paper(index);
    match AuthorsLine::of(paper, max_names, |name| catalog.is_member(name), |name| chosen.contains(name)) {
        AuthorsLine::Count(_) => AuthorsLine::of(paper, 0, |_| false, |_| false).text().into_any(),
        AuthorsLine::Names { shown, more, incomplete } => {
            let last = shown.len().saturating_sub(1);
            let names = shown
                .into_iter()
                .enumerate()
                .map(|(i, author)| {
                    let name = author.name.to_string();
                    let filter = name.clone();
                    let label = format!("Papers by {name}");
                    let button = view! {
                        <button
                            type="button"
                            class="author-name"
                            data-author=name.clone()
                            title=label
                            on:click=move |_| ctx.toggle_person(&filter)
                        >
                            {match (author.member, author.chosen) {
                                (true, chosen) => view! {
                                    <strong data-highlighted="">
                                        {if chosen { view! { <mark>{name.clone()}</mark> }.into_any() } else { name.clone().into_any() }}
                                    </strong>
                                    <span class="visually-hidden">" (lab member)"</span>
                                }
                                .into_any(),
                                (false, true) => view! { <mark>{name.clone()}</mark> }.into_any(),
                                (false, false) => name.clone().into_any(),
                            }}
                        </button>
                    };
                    // The name and its comma hold together: a button is an atomic
                    // inline, which a line may otherwise break after, leaving ", " to
                    // start the next line.
                    view! {
                        {author.after_gap.then_some("…, ")}
                        <span class="author-item">{button}{(i < last).then_some(",")}</span>
                        {(i < last).then_some(" ")}
                    }
                })
                .collect_view();
            view! {
                {names}
                {(more > 0).then(|| format!(" +{more}"))}
                {incomplete.then_some(" et al.")}
            }
            .into_any()
        }
    }
}
