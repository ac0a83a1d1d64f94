//! Text folding shared by ids and (later) search.

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// Folds text for comparison: Unicode NFKD, combining marks removed, lowercased.
/// `"Wölflein"` folds to `"wolflein"`, `"ﬁne"` to `"fine"`.
pub fn fold(s: &str) -> String {
    s.nfkd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_accents_ligatures_and_case() {
        for (input, expect) in [
            ("Wölflein", "wolflein"),
            ("ﬁne-Tuning", "fine-tuning"),
            ("Ångström ÉCOLE", "angstrom ecole"),
            ("GPT-3.5", "gpt-3.5"),
            ("", ""),
        ] {
            assert_eq!(fold(input), expect, "input {input:?}");
        }
    }
}

/// The words of `text` for search: maximal runs of alphanumeric characters after folding.
/// Calls `f(word, range)` for each, where `range` is the byte range in `text` of the
/// original run the word came from (for highlighting). "Fine-Tuning" gives `fine`,
/// `tuning`; "GPT-3.5" gives `gpt`, `3`, `5`; "Wölflein" gives `wolflein`.
pub fn for_each_word(text: &str, mut f: impl FnMut(&str, std::ops::Range<usize>)) {
    let mut folded = String::new();
    let mut start = None;
    // A run of the original text: alphanumerics and combining marks (a decomposed "ö").
    let in_run = |c: char| c.is_alphanumeric() || is_combining_mark(c);
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (start, in_run(c) && i < text.len()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                emit_run(&text[s..i], s..i, &mut folded, &mut f);
                start = None;
            }
            _ => {}
        }
    }
}

fn emit_run(
    run: &str,
    range: std::ops::Range<usize>,
    folded: &mut String,
    f: &mut impl FnMut(&str, std::ops::Range<usize>),
) {
    if run.bytes().all(|b| b.is_ascii_alphanumeric()) {
        folded.clear();
        folded.extend(run.bytes().map(|b| b.to_ascii_lowercase() as char));
        f(folded, range);
        return;
    }
    // Folding can split a run ("½" becomes "1⁄2"): emit each alphanumeric piece.
    let whole = fold(run);
    for piece in whole.split(|c: char| !c.is_alphanumeric()).filter(|p| !p.is_empty()) {
        f(piece, range.clone());
    }
}

/// The folded words of `text`, in order.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |w, _| out.push(w.to_string()));
    out
}

#[cfg(test)]
mod word_tests {
    use super::words;

    #[test]
    fn words_are_folded_alphanumeric_runs() {
        for (text, expect) in [
            ("Fine-Tuning", vec!["fine", "tuning"]),
            ("GPT-3.5", vec!["gpt", "3", "5"]),
            ("Wölflein", vec!["wolflein"]),
            ("Wo\u{308}lflein", vec!["wolflein"]),
            ("LLaMA-70B on $60 GPUs!", vec!["llama", "70b", "on", "60", "gpus"]),
            ("<think> tokens", vec!["think", "tokens"]),
            ("ﬁne ½", vec!["fine", "1", "2"]),
            ("深度 学习", vec!["深度", "学习"]),
            ("", vec![]),
        ] {
            assert_eq!(words(text), expect, "text {text:?}");
        }
    }
}
