//! The inverted index: built once per snapshot, answers each query term from a sorted
//! vocabulary (a prefix is one contiguous range found by two binary searches) and
//! per-word posting lists.

use crate::bitset::BitSet;
use crate::fxhash::FxHashMap;
use crate::model::Paper;
use crate::query::{Field, Term, ALL_FIELDS};
use crate::text::for_each_word;

/// BM25 parameters.
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Field weights: title above authors above abstract.
const FIELD_WEIGHT: [f32; Field::COUNT] = [3.0, 2.0, 1.0, 1.5, 1.0];
/// A word that only starts with the typed prefix counts less than the word itself.
const PREFIX_FACTOR: f32 = 0.6;
/// Size of the short-word cache used while building (2^14 slots, 192 KiB).
const WORD_CACHE_BITS: u32 = 14;

/// A word of 1–7 bytes as one number (bytes, then the length in the top byte), so equal
/// numbers mean equal words; `None` for longer words. Never 0, the empty-slot value.
fn pack_short_word(w: &str) -> Option<u64> {
    let b = w.as_bytes();
    if b.is_empty() || b.len() > 7 {
        return None;
    }
    let mut bytes = [0u8; 8];
    bytes[..b.len()].copy_from_slice(b);
    Some(u64::from_le_bytes(bytes) | (b.len() as u64) << 56)
}

/// Separates authors (and tags) in a field's token stream, so phrases never span two.
const GAP: u32 = u32::MAX;

#[derive(Clone, Copy, Debug)]
struct Posting {
    paper: u32,
    field: u8,
    tf: u16,
}

/// An inverted index of papers' title, authors, abstract, tags and venue.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    /// Every folded word, sorted.
    vocab: Vec<Box<str>>,
    /// `postings[postings_start[w]..postings_start[w + 1]]` are word `w`'s, by paper.
    postings_start: Vec<u32>,
    postings: Vec<Posting>,
    /// Number of papers containing each word (any field).
    doc_freq: Vec<u32>,
    /// `tokens[token_start[p * F + f]..token_start[p * F + f + 1]]`: field `f` of paper `p`
    /// as word ids, for phrase checks.
    token_start: Vec<u32>,
    tokens: Vec<u32>,
    /// BM25 inverse document frequency of each word.
    idf: Vec<f32>,
    /// BM25's `k1 * (1 - b + b * len / avg_len)` of each (paper, field) slot.
    length_norm: Vec<f32>,
    /// Per word, the set of its characters hashed to 64 bits: a cheap lower bound on edit
    /// distance for suggestions (see [`letter_signature`]).
    signatures: Vec<u64>,
    papers: u32,
}

fn doc_freq_idf(doc_freq: &[u32], n: usize) -> Vec<f32> {
    let n = n as f32;
    doc_freq.iter().map(|&df| ((n - df as f32 + 0.5) / (df as f32 + 0.5) + 1.0).ln()).collect()
}

impl SearchIndex {
    pub fn build(papers: &[Paper]) -> Self {
        let n = papers.len();
        let mut words: Vec<String> = Vec::new();
        let mut token_start = Vec::with_capacity(n * Field::COUNT + 1);
        // About one word per 6.5 bytes of English text: sized once, never regrown.
        let text_bytes: usize = papers
            .iter()
            .map(|p| {
                p.title.len()
                    + p.abstract_text.as_ref().map_or(0, String::len)
                    + p.authors.iter().flatten().map(String::len).sum::<usize>()
            })
            .sum();
        let mut tokens: Vec<u32> = Vec::with_capacity(text_bytes / 6 + 64);
        let mut total_len = [0u64; Field::COUNT];
        let mut ids: FxHashMap<String, u32> =
            FxHashMap::with_capacity_and_hasher(1 << 16, Default::default());
        let mut word_cache: Vec<(u64, u32)> = vec![(0, 0); 1 << WORD_CACHE_BITS];
        token_start.push(0);
        for paper in papers {
            for field in Field::ALL {
                let start = tokens.len();
                let mut push_text = |text: &str, tokens: &mut Vec<u32>| {
                    for_each_word(text, |w, _| {
                        // Most words are short and repeat: a direct-mapped cache keyed by
                        // the word packed into a u64 skips hashing and string comparison.
                        let packed = pack_short_word(w);
                        let slot = packed.map(|k| {
                            (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - WORD_CACHE_BITS)) as usize
                        });
                        if let (Some(k), Some(slot)) = (packed, slot) {
                            if word_cache[slot].0 == k {
                                tokens.push(word_cache[slot].1);
                                return;
                            }
                        }
                        let id = match ids.get(w) {
                            Some(&id) => id,
                            None => {
                                let id = words.len() as u32;
                                words.push(w.to_string());
                                ids.insert(w.to_string(), id);
                                id
                            }
                        };
                        if let (Some(k), Some(slot)) = (packed, slot) {
                            word_cache[slot] = (k, id);
                        }
                        tokens.push(id);
                    })
                };
                match field {
                    Field::Title => push_text(&paper.title, &mut tokens),
                    Field::Abstract => push_text(paper.abstract_text.as_deref().unwrap_or(""), &mut tokens),
                    Field::Venue => push_text(paper.venue.as_deref().unwrap_or(""), &mut tokens),
                    Field::Authors | Field::Tags => {
                        let list = if field == Field::Authors {
                            paper.authors.as_deref()
                        } else {
                            Some(&paper.tags[..])
                        };
                        for (i, item) in list.unwrap_or_default().iter().enumerate() {
                            if i > 0 {
                                tokens.push(GAP);
                            }
                            push_text(item, &mut tokens);
                        }
                    }
                }
                total_len[field as usize] += (tokens.len() - start) as u64;
                token_start.push(tokens.len() as u32);
            }
        }
        // Renumber words in sorted order.
        let mut order: Vec<u32> = (0..words.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| words[a as usize].cmp(&words[b as usize]));
        let mut rank = vec![0u32; words.len()];
        for (r, &w) in order.iter().enumerate() {
            rank[w as usize] = r as u32;
        }
        for t in tokens.iter_mut().filter(|t| **t != GAP) {
            *t = rank[*t as usize];
        }
        let vocab: Vec<Box<str>> =
            order.iter().map(|&w| std::mem::take(&mut words[w as usize]).into_boxed_str()).collect();
        // Postings: term frequencies per (paper, field slot), counted with a "last slot
        // seen" mark per word instead of sorting each field, then bucketed by word.
        let mut per_word_count = vec![0u32; vocab.len() + 1];
        let mut entries: Vec<(u32, Posting)> = Vec::with_capacity(tokens.len() / 2);
        let mut last_slot = vec![u32::MAX; vocab.len()];
        let mut last_entry = vec![0u32; vocab.len()];
        for slot in 0..n * Field::COUNT {
            let (p, f) = ((slot / Field::COUNT) as u32, (slot % Field::COUNT) as u8);
            for &t in &tokens[token_start[slot] as usize..token_start[slot + 1] as usize] {
                if t == GAP {
                    continue;
                }
                let w = t as usize;
                if last_slot[w] == slot as u32 {
                    let e = &mut entries[last_entry[w] as usize].1;
                    e.tf = e.tf.saturating_add(1);
                } else {
                    last_slot[w] = slot as u32;
                    last_entry[w] = entries.len() as u32;
                    entries.push((t, Posting { paper: p, field: f, tf: 1 }));
                    per_word_count[w + 1] += 1;
                }
            }
        }
        for w in 1..per_word_count.len() {
            per_word_count[w] += per_word_count[w - 1];
        }
        let postings_start = per_word_count.clone();
        let mut fill = per_word_count;
        let mut postings = vec![Posting { paper: 0, field: 0, tf: 0 }; entries.len()];
        for (w, posting) in entries {
            postings[fill[w as usize] as usize] = posting;
            fill[w as usize] += 1;
        }
        let doc_freq: Vec<u32> = (0..vocab.len())
            .map(|w| {
                let list = &postings[postings_start[w] as usize..postings_start[w + 1] as usize];
                list.chunk_by(|a, b| a.paper == b.paper).count() as u32
            })
            .collect();
        let avg_len: [f32; Field::COUNT] =
            std::array::from_fn(|f| if n == 0 { 0.0 } else { total_len[f] as f32 / n as f32 });
        let length_norm = (0..n * Field::COUNT)
            .map(|slot| {
                let len = (token_start[slot + 1] - token_start[slot]) as f32;
                K1 * (1.0 - B + B * len / avg_len[slot % Field::COUNT].max(1.0))
            })
            .collect();
        let idf = doc_freq_idf(&doc_freq, n);
        let signatures = vocab.iter().map(|w| letter_signature(w)).collect();
        Self {
            signatures,
            vocab,
            postings_start,
            postings,
            doc_freq,
            idf,
            length_norm,
            token_start,
            tokens,
            papers: n as u32,
        }
    }

    /// Number of distinct words.
    pub fn vocabulary_size(&self) -> usize {
        self.vocab.len()
    }

    /// The word ids starting with `prefix`: a contiguous range of the sorted vocabulary.
    fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let lo = self.vocab.partition_point(|w| &**w < prefix);
        let hi = lo + self.vocab[lo..].partition_point(|w| w.starts_with(prefix));
        lo..hi
    }

    fn exact(&self, word: &str) -> Option<usize> {
        self.vocab.binary_search_by(|w| (**w).cmp(word)).ok()
    }

    /// The BM25 contribution of one posting of word `w`.
    #[inline]
    fn bm25(&self, idf: f32, p: &Posting) -> f32 {
        let tf = f32::from(p.tf);
        let norm = self.length_norm[p.paper as usize * Field::COUNT + p.field as usize];
        FIELD_WEIGHT[p.field as usize] * idf * tf * (K1 + 1.0) / (tf + norm)
    }

    fn postings_of(&self, w: usize) -> &[Posting] {
        &self.postings[self.postings_start[w] as usize..self.postings_start[w + 1] as usize]
    }

    /// Adds to `set` (and to `scores`, when given) every paper where a word in `words`
    /// occurs in one of `fields`; `factor` scales the score.
    fn collect(
        &self,
        words: std::ops::Range<usize>,
        exact: Option<usize>,
        fields: u8,
        set: &mut BitSet,
        mut scores: Option<&mut [f32]>,
    ) {
        for w in words {
            let postings = self.postings_of(w);
            match scores.as_deref_mut() {
                None if fields == ALL_FIELDS => postings.iter().for_each(|p| set.insert(p.paper)),
                None => {
                    postings.iter().filter(|p| fields & (1 << p.field) != 0).for_each(|p| set.insert(p.paper))
                }
                Some(s) => {
                    let idf = self.idf[w] * if Some(w) == exact { 1.0 } else { PREFIX_FACTOR };
                    for p in postings.iter().filter(|p| fields & (1 << p.field) != 0) {
                        set.insert(p.paper);
                        s[p.paper as usize] += self.bm25(idf, p);
                    }
                }
            }
        }
    }

    /// The papers matching one term; adds their scores to `scores` when given.
    pub fn term_matches(&self, term: &Term, scores: Option<&mut [f32]>) -> BitSet {
        let mut set = BitSet::empty(self.papers as usize);
        let last = term.words.len() - 1;
        if last == 0 {
            let word = &term.words[0];
            self.collect(self.prefix_range(word), self.exact(word), term.fields, &mut set, scores);
            return set;
        }
        // A phrase: papers holding every word (the last as a prefix), then a positional check.
        let mut exact_ids = Vec::with_capacity(last);
        for word in &term.words[..last] {
            match self.exact(word) {
                Some(w) => exact_ids.push(w),
                None => return set,
            }
        }
        let tail = self.prefix_range(&term.words[last]);
        if tail.is_empty() {
            return set;
        }
        let mut candidates = BitSet::empty(self.papers as usize);
        self.collect(exact_ids[0]..exact_ids[0] + 1, None, term.fields, &mut candidates, None);
        for &w in &exact_ids[1..] {
            let mut next = BitSet::empty(self.papers as usize);
            self.collect(w..w + 1, None, term.fields, &mut next, None);
            candidates.intersect_with(&next);
        }
        // The last word is not collected into a set: a short prefix can span thousands of
        // words, and the positional check below looks at it directly.
        // Check positions only in the (paper, field) slots holding the phrase's first word.
        for posting in self.postings_of(exact_ids[0]) {
            if term.fields & (1 << posting.field) != 0
                && candidates.contains(posting.paper)
                && !set.contains(posting.paper)
                && self.phrase_in(posting.paper, posting.field, &exact_ids, &tail)
            {
                set.insert(posting.paper);
            }
        }
        if let Some(s) = scores {
            for &w in exact_ids.iter() {
                for posting in self.postings_of(w) {
                    if set.contains(posting.paper) && term.fields & (1 << posting.field) != 0 {
                        s[posting.paper as usize] += self.bm25(self.idf[w], posting);
                    }
                }
            }
        }
        set
    }

    fn phrase_in(&self, paper: u32, field: u8, head: &[usize], tail: &std::ops::Range<usize>) -> bool {
        let slot = paper as usize * Field::COUNT + field as usize;
        let toks = &self.tokens[self.token_start[slot] as usize..self.token_start[slot + 1] as usize];
        let k = head.len();
        if toks.len() <= k {
            return false;
        }
        let first = head[0] as u32;
        (0..toks.len() - k).any(|i| {
            toks[i] == first
                && head[1..].iter().enumerate().all(|(j, &h)| toks[i + 1 + j] as usize == h)
                && tail.contains(&(toks[i + k] as usize))
        })
    }

    /// Vocabulary words within `max_distance` edits of `word`, closest and most common
    /// first, as `(word, distance, papers containing it)`.
    pub fn similar_words(&self, word: &str, max_distance: usize, limit: usize) -> Vec<(&str, usize, u32)> {
        let target: Vec<char> = word.chars().collect();
        let ascii = word.is_ascii();
        let mut rows = (Vec::new(), Vec::new());
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
        found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
        found.into_iter().take(limit).map(|(d, df, w)| (w, d, df)).collect()
    }
}

/// The characters of a word as a 64-bit set (each character hashed to one bit). An
/// insertion or deletion changes at most one bit and a substitution at most two, so words
/// within `d` edits differ in at most `2d` bits.
fn letter_signature(word: &str) -> u64 {
    word.chars().fold(0, |sig, c| sig | 1 << (u32::from(c).wrapping_mul(0x9E37_79B9) >> 26))
}

/// Levenshtein distance when it is at most `max`, else `None`. `rows` is scratch space
/// reused between calls.
fn bounded_edit_distance<T: PartialEq>(
    a: &[T],
    b: &[T],
    max: usize,
    rows: &mut (Vec<usize>, Vec<usize>),
) -> Option<usize> {
    let (prev, cur) = rows;
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
            row_min = row_min.min(cur[j]);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(prev, cur);
    }
    (prev[b.len()] <= max).then_some(prev[b.len()])
}

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
        let d = |a: &str, b: &str| {
            bounded_edit_distance(a.as_bytes(), b.as_bytes(), 2, &mut (Vec::new(), Vec::new()))
        };
        assert_eq!(d("lora", "lora"), Some(0));
        assert_eq!(d("lroa", "lora"), Some(2));
        assert_eq!(d("diffusion", "difusion"), Some(1));
        assert_eq!(d("transformer", "trans"), None);
    }
}
