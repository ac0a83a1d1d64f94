//! The words of a text for search: the tokenizer the index and highlighting share.

use super::{fold, is_combining_mark};

/// The words of `text` for search: maximal runs of alphanumeric characters after folding.
/// Calls `f(word, range)` for each, where `range` is the byte range in `text` of the
/// original run the word came from (for highlighting). "Fine-Tuning" gives `fine`,
/// `tuning`; "GPT-3.5" gives `gpt`, `3`, `5`; "Wölflein" gives `wolflein`.
///
/// This runs over every word of every paper when the index is built, so ASCII text takes
/// a byte-level path and a lowercase ASCII word is passed without copying.
pub fn for_each_word(text: &str, f: impl FnMut(&str, std::ops::Range<usize>)) {
    tokenize::<true>(text, f);
}

/// [`for_each_word`], with `EIGHT_AT_A_TIME` or byte by byte only (which its tests
/// compare).
fn tokenize<const EIGHT_AT_A_TIME: bool>(text: &str, mut f: impl FnMut(&str, std::ops::Range<usize>)) {
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
        // Eight bytes at a time while they are ASCII letters and digits: most words end
        // within the first eight. What stops it (the byte after the word, a non-ASCII
        // character, the text's last bytes) the loop below reads byte by byte.
        while let Some(eight) = bytes.get(i..i + 8).filter(|_| EIGHT_AT_A_TIME) {
            let (stop, upper) = classify(u64::from_le_bytes(eight.try_into().expect("eight bytes")));
            if stop == 0 {
                lower &= upper == 0;
                i += 8;
                continue;
            }
            let k = stop.trailing_zeros() / 8;
            lower &= upper & ((1u64 << (8 * k)) - 1) == 0;
            i += k as usize;
            break;
        }
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

/// Eight bytes (little-endian, so the first is the lowest) classified at once: the high
/// bit of each byte of `stop` is set where the byte is not an ASCII letter or digit
/// (non-ASCII bytes included), and of `upper` where it is an ASCII capital. Each byte's
/// low seven bits plus a constant below 0x81 never carries into the next byte.
fn classify(w: u64) -> (u64, u64) {
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let low7 = w & !HIGHS;
    let splat = |b: u8| u64::from_ne_bytes([b; 8]);
    // The high bit of each byte of `low7 + splat(0x80 - lo)` says the byte is ≥ lo.
    let within = |lo: u8, hi: u8| (low7 + splat(0x80 - lo)) & !(low7 + splat(0x7f - hi)) & HIGHS;
    let upper = within(b'A', b'Z') & !w;
    let word = (within(b'a', b'z') | upper | within(b'0', b'9')) & !w;
    (!word & HIGHS, upper)
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
    use super::*;
    use proptest::prelude::*;

    /// A tokenizer handing each word and its range to a callback.
    type Tokenizer = fn(&str, &mut dyn FnMut(&str, std::ops::Range<usize>));

    fn all_words(text: &str, tokenize: Tokenizer) -> Vec<(String, std::ops::Range<usize>)> {
        let mut out = Vec::new();
        tokenize(text, &mut |w, r| out.push((w.to_string(), r)));
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]
        #[test]
        fn eight_at_a_time_finds_the_same_words_as_byte_by_byte(
            text in proptest::collection::vec(prop_oneof![
                8 => proptest::char::range('a', 'z'),
                3 => proptest::char::range('A', 'Z'),
                2 => proptest::char::range('0', '9'),
                3 => proptest::char::range(' ', '~'),
                1 => proptest::char::range('\u{0}', '\u{7f}'),
                1 => prop::sample::select(vec!['é', 'ö', '\u{308}', 'ﬁ', '½', '深', '—', '’', '\u{a0}', 'Σ', '𝔘', 'İ']),
                1 => any::<char>(),
            ], 0..40).prop_map(|cs| cs.into_iter().collect::<String>())
        ) {
            let fast = all_words(&text, |t, f| for_each_word(t, f));
            let reference = all_words(&text, |t, f| tokenize::<false>(t, f));
            prop_assert_eq!(fast, reference);
        }
    }

    #[test]
    fn every_byte_is_classified_as_byte_by_byte() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut eight = [b'a'; 8];
                eight[at] = b;
                let (stop, upper) = classify(u64::from_le_bytes(eight));
                let is_word = b < 128 && ASCII_WORD[b as usize] != 0;
                assert_eq!(stop, if is_word { 0 } else { 0x80 << (8 * at) }, "byte {b:#x} at {at}");
                assert_eq!(
                    upper,
                    if b.is_ascii_uppercase() { 0x80 << (8 * at) } else { 0 },
                    "byte {b:#x} at {at}"
                );
            }
        }
    }

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
