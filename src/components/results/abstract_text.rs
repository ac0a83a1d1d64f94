//! A card's abstract, clamped with a "Show more" toggle.

use std::collections::HashSet;

use leptos::prelude::*;
use paperdeck_core::display::{abstract_needs_toggle, abstract_preview};
use paperdeck_core::Field;

use super::highlighted_text::HighlightedText;
use super::slot_paper::SlotPaper;
use crate::scoped_memo::scoped_memo;

/// The papers (by id) whose abstracts the reader expanded, kept by the list rather than by
/// a card: a new answer may give a card another paper, and an expanded abstract stays
/// expanded wherever its paper is shown.
#[derive(Clone, Copy)]
pub struct ExpandedAbstracts(RwSignal<HashSet<String>>);

impl ExpandedAbstracts {
    /// Gives the cards below one set (the list does, for all its cards).
    pub fn provide() {
        provide_context(Self(RwSignal::new(HashSet::new())));
    }

    /// The list's set, or a set of its own for a card outside a list (an embed's one card).
    fn use_or_new() -> Self {
        use_context().unwrap_or_else(|| Self(RwSignal::new(HashSet::new())))
    }
}

/// The abstract of the card's paper, clamped to a few lines, with a toggle when it is long;
/// shown whole on the opened card.
#[component]
pub fn AbstractText(paper: SlotPaper, opened: Memo<bool>) -> impl IntoView {
    // The card's memo read through one of this part's own, which leaves with it (a card's
    // paper may have an abstract and its next one not).
    let opened = scoped_memo(move |_| opened.get());
    let id = scoped_memo(move |_| paper.with(|p| p.id.clone()));
    let needs_toggle =
        scoped_memo(move |_| paper.with(|p| p.abstract_text.as_deref().is_some_and(abstract_needs_toggle)));
    let ExpandedAbstracts(expanded_ids) = ExpandedAbstracts::use_or_new();
    let expanded = scoped_memo(move |_| id.with(|id| expanded_ids.with(|e| e.contains(id))));
    let show_all = move || expanded.get() || opened.get();
    let clamped = move || needs_toggle.get() && !show_all();
    let dom_id = move || id.with(|id| format!("abstract-{id}"));
    // A clamped card renders only the abstract's start; the rest is created when the card
    // is expanded.
    let shown = scoped_memo(move |_| {
        let clamped = clamped();
        paper.with(|p| {
            let text = p.abstract_text.as_deref().unwrap_or_default();
            if clamped { abstract_preview(text) } else { text }.to_string()
        })
    });
    view! {
        <div class="abstract">
            <p id=dom_id class="abstract-text" class:clamped=clamped data-testid="abstract">
                <HighlightedText text=shown field=Field::Abstract/>
            </p>
            // Always there, hidden when the abstract is short or the card opened: a part that
            // came and went with each paper would leave its reads behind (ARCHITECTURE.md).
            <button
                type="button"
                class="abstract-toggle"
                data-testid="abstract-toggle"
                aria-controls=dom_id
                aria-expanded=move || show_all().to_string()
                on:click=move |_| {
                    if opened.get_untracked() {
                        return;
                    }
                    let id = id.get_untracked();
                    expanded_ids.update(|e| {
                        if !e.remove(&id) {
                            e.insert(id);
                        }
                    });
                }
                hidden=move || opened.get() || !needs_toggle.get()
            >
                {move || if show_all() { "Show less" } else { "Show more" }}
            </button>
        </div>
    }
}
