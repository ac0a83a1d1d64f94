//! A prebuilt index, weighed (issue #15, goal 1): what reading the index's word streams
//! from bytes (`SearchIndex::from_word_stream_bytes`) saves against building the index
//! from the papers, and what the bytes would add to the download.
//! `cargo run --release -p paperdeck-bench --example prebuilt_index -- SNAPSHOT.json`
//! (medians of 5 runs; natively, so the wasm's times are about twice these).
use std::io::Write;
use std::time::Instant;

use flate2::{write::GzEncoder, Compression};
use paperdeck_core::{parse_snapshot, Catalog, SearchIndex};

fn median_ms(mut f: impl FnMut()) -> f64 {
    let mut runs: Vec<f64> = (0..5)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    runs.sort_by(f64::total_cmp);
    runs[2]
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut gz = GzEncoder::new(Vec::new(), Compression::new(9));
    gz.write_all(bytes).expect("in memory");
    gz.finish().expect("in memory").len()
}

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
}
