//! One paper as a row of the list layout.

use leptos::prelude::*;
use paperdeck_core::display::citations_label;
use paperdeck_core::labels::NEW_BADGE;
use paperdeck_core::Field;

use super::author_names::AuthorNames;
use super::highlighted_text::HighlightedText;
use super::slot_paper::SlotPaper;
use crate::scoped_memo::scoped_memo;
use crate::state::{use_new_papers, use_view};

/// The paper at `index` as a compact row of the list view; its title opens the card view
/// on it. Like `PaperCard`, the row stays when it is given another paper, and changes in
/// place.
#[component]
pub fn PaperRow(#[prop(into)] index: Signal<u32>) -> impl IntoView {
    let ctx = use_view();
    // Read through a memo of the card's own: the list's memo of the paper lasts as long as
    // the list item, which a card can leave (a change of layout).
    let index: Signal<u32> = scoped_memo(move |_| index.get()).into();
    let paper = SlotPaper::new(index);
    let id = scoped_memo(move |_| paper.with(|p| p.id.clone()));
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
    let href = move || id.with(|id| ctx.href_with(|v| v.open_as_card(id)));
    let open = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        ctx.open_as_card(&id.get_untracked());
    };
    view! {
        <div class="paper-row" data-testid="paper-card" data-paper-id=move || id.get() tabindex="-1" data-new=move || is_new.get().then_some("")>
            <Show when=move || is_new.get()>
                <span class="new-badge" data-testid="new-badge">{NEW_BADGE}</span>
            </Show>
            <a
                class="row-title"
                href=href
                on:click=open
            >
                <HighlightedText text=title field=Field::Title/>
            </a>
            <span class="row-meta">
                <time datetime=move || paper.with(|p| p.published.is_known().then(|| p.published.to_string()))>
                    {move || paper.with(|p| p.published.display_long())}
                </time>
                " · "
                {move || view! { <AuthorNames index=index.get() max_names=1 chosen=chosen.get() marks=author_marks.get()/> }}
                {move || paper.with(|p| p.venue_short.clone()).map(|v| view! { " · " <span class="venue-badge static">{v}</span> })}
                {move || paper.with(|p| (p.upvotes > 0).then(|| format!(" · ▲ {}", p.upvotes)))}
                {move || paper.with(|p| p.citations.map(|n| format!(" · {}", citations_label(n))))}
            </span>
        </div>
    }
}
