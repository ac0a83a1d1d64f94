//! Tokenizing on another thread (a Web Worker in the app). The thread that reads the
//! snapshot writes each paper's searchable texts as bytes ([`TokenizedElsewhere`]);
//! [`TextTokenizer`], on the other thread, turns them into word ids and sends back the
//! words it has not sent before and each (paper, field) slot's ids ([`TokenBatch`]
//! layout below); the reading thread adds those to its index builder
//! ([`TokenizedElsewhere::add_tokenized`]) as they come back, and finishes the index as if it
//! had tokenized them itself. Tokenizing and interning are about a third of a load's work;
//! the rest (reading records, facets, sorting the vocabulary, postings) stays where it was
//! (docs/performance.md, "Tokenizing in a worker").
//!
//! Both ends are this crate, in one build, so the layouts are internal, not a contract.
//! Every `u32` is little-endian.
//! - Texts: per paper, for each field in [`Field::ALL`]'s order, a `u32` count of items
//!   (one for a title, abstract or venue; one per author or tag), then each item as a
//!   `u32` length in bytes and its UTF-8 text.
//! - Tokens: a `u32` count of new words, each as a `u32` length and its UTF-8 text (word
//!   ids follow on from the last batch's); a `u32` count of slots (five per paper), each
//!   as a `u32` count of tokens and the tokens as `u32` word ids, `u32::MAX` between two
//!   authors or tags.
//!
//! The papers are those the reading thread added, in order, so paper `i` of the index is
//! paper `i` of its catalog. The reading thread checks what it can without tokenizing
//! again ([`TokenizedElsewhere`]): the layout, that each answer is of as many papers as its
//! batch, that its words are new and its ids name words already sent.

use std::collections::VecDeque;

use super::build::{field_items, IndexBuilder, TokenStreams};
use super::interner::WordInterner;
use super::SearchIndex;
use crate::search::field::Field;
use crate::snapshot::model::Paper;

/// An index whose papers are tokenized on another thread: their texts go out in batches
/// ([`take_texts`](Self::take_texts)) and their word ids come back in the same batches, in
/// the same order ([`add_tokenized`](Self::add_tokenized)). Each answer must be of as many
/// papers as the batch it answers, bring only new words and name only words already sent;
/// after one that is not, every later one is refused too.
pub(crate) struct TokenizedElsewhere {
    /// The papers and words [`with_capacity`](Self::with_capacity) was given.
    capacity: (usize, usize),
    texts: Vec<u8>,
    /// Papers written since the last batch was taken.
    unsent: usize,
    /// The papers of each batch taken and not answered yet, oldest first.
    awaited: VecDeque<usize>,
    index: IndexBuilder,
    refused: bool,
}

impl TokenizedElsewhere {
    /// For about `papers` papers of `words` words in all.
    pub(crate) fn with_capacity(papers: usize, words: usize) -> Self {
        let index = IndexBuilder::with_capacity(papers, words);
        let capacity = (papers, words);
        Self { capacity, texts: Vec::new(), unsent: 0, awaited: VecDeque::new(), index, refused: false }
    }

    /// The papers and words it was made for.
    pub(crate) fn capacity(&self) -> (usize, usize) {
        self.capacity
    }

    pub(crate) fn push(&mut self, paper: &Paper) {
        for field in Field::ALL {
            let count = field_items(paper, field).count();
            self.texts.extend_from_slice(&(count as u32).to_le_bytes());
            for item in field_items(paper, field) {
                self.texts.extend_from_slice(&(item.len() as u32).to_le_bytes());
                self.texts.extend_from_slice(item.as_bytes());
            }
        }
        self.unsent += 1;
    }

    /// The texts of the papers pushed since the last batch (empty when there are none).
    pub(crate) fn take_texts(&mut self) -> Vec<u8> {
        if self.unsent > 0 {
            self.awaited.push_back(std::mem::take(&mut self.unsent));
        }
        std::mem::take(&mut self.texts)
    }

    /// The word ids of the oldest batch not answered yet, or why they are refused.
    pub(crate) fn add_tokenized(&mut self, tokens: &[u8]) -> Result<(), String> {
        if self.refused {
            return Err("an earlier batch was refused".into());
        }
        let added = self.add_batch(tokens);
        self.refused = added.is_err();
        added
    }

    fn add_batch(&mut self, tokens: &[u8]) -> Result<(), String> {
        let batch = TokenBatch::read(tokens)?;
        let papers = self.awaited.pop_front().ok_or("no batch awaits an answer")?;
        if batch.slots.len() != papers * Field::COUNT {
            return Err(format!("{} slots answer a batch of {papers} papers", batch.slots.len()));
        }
        self.index.add_slots(&batch.new_words, &batch.slots)
    }

    /// How many papers have their word ids.
    pub(crate) fn papers(&self) -> usize {
        self.index.papers()
    }

    /// True while a batch sent awaits its answer and none was refused: an answer may still
    /// complete the index.
    pub(crate) fn awaits_answers(&self) -> bool {
        !self.refused && !self.awaited.is_empty()
    }

    /// True when every one of the `papers` pushed has its words and none was refused.
    pub(crate) fn complete(&self, papers: usize) -> bool {
        !self.refused && self.unsent == 0 && self.awaited.is_empty() && self.index.papers() == papers
    }

    /// The index of the `papers` pushed, when [`complete`](Self::complete).
    pub(crate) fn finish(self, papers: usize) -> Option<SearchIndex> {
        self.complete(papers).then(|| self.index.finish())
    }
}

/// Turns the texts of [`TokenizedElsewhere`] into word ids, batch after batch, in order.
#[derive(Default)]
pub struct TextTokenizer {
    interner: WordInterner,
    /// How many of the interner's words earlier batches sent.
    words_sent: usize,
    failed: bool,
}

impl TextTokenizer {
    pub fn new() -> Self {
        Self::default()
    }

    /// The tokens of one batch of whole papers (layout above), or what is wrong with it.
    /// After an error every batch is refused, so the ids never go out of step.
    pub fn tokenize(&mut self, batch: &[u8]) -> Result<Vec<u8>, String> {
        if self.failed {
            return Err("an earlier batch was refused".into());
        }
        let result = self.tokenize_papers(batch);
        self.failed = result.is_err();
        result
    }

    fn tokenize_papers(&mut self, batch: &[u8]) -> Result<Vec<u8>, String> {
        let mut streams = TokenStreams::default();
        let mut at = 0;
        // Each item of the paper being read, and how many belong to each field.
        let mut items: Vec<&str> = Vec::new();
        while at < batch.len() {
            let mut counts = [0usize; Field::COUNT];
            items.clear();
            for count in &mut counts {
                *count = read_u32(batch, &mut at)?;
                for _ in 0..*count {
                    let len = read_u32(batch, &mut at)?;
                    let text = batch.get(at..at.saturating_add(len)).ok_or("a text is cut short")?;
                    items.push(std::str::from_utf8(text).map_err(|_| "a text is not UTF-8")?);
                    at += len;
                }
            }
            let mut start = 0;
            for field in Field::ALL {
                let end = start + counts[field as usize];
                streams.add_field(field, items[start..end].iter().copied(), &mut self.interner);
                start = end;
            }
        }
        let new_words = &self.interner.words[self.words_sent..];
        let text: usize = new_words.iter().map(String::len).sum();
        let slots = streams.token_start.len() - 1;
        let mut out = Vec::with_capacity(8 + 4 * new_words.len() + text + 4 * (slots + streams.tokens.len()));
        out.extend_from_slice(&(new_words.len() as u32).to_le_bytes());
        for word in new_words {
            out.extend_from_slice(&(word.len() as u32).to_le_bytes());
            out.extend_from_slice(word.as_bytes());
        }
        out.extend_from_slice(&(slots as u32).to_le_bytes());
        for w in streams.token_start.windows(2) {
            out.extend_from_slice(&(w[1] - w[0]).to_le_bytes());
            for &t in &streams.tokens[w[0] as usize..w[1] as usize] {
                out.extend_from_slice(&t.to_le_bytes());
            }
        }
        self.words_sent = self.interner.words.len();
        Ok(out)
    }
}

/// One batch of [`TextTokenizer::tokenize`], its layout read.
struct TokenBatch<'a> {
    new_words: Vec<&'a str>,
    /// Each slot's tokens, in order.
    slots: Vec<&'a [u8]>,
}

impl<'a> TokenBatch<'a> {
    /// The batch in `bytes`, checked for its layout (whole papers, UTF-8 words); the ids
    /// are checked by [`IndexBuilder::add_slots`], which knows the vocabulary.
    fn read(bytes: &'a [u8]) -> Result<Self, String> {
        let mut at = 0;
        let count = read_u32(bytes, &mut at)?;
        let mut new_words = Vec::with_capacity(count.min(bytes.len() / 4));
        for _ in 0..count {
            let len = read_u32(bytes, &mut at)?;
            let text = bytes.get(at..at.saturating_add(len)).ok_or("the tokens are cut short")?;
            new_words.push(std::str::from_utf8(text).map_err(|_| "a word is not UTF-8")?);
            at += len;
        }
        let count = read_u32(bytes, &mut at)?;
        if count % Field::COUNT != 0 {
            return Err(format!("{count} slots are not whole papers"));
        }
        let mut slots = Vec::with_capacity(count.min(bytes.len() / 4));
        for _ in 0..count {
            let len = read_u32(bytes, &mut at)?;
            let end = len.checked_mul(4).and_then(|n| at.checked_add(n)).ok_or("the tokens are cut short")?;
            slots.push(bytes.get(at..end).ok_or("the tokens are cut short")?);
            at = end;
        }
        if at != bytes.len() {
            return Err(format!("{} bytes follow the tokens", bytes.len() - at));
        }
        Ok(Self { new_words, slots })
    }
}

/// A `u32` read at `at`, which moves past it; as a `usize`.
fn read_u32(bytes: &[u8], at: &mut usize) -> Result<usize, String> {
    let four = bytes.get(*at..*at + 4).ok_or("cut short")?;
    *at += 4;
    Ok(u32::from_le_bytes([four[0], four[1], four[2], four[3]]) as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paper(title: &str, authors: Option<&[&str]>, tags: &[&str], abstract_text: Option<&str>) -> Paper {
        let mut p = Paper::new("x", title, 1, crate::PartialDate::UNKNOWN);
        p.authors = authors.map(|a| a.iter().map(|s| s.to_string()).collect());
        p.tags = tags.iter().map(|s| s.to_string()).collect();
        p.abstract_text = abstract_text.map(str::to_string);
        p
    }

    fn papers() -> Vec<Paper> {
        vec![
            paper("Attention is all you need", Some(&["Ashish Vaswani", "Noam Shazeer"]), &["nlp"], None),
            paper("Über große Modelle", None, &[], Some("Ein Abstract — mit Ümläuten, 漢字 and 🦀 words.")),
            paper("", Some(&["", "Only Name"]), &["a", "", "b c"], Some("")),
        ]
    }

    /// The papers' texts tokenized in batches (`cuts` after those papers) and added back.
    fn tokenized_elsewhere(papers: &[Paper], cuts: &[usize]) -> TokenizedElsewhere {
        let mut elsewhere = TokenizedElsewhere::with_capacity(0, 0);
        let mut tokenizer = TextTokenizer::new();
        for (i, p) in papers.iter().enumerate() {
            elsewhere.push(p);
            if cuts.contains(&i) || i + 1 == papers.len() {
                let tokens = tokenizer.tokenize(&elsewhere.take_texts()).unwrap();
                elsewhere.add_tokenized(&tokens).unwrap();
            }
        }
        elsewhere
    }

    /// One batch of all `papers`' texts, and its tokens.
    fn one_batch(papers: &[Paper]) -> (TokenizedElsewhere, Vec<u8>, Vec<u8>) {
        let mut elsewhere = TokenizedElsewhere::with_capacity(0, 0);
        for p in papers {
            elsewhere.push(p);
        }
        let texts = elsewhere.take_texts();
        let tokens = TextTokenizer::new().tokenize(&texts).unwrap();
        (elsewhere, texts, tokens)
    }

    #[test]
    fn texts_tokenized_elsewhere_give_the_index_built_here() {
        let papers = papers();
        for cuts in [&[][..], &[0], &[0, 1], &[1]] {
            let elsewhere = tokenized_elsewhere(&papers, cuts);
            assert_eq!(elsewhere.papers(), 3);
            assert!(elsewhere.complete(3));
            assert!(!elsewhere.complete(2));
            assert_eq!(elsewhere.finish(3), Some(SearchIndex::build(&papers)));
        }
    }

    #[test]
    fn an_answer_must_be_its_batchs() {
        let papers = papers();
        let mut tokenizer = TextTokenizer::new();
        let mut elsewhere = TokenizedElsewhere::with_capacity(0, 0);
        elsewhere.push(&papers[0]);
        let first = tokenizer.tokenize(&elsewhere.take_texts()).unwrap();
        elsewhere.push(&papers[1]);
        let second = tokenizer.tokenize(&elsewhere.take_texts()).unwrap();
        // An answer nobody asked for.
        let mut early = TokenizedElsewhere::with_capacity(0, 0);
        assert!(early.add_tokenized(&first).is_err());
        // The first answer twice (its words are not new the second time), or the second
        // first (its ids name words not sent yet).
        let mut twice = TokenizedElsewhere::with_capacity(0, 0);
        twice.push(&papers[0]);
        twice.take_texts();
        twice.push(&papers[1]);
        twice.take_texts();
        twice.add_tokenized(&first).unwrap();
        assert!(twice.add_tokenized(&first).is_err());
        assert!(twice.add_tokenized(&second).is_err(), "refused after an error");
        assert!(!twice.complete(2));
        // Two papers' answer to a batch of one.
        let (mut one, _, _) = one_batch(&papers[..1]);
        let (_, _, two) = one_batch(&papers[..2]);
        assert!(one.add_tokenized(&two).is_err());
        // In order, all is well.
        elsewhere.add_tokenized(&first).unwrap();
        elsewhere.add_tokenized(&second).unwrap();
        assert_eq!(elsewhere.finish(2), Some(SearchIndex::build(&papers[..2])));
        // Papers pushed and not sent, or sent and not answered: no index.
        let (mut pending, _, tokens) = one_batch(&papers);
        pending.push(&papers[0]);
        pending.add_tokenized(&tokens).unwrap();
        assert_eq!(pending.finish(4), None);
    }

    #[test]
    fn a_broken_batch_of_texts_is_refused_and_so_is_everything_after_it() {
        let papers = papers();
        let (_, whole, _) = one_batch(&papers[1..2]);
        // Cut at every byte: never whole papers.
        for cut in 1..whole.len() {
            let mut tokenizer = TextTokenizer::new();
            assert!(tokenizer.tokenize(&whole[..cut]).is_err(), "cut at {cut}");
            assert!(tokenizer.tokenize(&whole).is_err(), "accepted after an error");
        }
        // A length past the end, and text that is not UTF-8 (the title starts at byte 8).
        let mut long = whole.clone();
        long[4] = 0xff;
        assert!(TextTokenizer::new().tokenize(&long).is_err());
        let mut not_utf8 = whole.clone();
        not_utf8[8] = 0xC3;
        not_utf8[9] = b'(';
        assert!(TextTokenizer::new().tokenize(&not_utf8).is_err());
    }

    /// Every byte of both layouts changed to a few values: an error, or an index that
    /// finishes, never a panic.
    #[test]
    fn every_byte_changed_gives_an_error_or_an_index_never_a_panic() {
        let papers = papers();
        let (_, texts, tokens) = one_batch(&papers);
        let finish = |tokens: &[u8]| {
            let (mut elsewhere, _, _) = one_batch(&papers);
            if elsewhere.add_tokenized(tokens).is_ok() {
                let _ = elsewhere.finish(3).map(|index| index.vocabulary_size());
            }
        };
        for at in 0..texts.len().max(tokens.len()) {
            for value in [0u8, 1, 0x7f, 0x80, 0xff] {
                if at < texts.len() {
                    let mut changed = texts.clone();
                    changed[at] = value;
                    if let Ok(tokens) = TextTokenizer::new().tokenize(&changed) {
                        finish(&tokens);
                    }
                }
                if at < tokens.len() {
                    let mut changed = tokens.clone();
                    changed[at] = value;
                    finish(&changed);
                }
            }
        }
        // A token batch cut anywhere is refused.
        for cut in 0..tokens.len() {
            let (mut elsewhere, _, _) = one_batch(&papers);
            assert!(elsewhere.add_tokenized(&tokens[..cut]).is_err(), "cut at {cut}");
        }
    }
}
