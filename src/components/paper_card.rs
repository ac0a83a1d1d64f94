use leptos::prelude::*;
use paperdeck_core::display::{all_authors, AuthorsLine};
use paperdeck_core::Field;

use super::abstract_text::AbstractText;
use super::explorer::use_results;
use super::highlighted_text::HighlightedText;
use super::paper_links::PaperLinks;
use crate::url_sync::{use_view, History};

/// How many author names a card shows before "+N".
const MAX_AUTHOR_NAMES: usize = 3;

/// One paper. Every string from the data is rendered as a text node, never as HTML.
/// The opened card (`?paper=ID`) shows everything; `PaperList` scrolls it into view.
#[component]
pub fn PaperCard(index: u32) -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    let loaded = results.loaded.clone();
    let paper = loaded.catalog.paper(index);
    let id = paper.id.clone();
    let opened = {
        let id = id.clone();
        Memo::new(move |_| ctx.view.with(|v| v.paper.as_deref() == Some(id.as_str())))
    };
    let authors_short = AuthorsLine::of(paper, MAX_AUTHOR_NAMES).text();
    let authors_full = all_authors(paper);
    let authors_title = authors_full.clone();
    let upvotes = paper.upvotes;
    let open_href = {
        let id = id.clone();
        move || ctx.href_toggling(&id, opened.get())
    };
    let toggle_open = {
        let id = id.clone();
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            let now = !opened.get_untracked();
            let id = id.clone();
            ctx.update(History::Push, |v| v.paper = now.then_some(id));
        }
    };
    view! {
        <article
            class="paper-card"
            class:opened=move || opened.get()
            data-testid="paper-card"
            data-paper-id=id.clone()
        >
            <h2 class="paper-title">
                <a href=open_href on:click=toggle_open aria-expanded=move || opened.get().to_string()>
                    <HighlightedText text=paper.title.clone() field=Field::Title/>
                </a>
            </h2>
            <p class="paper-meta">
                <time datetime=paper.published.is_known().then(|| paper.published.to_string())>{paper.published.display_long()}</time>
                <span class="sep" aria-hidden="true">"·"</span>
                <span class="authors" title=authors_title>
                    {move || if opened.get() { authors_full.clone().unwrap_or_else(|| authors_short.clone()) } else { authors_short.clone() }}
                </span>
                {(upvotes > 0).then(|| view! {
                    <span class="sep" aria-hidden="true">"·"</span>
                    <span class="upvotes" title="Upvotes">
                        <span aria-hidden="true">"▲ "</span>{upvotes}
                        <span class="visually-hidden">{if upvotes == 1 { " upvote" } else { " upvotes" }}</span>
                    </span>
                })}
            </p>
            // On a line of its own: venues are often long, and a wrapped one would leave
            // a dangling separator.
            {paper.venue.clone().map(|v| view! { <p class="paper-venue"><span class="venue">{v}</span></p> })}
            {paper.abstract_text.clone().map(|text| view! { <AbstractText paper_id=paper.id.clone() text opened/> })}
            <PaperLinks links=paper.links.clone()/>
        </article>
    }
}
