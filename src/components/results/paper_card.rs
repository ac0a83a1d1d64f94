//! One paper as a card.

use leptos::prelude::*;
use paperdeck_core::display::{all_authors, citations_label, upvotes_unit, venue_parts};
use paperdeck_core::labels::NEW_BADGE;
use paperdeck_core::{Field, ValueFacet};

use super::abstract_text::AbstractText;
use super::author_names::AuthorNames;
use super::cite_panel::CitePanel;
use super::highlighted_text::HighlightedText;
use super::paper_links::PaperLinks;
use super::related_papers::RelatedPapers;
use crate::scoped_memo::scoped_memo;
use crate::state::{use_new_papers, use_results, use_view};

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
        scoped_memo(move |_| ctx.is_open(&id))
    };
    let news = use_new_papers().new;
    let is_new = scoped_memo(move |_| news.with(|n| n.is_new(index)));
    let authors_title = all_authors(paper);
    let upvotes = paper.upvotes;
    let citations = paper.citations;
    let kind = paper.kind;
    let (venue_short, venue_full) = venue_parts(paper);
    let (venue_short, venue_full) = (venue_short.map(String::from), venue_full.map(String::from));
    let open_href = {
        let id = id.clone();
        move || ctx.card_href(&id, opened.get())
    };
    let toggle_open = {
        let id = id.clone();
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            ctx.toggle_paper(&id);
        }
    };
    view! {
        <article
            class="paper-card"
            class:opened=move || opened.get()
            data-testid="paper-card"
            data-paper-id=id.clone()
            tabindex="-1"
            data-new=move || is_new.get().then_some("")
        >
            <Show when=move || is_new.get()>
                <p class="new-badge" data-testid="new-badge">{NEW_BADGE}</p>
            </Show>
            <h2 class="paper-title">
                <a href=open_href on:click=toggle_open aria-expanded=move || opened.get().to_string()>
                    <HighlightedText text=paper.title.clone() field=Field::Title/>
                </a>
            </h2>
            <p class="paper-meta">
                <time datetime=paper.published.is_known().then(|| paper.published.to_string())>{paper.published.display_long()}</time>
                <span class="sep" aria-hidden="true">"·"</span>
                <span class="authors" title=authors_title>
                    {move || view! { <AuthorNames index max_names=if opened.get() { usize::MAX } else { MAX_AUTHOR_NAMES }/> }}
                </span>
                {(upvotes > 0).then(|| view! {
                    <span class="sep" aria-hidden="true">"·"</span>
                    <span class="upvotes" title="Upvotes">
                        <span aria-hidden="true">"▲ "</span>{upvotes}
                        <span class="visually-hidden">{format!(" {}", upvotes_unit(upvotes))}</span>
                    </span>
                })}
                {citations.map(|n| view! {
                    <span class="sep" aria-hidden="true">"·"</span>
                    <span class="citations" data-testid="citations">{citations_label(n)}</span>
                })}
            </p>
            // On a line of its own: venues are often long, and a wrapped one would leave
            // a dangling separator.
            {(venue_full.is_some() || venue_short.is_some() || kind.is_some()).then(|| view! {
                <p class="paper-venue">
                    {venue_short.clone().map(|short| {
                        let filter = short.clone();
                        view! {
                            <button
                                type="button"
                                class="venue-badge"
                                data-testid="venue-badge"
                                title=format!("Papers at {short}")
                                aria-label=format!("Papers at {short}")
                                on:click=move |_| ctx.toggle_value(ValueFacet::Venue, &filter)
                            >
                                {short.clone()}
                            </button>
                        }
                    })}
                    {kind.map(|k| view! { <span class="kind" data-kind=k.name()>{k.label()}</span> })}
                    {venue_full.clone().map(|v| view! { <span class="venue">{v}</span> })}
                </p>
            })}
            {paper.abstract_text.clone().map(|text| view! { <AbstractText paper_id=paper.id.clone() text opened/> })}
            <PaperLinks links=paper.links.clone()/>
            <Show when=move || opened.get()>
                <CitePanel index/>
                <RelatedPapers index/>
            </Show>
        </article>
    }
}
