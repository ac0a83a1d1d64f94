//! `paperdeck export SNAPSHOT --view QS --format F -o FILE`: reads the snapshot, answers
//! the view as the page does, writes all its papers in the format (the same bytes as the
//! page's download), atomically, and says what it wrote.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use paperdeck_core::{decode_url, export_view, parse_snapshot, Catalog};

use crate::cli::atomic_write::write_atomically;
use crate::cli::export_args::{parse_export_args, ExportArgs};
use crate::cli::files::{read_input, ReadError};
use crate::cli::gunzip::{readable_size, MAX_GUNZIPPED_BYTES};
use crate::cli::output_path::{output_target, OutputError};
use crate::cli::usage::{help, usage_error};

/// Runs `paperdeck export` with the arguments after `export`.
pub fn run_export(args: &[String]) -> ExitCode {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        return help();
    }
    let args = match parse_export_args(args) {
        Ok(a) => a,
        Err(message) => return usage_error(&message),
    };
    match export(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => usage_error(&message),
        Err(Failure::Input(message)) => {
            eprintln!("paperdeck: {message}");
            ExitCode::FAILURE
        }
    }
}

enum Failure {
    /// Wrong usage (2).
    Usage(String),
    /// A file that cannot be read, parsed or written (1).
    Input(String),
}

fn export(args: &ExportArgs) -> Result<(), Failure> {
    let shown = args.snapshot.display();
    let target = match &args.output {
        Some(output) => {
            Some(output_target(output, std::slice::from_ref(&args.snapshot)).map_err(|e| match e {
                OutputError::IsAnInput(_) => {
                    Failure::Usage(format!("the output {} is the snapshot {shown}", output.display()))
                }
                OutputError::Io(e) => Failure::Input(format!("cannot write {}: {e}", output.display())),
            })?)
        }
        None => None,
    };
    let text = read_input(&args.snapshot, MAX_GUNZIPPED_BYTES).map_err(|e| {
        Failure::Input(match e {
            ReadError::Io(e) => format!("cannot read {shown}: {e}"),
            ReadError::TooLarge(limit) => {
                format!("cannot read {shown}: it expands to more than {}", readable_size(limit))
            }
            ReadError::Import(e) => format!("{shown}:{e}"),
        })
    })?;
    let loaded = parse_snapshot(&text).map_err(|e| Failure::Input(format!("{shown}: {e}")))?;
    if !loaded.is_clean() {
        eprintln!(
            "paperdeck: {shown}: {} problem(s), {} records skipped (paperdeck check {shown} lists them)",
            loaded.problems.len() + loaded.notes.len(),
            loaded.skipped()
        );
    }
    let (view, notices) = decode_url(&args.view);
    for notice in &notices {
        eprintln!("paperdeck: --view: {notice}; ignored");
    }
    for extra in &view.extra {
        eprintln!("paperdeck: --view: {extra:?} is not a view parameter; ignored");
    }
    let catalog = Catalog::new(loaded.snapshot);
    let count = catalog.search(&view).ids.len();
    let out = export_view(&catalog, &view, args.format);
    match (&target, &args.output) {
        (Some(target), Some(output)) => {
            write_atomically(target, &out)
                .map_err(|e| Failure::Input(format!("cannot write {}: {e}", output.display())))?;
            eprintln!("{}", summary(count, catalog.len(), args, output));
        }
        _ => std::io::stdout()
            .write_all(out.as_bytes())
            .map_err(|e| Failure::Input(format!("cannot write to standard output: {e}")))?,
    }
    Ok(())
}

/// `wrote 12 of 340 papers (view: q=lora) as bib to out.bib`
fn summary(count: usize, total: usize, args: &ExportArgs, output: &Path) -> String {
    let view =
        if args.view.is_empty() { "the default view".to_string() } else { format!("view: {}", args.view) };
    format!("wrote {count} of {total} papers ({view}) as {} to {}", args.format.name(), output.display())
}
