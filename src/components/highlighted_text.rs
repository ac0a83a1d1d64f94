use std::ops::Range;

use leptos::prelude::*;
use paperdeck_core::{highlight_ranges, Field};

use super::explorer::use_results;

/// Text with the words the query matched wrapped in `<mark>`. Every piece is a text node.
/// The DOM changes only when the matched ranges do, not on every keystroke.
#[component]
pub fn HighlightedText(text: String, field: Field) -> impl IntoView {
    let query = use_results().query;
    let ranges = {
        let text = text.clone();
        Memo::new(move |_| query.with(|q| highlight_ranges(&text, q, field)))
    };
    move || ranges.with(|r| pieces(&text, r))
}

fn pieces(text: &str, ranges: &[Range<usize>]) -> AnyView {
    if ranges.is_empty() {
        return text.to_string().into_any();
    }
    let mut views = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for r in ranges {
        if r.start > at {
            views.push(text[at..r.start].to_string().into_any());
        }
        views.push(view! { <mark>{text[r.clone()].to_string()}</mark> }.into_any());
        at = r.end;
    }
    if at < text.len() {
        views.push(text[at..].to_string().into_any());
    }
    views.into_any()
}
