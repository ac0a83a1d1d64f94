//! Text with some of its pieces marked, as text nodes (never HTML).

use leptos::prelude::*;

/// Text pieces, each `(text, marked)`, the marked ones in `<mark>`; one unmarked piece is a
/// lone text node.
pub fn marked_view(pieces: &[(String, bool)]) -> AnyView {
    match pieces {
        [(text, false)] => text.clone().into_any(),
        pieces => pieces
            .iter()
            .map(|(text, marked)| {
                if *marked {
                    view! { <mark>{text.clone()}</mark> }.into_any()
                } else {
                    text.clone().into_any()
                }
            })
            .collect::<Vec<_>>()
            .into_any(),
    }
}
