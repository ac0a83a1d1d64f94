//! `paperdeck`: import paper lists into Paperdeck snapshots, and check snapshots.
//! This file is the only place that knows about arguments, files and exit codes.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use paperdeck_cli::import::{hf_page, ImportError, Imported, SourceFormat};
use paperdeck_core::{parse_snapshot, to_json};

const USAGE: &str = "\
usage:
  paperdeck import --from FORMAT FILE [--year YYYY] [--title TITLE] -o OUT.json
  paperdeck check FILE.json

import   turns FILE into a snapshot (format v1) and writes it to OUT.json. Records it
         cannot use are listed with their line; malformed input writes nothing.
         FORMAT: hf-page (a Hugging Face papers page saved as text; dates without a
         year take --year).
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
    input: PathBuf,
    output: PathBuf,
    year: Option<u16>,
    title: Option<String>,
}

fn parse_import_args(args: &[String]) -> Result<ImportArgs, String> {
    let (mut from, mut input, mut output, mut year, mut title) = (None, None, None, None, None);
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
            file if input.is_none() => input = Some(PathBuf::from(file)),
            file => return Err(format!("one input file is supported, got a second: {file}")),
        }
    }
    Ok(ImportArgs {
        from: from.ok_or("--from FORMAT is required")?,
        input: input.ok_or("an input FILE is required")?,
        output: output.ok_or("-o OUT.json is required")?,
        year,
        title,
    })
}

fn run_import(args: &[String]) -> ExitCode {
    let args = match parse_import_args(args) {
        Ok(a) => a,
        Err(e) => return usage_error(&e),
    };
    let text = match std::fs::read_to_string(&args.input) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("paperdeck: cannot read {}: {e}", args.input.display());
            return ExitCode::FAILURE;
        }
    };
    let file_name = args.input.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let result: Result<Imported, ImportError> = match args.from {
        SourceFormat::HfPage => hf_page::import(
            &text,
            &hf_page::HfPageOptions {
                year: args.year,
                title: args.title,
                source: Some(format!("Hugging Face papers page ({file_name})")),
            },
        ),
    };
    let imported = match result {
        Ok(i) => i,
        Err(e) => {
            eprintln!("{}:{}: {}\npaperdeck: nothing written", args.input.display(), e.line, e.message);
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = write_atomically(&args.output, &to_json(&imported.snapshot)) {
        eprintln!("paperdeck: cannot write {}: {e}", args.output.display());
        return ExitCode::FAILURE;
    }
    eprintln!(
        "paperdeck: {} papers written to {}, {} skipped",
        imported.snapshot.papers.len(),
        args.output.display(),
        imported.skipped.len()
    );
    for s in &imported.skipped {
        eprintln!("  skipped {}:{}: {}", args.input.display(), s.line, s.reason);
    }
    ExitCode::SUCCESS
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
