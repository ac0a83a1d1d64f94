//! `paperdeck import`: read the arguments, check the output is no input, read the inputs,
//! run the import pipeline, write the snapshot, write the report; each step that fails
//! says why and gives the exit status.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use paperdeck_cli::import::{import, ImportError, Input, Outcome};
use paperdeck_core::to_json;

use crate::cli::atomic_write::write_atomically;
use crate::cli::files::{file_name, read_input, ReadError};
use crate::cli::gunzip::{readable_size, MAX_GUNZIPPED_BYTES};
use crate::cli::import_args::{parse_import_args, ImportArgs};
use crate::cli::import_report;
use crate::cli::output_path::{output_target, OutputError};
use crate::cli::usage::{help, usage_error};

/// Why an import stopped: what it says, and the exit status.
#[derive(Debug)]
enum Stop {
    /// Wrong usage (2).
    Usage(String),
    /// A file that cannot be read or written (1).
    Io(String),
    /// An input that cannot be imported (1): nothing is written.
    Unreadable(PathBuf, ImportError),
}

impl Stop {
    /// The exit status: 2 for wrong usage, else 1.
    fn status(&self) -> u8 {
        match self {
            Self::Usage(_) => 2,
            Self::Io(_) | Self::Unreadable(..) => 1,
        }
    }

    /// Says why and gives the exit status.
    fn exit(self) -> ExitCode {
        let status = ExitCode::from(self.status());
        match self {
            Self::Usage(message) => return usage_error(&message),
            Self::Io(message) => eprintln!("paperdeck: {message}"),
            Self::Unreadable(path, e) => eprintln!("{}:{e}\npaperdeck: nothing written", path.display()),
        }
        status
    }
}

/// Runs `paperdeck import` with the arguments after `import`.
pub fn run_import(args: &[String]) -> ExitCode {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        return help();
    }
    match import_files(args, MAX_GUNZIPPED_BYTES) {
        Ok(()) => ExitCode::SUCCESS,
        Err(stop) => stop.exit(),
    }
}

/// The import, with the most a `.gz` input may expand to.
fn import_files(args: &[String], gz_limit: u64) -> Result<(), Stop> {
    let args = parse_import_args(args).map_err(Stop::Usage)?;
    let paths: Vec<PathBuf> = args.inputs.iter().map(|(p, _)| p.clone()).collect();
    let target = check_output(&args.output, &paths)?;
    let texts = read_inputs(&paths, gz_limit)?;
    let outcome = run_pipeline(&args, &texts)?;
    write_snapshot(&target, &args.output, &outcome)?;
    eprint!("{}", import_report::render(&outcome, &paths, &args.output));
    Ok(())
}

/// The file the snapshot replaces (through a symlink); an output that is an input is
/// wrong usage.
fn check_output(output: &Path, inputs: &[PathBuf]) -> Result<PathBuf, Stop> {
    output_target(output, inputs).map_err(|e| match e {
        OutputError::IsAnInput(input) => Stop::Usage(format!(
            "the output {} is the input {}; writing the snapshot there would replace it",
            output.display(),
            input.display()
        )),
        OutputError::Io(e) => Stop::Io(format!("cannot write {}: {e}", output.display())),
    })
}

/// The text of every input, in order; the first that cannot be read stops the import.
fn read_inputs(paths: &[PathBuf], gz_limit: u64) -> Result<Vec<String>, Stop> {
    paths
        .iter()
        .map(|path| {
            read_input(path, gz_limit).map_err(|e| match e {
                ReadError::Io(e) => Stop::Io(format!("cannot read {}: {e}", path.display())),
                ReadError::TooLarge(limit) => Stop::Io(format!(
                    "cannot read {}: it expands to more than {}, the most a .gz input may; nothing written",
                    path.display(),
                    readable_size(limit)
                )),
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

/// Writes the snapshot to `target`, the file `-o output` names.
fn write_snapshot(target: &Path, output: &Path, outcome: &Outcome) -> Result<(), Stop> {
    write_atomically(target, &to_json(&outcome.snapshot))
        .map_err(|e| Stop::Io(format!("cannot write {}: {e}", output.display())))
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use flate2::write::GzEncoder;
    use flate2::Compression;

    use super::*;
    use crate::cli::scratch::Scratch;

    /// A small `.gz` file that expands past the limit (a gzip bomb) used to be read whole.
    #[test]
    fn a_gz_input_expanding_past_the_limit_stops_with_status_1_and_writes_nothing() {
        let dir = Scratch::new("gz-limit");
        let (input, out) = (dir.join("big.csv.gz"), dir.join("papers.json"));
        let mut gz = GzEncoder::new(Vec::new(), Compression::default());
        gz.write_all(b"title,authors,year\n").unwrap();
        gz.write_all(&b"T,A B,2020\n".repeat(1000)).unwrap();
        std::fs::write(&input, gz.finish().unwrap()).unwrap();
        let args = [input.to_str().unwrap(), "-o", out.to_str().unwrap()].map(String::from);

        let Err(stop) = import_files(&args, 4 << 10) else { panic!("the import stops") };
        assert_eq!(stop.status(), 1);
        let Stop::Io(message) = stop else { panic!("a file that cannot be read") };
        let expected = format!("cannot read {}: it expands to more than 4 KiB", input.display());
        assert!(message.starts_with(&expected), "{message}");
        assert!(!out.exists(), "nothing is written");

        import_files(&args, 16 << 10).expect("under a larger limit, the file imports");
        assert!(out.exists());
    }
}
