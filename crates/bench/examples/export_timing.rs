//! Times the export of a snapshot's default view in each format (median of 5), the figure
//! of docs/exporting.md: `cargo run --release -p paperdeck-bench --example export_timing --
//! SNAPSHOT.json`.
use std::time::Instant;

use paperdeck_core::{export_view, parse_snapshot, Catalog, ExportFormat, ViewState};

fn main() {
    let path = std::env::args().nth(1).expect("SNAPSHOT.json");
    let text = std::fs::read_to_string(path).expect("readable");
    let catalog = Catalog::new(parse_snapshot(&text).expect("valid").snapshot);
    let view = ViewState::default();
    for format in ExportFormat::ALL {
        let mut ms: Vec<f64> = (0..5)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(export_view(&catalog, &view, format));
                start.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        ms.sort_by(f64::total_cmp);
        println!("{} papers as {}: {:.0} ms", catalog.len(), format.name(), ms[2]);
    }
}
