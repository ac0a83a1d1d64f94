//! Loads a snapshot once the way the app does (`CatalogLoader::forgetful`, 64 KiB chunks):
//! a target for profilers (`valgrind --tool=callgrind`), whose counts split the load into
//! reading records and building the catalog. `--unknown-length` loads as for a response
//! that declares no length (compressed, say), so nothing is sized ahead. `--elsewhere`
//! loads as the app does with its index worker: the loader writes the papers' texts, a
//! `TextTokenizer` (here on the same thread, behind `tokenize_elsewhere`, so callgrind
//! counts the worker's share on its own) turns them into word ids, and the loader adds
//! those back. It then asks for the first view's order, newest first, as the app's first
//! render does.
use paperdeck_core::{CatalogLoader, TextTokenizer};

fn main() {
    let path = std::env::args().nth(1).expect("SNAPSHOT.json");
    let text = std::fs::read_to_string(path).expect("readable");
    let declared = if std::env::args().any(|a| a == "--unknown-length") { 0 } else { text.len() };
    let catalog = if std::env::args().any(|a| a == "--elsewhere") {
        let mut loader = CatalogLoader::forgetful_indexing_elsewhere(declared);
        let mut tokenizer = TextTokenizer::new();
        for chunk in text.as_bytes().chunks(64 << 10) {
            loader.push(chunk);
            let texts = loader.take_texts();
            if !texts.is_empty() {
                loader.add_tokenized(&tokenize_elsewhere(&mut tokenizer, &texts)).expect("tokens");
            }
        }
        loader.finish_or_read_again().expect("read once").expect("valid").catalog
    } else {
        let mut loader = CatalogLoader::forgetful(declared);
        for chunk in text.as_bytes().chunks(64 << 10) {
            loader.push(chunk);
        }
        loader.finish_or_read_again().expect("read once").expect("valid").catalog
    };
    // The first view's order (newest first), which the app's first render asks for without
    // a search: sorted when first asked for, so counted here as part of a load.
    let first = catalog.newest_first().first().map(|&i| catalog.paper(i).published);
    let newest = first.map_or_else(|| "none".to_string(), |d| d.to_string());
    println!("{} papers, {} words, the newest of {newest}", catalog.len(), catalog.index().vocabulary_size());
}

/// What the app's worker does with each batch; not inlined, so its count is its own.
#[inline(never)]
fn tokenize_elsewhere(tokenizer: &mut TextTokenizer, texts: &[u8]) -> Vec<u8> {
    tokenizer.tokenize(texts).expect("texts")
}
