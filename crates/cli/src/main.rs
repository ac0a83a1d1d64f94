//! `paperdeck`: import paper lists into Paperdeck snapshots, and check snapshots.
//! This file is the only place that knows about arguments, files and exit codes.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use std::io::Read;

use paperdeck_cli::import::{hf_api, hf_page, ImportError, Imported, Location, SourceFormat};
use paperdeck_core::{parse_snapshot, to_json};

const USAGE: &str = "\
usage:
  paperdeck import --from FORMAT FILE... [--year YYYY] [--title TITLE] -o OUT.json
  paperdeck check FILE.json

import   turns FILE into a snapshot (format v1) and writes it to OUT.json. Records it
         cannot use are listed with their line; malformed input writes nothing.
         FILE may be gzip-compressed (.gz).
         FORMAT: hf-page  a Hugging Face papers page saved as text (one FILE); dates
                          without a year take --year
                 hf-api   Hugging Face daily_papers API responses (JSON arrays); a
                          paper in several files is kept once, from the last
check    validates a snapshot and lists each problem with the paper's index and id.

exit status: 0 success, 1 invalid input, 2 wrong usage";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("import") => run_import(&args[1..]),
        Some("check") => run_check(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => usage_error("expected a command: import or check"),
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("paperdeck: {message}\n\n{USAGE}");
    ExitCode::from(2)
}

struct ImportArgs {
    from: SourceFormat,
    inputs: Vec<PathBuf>,
    output: PathBuf,
    year: Option<u16>,
    title: Option<String>,
}

fn parse_import_args(args: &[String]) -> Result<ImportArgs, String> {
    let (mut from, mut output, mut year, mut title) = (None, None, None, None);
    let mut inputs = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--from" => {
                let name = value("--from")?;
                from =
                    Some(SourceFormat::from_name(&name).ok_or(format!(
                        "unknown format {name:?}; known: {}",
                        SourceFormat::NAMES.join(", ")
                    ))?);
            }
            "-o" | "--output" => output = Some(PathBuf::from(value("-o")?)),
            "--year" => {
                let y = value("--year")?;
                year = Some(
                    y.parse()
                        .ok()
                        .filter(|y| (1000..=9999).contains(y))
                        .ok_or(format!("--year {y:?} is not a year"))?,
                );
            }
            "--title" => title = Some(value("--title")?),
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            file => inputs.push(PathBuf::from(file)),
        }
    }
    let from = from.ok_or("--from FORMAT is required")?;
    if inputs.is_empty() {
        return Err("an input FILE is required".into());
    }
    if from == SourceFormat::HfPage && inputs.len() > 1 {
        return Err("hf-page imports one FILE at a time".into());
    }
    Ok(ImportArgs { from, inputs, output: output.ok_or("-o OUT.json is required")?, year, title })
}

fn run_import(args: &[String]) -> ExitCode {
    let args = match parse_import_args(args) {
        Ok(a) => a,
        Err(e) => return usage_error(&e),
    };
    let mut texts = Vec::new();
    for path in &args.inputs {
        match read_input(path) {
            Ok(t) => texts.push(t),
            Err(e) => {
                eprintln!("paperdeck: cannot read {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    let names: Vec<String> = args
        .inputs
        .iter()
        .map(|p| p.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned()))
        .collect();
    // Each skipped record with the index of its input file.
    let (imported, skipped_inputs, merged): (Imported, Vec<usize>, Vec<String>) = match args.from {
        SourceFormat::HfPage => {
            let options = hf_page::HfPageOptions {
                year: args.year,
                title: args.title,
                source: Some(format!("Hugging Face papers page ({})", names[0])),
            };
            match hf_page::import(&texts[0], &options) {
                Ok(i) => {
                    let inputs = vec![0; i.skipped.len()];
                    (i, inputs, Vec::new())
                }
                Err(e) => return import_failed(&args.inputs[0], &e),
            }
        }
        SourceFormat::HfApi => {
            let options = hf_api::HfApiOptions {
                title: args.title,
                source: Some(format!("Hugging Face daily_papers API ({})", names.join(", "))),
            };
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            match hf_api::import(&refs, &options) {
                Ok((i, inputs, report)) => (i, inputs, report.merged),
                Err((input, e)) => return import_failed(&args.inputs[input], &e),
            }
        }
    };
    if let Err(e) = write_atomically(&args.output, &to_json(&imported.snapshot)) {
        eprintln!("paperdeck: cannot write {}: {e}", args.output.display());
        return ExitCode::FAILURE;
    }
    eprintln!(
        "paperdeck: {} papers written to {}, {} merged, {} skipped",
        imported.snapshot.papers.len(),
        args.output.display(),
        merged.len(),
        imported.skipped.len()
    );
    for id in &merged {
        eprintln!("  merged: {id} was listed more than once; the last listing is kept");
    }
    for (s, &input) in imported.skipped.iter().zip(&skipped_inputs) {
        let file = args.inputs[input].display();
        match s.at {
            Location::Line(_) => eprintln!("  skipped {file}:{}: {}", s.at, s.reason),
            Location::Record(_) => eprintln!("  skipped {file} ({}): {}", s.at, s.reason),
        }
    }
    ExitCode::SUCCESS
}

fn import_failed(path: &Path, e: &ImportError) -> ExitCode {
    eprintln!("{}:{e}\npaperdeck: nothing written", path.display());
    ExitCode::FAILURE
}

/// Reads a text file, gunzipping it when its name ends in `.gz`.
fn read_input(path: &Path) -> std::io::Result<String> {
    let bytes = std::fs::read(path)?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut text = String::new();
        flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut text)?;
        Ok(text)
    } else {
        String::from_utf8(bytes).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
    }
}

/// Writes next to the target, then renames, so a failed run never leaves half a file.
fn write_atomically(path: &Path, contents: &str) -> std::io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    std::fs::write(&tmp, contents)?;
    std::fs::rename(&tmp, path)
}

fn run_check(args: &[String]) -> ExitCode {
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
