//! Building the index: every field of every paper as a stream of word ids (how many
//! slots each word occurs in counted as it is added), then the vocabulary sorted, the
//! posting lists written by the sorted ids as the streams take them ([`super::postings`]),
//! document frequencies and BM25's per-slot length norms.

use super::interner::WordInterner;
use super::postings::{postings, Lists, PostingCounter};
use super::scoring::{impact, inverse_document_frequency, length_norms};
use super::suggest::letter_signature;
use super::{slot, SearchIndex, GAP};
use crate::search::field::Field;
use crate::search::shared_sort::sort_ids_unstable;
use crate::search::text::{first_bytes, for_each_word};
use crate::snapshot::model::Paper;

impl SearchIndex {
    pub fn build(papers: &[Paper]) -> Self {
        // About one word per 6.5 bytes of English text: sized once, never regrown.
        let text_bytes: usize = papers
            .iter()
            .map(|p| {
                p.title.len()
                    + p.abstract_text.as_ref().map_or(0, String::len)
                    + p.authors.iter().flatten().map(String::len).sum::<usize>()
            })
            .sum();
        let mut builder = IndexBuilder::with_capacity(papers.len(), text_bytes / 6 + 64);
        for paper in papers {
            builder.add(paper);
        }
        builder.finish()
    }
}

/// The index built paper by paper (while a snapshot downloads, say): each paper's fields
/// become word ids as it is added; [`finish`](Self::finish) does what needs them all.
#[derive(Default)]
pub(crate) struct IndexBuilder {
    streams: TokenStreams,
    interner: WordInterner,
    postings: PostingCounter,
}

impl IndexBuilder {
    /// A builder for about `papers` papers of `words` words in all.
    pub(crate) fn with_capacity(papers: usize, words: usize) -> Self {
        let mut token_start = Vec::with_capacity(papers * Field::COUNT + 1);
        token_start.push(0);
        let streams =
            TokenStreams { tokens: Vec::with_capacity(words), token_start, total_len: [0; Field::COUNT] };
        Self { streams, interner: WordInterner::default(), postings: PostingCounter::default() }
    }

    pub(crate) fn add(&mut self, paper: &Paper) {
        let first_slot = self.streams.token_start.len() - 1;
        for field in Field::ALL {
            self.streams.add_field(field, field_items(paper, field), &mut self.interner);
        }
        self.count_postings(first_slot);
    }

    /// Papers tokenized on another thread ([`super::texts`]): the words met for the first
    /// time (their ids follow on from the vocabulary's; each must be new and not empty),
    /// then the papers' slots as `u32` word ids, little-endian, every id checked against
    /// the vocabulary. After an error the builder is left part-way through (slots added
    /// but not counted) and must not be finished: the caller builds the index another way.
    pub(super) fn add_slots(&mut self, new_words: &[&str], slots: &[&[u8]]) -> Result<(), String> {
        for w in new_words {
            if !self.interner.add_new(w) {
                return Err(format!("the word {w:?} is not new"));
            }
        }
        let first_slot = self.streams.token_start.len() - 1;
        let known = self.interner.words.len() as u32;
        for (i, slot) in slots.iter().enumerate() {
            let start = self.streams.tokens.len();
            for four in slot.chunks_exact(4) {
                let t = u32::from_le_bytes([four[0], four[1], four[2], four[3]]);
                if t >= known && t != GAP {
                    return Err(format!("a token names word {t} of {known}"));
                }
                self.streams.tokens.push(t);
            }
            self.streams.total_len[(first_slot + i) % Field::COUNT] +=
                (self.streams.tokens.len() - start) as u64;
            self.streams.token_start.push(self.streams.tokens.len() as u32);
        }
        self.count_postings(first_slot);
        Ok(())
    }

    /// Counted now, while the paper's words are fresh in the cache (and a download is
    /// still arriving), rather than all at once in `finish`.
    fn count_postings(&mut self, first_slot: usize) {
        let (token_start, words) = (&self.streams.token_start, self.interner.words.len());
        for slot in first_slot..token_start.len() - 1 {
            let tokens = &self.streams.tokens[token_start[slot] as usize..token_start[slot + 1] as usize];
            self.postings.count_slot(slot as u32, tokens, words);
        }
    }

    /// How many papers have been added.
    pub(crate) fn papers(&self) -> usize {
        (self.streams.token_start.len() - 1) / Field::COUNT
    }

    pub(crate) fn finish(self) -> SearchIndex {
        let IndexBuilder { streams, interner, postings } = self;
        // The words alone: the interner's map and caches go now, not after the index.
        let words = interner.into_words();
        let TokenStreams { mut tokens, mut token_start, total_len } = streams;
        // Sized from an estimate; what is left over is given back before the lists are made.
        tokens.shrink_to_fit();
        token_start.shrink_to_fit();
        let (vocab, rank) = sort_vocabulary(words);
        // The tokens take the sorted ids as the lists are written, in the same pass.
        let lists = postings.into_lists(&rank, &mut tokens, &token_start);
        SearchIndex::from_parts(vocab, tokens, token_start, total_len, lists)
    }
}

impl SearchIndex {
    /// The index of a sorted vocabulary and every (paper, field) slot's word ids in it
    /// (`token_start` has one more entry than slots): the posting lists, document
    /// frequencies and BM25's weights all follow from these.
    pub(super) fn from_sorted_streams(
        vocab: Vec<Box<str>>,
        mut tokens: Vec<u32>,
        token_start: Vec<u32>,
        total_len: [u64; Field::COUNT],
    ) -> SearchIndex {
        let lists = postings(&mut tokens, &token_start, vocab.len());
        Self::from_parts(vocab, tokens, token_start, total_len, lists)
    }

    /// The index of a sorted vocabulary, the token streams in it and their posting lists.
    fn from_parts(
        vocab: Vec<Box<str>>,
        tokens: Vec<u32>,
        token_start: Vec<u32>,
        total_len: [u64; Field::COUNT],
        lists: Lists,
    ) -> SearchIndex {
        let Lists { start: postings_start, postings, doc_freq } = lists;
        let n = (token_start.len() - 1) / Field::COUNT;
        let lengths = token_start.windows(2).map(|w| w[1] - w[0]);
        let length_norm = length_norms(lengths, n, &total_len);
        let impacts = postings
            .iter()
            .map(|p| impact(f32::from(p.tf), length_norm[slot(p.paper, p.field)], p.field))
            .collect();
        let idf = inverse_document_frequency(&doc_freq, n);
        let signatures = vocab.iter().map(|w| letter_signature(w)).collect();
        SearchIndex {
            signatures,
            vocab,
            postings_start,
            postings,
            impacts,
            doc_freq,
            idf,
            length_norm,
            token_start,
            tokens,
            papers: n as u32,
        }
    }
}

/// The items of `field` of `paper`, as the index reads them: an absent abstract or venue
/// is one empty item, absent authors none.
pub(super) fn field_items(paper: &Paper, field: Field) -> impl Iterator<Item = &str> {
    let (one, list): (Option<&str>, &[String]) = match field {
        Field::Title => (Some(&paper.title), &[]),
        Field::Abstract => (Some(paper.abstract_text.as_deref().unwrap_or("")), &[]),
        Field::Venue => (Some(paper.venue.as_deref().unwrap_or("")), &[]),
        Field::Authors => (None, paper.authors.as_deref().unwrap_or_default()),
        Field::Tags => (None, &paper.tags[..]),
    };
    one.into_iter().chain(list.iter().map(String::as_str))
}

/// Every (paper, field) slot as word ids in order of first appearance.
pub(super) struct TokenStreams {
    pub(super) tokens: Vec<u32>,
    /// Where each slot's tokens start; one more entry than slots.
    pub(super) token_start: Vec<u32>,
    /// Total words per field, for the average field lengths.
    total_len: [u64; Field::COUNT],
}

impl Default for TokenStreams {
    fn default() -> Self {
        Self { tokens: Vec::new(), token_start: vec![0], total_len: [0; Field::COUNT] }
    }
}

impl TokenStreams {
    /// The next slot: `field`'s items, a [`GAP`] between two.
    pub(super) fn add_field<'t>(
        &mut self,
        field: Field,
        items: impl Iterator<Item = &'t str>,
        interner: &mut WordInterner,
    ) {
        let tokens = &mut self.tokens;
        let start = tokens.len();
        for (i, item) in items.enumerate() {
            if i > 0 {
                tokens.push(GAP);
            }
            for_each_word(item, |w, _| tokens.push(interner.id(w)));
        }
        self.total_len[field as usize] += (tokens.len() - start) as u64;
        self.token_start.push(tokens.len() as u32);
    }
}

/// Sorts the vocabulary, so that word ids follow the sorted order and a prefix is a
/// contiguous range of ids. Returns the sorted words and each old id's new one.
fn sort_vocabulary(mut words: Vec<String>) -> (Vec<Box<str>>, Vec<u32>) {
    // Compared by their first 8 bytes from one array (most words are shorter, and then
    // that is all of them), and only on a tie by reading the words themselves.
    let first_bytes: Vec<u64> = words.iter().map(|w| first_bytes(w)).collect();
    let mut order: Vec<u32> = (0..words.len() as u32).collect();
    sort_ids_unstable(&mut order, &|a, b| {
        let (a, b) = (a as usize, b as usize);
        first_bytes[a].cmp(&first_bytes[b]).then_with(|| words[a].cmp(&words[b]))
    });
    let mut rank = vec![0u32; words.len()];
    for (r, &w) in order.iter().enumerate() {
        rank[w as usize] = r as u32;
    }
    let sorted = order.iter().map(|&w| std::mem::take(&mut words[w as usize]).into_boxed_str()).collect();
    (sorted, rank)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vocabulary_is_renumbered_in_byte_order() {
        // Words sharing 8 bytes or more, shorter ones, one a prefix of another, non-ASCII.
        let words = [
            "transformers",
            "transform",
            "transformer",
            "a",
            "zeta",
            "ab",
            "abcdefgh",
            "abcdefgha",
            "ölflein",
            "éa",
            "e",
            "abcdefgg",
        ];
        let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        let (vocab, rank) = sort_vocabulary(words.clone());
        for (old, &new) in rank.iter().enumerate() {
            assert_eq!(&*vocab[new as usize], words[old].as_str());
        }
        let mut sorted = words.clone();
        sorted.sort();
        assert_eq!(vocab.iter().map(|w| w.to_string()).collect::<Vec<_>>(), sorted);
    }
}
