//! Loads a snapshot once the way the app does (`CatalogLoader::forgetful`, 64 KiB chunks):
//! a target for profilers (`valgrind --tool=callgrind`), whose counts split the load into
//! reading records and building the catalog. `--unknown-length` loads as for a response
//! that declares no length (compressed, say), so nothing is sized ahead.
fn main() {
    let path = std::env::args().nth(1).expect("SNAPSHOT.json");
    let text = std::fs::read_to_string(path).expect("readable");
    let declared = if std::env::args().any(|a| a == "--unknown-length") { 0 } else { text.len() };
    let mut loader = paperdeck_core::CatalogLoader::forgetful(declared);
    for chunk in text.as_bytes().chunks(64 << 10) {
        loader.push(chunk);
    }
    let catalog = loader.finish_or_read_again().expect("read once").expect("valid").catalog;
    println!("{} papers, {} words", catalog.len(), catalog.index().vocabulary_size());
}
