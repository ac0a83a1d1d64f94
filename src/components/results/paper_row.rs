//! One paper as a row of the list layout.

use leptos::prelude::*;
use paperdeck_core::display::citations_label;
use paperdeck_core::labels::NEW_BADGE;
use paperdeck_core::Field;

use super::author_names::AuthorNames;
use super::highlighted_text::HighlightedText;
use crate::scoped_memo::scoped_memo;
use crate::state::{use_new_papers, use_results, use_view};

/// One paper as a compact row of the list view; its title opens the card view on it.
#[component]
pub fn PaperRow(index: u32) -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    let paper = results.loaded.catalog.paper(index);
    let id = paper.id.clone();
    let news = use_new_papers().new;
    let is_new = scoped_memo(move |_| news.with(|n| n.is_new(index)));
    let href = {
        let id = id.clone();
        move || ctx.href_with(|v| v.open_as_card(&id))
    };
    let open = {
        let id = id.clone();
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            ctx.open_as_card(&id);
        }
    };
    view! {
        <div class="paper-row" data-testid="paper-card" data-paper-id=id.clone() tabindex="-1" data-new=move || is_new.get().then_some("")>
            <Show when=move || is_new.get()>
                <span class="new-badge" data-testid="new-badge">{NEW_BADGE}</span>
            </Show>
            <a
                class="row-title"
                href=href
                on:click=open
            >
                <HighlightedText text=paper.title.clone() field=Field::Title/>
            </a>
            <span class="row-meta">
                <time datetime=paper.published.is_known().then(|| paper.published.to_string())>{paper.published.display_long()}</time>
                " · "
                <AuthorNames index max_names=1/>
                {paper.venue_short.clone().map(|v| view! { " · " <span class="venue-badge static">{v}</span> })}
                {(paper.upvotes > 0).then(|| format!(" · ▲ {}", paper.upvotes))}
                {paper.citations.map(|n| format!(" · {}", citations_label(n)))}
            </span>
        </div>
    }
}
