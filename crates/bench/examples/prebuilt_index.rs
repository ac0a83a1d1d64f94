//! A prebuilt index, weighed (issue #15, goal 1): what reading the index's word streams
//! from bytes (`SearchIndex::from_word_stream_bytes`) saves against building the index
//! from the papers, and what the bytes would add to the download; and how small a file of
//! posting lists alone would be (no token streams; phrases would then be checked by
//! tokenizing the candidate papers' fields), delta- and varint-coded.
//! `cargo run --release -p paperdeck-bench --example prebuilt_index -- SNAPSHOT.json`
//! (medians of 5 runs; natively, so the wasm's times are about twice these).
#[path = "weighing/mod.rs"]
mod weighing;

use paperdeck_core::{parse_snapshot, Catalog, SearchIndex};
use weighing::{gzip_len, median_ms};

fn main() {
    let path = std::env::args().nth(1).expect("SNAPSHOT.json");
    let text = std::fs::read_to_string(path).expect("readable");
    let snapshot = parse_snapshot(&text).expect("valid").snapshot;
    let catalog = Catalog::new(snapshot.clone());
    let bytes = catalog.index().word_stream_bytes();
    assert!(
        SearchIndex::from_word_stream_bytes(&bytes, catalog.len()).expect("its own bytes")
            == *catalog.index()
    );

    let parse = median_ms(|| drop(parse_snapshot(&text).expect("valid")));
    // From the text, as loading does (a clone of the parsed papers would cost as much).
    let parse_and_catalog = median_ms(|| drop(Catalog::new(parse_snapshot(&text).expect("valid").snapshot)));
    let build = median_ms(|| drop(SearchIndex::build(&snapshot.papers)));
    let read = median_ms(|| drop(SearchIndex::from_word_stream_bytes(&bytes, catalog.len()).expect("valid")));
    let mb = |n: usize| n as f64 / 1e6;
    println!("{} papers, {} words in the vocabulary", catalog.len(), catalog.index().vocabulary_size());
    println!(
        "snapshot: {:.1} MB, {:.1} MB gzip; parse {parse:.0} ms; parse and catalog (index, sort orders, facets) {parse_and_catalog:.0} ms",
        mb(text.len()),
        mb(gzip_len(text.as_bytes()))
    );
    println!(
        "index: built from the papers {build:.0} ms; read from its word streams {read:.0} ms ({:.1} MB, {:.1} MB gzip)",
        mb(bytes.len()),
        mb(gzip_len(&bytes))
    );
    let postings = postings_only(&bytes);
    println!(
        "posting lists alone (the vocabulary, then per word its papers as deltas, field and count as varints): {:.1} MB, {:.1} MB gzip",
        mb(postings.len()),
        mb(gzip_len(&postings))
    );
}

fn push_varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// The word streams' file (layout in crates/core/src/search/index/bytes.rs) recoded as
/// posting lists: the vocabulary as it is, then for each word the number of its postings
/// and each as (paper − previous paper of the word, field + 5 × (count − 1)).
fn postings_only(bytes: &[u8]) -> Vec<u8> {
    let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().expect("4 bytes"));
    let (papers, words) = (u32_at(8) as usize, u32_at(12) as usize);
    let mut at = 16;
    let mut text_len = 0usize;
    for _ in 0..words {
        let (mut len, mut shift) = (0usize, 0);
        loop {
            let b = bytes[at];
            at += 1;
            len |= usize::from(b & 0x7f) << shift;
            shift += 7;
            if b < 0x80 {
                break;
            }
        }
        text_len += len;
    }
    let vocabulary = &bytes[8..at + text_len];
    at += text_len;
    let tokens = u32_at(at) as usize;
    let token = |i: usize| u32_at(at + 4 + 4 * i);
    let start = |slot: usize| u32_at(at + 4 + 4 * tokens + 4 * slot) as usize;
    let mut lists: Vec<Vec<(u32, u32)>> = vec![Vec::new(); words];
    let mut counts: std::collections::HashMap<u32, u32> = Default::default();
    for slot in 0..papers * 5 {
        counts.clear();
        for i in start(slot)..start(slot + 1) {
            let t = token(i);
            if t != u32::MAX {
                *counts.entry(t).or_default() += 1;
            }
        }
        for (&word, &tf) in &counts {
            lists[word as usize].push(((slot / 5) as u32, (slot % 5) as u32 + 5 * (tf.min(50) - 1)));
        }
    }
    let mut out = vocabulary.to_vec();
    for list in &mut lists {
        list.sort_unstable();
        push_varint(&mut out, list.len() as u32);
        let mut previous = 0;
        for &(paper, field_tf) in list.iter() {
            push_varint(&mut out, paper - previous);
            push_varint(&mut out, field_tf);
            previous = paper;
        }
    }
    out
}
