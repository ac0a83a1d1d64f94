use std::sync::Arc;

use leptos::prelude::*;
use paperdeck_core::display::AuthorsLine;

use super::abstract_text::AbstractText;
use super::paper_links::PaperLinks;
use crate::load::Loaded;

/// How many author names a card shows before "+N".
const MAX_AUTHOR_NAMES: usize = 3;

/// One paper. Every string from the data is rendered as a text node, never as HTML.
#[component]
pub fn PaperCard(loaded: Arc<Loaded>, index: u32) -> impl IntoView {
    let paper = loaded.catalog.paper(index);
    let authors = AuthorsLine::of(paper, MAX_AUTHOR_NAMES);
    let authors_full = paper.authors.as_ref().map(|a| a.join(", "));
    let upvotes = paper.upvotes;
    view! {
        <article class="paper-card" data-testid="paper-card" data-paper-id=paper.id.clone()>
            <h2 class="paper-title">{paper.title.clone()}</h2>
            <p class="paper-meta">
                <time datetime=paper.published.to_string()>{paper.published.display_long()}</time>
                <span class="sep" aria-hidden="true">"·"</span>
                <span class="authors" title=authors_full>{authors.text()}</span>
                {(upvotes > 0).then(|| view! {
                    <span class="sep" aria-hidden="true">"·"</span>
                    <span class="upvotes" title="Upvotes on Hugging Face">
                        <span aria-hidden="true">"▲ "</span>{upvotes}
                        <span class="visually-hidden">{if upvotes == 1 { " upvote" } else { " upvotes" }}</span>
                    </span>
                })}
                {paper.venue.clone().map(|v| view! {
                    <span class="sep" aria-hidden="true">"·"</span>
                    <span class="venue">{v}</span>
                })}
            </p>
            {paper.abstract_text.clone().map(|text| view! { <AbstractText paper_id=paper.id.clone() text/> })}
            <PaperLinks links=paper.links.clone()/>
        </article>
    }
}
