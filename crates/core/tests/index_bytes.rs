//! The index's word streams as bytes (`SearchIndex::word_stream_bytes`): read back, they
//! give the same index as building it from the papers; any other bytes give an error,
//! never a panic.

use paperdeck_core::{parse_snapshot, Catalog, Query, SearchIndex};
use proptest::prelude::*;

fn bundled() -> Catalog {
    Catalog::new(parse_snapshot(include_str!("../../../public/papers.json")).expect("bundled").snapshot)
}

fn lab() -> Catalog {
    Catalog::new(
        parse_snapshot(include_str!("../../../public/examples/wolflein-publications.json"))
            .expect("lab")
            .snapshot,
    )
}

#[test]
fn read_back_it_is_the_index_built_from_the_papers() {
    for catalog in [bundled(), lab()] {
        let bytes = catalog.index().word_stream_bytes();
        let read = SearchIndex::from_word_stream_bytes(&bytes).expect("its own bytes");
        assert!(read == *catalog.index(), "the same vocabulary, postings, weights and streams");
        assert_eq!(read.word_stream_bytes(), bytes);
    }
    let empty = Catalog::new(
        parse_snapshot(r#"{"format":"paperdeck-snapshot","version":1,"papers":[]}"#).unwrap().snapshot,
    );
    let bytes = empty.index().word_stream_bytes();
    assert!(SearchIndex::from_word_stream_bytes(&bytes).unwrap() == *empty.index());
}

#[test]
fn every_cut_is_an_error() {
    let bytes = lab().index().word_stream_bytes();
    // Every cut through the header and the word lengths, then one every 61 bytes.
    for len in (0..bytes.len()).filter(|&len| len < 2_000 || len % 61 == 0) {
        assert!(SearchIndex::from_word_stream_bytes(&bytes[..len]).is_err(), "cut at {len}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(SearchIndex::from_word_stream_bytes(&longer).unwrap_err(), "1 bytes follow the index");
}

#[test]
fn what_a_query_relies_on_is_checked() {
    let bytes = lab().index().word_stream_bytes();
    let words = u32::from_le_bytes(bytes[12..16].try_into().unwrap()) as usize;
    // The first word's length is its first byte when it is short; make it one byte longer
    // than it is, so the words' text is cut one byte later: the rest no longer lines up.
    let mut shifted = bytes.clone();
    shifted[16] += 1;
    assert!(SearchIndex::from_word_stream_bytes(&shifted).is_err());
    // A token naming a word past the vocabulary.
    let mut stray = bytes.clone();
    let tokens_at = bytes.len() - 4 * (lab().papers().len() * 5 + 1) - 4 * token_count(&bytes);
    assert_eq!(
        u32::from_le_bytes(bytes[tokens_at - 4..tokens_at].try_into().unwrap()) as usize,
        token_count(&bytes)
    );
    stray[tokens_at..tokens_at + 4].copy_from_slice(&(words as u32).to_le_bytes());
    let message = SearchIndex::from_word_stream_bytes(&stray).unwrap_err();
    assert!(message.starts_with("a token names word"), "{message}");
    assert!(SearchIndex::from_word_stream_bytes(b"PDWORDS0").unwrap_err().contains("PDWORDS1"));
}

/// The number of tokens: the last slot start, the layout's last `u32`.
fn token_count(bytes: &[u8]) -> usize {
    u32::from_le_bytes(bytes[bytes.len() - 4..].try_into().unwrap()) as usize
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Bytes changed anywhere read back as an index or an error; an index read from them
    /// answers a search without panicking.
    #[test]
    fn changed_bytes_never_panic(at in any::<prop::sample::Index>(), value in any::<u8>()) {
        static LAB: std::sync::OnceLock<(Catalog, Vec<u8>)> = std::sync::OnceLock::new();
        let (catalog, bytes) = LAB.get_or_init(|| {
            let catalog = lab();
            let bytes = catalog.index().word_stream_bytes();
            (catalog, bytes)
        });
        let mut bytes = bytes.clone();
        let i = at.index(bytes.len());
        bytes[i] = value;
        if let Ok(index) = SearchIndex::from_word_stream_bytes(&bytes) {
            for q in ["deep learning", "\"whole slide\"", "k", "author:kather", "zzz"] {
                for term in &Query::parse(q).terms {
                    let mut scores = vec![0.0; catalog.len()];
                    index.term_matches(term, Some(&mut scores));
                }
            }
            let _ = index.similar_words("learnin", 2, 3);
        }
    }
}
