//! `paperdeck import`: read the arguments, read the inputs, run the import pipeline, write
//! the snapshot, write the report; each step that fails says why and gives the exit status.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use paperdeck_cli::import::{import, ImportError, Input, Outcome};
use paperdeck_core::to_json;

use crate::cli::files::{file_name, read_input, write_atomically, ReadError};
use crate::cli::import_args::{parse_import_args, ImportArgs};
use crate::cli::import_report;
use crate::cli::usage::{help, usage_error};

/// Why an import stopped: what it says, and the exit status.
enum Stop {
    /// Wrong usage (2).
    Usage(String),
    /// A file that cannot be read or written (1).
    Io(String),
    /// An input that cannot be imported (1): nothing is written.
    Unreadable(PathBuf, ImportError),
}

impl Stop {
    /// Says why and gives the exit status.
    fn exit(self) -> ExitCode {
        match self {
            Self::Usage(message) => usage_error(&message),
            Self::Io(message) => {
                eprintln!("paperdeck: {message}");
                ExitCode::FAILURE
            }
            Self::Unreadable(path, e) => {
                eprintln!("{}:{e}\npaperdeck: nothing written", path.display());
                ExitCode::FAILURE
            }
        }
    }
}

/// Runs `paperdeck import` with the arguments after `import`.
pub fn run_import(args: &[String]) -> ExitCode {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        return help();
    }
    match import_files(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(stop) => stop.exit(),
    }
}

fn import_files(args: &[String]) -> Result<(), Stop> {
    let args = parse_import_args(args).map_err(Stop::Usage)?;
    let texts = read_inputs(&args.inputs)?;
    let outcome = run_pipeline(&args, &texts)?;
    write_snapshot(&args.output, &outcome)?;
    let paths: Vec<PathBuf> = args.inputs.iter().map(|(p, _)| p.clone()).collect();
    eprint!("{}", import_report::render(&outcome, &paths, &args.output));
    Ok(())
}

/// The text of every input, in order; the first that cannot be read stops the import.
fn read_inputs(inputs: &[(PathBuf, paperdeck_cli::import::SourceFormat)]) -> Result<Vec<String>, Stop> {
    inputs
        .iter()
        .map(|(path, _)| {
            read_input(path).map_err(|e| match e {
                ReadError::Io(e) => Stop::Io(format!("cannot read {}: {e}", path.display())),
                ReadError::Import(e) => Stop::Unreadable(path.clone(), e),
            })
        })
        .collect()
}

/// Imports the texts read, each named by its file name.
fn run_pipeline(args: &ImportArgs, texts: &[String]) -> Result<Outcome, Stop> {
    let names: Vec<String> = args.inputs.iter().map(|(p, _)| file_name(p)).collect();
    let inputs: Vec<Input> = args
        .inputs
        .iter()
        .zip(texts)
        .zip(&names)
        .map(|(((_, format), text), name)| Input { name, format: *format, text })
        .collect();
    import(&inputs, &args.options).map_err(|(i, e)| Stop::Unreadable(args.inputs[i].0.clone(), e))
}

fn write_snapshot(output: &Path, outcome: &Outcome) -> Result<(), Stop> {
    write_atomically(output, &to_json(&outcome.snapshot))
        .map_err(|e| Stop::Io(format!("cannot write {}: {e}", output.display())))
}
