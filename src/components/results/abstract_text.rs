//! A card's abstract, clamped with a "Show more" toggle.

use leptos::prelude::*;
use paperdeck_core::display::{abstract_needs_toggle, abstract_preview};
use paperdeck_core::Field;

use super::highlighted_text::HighlightedText;

/// An abstract clamped to a few lines, with a toggle when it is long; shown whole on the
/// opened card.
#[component]
pub fn AbstractText(paper_id: String, text: String, opened: Memo<bool>) -> impl IntoView {
    let needs_toggle = abstract_needs_toggle(&text);
    let expanded = RwSignal::new(false);
    let show_all = move || expanded.get() || opened.get();
    let dom_id = format!("abstract-{paper_id}");
    view! {
        <div class="abstract">
            <p
                id=dom_id.clone()
                class="abstract-text"
                class:clamped=move || needs_toggle && !show_all()
                data-testid="abstract"
            >
                {move || {
                    // A clamped card renders only the abstract's start; the rest is
                    // created when the card is expanded.
                    let shown = if needs_toggle && !show_all() { abstract_preview(&text).to_string() } else { text.clone() };
                    view! { <HighlightedText text=shown field=Field::Abstract/> }
                }}
            </p>
            {needs_toggle.then(|| view! {
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
                        expanded.update(|e| *e = !*e)
                    }
                    hidden=move || opened.get()
                >
                    {move || if show_all() { "Show less" } else { "Show more" }}
                </button>
            })}
        </div>
    }
}
