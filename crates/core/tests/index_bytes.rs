//! The index's word streams as bytes (`SearchIndex::word_stream_bytes`): read back, they
//! give the same index as building it from the papers; other bytes give an error that says
//! what is wrong, never a panic (bytes.rs's own test queries indexes read from changed
//! bytes).

use paperdeck_core::{parse_snapshot, Catalog, SearchIndex};

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

fn read(bytes: &[u8], papers: usize) -> Result<SearchIndex, String> {
    SearchIndex::from_word_stream_bytes(bytes, papers)
}

#[test]
fn read_back_it_is_the_index_built_from_the_papers() {
    for catalog in [bundled(), lab()] {
        let bytes = catalog.index().word_stream_bytes();
        let index = read(&bytes, catalog.len()).expect("its own bytes");
        assert!(index == *catalog.index(), "the same vocabulary, postings, weights and streams");
        assert_eq!(index.word_stream_bytes(), bytes);
    }
    let empty = Catalog::new(
        parse_snapshot(r#"{"format":"paperdeck-snapshot","version":1,"papers":[]}"#).unwrap().snapshot,
    );
    assert!(read(&empty.index().word_stream_bytes(), 0).unwrap() == *empty.index());
}

#[test]
fn an_index_of_another_catalog_is_refused() {
    let (bundled, lab) = (bundled(), lab());
    let message = read(&bundled.index().word_stream_bytes(), lab.len()).unwrap_err();
    assert_eq!(message, format!("the index is of {} papers, the catalog has {}", bundled.len(), lab.len()));
}

#[test]
fn cut_short_or_followed_by_more_it_is_refused() {
    let catalog = lab();
    let bytes = catalog.index().word_stream_bytes();
    // Every cut through the header and the word lengths, then one every 61 bytes.
    for len in (0..bytes.len()).filter(|&len| len < 2_000 || len % 61 == 0) {
        assert!(read(&bytes[..len], catalog.len()).is_err(), "cut at {len}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(read(&longer, catalog.len()).unwrap_err(), "1 bytes follow the index");
}

/// The layout by hand: papers, words (their lengths as one byte each), tokens, slot starts.
fn layout(papers: u32, words: &[&[u8]], tokens: &[u32], starts: &[u32]) -> Vec<u8> {
    let mut out = b"PDWORDS1".to_vec();
    out.extend(papers.to_le_bytes());
    out.extend((words.len() as u32).to_le_bytes());
    out.extend(words.iter().map(|w| w.len() as u8));
    words.iter().for_each(|w| out.extend_from_slice(w));
    out.extend((tokens.len() as u32).to_le_bytes());
    tokens.iter().chain(starts).for_each(|n| out.extend(n.to_le_bytes()));
    out
}

#[test]
fn each_broken_rule_is_named() {
    const GAP: u32 = u32::MAX;
    let ok = |b: &[u8]| read(b, 1).map(|i| i.vocabulary_size());
    // One paper, five slots: title "a b", authors "b" and a gap.
    assert_eq!(ok(&layout(1, &[b"a", b"b"], &[0, 1, 1, GAP], &[0, 2, 4, 4, 4, 4])), Ok(2));
    let cases: [(Vec<u8>, &str); 12] = [
        (b"PDWORDS0".to_vec(), "not a Paperdeck word-stream index (it does not start with PDWORDS1)"),
        (layout(2, &[b"a"], &[0], &[0, 1, 1, 1, 1, 1]), "the index is of 2 papers, the catalog has 1"),
        (layout(1, &[b"b", b"a"], &[0], &[0, 1, 1, 1, 1, 1]), "the vocabulary is not sorted at word 1"),
        (layout(1, &[b"a", b"a"], &[0], &[0, 1, 1, 1, 1, 1]), "the vocabulary is not sorted at word 1"),
        (layout(1, &[b"\xff"], &[0], &[0, 1, 1, 1, 1, 1]), "a word is not UTF-8 (byte 0 of the words)"),
        (layout(1, &[b"\xc3", b"\xa9"], &[0], &[0, 1, 1, 1, 1, 1]), "a word ends inside a character"),
        (layout(1, &[b"a"], &[1], &[0, 1, 1, 1, 1, 1]), "a token names word 1 of 1"),
        (
            layout(1, &[b"a"], &[0], &[1, 1, 1, 1, 1, 1]),
            "the slot starts are not in order from 0 to the number of tokens",
        ),
        (
            layout(1, &[b"a"], &[0, 0], &[0, 2, 1, 2, 2, 2]),
            "the slot starts are not in order from 0 to the number of tokens",
        ),
        (
            layout(1, &[b"a"], &[0, 0], &[0, 1, 1, 1, 1, 1]),
            "the slot starts are not in order from 0 to the number of tokens",
        ),
        (layout(1, &[b"a"], &[0], &[0, 1, 1, 1, 1]), "the index is cut short"),
        (huge_counts(), "the index is cut short"),
    ];
    for (bytes, message) in cases {
        assert_eq!(ok(&bytes), Err(message.to_string()));
    }
}

/// A short file that claims 4 billion words: refused before anything that size is made.
fn huge_counts() -> Vec<u8> {
    let mut out = b"PDWORDS1".to_vec();
    out.extend(1u32.to_le_bytes());
    out.extend(u32::MAX.to_le_bytes());
    out.extend([1, 1, 1]);
    out
}
