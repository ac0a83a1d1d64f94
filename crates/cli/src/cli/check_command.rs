//! `paperdeck check FILE.json`: validates a snapshot and lists each problem with the
//! paper's index and id on standard output; exit status 0 for a clean snapshot, else 1.

use std::process::ExitCode;

use crate::cli::usage::usage_error;
use paperdeck_core::parse_snapshot;

/// Runs `paperdeck check` with the arguments after `check`.
pub fn run_check(args: &[String]) -> ExitCode {
    let [file] = args else {
        return usage_error("check takes one FILE.json");
    };
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("paperdeck: cannot read {file}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match parse_snapshot(&text) {
        Err(e) => {
            println!("{file}: {e}");
            ExitCode::FAILURE
        }
        Ok(loaded) => {
            for note in &loaded.notes {
                println!("{file}: {note}");
            }
            for problem in &loaded.problems {
                println!("{file}: {problem}");
            }
            let papers = loaded.snapshot.papers.len();
            if loaded.is_clean() {
                println!("{file}: valid, {papers} papers");
                ExitCode::SUCCESS
            } else {
                println!(
                    "{file}: invalid: {} problem(s); {papers} papers usable, {} records skipped",
                    loaded.problems.len() + loaded.notes.len(),
                    loaded.skipped()
                );
                ExitCode::FAILURE
            }
        }
    }
}
