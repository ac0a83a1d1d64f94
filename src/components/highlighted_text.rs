use leptos::prelude::*;
use paperdeck_core::{highlight_segments, Field};

use super::explorer::use_results;

/// Text with the words the query matched wrapped in `<mark>`. Every piece is a text node.
#[component]
pub fn HighlightedText(text: String, field: Field) -> impl IntoView {
    let query = use_results().query;
    move || {
        query.with(|q| {
            highlight_segments(&text, q, field)
                .into_iter()
                .map(|(piece, matched)| {
                    let piece = piece.to_string();
                    if matched {
                        view! { <mark>{piece}</mark> }.into_any()
                    } else {
                        piece.into_any()
                    }
                })
                .collect_view()
        })
    }
}
