//! Text folding shared by ids and search.

// Generated and checked by tests/fold_table.rs; rustfmt would reflow it.
#[rustfmt::skip]
mod fold_table;

use fold_table::{MARKS, RUN_FIRST, RUN_SPAN, RUN_TARGET, STRINGS, STRING_ENDS, STRING_KEYS};

mod words;
pub use words::{for_each_word, words};

/// Folds text for comparison: Unicode NFKD, combining marks removed, lowercased.
/// `"Wölflein"` folds to `"wolflein"`, `"ﬁne"` to `"fine"`.
///
/// Character by character, from a generated table (`text/fold_table.rs`) instead of the
/// `unicode-normalization` crate, whose tables were 65 KB of the gzipped wasm;
/// `tests/fold_table.rs` checks every character against the crate.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Appends `s` folded (as [`fold`]) to `out`: a caller folding many short values into one
/// reused buffer allocates nothing per value.
pub(crate) fn fold_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        let at = out.len();
        out.push_str(s);
        out[at..].make_ascii_lowercase();
        return;
    }
    out.reserve(s.len());
    for c in s.chars() {
        fold_char(c, out);
    }
}

/// The first 8 bytes of `s` as one number, big-endian and padded with zeros: where two
/// numbers differ, they order as the strings do; equal numbers say nothing of the bytes
/// after. Sorts of many strings compare these from one array first, and the strings,
/// which lie all over the heap, only on a tie.
pub(crate) fn first_bytes(s: &str) -> u64 {
    let mut bytes = [0u8; 8];
    let b = &s.as_bytes()[..s.len().min(8)];
    bytes[..b.len()].copy_from_slice(b);
    u64::from_be_bytes(bytes)
}

/// Appends what `c` folds to.
fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let code = c as u32;
    if is_combining_mark(c) {
        return;
    }
    // Hangul syllables decompose to their jamo by arithmetic (Unicode §3.12).
    if (0xAC00..=0xD7A3).contains(&code) {
        let s = code - 0xAC00;
        let (l, v, t) = (0x1100 + s / 588, 0x1161 + (s % 588) / 28, s % 28);
        for jamo in [Some(l), Some(v), (t > 0).then_some(0x11A7 + t)].into_iter().flatten() {
            out.extend(char::from_u32(jamo));
        }
        return;
    }
    let run = RUN_FIRST.partition_point(|&first| first <= code);
    if let Some(i) = run.checked_sub(1) {
        let (k, span) = (code - RUN_FIRST[i], u32::from(RUN_SPAN[i]));
        if k < span >> 1 {
            out.extend(char::from_u32(RUN_TARGET[i] + (span & 1) * k));
            return;
        }
    }
    if let Ok(i) = STRING_KEYS.binary_search(&code) {
        let start = if i == 0 { 0 } else { usize::from(STRING_ENDS[i - 1]) };
        out.push_str(&STRINGS[start..usize::from(STRING_ENDS[i])]);
        return;
    }
    out.extend(c.to_lowercase());
}

/// Whether `c` is a combining mark (General_Category M).
fn is_combining_mark(c: char) -> bool {
    let code = c as u32;
    let i = MARKS.partition_point(|&(first, _)| first <= code);
    i > 0 && code <= MARKS[i - 1].1
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
