//! BM25 relevance: the one place that says how much a match counts.

use super::{Posting, SearchIndex};
use crate::search::field::Field;

/// BM25's term-frequency saturation.
const K1: f32 = 1.2;
/// BM25's length normalization strength.
const B: f32 = 0.75;
/// Field weights, in [`Field::ALL`] order: title above authors above abstract.
const FIELD_WEIGHT: [f32; Field::COUNT] = [3.0, 2.0, 1.0, 1.5, 1.0];
/// A word that only starts with the typed prefix counts less than the word itself.
pub(super) const PREFIX_FACTOR: f32 = 0.6;

/// Each word's inverse document frequency, given how many of `papers` contain it.
pub(super) fn inverse_document_frequency(doc_freq: &[u32], papers: usize) -> Vec<f32> {
    let n = papers as f32;
    doc_freq.iter().map(|&df| ((n - df as f32 + 0.5) / (df as f32 + 0.5) + 1.0).ln()).collect()
}

/// Each (paper, field) slot's `k1 * (1 - b + b * len / avg_len)`, from its length in words.
pub(super) fn length_norms(
    slot_lengths: impl Iterator<Item = u32>,
    papers: usize,
    total_len: &[u64],
) -> Vec<f32> {
    let avg_len: [f32; Field::COUNT] =
        std::array::from_fn(|f| if papers == 0 { 0.0 } else { total_len[f] as f32 / papers as f32 });
    slot_lengths
        .enumerate()
        .map(|(slot, len)| K1 * (1.0 - B + B * len as f32 / avg_len[slot % Field::COUNT].max(1.0)))
        .collect()
}

impl SearchIndex {
    /// The BM25 contribution of one posting of a word whose (possibly scaled) inverse
    /// document frequency is `idf`.
    #[inline]
    pub(super) fn bm25(&self, idf: f32, p: &Posting) -> f32 {
        self.weigh(idf, f32::from(p.tf), p.paper, p.field)
    }

    /// BM25 of a word occurring `tf` times in field `field` of `paper`.
    #[inline]
    pub(super) fn weigh(&self, idf: f32, tf: f32, paper: u32, field: Field) -> f32 {
        let norm = self.length_norm[super::slot(paper, field)];
        FIELD_WEIGHT[field as usize] * idf * tf * (K1 + 1.0) / (tf + norm)
    }
}
