//! Text folding shared by ids and search.

// Generated and checked by tests/fold_table.rs; rustfmt would reflow it.
#[rustfmt::skip]
mod fold_table;

use fold_table::{MARKS, RUN_FIRST, RUN_SPAN, RUN_TARGET, STRINGS, STRING_ENDS, STRING_KEYS};

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

/// The words of `text` for search: maximal runs of alphanumeric characters after folding.
/// Calls `f(word, range)` for each, where `range` is the byte range in `text` of the
/// original run the word came from (for highlighting). "Fine-Tuning" gives `fine`,
/// `tuning`; "GPT-3.5" gives `gpt`, `3`, `5`; "Wölflein" gives `wolflein`.
///
/// This runs over every word of every paper when the index is built, so ASCII text takes
/// a byte-level path and a lowercase ASCII word is passed without copying.
pub fn for_each_word(text: &str, mut f: impl FnMut(&str, std::ops::Range<usize>)) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut buf = String::new();
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        if b < 128 && ASCII_WORD[b as usize] == 0 {
            i += 1;
            continue;
        }
        let start = i;
        let (mut ascii, mut lower) = (true, true);
        while i < n {
            let b = bytes[i];
            if b < 128 {
                match ASCII_WORD[b as usize] {
                    0 => break,
                    2 => lower = false,
                    _ => {}
                }
                i += 1;
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                if !(c.is_alphanumeric() || is_combining_mark(c)) {
                    break;
                }
                ascii = false;
                i += c.len_utf8();
            }
        }
        if i == start {
            // A non-ASCII character that is not part of a word.
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        emit_run(text, start..i, ascii, lower, &mut buf, &mut f);
    }
}

/// For each ASCII byte: 0 not part of a word, 1 a lowercase letter or digit, 2 uppercase.
const ASCII_WORD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'a'..=b'z' | b'0'..=b'9' => 1,
            b'A'..=b'Z' => 2,
            _ => 0,
        };
        b += 1;
    }
    t
};

fn emit_run(
    text: &str,
    range: std::ops::Range<usize>,
    ascii: bool,
    lower: bool,
    buf: &mut String,
    f: &mut impl FnMut(&str, std::ops::Range<usize>),
) {
    let run = &text[range.clone()];
    if ascii && lower {
        f(run, range);
    } else if ascii {
        buf.clear();
        buf.push_str(run);
        buf.make_ascii_lowercase();
        f(buf, range);
    } else {
        // Folding can split a run ("½" becomes "1⁄2"): emit each alphanumeric piece.
        let whole = fold(run);
        for piece in whole.split(|c: char| !c.is_alphanumeric()).filter(|p| !p.is_empty()) {
            f(piece, range.clone());
        }
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
