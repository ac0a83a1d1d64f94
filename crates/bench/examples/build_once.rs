//! Builds the catalog of a snapshot once: a target for profilers (valgrind --tool=callgrind).
fn main() {
    let path = std::env::args().nth(1).expect("SNAPSHOT.json");
    let text = std::fs::read_to_string(path).expect("readable");
    let loaded = paperdeck_core::parse_snapshot(&text).expect("valid");
    let catalog = paperdeck_core::Catalog::new(loaded.snapshot);
    println!("{} papers, {} words", catalog.len(), catalog.index().vocabulary_size());
}
