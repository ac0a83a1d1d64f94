use leptos::prelude::*;
use paperdeck_core::display::AuthorsLine;
use paperdeck_core::Field;

use super::explorer::use_results;
use super::highlighted_text::HighlightedText;
use crate::url_sync::{use_view, History, ViewContext};

/// One paper as a compact row of the list view; its title opens the card view on it.
#[component]
pub fn PaperRow(index: u32) -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    let paper = results.loaded.catalog.paper(index);
    let id = paper.id.clone();
    let target = {
        let id = id.clone();
        move |v: &paperdeck_core::ViewState| {
            let mut t = v.clone();
            t.paper = Some(id.clone());
            t.view = paperdeck_core::ViewMode::Cards;
            t
        }
    };
    let href = {
        let target = target.clone();
        move || ctx.view.with(|v| ViewContext::href_for(&target(v)))
    };
    view! {
        <div class="paper-row" data-testid="paper-card" data-paper-id=id.clone()>
            <a
                class="row-title"
                href=href
                on:click=move |ev| {
                    ev.prevent_default();
                    let next = ctx.view.with_untracked(|v| target(v));
                    ctx.update(History::Push, |v| *v = next);
                }
            >
                <HighlightedText text=paper.title.clone() field=Field::Title/>
            </a>
            <span class="row-meta">
                <time datetime=paper.published.is_known().then(|| paper.published.to_string())>{paper.published.display_long()}</time>
                " · "
                {AuthorsLine::of(paper, 1).text()}
                {(paper.upvotes > 0).then(|| format!(" · ▲ {}", paper.upvotes))}
            </span>
        </div>
    }
}
