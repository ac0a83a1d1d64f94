//! "Did you mean": vocabulary words within a few edits of a word that matches nothing.

use super::SearchIndex;
use crate::search::shared_sort::sort_items;

impl SearchIndex {
    /// Vocabulary words within `max_distance` edits of `word`, closest and most common
    /// first, as `(word, distance, papers containing it)`.
    pub fn similar_words(&self, word: &str, max_distance: usize, limit: usize) -> Vec<(&str, usize, u32)> {
        let target: Vec<char> = word.chars().collect();
        let ascii = word.is_ascii();
        let mut rows: Rows = Default::default();
        let mut chars = Vec::new();
        let mut found: Vec<(usize, u32, &str)> = Vec::new();
        let signature = letter_signature(word);
        for (w, candidate) in self.vocab.iter().enumerate() {
            // One edit changes at most two bits of the signature.
            if (signature ^ self.signatures[w]).count_ones() as usize > 2 * max_distance {
                continue;
            }
            // Byte length bounds char length from above, so this skips most words cheaply.
            if candidate.len() + max_distance < target.len() || &**candidate == word {
                continue;
            }
            let distance = if ascii && candidate.is_ascii() {
                if candidate.len() > target.len() + max_distance {
                    continue;
                }
                bounded_edit_distance(word.as_bytes(), candidate.as_bytes(), max_distance, &mut rows)
            } else {
                chars.clear();
                chars.extend(candidate.chars());
                if chars.len().abs_diff(target.len()) > max_distance {
                    continue;
                }
                bounded_edit_distance(&target, &chars, max_distance, &mut rows)
            };
            if let Some(d) = distance {
                found.push((d, self.doc_freq[w], candidate));
            }
        }
        sort_items(&mut found, |a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
        found.into_iter().take(limit).map(|(d, df, w)| (w, d, df)).collect()
    }
}

/// The characters of a word as a 64-bit set (each character hashed to one bit). An
/// insertion or deletion changes at most one bit and a substitution at most two, so words
/// within `d` edits differ in at most `2d` bits.
pub(super) fn letter_signature(word: &str) -> u64 {
    word.chars().fold(0, |sig, c| sig | 1 << (u32::from(c).wrapping_mul(0x9E37_79B9) >> 26))
}

/// Edit distance when it is at most `max`, else `None`: insertions, deletions,
/// substitutions, and two neighbouring characters swapped (`modle` → `model`), each one
/// edit (the optimal string alignment distance). `rows` is scratch space reused between
/// calls.
fn bounded_edit_distance<T: PartialEq>(a: &[T], b: &[T], max: usize, rows: &mut Rows) -> Option<usize> {
    let (before, prev, cur) = rows;
    before.clear();
    before.resize(b.len() + 1, 0);
    prev.clear();
    prev.extend(0..=b.len());
    cur.clear();
    cur.resize(b.len() + 1, 0);
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(before[j - 2] + 1);
            }
            row_min = row_min.min(cur[j]);
        }
        // A swap reaches back two rows, but only through a cell of the row between that
        // is at most one more, so a row wholly over `max` still ends the search.
        if row_min > max {
            return None;
        }
        std::mem::swap(before, prev);
        std::mem::swap(prev, cur);
    }
    (prev[b.len()] <= max).then_some(prev[b.len()])
}

/// The three rows [`bounded_edit_distance`] works in.
type Rows = (Vec<usize>, Vec<usize>, Vec<usize>);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_never_rule_out_a_close_word() {
        for (a, b) in [
            ("lora", "lroa"),
            ("diffusion", "difusion"),
            ("modle", "models"),
            ("gpt", "gpt4o"),
            ("wölf", "wolf"),
        ] {
            let d = (letter_signature(a) ^ letter_signature(b)).count_ones();
            assert!(d <= 4, "{a} {b}: {d}");
        }
    }

    #[test]
    fn edit_distance() {
        let d =
            |a: &str, b: &str| bounded_edit_distance(a.as_bytes(), b.as_bytes(), 2, &mut Default::default());
        assert_eq!(d("lora", "lora"), Some(0));
        // Two neighbours swapped are one edit.
        assert_eq!(d("lroa", "lora"), Some(1));
        assert_eq!(d("modle", "model"), Some(1));
        assert_eq!(d("modle", "models"), Some(2));
        assert_eq!(d("ab", "ba"), Some(1));
        // A swapped pair is not edited again: `ca` → `abc` is three edits, not two.
        assert_eq!(d("ca", "abc"), None);
        assert_eq!(d("diffusion", "difusion"), Some(1));
        assert_eq!(d("transformer", "trans"), None);
    }

    /// The distance by its definition, without the early stop, for comparison.
    fn full_distance(a: &[u8], b: &[u8]) -> usize {
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                }
            }
        }
        d[a.len()][b.len()]
    }

    #[test]
    fn the_early_stop_never_changes_a_distance_within_the_bound() {
        // Every pair of words up to 5 letters over a 3-letter alphabet, where swaps abound.
        let mut words: Vec<Vec<u8>> = vec![Vec::new()];
        for len in 1..=5 {
            let mut next = Vec::new();
            for w in words.iter().filter(|w| w.len() == len - 1) {
                for c in b"abc" {
                    next.push([w.as_slice(), &[*c]].concat());
                }
            }
            words.extend(next);
        }
        let mut rows = Rows::default();
        for a in &words {
            for b in &words {
                let full = full_distance(a, b);
                for max in 0..=3 {
                    let bounded = bounded_edit_distance(a, b, max, &mut rows);
                    assert_eq!(bounded, (full <= max).then_some(full), "{a:?} {b:?} within {max}");
                }
            }
        }
    }
}
