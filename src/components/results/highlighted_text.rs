//! Text with the query's matches marked.

use leptos::prelude::*;
use paperdeck_core::{highlight_segments, Field};

use crate::components::widgets::marked_view::marked_view;
use crate::scoped_memo::scoped_memo;
use crate::state::use_results;

/// Text with the words the query matched wrapped in `<mark>` (the core's
/// `highlight_segments`). Every piece is a text node. The DOM changes only when the
/// pieces do, not on every keystroke, and then in place: a text that stays one piece keeps
/// its text node, and only its characters change.
#[component]
pub fn HighlightedText(#[prop(into)] text: Signal<String>, field: Field) -> impl IntoView {
    let query = use_results().query;
    let segments = scoped_memo(move |_| {
        text.with(|text| {
            query.with(|q| {
                highlight_segments(text, q, field)
                    .into_iter()
                    .map(|(s, marked)| (s.to_string(), marked))
                    .collect::<Vec<_>>()
            })
        })
    });
    move || segments.with(|pieces| marked_view(pieces))
}
