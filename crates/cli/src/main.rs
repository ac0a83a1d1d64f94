//! `paperdeck`: import paper lists into Paperdeck snapshots, and check snapshots.
//! This file is the only place that knows about arguments, files and exit codes.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use std::io::Read;

use paperdeck_cli::import::readers::csv_table;
use paperdeck_cli::import::{import, ImportError, ImportOptions, Input, Location, SourceFormat};
use paperdeck_core::{parse_snapshot, to_json};

const USAGE: &str = "\
usage:
  paperdeck import [--from FORMAT] FILE... [options] -o OUT.json
  paperdeck check FILE.json

import   reads every FILE and writes one snapshot (format v1) to OUT.json. Papers found
         in several entries or files (same arXiv id, same DOI, or same title and year)
         are merged into one. The report lists each merge and each entry that could not
         be used, with FILE:LINE and the reason; a malformed FILE writes nothing.
         FILE may be gzip-compressed (.gz).
         --from FORMAT applies to the FILEs after it; without it a FILE's format comes
         from its extension (.bib .xml .csv .json .txt):
           bibtex      BibTeX / BibLaTeX (.bib)
           arxiv-atom  a response of the arXiv API (export.arxiv.org/api/query) (.xml)
           csv         a table with a header: Zotero or Publish or Perish exports, or
                       columns named title, authors, date, abstract, url, ... (.csv)
           hf-api      Hugging Face daily_papers API responses, JSON arrays (.json)
           hf-page     a Hugging Face papers page saved as text (.txt)
options  --title TITLE       the snapshot's title
         --allow-undated     keep entries without a year, as undated papers (sorted last)
         --map COLUMN=FIELD  csv: read COLUMN as FIELD (repeatable; FIELD ignore drops it)
         --year YYYY         hf-page: the year of dates written without one
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
    /// Each input with its format.
    inputs: Vec<(PathBuf, SourceFormat)>,
    output: PathBuf,
    options: ImportOptions,
}

fn parse_import_args(args: &[String]) -> Result<ImportArgs, String> {
    let mut output = None;
    let mut from = None;
    let mut inputs = Vec::new();
    let mut options = ImportOptions::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--from" => {
                let name = value("--from")?;
                let names: Vec<&str> = SourceFormat::ALL.iter().map(|f| f.name()).collect();
                from = Some(
                    SourceFormat::from_name(&name)
                        .ok_or(format!("unknown format {name:?}; known: {}", names.join(", ")))?,
                );
            }
            "-o" | "--output" => output = Some(PathBuf::from(value("-o")?)),
            "--year" => {
                let y = value("--year")?;
                options.year = Some(
                    y.parse()
                        .ok()
                        .filter(|y| (1000..=9999).contains(y))
                        .ok_or(format!("--year {y:?} is not a year"))?,
                );
            }
            "--title" => options.title = Some(value("--title")?),
            "--allow-undated" => options.allow_undated = true,
            "--map" => {
                let pair = value("--map")?;
                let (column, field) = pair
                    .split_once('=')
                    .filter(|(c, f)| !c.trim().is_empty() && !f.trim().is_empty())
                    .ok_or(format!("--map {pair:?} is not COLUMN=FIELD"))?;
                let field = field.trim().to_lowercase();
                if !csv_table::FIELDS.iter().any(|(f, _)| *f == field) {
                    let fields: Vec<&str> = csv_table::FIELDS.iter().map(|(f, _)| *f).collect();
                    return Err(format!(
                        "--map {pair:?}: unknown field {field:?}; fields: {}",
                        fields.join(", ")
                    ));
                }
                options.column_map.push((column.trim().to_string(), field));
            }
            flag if flag.starts_with('-') && flag.len() > 1 => return Err(format!("unknown option {flag}")),
            file => {
                let format = match from {
                    Some(f) => f,
                    None => SourceFormat::from_file_name(file).ok_or(format!(
                        "cannot tell the format of {file} from its name; put --from FORMAT before it"
                    ))?,
                };
                inputs.push((PathBuf::from(file), format));
            }
        }
    }
    if inputs.is_empty() {
        return Err("an input FILE is required".into());
    }
    Ok(ImportArgs { inputs, output: output.ok_or("-o OUT.json is required")?, options })
}

fn run_import(args: &[String]) -> ExitCode {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let args = match parse_import_args(args) {
        Ok(a) => a,
        Err(e) => return usage_error(&e),
    };
    let mut texts = Vec::new();
    for (path, _) in &args.inputs {
        match read_input(path) {
            Ok(t) => texts.push(t),
            Err(ReadError::Io(e)) => {
                eprintln!("paperdeck: cannot read {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
            Err(ReadError::Import(e)) => return import_failed(path, &e),
        }
    }
    let names: Vec<String> = args
        .inputs
        .iter()
        .map(|(p, _)| p.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned()))
        .collect();
    let inputs: Vec<Input> = args
        .inputs
        .iter()
        .zip(&texts)
        .zip(&names)
        .map(|(((_, format), text), name)| Input { name, format: *format, text })
        .collect();
    let outcome = match import(&inputs, &args.options) {
        Ok(o) => o,
        Err((i, e)) => return import_failed(&args.inputs[i].0, &e),
    };
    if let Err(e) = write_atomically(&args.output, &to_json(&outcome.snapshot)) {
        eprintln!("paperdeck: cannot write {}: {e}", args.output.display());
        return ExitCode::FAILURE;
    }
    let place = |input: usize, at: Location| {
        let file = args.inputs[input].0.display();
        match at {
            Location::Line(_) => format!("{file}:{at}"),
            Location::Record(_) => format!("{file} ({at})"),
        }
    };
    eprintln!(
        "paperdeck: {} papers written to {} from {} entries: {} merged, {} skipped",
        outcome.snapshot.papers.len(),
        args.output.display(),
        outcome.entries(),
        outcome.merged_entries(),
        outcome.skipped_entries()
    );
    for m in &outcome.merged {
        let places: Vec<String> = m.sources.iter().map(|&(i, at)| place(i, at)).collect();
        eprintln!("  merged into {}: {} ({})", m.id, places.join(", "), m.reason.describe());
    }
    for (i, report) in outcome.inputs.iter().enumerate() {
        for s in &report.skipped {
            eprintln!("  skipped {}: {}", place(i, s.at), s.reason);
        }
    }
    for (i, report) in outcome.inputs.iter().enumerate() {
        for n in &report.notes {
            eprintln!("  note {}: {}", place(i, n.at), n.message);
        }
    }
    ExitCode::SUCCESS
}

fn import_failed(path: &Path, e: &ImportError) -> ExitCode {
    eprintln!("{}:{e}\npaperdeck: nothing written", path.display());
    ExitCode::FAILURE
}

enum ReadError {
    Io(std::io::Error),
    /// Text that is not UTF-8, at the first bad byte.
    Import(ImportError),
}

/// Reads a text file, gunzipping it when its name ends in `.gz`.
fn read_input(path: &Path) -> Result<String, ReadError> {
    let mut bytes = std::fs::read(path).map_err(ReadError::Io)?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut plain = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..]).read_to_end(&mut plain).map_err(ReadError::Io)?;
        bytes = plain;
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..good]).into_owned();
        ReadError::Import(ImportError::at_offset(&text, good, "not UTF-8 text (save the file as UTF-8)"))
    })
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
