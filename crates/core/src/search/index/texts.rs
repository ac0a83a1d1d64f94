//! Tokenizing on another thread (a Web Worker in the app). The thread that reads the
//! snapshot writes each paper's searchable texts as bytes ([`PaperTexts`]);
//! [`TextTokenizer`], on the other thread, turns them into word ids and sends back the
//! words it has not sent before and each (paper, field) slot's ids ([`TokenBatch`]
//! layout below); the reading thread adds those to its index builder
//! ([`IndexBuilder::add_tokenized`]) as they come back, and finishes the index as if it
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
//! paper `i` of its catalog; the reading thread checks every id and count it is given.

use super::build::{field_items, IndexBuilder, TokenStreams};
use super::interner::WordInterner;
use crate::search::field::Field;
use crate::snapshot::model::Paper;

/// Papers' searchable texts, written as they are added and taken in batches.
#[derive(Default)]
pub(crate) struct PaperTexts {
    bytes: Vec<u8>,
}

impl PaperTexts {
    pub(crate) fn push(&mut self, paper: &Paper) {
        for field in Field::ALL {
            let count = field_items(paper, field).count();
            self.bytes.extend_from_slice(&(count as u32).to_le_bytes());
            for item in field_items(paper, field) {
                self.bytes.extend_from_slice(&(item.len() as u32).to_le_bytes());
                self.bytes.extend_from_slice(item.as_bytes());
            }
        }
    }

    /// The texts written since the last call.
    pub(crate) fn take(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.bytes)
    }
}

/// Turns the texts of [`PaperTexts`] into word ids, batch after batch, in order.
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

impl IndexBuilder {
    /// One batch of [`TextTokenizer::tokenize`], on the thread that builds the index, or
    /// what is wrong with it; after an error the builder is left part-way through a batch,
    /// and the caller builds the index another way.
    pub(crate) fn add_tokenized(&mut self, bytes: &[u8]) -> Result<(), String> {
        let batch = TokenBatch::read(bytes)?;
        self.add_slots(&batch.new_words, &batch.slots)
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
        let mut new_words = Vec::with_capacity(count.min(bytes.len()));
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
        let mut slots = Vec::with_capacity(count.min(bytes.len()));
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
    use crate::search::index::SearchIndex;

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
    fn tokenized_elsewhere(papers: &[Paper], cuts: &[usize]) -> IndexBuilder {
        let mut texts = PaperTexts::default();
        let mut tokenizer = TextTokenizer::new();
        let mut index = IndexBuilder::default();
        for (i, p) in papers.iter().enumerate() {
            texts.push(p);
            if cuts.contains(&i) || i + 1 == papers.len() {
                index.add_tokenized(&tokenizer.tokenize(&texts.take()).unwrap()).unwrap();
            }
        }
        index
    }

    #[test]
    fn texts_tokenized_elsewhere_give_the_index_built_here() {
        let papers = papers();
        for cuts in [&[][..], &[0], &[0, 1], &[1]] {
            let index = tokenized_elsewhere(&papers, cuts);
            assert_eq!(index.papers(), 3);
            assert_eq!(index.finish(), SearchIndex::build(&papers));
        }
    }

    #[test]
    fn a_broken_batch_of_texts_is_refused_and_so_is_everything_after_it() {
        let papers = papers();
        let mut texts = PaperTexts::default();
        texts.push(&papers[1]);
        let whole = texts.take();
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
        let mut texts = PaperTexts::default();
        for p in &papers {
            texts.push(p);
        }
        let texts = texts.take();
        let tokens = TextTokenizer::new().tokenize(&texts).unwrap();
        let finish = |tokens: &[u8]| {
            let mut index = IndexBuilder::default();
            if index.add_tokenized(tokens).is_ok() {
                let _ = index.finish().vocabulary_size();
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
            assert!(IndexBuilder::default().add_tokenized(&tokens[..cut]).is_err(), "cut at {cut}");
        }
    }
}
