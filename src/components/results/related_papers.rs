//! "Related papers" on an opened card: the papers most like it, each a link to its own
//! card among all papers like this one.

use leptos::prelude::*;
use paperdeck_core::labels::{MORE_LIKE_THIS, RELATED_HEADING};

use crate::state::{use_results, use_view, Results, ViewContext};

/// How many related papers an opened card lists.
const RELATED_ON_CARD: usize = 5;

/// The papers most similar to paper `index` (the core's `Catalog::related`, timed as the
/// User Timing measure `paperdeck:related`), each linking to its card in `related=ID`,
/// and a link to all of them. A card opened before the catalog has its index lists them
/// once it has.
#[component]
pub fn RelatedPapers(index: u32) -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    let index_built = results.loaded.index_built.clone();
    move || {
        index_built.track();
        related_list(ctx, &results, index)
    }
}

fn related_list(ctx: ViewContext, results: &Results, index: u32) -> AnyView {
    let catalog = &results.loaded.catalog;
    let of = catalog.paper(index).id.clone();
    let related = timed_related(&results.loaded.catalog, index);
    if related.is_empty() {
        return ().into_any();
    }
    let items = related
        .into_iter()
        .map(|i| {
            let paper = catalog.paper(i);
            let (of, id) = (of.clone(), paper.id.clone());
            let href = {
                let (of, id) = (of.clone(), id.clone());
                move || ctx.related_href(&of, Some(&id))
            };
            let open = move |ev: leptos::ev::MouseEvent| {
                ev.prevent_default();
                ctx.show_related(&of, Some(&id));
            };
            view! {
                <li data-paper-id=paper.id.clone()>
                    <a href=href on:click=open>{paper.title.clone()}</a>
                    <span class="related-date">{paper.published.display_long()}</span>
                </li>
            }
        })
        .collect_view();
    let all_href = {
        let of = of.clone();
        move || ctx.related_href(&of, None)
    };
    let show_all = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        ctx.show_related(&of, None);
    };
    view! {
        <section class="related-papers" data-testid="related-papers" aria-label=RELATED_HEADING>
            <h3>{RELATED_HEADING}</h3>
            <ol>{items}</ol>
            <a class="more-like-this" data-testid="more-like-this" href=all_href on:click=show_all>
                {MORE_LIKE_THIS}
            </a>
        </section>
    }
    .into_any()
}

fn timed_related(catalog: &paperdeck_core::Catalog, index: u32) -> Vec<u32> {
    let performance = window().performance();
    if let Some(p) = &performance {
        let _ = p.mark("paperdeck:related-start");
    }
    let related = catalog.related(index, RELATED_ON_CARD);
    if let Some(p) = &performance {
        p.clear_measures_with_measure_name("paperdeck:related");
        let _ = p.measure_with_start_mark("paperdeck:related", "paperdeck:related-start");
        p.clear_marks_with_mark_name("paperdeck:related-start");
    }
    related
}
