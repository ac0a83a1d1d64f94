//! Which papers a query term matches: a word as a prefix (every vocabulary word starting
//! with it), or a phrase (every word in the same field, in order, the last as a prefix),
//! with their BM25 scores added up when the order is by relevance.

use std::ops::Range;

use super::scoring::PREFIX_FACTOR;
use super::{Posting, SearchIndex};
use crate::search::bitset::BitSet;
use crate::search::field::FieldSet;
use crate::search::query::Term;

impl SearchIndex {
    /// The papers matching one term; adds their scores to `scores` when given.
    pub fn term_matches(&self, term: &Term, scores: Option<&mut [f32]>) -> BitSet {
        let mut set = BitSet::empty(self.papers as usize);
        match &term.words[..] {
            [word] => {
                self.collect(self.prefix_range(word), self.exact(word), term.fields, &mut set, scores);
            }
            [head @ .., last] => self.phrase_matches(head, last, term.fields, &mut set, scores),
            [] => {}
        }
        set
    }

    /// Adds to `set` (and to `scores`, when given) every paper where a word of `words`
    /// occurs in one of `fields`. A word other than `exact` scores as a prefix match.
    fn collect(
        &self,
        words: Range<usize>,
        exact: Option<usize>,
        fields: FieldSet,
        set: &mut BitSet,
        mut scores: Option<&mut [f32]>,
    ) {
        let every_field = fields == FieldSet::all();
        for w in words {
            let postings = self.postings_of(w);
            match scores.as_deref_mut() {
                None if every_field => postings.iter().for_each(|p| set.insert(p.paper)),
                None => {
                    postings.iter().filter(|p| fields.contains(p.field)).for_each(|p| set.insert(p.paper))
                }
                Some(s) => {
                    let idf = self.idf[w] * if Some(w) == exact { 1.0 } else { PREFIX_FACTOR };
                    for (p, impact) in self.scored_postings_of(w) {
                        if every_field || fields.contains(p.field) {
                            set.insert(p.paper);
                            s[p.paper as usize] += idf * impact;
                        }
                    }
                }
            }
        }
    }

    /// A phrase: papers holding every word of `head` exactly and then one starting with
    /// `last`, in that order, in one of `fields`.
    fn phrase_matches(
        &self,
        head: &[String],
        last: &str,
        fields: FieldSet,
        set: &mut BitSet,
        scores: Option<&mut [f32]>,
    ) {
        let Some(head) = head.iter().map(|word| self.exact(word)).collect::<Option<Vec<usize>>>() else {
            return;
        };
        let tail = self.prefix_range(last);
        if tail.is_empty() {
            return;
        }
        // Papers holding every word of the head. The last word is not collected into a
        // set: a short prefix can span thousands of words, and the positional check below
        // looks at it directly.
        let mut candidates = BitSet::empty(self.papers as usize);
        self.collect(head[0]..head[0] + 1, None, fields, &mut candidates, None);
        for &w in &head[1..] {
            let mut next = BitSet::empty(self.papers as usize);
            self.collect(w..w + 1, None, fields, &mut next, None);
            candidates.intersect_with(&next);
        }
        // Check positions only in the (paper, field) slots holding the phrase's first word.
        for posting in self.postings_of(head[0]) {
            if fields.contains(posting.field)
                && candidates.contains(posting.paper)
                && !set.contains(posting.paper)
                && self.phrase_in(posting, &head, &tail)
            {
                set.insert(posting.paper);
            }
        }
        if let Some(s) = scores {
            for &w in &head {
                for (posting, impact) in self.scored_postings_of(w) {
                    if set.contains(posting.paper) && fields.contains(posting.field) {
                        s[posting.paper as usize] += self.idf[w] * impact;
                    }
                }
            }
        }
    }

    /// True when the field of `posting` (a posting of the word `head[0]`) holds the words
    /// `head` in order followed by a word in `tail`. The field is read only up to the
    /// posting's last occurrence of `head[0]` (its term frequency says how many there are).
    fn phrase_in(&self, posting: &Posting, head: &[usize], tail: &Range<usize>) -> bool {
        let toks = self.tokens_of(posting.paper, posting.field);
        let k = head.len();
        let first = head[0] as u32;
        // A count at its cap (`u16::MAX`) may be short of the occurrences: read them all.
        let mut left = if posting.tf == u16::MAX { usize::MAX } else { usize::from(posting.tf) };
        for (i, _) in toks.iter().enumerate().filter(|&(_, &t)| t == first) {
            if i + k < toks.len()
                && head[1..].iter().enumerate().all(|(j, &h)| toks[i + 1 + j] as usize == h)
                && tail.contains(&(toks[i + k] as usize))
            {
                return true;
            }
            left = left.saturating_sub(1);
            if left == 0 {
                return false;
            }
        }
        false
    }
}
