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
