//! Papers like a given one ("more like this"), from the index alone: the paper's own most
//! distinctive words in its title, abstract and tags (each weighted as BM25 scores it in
//! that paper's own fields) become a query, and every paper holding one of them is scored
//! through the posting lists. No paper's text is read but the given one's.

use super::SearchIndex;
use crate::search::field::Field;
use crate::search::shared_sort::sort_items;

/// The fields compared: what a paper is about, not who wrote it or where.
const FIELDS: [Field; 3] = [Field::Title, Field::Abstract, Field::Tags];
/// How many of the paper's words make the query: enough to describe it, few enough that
/// an answer walks a bounded number of postings.
pub const MAX_RELATED_TERMS: usize = 24;
/// A word in more than one paper in this many says little about a paper ("model",
/// "language"), and its long posting list would cost the most: it is left out.
const COMMON_WORD_SHARE: u32 = 8;
/// A paper is "like" another when it is at least this share as similar to it as the most
/// similar paper is: sharing one minor word does not make papers alike, and the cut keeps
/// the `related=ID` view a reading list (about 260 papers at 10,049), not a third of the
/// collection. The opened card's top 5 and the view apply the same cut, so the view
/// always starts with the card's list.
pub const SIMILARITY_FLOOR: f32 = 0.2;

impl SearchIndex {
    /// The words that describe `paper` best, with their weights (the largest 1.0): each
    /// word's BM25 score in the paper's own title, abstract and tags, at most
    /// [`MAX_RELATED_TERMS`], leaving out words no other paper has, words in more than
    /// 1/[`COMMON_WORD_SHARE`] of the papers, numbers and single letters.
    pub(crate) fn describing_words(&self, paper: u32) -> Vec<(usize, f32)> {
        let mut occurrences: Vec<(u32, Field)> = Vec::new();
        for field in FIELDS {
            occurrences.extend(
                self.tokens_of(paper, field).iter().filter(|&&t| t != super::GAP).map(|&t| (t, field)),
            );
        }
        sort_items(&mut occurrences, Ord::cmp);
        let common = (self.papers / COMMON_WORD_SHARE).max(2);
        let mut words: Vec<(usize, f32)> = Vec::new();
        for run in occurrences.chunk_by(|a, b| a == b) {
            let (w, field) = (run[0].0 as usize, run[0].1);
            let df = self.doc_freq[w];
            let word = &self.vocab[w];
            if df < 2 || df > common || word.len() < 2 || word.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            let score = self.weigh(self.idf[w], run.len() as f32, paper, field);
            match words.last_mut() {
                Some((last, s)) if *last == w => *s += score,
                _ => words.push((w, score)),
            }
        }
        // Highest weight first; ties by word id, so the choice never depends on the sort.
        sort_items(&mut words, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        words.truncate(MAX_RELATED_TERMS);
        if let Some(top) = words.first().map(|w| w.1) {
            words.iter_mut().for_each(|w| w.1 /= top);
        }
        words
    }

    /// Adds to `scores` each paper's similarity to `paper` (0 for a paper sharing none of
    /// its describing words), and returns the papers like it: those scoring at least
    /// [`SIMILARITY_FLOOR`] of the best score, in no order. `paper` itself is left out.
    pub(crate) fn similar_papers(&self, paper: u32, scores: &mut [f32]) -> Vec<u32> {
        let mut touched = Vec::new();
        for (w, weight) in self.describing_words(paper) {
            let idf = self.idf[w] * weight;
            for (p, impact) in self.scored_postings_of(w) {
                if p.paper == paper || !FIELDS.contains(&p.field) {
                    continue;
                }
                let s = &mut scores[p.paper as usize];
                if *s == 0.0 {
                    touched.push(p.paper);
                }
                *s += idf * impact;
            }
        }
        let best = touched.iter().map(|&p| scores[p as usize]).fold(0.0, f32::max);
        touched.retain(|&p| scores[p as usize] >= best * SIMILARITY_FLOOR);
        touched
    }
}
