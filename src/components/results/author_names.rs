//! A paper's authors as names that filter by their person.

use std::ops::Range;

use leptos::prelude::*;
use paperdeck_core::display::{AuthorMarks, AuthorsLine};
use paperdeck_core::{split_marked, PersonSet};

use crate::components::widgets::marked_view::marked_view;
use crate::state::{use_results, use_view};

/// The authors line of paper `index` with at most `max_names` names (members and the
/// people the view chooses, `chosen`, always shown): each name a button that shows this
/// person's papers (`author=`), the lab's members (`highlight_authors`) in bold and
/// announced as members, a chosen person marked as a search's words are, and the words
/// of a name the query matched (`marks`) marked; a count alone when the source gave no
/// names.
#[component]
pub fn AuthorNames(index: u32, max_names: usize, chosen: PersonSet, marks: AuthorMarks) -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    let catalog = &results.loaded.catalog;
    let paper = catalog.paper(index);
    let line = AuthorsLine::of(
        paper,
        max_names,
        |name| catalog.is_member(name),
        |name| chosen.contains(name),
        &marks,
    );
    match line {
        AuthorsLine::Count(_) => AuthorsLine::of(paper, 0, |_| false, |_| false, &marks).text().into_any(),
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
                            {if author.member {
                                view! {
                                    <strong data-highlighted="">{marked_name(&name, author.chosen, &author.marks)}</strong>
                                    <span class="visually-hidden">" (lab member)"</span>
                                }
                                .into_any()
                            } else {
                                marked_name(&name, author.chosen, &author.marks)
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

/// A name, wholly marked for a chosen person, else with the words the query matched marked.
fn marked_name(name: &str, chosen: bool, marks: &[Range<usize>]) -> AnyView {
    if chosen {
        return view! { <mark>{name.to_string()}</mark> }.into_any();
    }
    let pieces: Vec<(String, bool)> =
        split_marked(name, marks).into_iter().map(|(p, m)| (p.to_string(), m)).collect();
    marked_view(&pieces)
}
