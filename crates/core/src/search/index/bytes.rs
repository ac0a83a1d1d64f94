//! The index's word streams as bytes and back: what a prebuilt index written beside a
//! snapshot would hold (issue #15, goal 1). Only the sorted vocabulary and every
//! (paper, field) slot's word ids are stored; reading them back skips tokenizing and
//! folding, the bulk of building, and derives the posting lists and BM25's weights as
//! building does ([`SearchIndex::from_sorted_streams`]). Not read by the app yet:
//! `cargo run --release -p paperdeck-bench --example prebuilt_index` weighs it
//! (docs/performance.md, "A prebuilt index, weighed").
//!
//! Layout, little-endian: the 8 bytes `PDWORDS1`; `u32` papers; `u32` words; each word's
//! length in bytes as LEB128; the words' UTF-8 text, concatenated in sorted order; `u32`
//! tokens; the tokens as `u32` (a word's position in the vocabulary, or `u32::MAX` between
//! two authors or tags); then `papers × 5 + 1` `u32` slot starts into the tokens.
//!
//! Reading checks everything a query relies on (the paper count the caller's catalog has,
//! the vocabulary strictly sorted, every token a word or the gap, slot starts in order and
//! in range), so bytes from anywhere give an index or an error, never a panic later. What
//! it cannot check is that the streams are those of the catalog's papers: the real feature
//! needs a hash of the snapshot inside (docs/performance.md).

use super::{SearchIndex, GAP};
use crate::search::field::Field;

const MAGIC: &[u8; 8] = b"PDWORDS1";

impl SearchIndex {
    /// The sorted vocabulary and every slot's word ids, as bytes (layout above).
    pub fn word_stream_bytes(&self) -> Vec<u8> {
        let text: usize = self.vocab.iter().map(|w| w.len()).sum();
        let mut out = Vec::with_capacity(
            20 + self.vocab.len() * 2 + text + 4 * (self.tokens.len() + self.token_start.len()),
        );
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.papers.to_le_bytes());
        out.extend_from_slice(&(self.vocab.len() as u32).to_le_bytes());
        for word in &self.vocab {
            push_leb128(&mut out, word.len());
        }
        for word in &self.vocab {
            out.extend_from_slice(word.as_bytes());
        }
        out.extend_from_slice(&(self.tokens.len() as u32).to_le_bytes());
        for list in [&self.tokens, &self.token_start] {
            for &n in list.iter() {
                out.extend_from_slice(&n.to_le_bytes());
            }
        }
        out
    }

    /// The index [`word_stream_bytes`](Self::word_stream_bytes) wrote for a catalog of
    /// `papers` papers, or what is wrong with the bytes.
    pub fn from_word_stream_bytes(bytes: &[u8], papers: usize) -> Result<Self, String> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err("not a Paperdeck word-stream index (it does not start with PDWORDS1)".into());
        }
        let indexed = r.u32()? as usize;
        if indexed != papers {
            return Err(format!("the index is of {indexed} papers, the catalog has {papers}"));
        }
        let words = r.u32()? as usize;
        let mut lengths = Vec::with_capacity(words.min(bytes.len()));
        for _ in 0..words {
            lengths.push(r.leb128()?);
        }
        let text_len = lengths.iter().try_fold(0usize, |sum, &len| sum.checked_add(len));
        let text = std::str::from_utf8(r.take(text_len.ok_or("the words are too long")?)?)
            .map_err(|e| format!("a word is not UTF-8 (byte {} of the words)", e.valid_up_to()))?;
        let mut vocab: Vec<Box<str>> = Vec::with_capacity(words.min(bytes.len()));
        let mut start = 0;
        for len in lengths {
            let word = text.get(start..start + len).ok_or("a word ends inside a character")?;
            if vocab.last().is_some_and(|last| **last >= *word) {
                return Err(format!("the vocabulary is not sorted at word {}", vocab.len()));
            }
            vocab.push(word.into());
            start += len;
        }
        let token_count = r.u32()? as usize;
        let tokens = r.u32s(token_count)?;
        if let Some(t) = tokens.iter().find(|&&t| t != GAP && t as usize >= words) {
            return Err(format!("a token names word {t} of {words}"));
        }
        let slots = papers.checked_mul(Field::COUNT).ok_or("too many papers")?;
        let token_start = r.u32s(slots.checked_add(1).ok_or("too many papers")?)?;
        let in_order = token_start.windows(2).all(|w| w[0] <= w[1]);
        if token_start[0] != 0 || !in_order || token_start[slots] as usize != tokens.len() {
            return Err("the slot starts are not in order from 0 to the number of tokens".into());
        }
        if r.at != bytes.len() {
            return Err(format!("{} bytes follow the index", bytes.len() - r.at));
        }
        let mut total_len = [0u64; Field::COUNT];
        for (slot, w) in token_start.windows(2).enumerate() {
            total_len[slot % Field::COUNT] += u64::from(w[1] - w[0]);
        }
        Ok(Self::from_sorted_streams(vocab, tokens, token_start, total_len))
    }
}

fn push_leb128(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Reads the layout front to back; every read past the end is an error.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end =
            self.at.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or("the index is cut short")?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }

    fn u32s(&mut self, n: usize) -> Result<Vec<u32>, String> {
        let raw = self.take(n.checked_mul(4).ok_or("the index is cut short")?)?;
        Ok(raw.chunks_exact(4).map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes"))).collect())
    }

    fn leb128(&mut self) -> Result<usize, String> {
        let mut n = 0u64;
        for shift in (0..35).step_by(7) {
            let byte = self.take(1)?[0];
            n |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return usize::try_from(n).map_err(|_| "a word's length is too long".into());
            }
        }
        Err("a word's length is too long".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse_snapshot, Catalog, Query};

    /// Every byte of a small index's bytes changed to a few values: each read gives an
    /// error or an index that answers searches and related papers without panicking.
    #[test]
    fn an_index_read_from_changed_bytes_answers_without_panicking() {
        let json = r#"{"format":"paperdeck-snapshot","version":1,"papers":[
            {"id":"a","title":"Deep learning for slides","authors":["Ann Lee","Bo Chen"],"published":"2024-01-02","abstract":"Whole slide images and deep nets."},
            {"id":"b","title":"Learning to rank","authors":["Bo Chen"],"published":"2023","tags":["ranking","search"]},
            {"id":"c","title":"Zeta","author_count":3,"published":"2022-05"}]}"#;
        let catalog = Catalog::new(parse_snapshot(json).expect("valid").snapshot);
        let bytes = catalog.index().word_stream_bytes();
        let queries: Vec<Query> =
            ["deep", "\"whole slide\"", "l", "title:learning", "chen"].map(Query::parse).into();
        let mut read_back = 0;
        for i in 0..bytes.len() {
            for value in [0, 1, 2, 0x7f, 0x80, 0xff] {
                let mut changed = bytes.clone();
                changed[i] = value;
                let Ok(index) = SearchIndex::from_word_stream_bytes(&changed, catalog.len()) else {
                    continue;
                };
                read_back += 1;
                for term in queries.iter().flat_map(|q| &q.terms) {
                    let mut scores = vec![0.0; catalog.len()];
                    index.term_matches(term, Some(&mut scores));
                }
                let _ = index.similar_words("learnin", 2, 3);
                for paper in 0..catalog.len() as u32 {
                    let mut scores = vec![0.0; catalog.len()];
                    let _ = index.describing_words(paper);
                    let _ = index.similar_papers(paper, &mut scores);
                }
            }
        }
        assert!(read_back > 0, "some changes (a token to another word) still read");
    }
}
