//! The report `paperdeck import` writes to standard error: the counts, then each merge,
//! each skipped entry and each note, with the file and line (or JSON record) it is about.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use paperdeck_cli::import::{Location, Outcome};

/// The report of an import whose snapshot went to `output`; `inputs` are the input paths
/// in input order. Each line ends in a newline.
pub fn render(outcome: &Outcome, inputs: &[PathBuf], output: &Path) -> String {
    let place = |input: usize, at: Location| {
        let file = inputs[input].display();
        match at {
            Location::Line(_) => format!("{file}:{at}"),
            Location::Record(_) => format!("{file} ({at})"),
        }
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "paperdeck: {} papers written to {} from {} entries: {} merged, {} skipped",
        outcome.snapshot.papers.len(),
        output.display(),
        outcome.entries(),
        outcome.merged_entries(),
        outcome.skipped_entries()
    );
    for m in &outcome.merged {
        let places: Vec<String> = m.sources.iter().map(|&(i, at)| place(i, at)).collect();
        let _ = writeln!(out, "  merged into {}: {} ({})", m.id, places.join(", "), m.reason.describe());
    }
    for (i, report) in outcome.inputs.iter().enumerate() {
        for s in &report.skipped {
            let _ = writeln!(out, "  skipped {}: {}", place(i, s.at), s.reason);
        }
    }
    for (i, report) in outcome.inputs.iter().enumerate() {
        for n in &report.notes {
            let _ = writeln!(out, "  note {}: {}", place(i, n.at), n.message);
        }
    }
    out
}
