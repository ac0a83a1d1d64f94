//! The related-papers table of docs/search.md: for a few papers of a snapshot, their top
//! 5 (`Catalog::related`), as Markdown. `cargo run --release -p paperdeck-bench --example
//! related_table -- SNAPSHOT.json ID…` (without ids, the 5 most upvoted papers).
use paperdeck_core::{parse_snapshot, Catalog};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("SNAPSHOT.json");
    let text = std::fs::read_to_string(path).expect("readable");
    let catalog = Catalog::new(parse_snapshot(&text).expect("valid").snapshot);
    let mut ids: Vec<String> = args.collect();
    if ids.is_empty() {
        let mut by_upvotes: Vec<u32> = (0..catalog.len() as u32).collect();
        by_upvotes.sort_by_key(|&i| std::cmp::Reverse(catalog.paper(i).upvotes));
        ids = by_upvotes.iter().take(5).map(|&i| catalog.paper(i).id.clone()).collect();
    }
    println!("| paper | its 5 most related papers, most similar first |");
    println!("|---|---|");
    for id in ids {
        let Some(index) = catalog.position(&id) else {
            eprintln!("no paper {id}");
            continue;
        };
        let related: Vec<String> =
            catalog.related(index, 5).iter().map(|&i| catalog.paper(i).title.replace('|', "\\|")).collect();
        println!("| {} ({id}) | {} |", catalog.paper(index).title.replace('|', "\\|"), related.join("; "));
    }
}
