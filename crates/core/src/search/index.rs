//! The inverted index of papers' title, authors, abstract, tags and venue, built once per
//! snapshot. Each query term is answered from the sorted vocabulary (a prefix is one
//! contiguous range found by two binary searches) and per-word posting lists.
//!
//! Where things are: the layout and lookups here; building in [`build`], with word ids in
//! [`interner`] and posting lists counted paper by paper in [`postings`]; BM25 scoring in
//! [`scoring`]; papers like a given one in [`related`]; which papers a term or phrase matches in [`matching`]; "did you mean"
//! candidates in [`suggest`]; its word streams as bytes and back in [`bytes`]; papers' texts
//! tokenized on another thread in [`texts`].

mod build;
pub(crate) use build::IndexBuilder;
mod bytes;
mod interner;
mod matching;
mod postings;
mod related;
mod scoring;
mod suggest;
mod texts;
pub use texts::TextTokenizer;
pub(crate) use texts::TokenizedElsewhere;

use super::field::Field;

/// Separates authors (and tags) in a field's token stream, so phrases never span two.
const GAP: u32 = u32::MAX;

/// One word's occurrences in one field of one paper.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Posting {
    paper: u32,
    field: Field,
    /// Term frequency: how often the word occurs there.
    tf: u16,
}

/// An inverted index of papers' title, authors, abstract, tags and venue.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchIndex {
    /// Every folded word, sorted; a word id is a position here.
    vocab: Vec<Box<str>>,
    /// `postings[postings_start[w]..postings_start[w + 1]]` are word `w`'s, by paper.
    postings_start: Vec<u32>,
    postings: Vec<Posting>,
    /// `impacts[i]`: the BM25 weight of `postings[i]` for an idf of 1
    /// ([`scoring::impact`]), computed once with the index: a match adds its word's idf
    /// times this, without the division and the length norm's lookup of each posting on
    /// each keystroke.
    impacts: Vec<f32>,
    /// Number of papers containing each word (any field).
    doc_freq: Vec<u32>,
    /// `tokens[token_start[slot]..token_start[slot + 1]]`: the field of a (paper, field)
    /// [`slot`] as word ids (or [`GAP`]), for phrase checks.
    token_start: Vec<u32>,
    tokens: Vec<u32>,
    /// BM25 inverse document frequency of each word.
    idf: Vec<f32>,
    /// BM25's length normalization of each (paper, field) [`slot`].
    length_norm: Vec<f32>,
    /// Per word, its characters as a 64-bit set: a cheap lower bound on edit distance
    /// for suggestions.
    signatures: Vec<u64>,
    papers: u32,
}

impl Default for SearchIndex {
    fn default() -> Self {
        Self::EMPTY
    }
}

/// The position of field `field` of paper `paper` in per-(paper, field) arrays.
fn slot(paper: u32, field: Field) -> usize {
    paper as usize * Field::COUNT + field as usize
}

impl SearchIndex {
    /// No words and no papers (the default).
    pub(crate) const EMPTY: SearchIndex = SearchIndex {
        vocab: Vec::new(),
        postings_start: Vec::new(),
        postings: Vec::new(),
        impacts: Vec::new(),
        doc_freq: Vec::new(),
        token_start: Vec::new(),
        tokens: Vec::new(),
        idf: Vec::new(),
        length_norm: Vec::new(),
        signatures: Vec::new(),
        papers: 0,
    };

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

    /// The id of exactly this word.
    fn exact(&self, word: &str) -> Option<usize> {
        self.vocab.binary_search_by(|w| (**w).cmp(word)).ok()
    }

    fn postings_of(&self, w: usize) -> &[Posting] {
        &self.postings[self.postings_start[w] as usize..self.postings_start[w + 1] as usize]
    }

    /// Word `w`'s postings, each with its impact.
    fn scored_postings_of(&self, w: usize) -> impl Iterator<Item = (&Posting, f32)> {
        let range = self.postings_start[w] as usize..self.postings_start[w + 1] as usize;
        self.postings[range.clone()].iter().zip(self.impacts[range].iter().copied())
    }

    /// The words of one (paper, field) slot, in order.
    fn tokens_of(&self, paper: u32, field: Field) -> &[u32] {
        let slot = slot(paper, field);
        &self.tokens[self.token_start[slot] as usize..self.token_start[slot + 1] as usize]
    }
}
