//! BM25 relevance: the one place that says how much a match counts.

use super::{slot, SearchIndex};
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

/// BM25 of a word occurring `tf` times in field `field` of a (paper, field) slot whose
/// length norm is `norm`, for an idf of 1: a match scores its word's (possibly scaled) idf
/// times this. Each posting's is computed once, with the index (`SearchIndex::impacts`).
pub(super) fn impact(tf: f32, norm: f32, field: Field) -> f32 {
    FIELD_WEIGHT[field as usize] * tf * (K1 + 1.0) / (tf + norm)
}

impl SearchIndex {
    /// BM25 of a word whose (possibly scaled) idf is `idf`, occurring `tf` times in field
    /// `field` of `paper`.
    pub(super) fn weigh(&self, idf: f32, tf: f32, paper: u32, field: Field) -> f32 {
        idf * impact(tf, self.length_norm[slot(paper, field)], field)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `idf × impact` is BM25 as written before impacts (`weight × idf × tf × (k1 + 1) /
    /// (tf + norm)` at each posting): the same number but for the rounding of the factors'
    /// order, far below any difference between two papers' scores.
    #[test]
    fn idf_times_impact_is_the_bm25_term() {
        for field in Field::ALL {
            for tf in [1.0f32, 2.0, 3.0, 7.0, 50.0, 65535.0] {
                for norm in [0.3f32, 0.9, 1.2, 2.5, 40.0] {
                    for idf in [0.01f32, 0.6, 1.0, 3.7, 9.9] {
                        let before = FIELD_WEIGHT[field as usize] * idf * tf * (K1 + 1.0) / (tf + norm);
                        let now = idf * impact(tf, norm, field);
                        assert!(
                            (now - before).abs() <= before * 1e-6,
                            "{field:?} tf {tf} norm {norm} idf {idf}"
                        );
                    }
                }
            }
        }
    }
}
