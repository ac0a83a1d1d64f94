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
use super::slot_paper::SlotPaper;
use crate::scoped_memo::scoped_memo;
use crate::state::{use_new_papers, use_view};

/// How many author names a card shows before "+N".
const MAX_AUTHOR_NAMES: usize = 3;

/// The paper at `index`. Every string from the data is rendered as a text node, never as
/// HTML. The opened card (`?paper=ID`) shows everything; `PaperList` scrolls it into view.
///
/// The card stays when `index` changes (a new answer gave it another paper): each part
/// reads the paper itself and changes in place, and the parts a paper may lack (the venue
/// line, upvotes, the abstract) come and go.
#[component]
pub fn PaperCard(#[prop(into)] index: Signal<u32>) -> impl IntoView {
    let ctx = use_view();
    // Read through a memo of the card's own: the list's memo of the paper lasts as long as
    // the list item, which a card can leave (a change of layout).
    let index: Signal<u32> = scoped_memo(move |_| index.get()).into();
    let paper = SlotPaper::new(index);
    let id = scoped_memo(move |_| paper.with(|p| p.id.clone()));
    let opened = scoped_memo(move |_| id.with(|id| ctx.is_open(id)));
    // The people the `author` filter chooses, shown on the authors line wherever they are.
    let chosen = scoped_memo(move |_| ctx.chosen_people());
    // The names the query matched, marked (and shown, for an `author:` search).
    let author_marks = paper.author_marks();
    let news = use_new_papers().new;
    let is_new = scoped_memo(move |_| {
        let index = index.get();
        news.with(|n| n.is_new(index))
    });
    let title = scoped_memo(move |_| paper.with(|p| p.title.clone()));
    let has_abstract = scoped_memo(move |_| paper.with(|p| p.abstract_text.is_some()));
    let open_href = move || id.with(|id| ctx.card_href(id, opened.get()));
    let toggle_open = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        ctx.toggle_paper(&id.get_untracked());
    };
    view! {
        <article
            class="paper-card"
            class:opened=move || opened.get()
            data-testid="paper-card"
            data-paper-id=move || id.get()
            tabindex="-1"
            data-new=move || is_new.get().then_some("")
        >
            <Show when=move || is_new.get()>
                <p class="new-badge" data-testid="new-badge">{NEW_BADGE}</p>
            </Show>
            <h2 class="paper-title">
                <a href=open_href on:click=toggle_open aria-expanded=move || opened.get().to_string()>
                    <HighlightedText text=title field=Field::Title/>
                </a>
            </h2>
            <p class="paper-meta">
                <time datetime=move || paper.with(|p| p.published.is_known().then(|| p.published.to_string()))>
                    {move || paper.with(|p| p.published.display_long())}
                </time>
                <span class="sep" aria-hidden="true">"·"</span>
                <span class="authors" title=move || paper.with(all_authors)>
                    {move || {
                        let max_names = if opened.get() { usize::MAX } else { MAX_AUTHOR_NAMES };
                        view! { <AuthorNames index=index.get() max_names chosen=chosen.get() marks=author_marks.get()/> }
                    }}
                </span>
                {move || {
                    let upvotes = paper.with(|p| p.upvotes);
                    (upvotes > 0).then(|| view! {
                        <span class="sep" aria-hidden="true">"·"</span>
                        <span class="upvotes" title="Upvotes">
                            <span aria-hidden="true">"▲ "</span>{upvotes}
                            <span class="visually-hidden">{format!(" {}", upvotes_unit(upvotes))}</span>
                        </span>
                    })
                }}
                {move || paper.with(|p| p.citations).map(|n| view! {
                    <span class="sep" aria-hidden="true">"·"</span>
                    <span class="citations" data-testid="citations">{citations_label(n)}</span>
                })}
            </p>
            // On a line of its own: venues are often long, and a wrapped one would leave
            // a dangling separator.
            {move || venue_line(paper)}
            {move || has_abstract.get().then(|| view! { <AbstractText paper opened/> })}
            {move || view! { <PaperLinks links=paper.with(|p| p.links.clone())/> }}
            {move || opened.get().then(|| {
                let index = index.get();
                view! {
                    <CitePanel index/>
                    <RelatedPapers index/>
                }
            })}
        </article>
    }
}

/// The venue badge (a button that filters by it), the kind and the venue in full, when the
/// paper has any of them.
fn venue_line(paper: SlotPaper) -> Option<impl IntoView> {
    let ctx = use_view();
    let (short, full, kind) = paper.with(|p| {
        let (short, full) = venue_parts(p);
        (short.map(String::from), full.map(String::from), p.kind)
    });
    (short.is_some() || full.is_some() || kind.is_some()).then(|| {
        view! {
            <p class="paper-venue">
                {short.map(|short| {
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
                {full.map(|v| view! { <span class="venue">{v}</span> })}
            </p>
        }
    })
}
