//! Which words of a text a query matched, so the UI can mark them (as text nodes).

use std::ops::Range;

use super::field::{Field, FieldSet};
use super::query::Query;
use super::text::for_each_word;

/// Byte ranges of `text` (a value of `field`) holding words the query's positive terms
/// match: a word starting with a one-word term, or any word of a phrase (its last word as
/// a prefix). Sorted and non-overlapping.
pub fn highlight_ranges(text: &str, query: &Query, field: Field) -> Vec<Range<usize>> {
    let terms: Vec<_> = query.positive().filter(|t| t.fields.contains(field)).collect();

    let mut out: Vec<Range<usize>> = Vec::new();
    if terms.is_empty() {
        return out;
    }
    for_each_word(text, |w, range| {
        let hit = terms.iter().any(|t| {
            let last = t.words.len() - 1;
            t.words
                .iter()
                .enumerate()
                .any(|(i, tw)| if i == last { w.starts_with(tw.as_str()) } else { w == tw })
        });
        if hit && out.last() != Some(&range) {
            out.push(range);
        }
    });
    out
}

/// Byte ranges of `text` (one value of `field`, such as one author's name) holding the
/// words of the query's positive terms that match it as the search does: a one-word term
/// a word it starts, a phrase as many consecutive words (all equal but the last, which it
/// starts). With [`Terms::Alone`], only the terms that search `field` alone (`author:…`);
/// with [`Terms::WholeWords`], every term, each matching whole words only (its last word
/// too). Sorted and non-overlapping.
pub fn match_ranges(text: &str, query: &Query, field: Field, which: Terms) -> Vec<Range<usize>> {
    let alone = which == Terms::Alone;
    let terms: Vec<_> = query
        .positive()
        .filter(|t| if alone { t.fields == FieldSet::only(field) } else { t.fields.contains(field) })
        .collect();
    if terms.is_empty() {
        return Vec::new();
    }
    let mut words: Vec<(String, Range<usize>)> = Vec::new();
    for_each_word(text, |w, range| words.push((w.to_string(), range)));
    let mut hits = vec![false; words.len()];
    for t in terms {
        let n = t.words.len();
        for start in 0..(words.len() + 1).saturating_sub(n) {
            let window = &words[start..start + n];
            let matched = window.iter().zip(&t.words).enumerate().all(|(i, ((w, _), tw))| {
                if i == n - 1 && which != Terms::WholeWords {
                    w.starts_with(tw.as_str())
                } else {
                    w == tw
                }
            });
            if matched {
                hits[start..start + n].iter_mut().for_each(|h| *h = true);
            }
        }
    }
    words.into_iter().zip(hits).filter(|(_, hit)| *hit).map(|((_, range), _)| range).collect()
}

/// Which of a query's terms [`match_ranges`] reads, and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Terms {
    /// Every positive term that searches the field, as the search matches it.
    Searching,
    /// Those that search the field alone (`author:hu`), as the search matches them.
    Alone,
    /// Every positive term that searches the field, matching whole words only.
    WholeWords,
}

/// Splits `text` into `(segment, matched)` pieces covering it in order.
pub fn highlight_segments<'a>(text: &'a str, query: &Query, field: Field) -> Vec<(&'a str, bool)> {
    split_marked(text, &highlight_ranges(text, query, field))
}

/// Splits `text` into `(segment, marked)` pieces covering it in order, `ranges` (sorted,
/// non-overlapping byte ranges on character boundaries) marked.
pub fn split_marked<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<(&'a str, bool)> {
    let mut pieces = Vec::new();
    let mut at = 0;
    for r in ranges.iter().cloned() {
        if r.start > at {
            pieces.push((&text[at..r.start], false));
        }
        pieces.push((&text[r.clone()], true));
        at = r.end;
    }
    if at < text.len() || pieces.is_empty() {
        pieces.push((&text[at..], false));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_matched_words_only() {
        let q = Query::parse("fine lora -survey title:model");
        fn marked<'a>(text: &'a str, q: &Query, field: Field) -> Vec<&'a str> {
            highlight_segments(text, q, field).into_iter().filter(|(_, m)| *m).map(|(s, _)| s).collect()
        }
        assert_eq!(marked("Fine-Tuning LoRA models, a survey", &q, Field::Title), ["Fine", "LoRA", "models"]);
        assert_eq!(marked("Fine-Tuning LoRA models, a survey", &q, Field::Abstract), ["Fine", "LoRA"]);
        assert_eq!(marked("Wölflein fine", &q, Field::Abstract), ["fine"]);
        let phrase = Query::parse("\"low rank adapt\"");
        assert_eq!(
            highlight_segments("Low-Rank Adaptation of rank", &phrase, Field::Title),
            [
                ("Low", true),
                ("-", false),
                ("Rank", true),
                (" ", false),
                ("Adaptation", true),
                (" of ", false),
                ("rank", true)
            ]
        );
        assert_eq!(highlight_segments("plain", &Query::parse(""), Field::Title), [("plain", false)]);
        assert_eq!(highlight_segments("", &q, Field::Title), [("", false)]);
    }
}
