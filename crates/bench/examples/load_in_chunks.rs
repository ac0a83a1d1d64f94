//! Reading and indexing a snapshot in 64 KiB chunks as a download delivers it
//! (`CatalogLoader`), against parsing and indexing the whole text: how much work is left
//! once the last chunk has arrived; and the same with a forgetful loader (the app's), which
//! drops each record's bytes once read. `cargo run --release -p paperdeck-bench --example
//! load_in_chunks -- SNAPSHOT.json` (3 runs).
use std::time::Instant;

use paperdeck_core::{parse_snapshot, Catalog, CatalogLoader};

fn main() {
    let path = std::env::args().nth(1).expect("SNAPSHOT.json");
    let text = std::fs::read_to_string(path).expect("readable");
    for _ in 0..3 {
        let start = Instant::now();
        let whole = Catalog::new(parse_snapshot(&text).expect("valid").snapshot);
        let whole_ms = start.elapsed().as_secs_f64() * 1e3;
        let start = Instant::now();
        let mut loader = CatalogLoader::with_capacity(text.len());
        for chunk in text.as_bytes().chunks(64 << 10) {
            loader.push(chunk);
        }
        let pushed_ms = start.elapsed().as_secs_f64() * 1e3;
        let loaded = loader.finish().expect("valid").catalog;
        let total_ms = start.elapsed().as_secs_f64() * 1e3;
        assert_eq!(loaded.len(), whole.len());
        let start = Instant::now();
        let mut forgetful = CatalogLoader::forgetful(text.len());
        for chunk in text.as_bytes().chunks(64 << 10) {
            forgetful.push(chunk);
        }
        let forgot = forgetful.finish_or_read_again().expect("read once").expect("valid").catalog;
        let forgetful_ms = start.elapsed().as_secs_f64() * 1e3;
        assert_eq!(forgot.len(), whole.len());
        println!(
            "{} papers: whole text {whole_ms:.0} ms; in chunks {pushed_ms:.0} ms while they arrive, {:.0} ms after the last ({total_ms:.0} ms in all; forgetful {forgetful_ms:.0} ms in all)",
            whole.len(),
            total_ms - pushed_ms
        );
    }
}
