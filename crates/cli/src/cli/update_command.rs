//! `paperdeck update`: read the snapshot and the sources to fetch, fetch each source,
//! fold what they gave into the snapshot, write it atomically (or nothing, when a source
//! failed and `--keep-going` was not given), and report. docs/updating.md quotes
//! [`UPDATE_USAGE`] verbatim (`tests/update.rs` checks it).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use paperdeck_cli::update::fetch::{fetch, Bases, FetchContext, Fetched};
use paperdeck_cli::update::http::{Client, Timing};
use paperdeck_cli::update::spec::{Day, SourceSpec};
use paperdeck_cli::update::{apply, place, UpdateOutcome};
use paperdeck_core::{parse_snapshot, to_json, Snapshot};

use crate::cli::atomic_write::write_atomically;
use crate::cli::output_path::{output_target, OutputError};

pub const UPDATE_USAGE: &str = "\
usage:
  paperdeck update SNAPSHOT.json [--source SPEC]... [-o OUT.json] [--keep-going] [--refetch]

update   fetches new papers from each source and merges them into SNAPSHOT.json (or writes
         OUT.json), losing none: papers seen again get their changing counts (upvotes)
         refreshed and empty fields filled; hand-made edits are kept. The sources are
         kept in the snapshot, so `paperdeck update SNAPSHOT.json` alone repeats the last
         update. A SNAPSHOT.json that does not exist yet is started when --source is given.
         --source SPEC (repeatable; replaces the snapshot's list):
           hf-daily:FROM[..TO]   Hugging Face daily papers of each day FROM..TO (or today),
                                 YYYY-MM-DD; only days after the last one fetched
           arxiv:QUERY           the arXiv API's search_query, e.g. arxiv:au:Wolflein_G
           zotero:groups/ID      a Zotero library (or zotero:users/ID), optionally
                                 .../collections/KEY; a private one needs ZOTERO_API_KEY
options  -o OUT.json      write there instead of over SNAPSHOT.json
         --keep-going     when a source fails, still write what the others gave (exit 3)
         --refetch        fetch every day of hf-daily ranges again (refreshes upvotes)

exit status: 0 success, 1 a source failed or invalid input (nothing written),
             2 wrong usage, 3 written without the sources that failed (--keep-going)";

/// What `paperdeck update` was asked to do.
#[derive(Debug, Default)]
struct UpdateArgs {
    snapshot: PathBuf,
    sources: Vec<SourceSpec>,
    output: Option<PathBuf>,
    keep_going: bool,
    refetch: bool,
}

/// Why an update stopped: what it says, and the exit status.
enum Stop {
    Usage(String),
    /// Bad input, a file that cannot be read or written, or a failed source (1).
    Fail(String),
}

/// Runs `paperdeck update` with the arguments after `update`.
pub fn run_update(args: &[String]) -> ExitCode {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{UPDATE_USAGE}");
        return ExitCode::SUCCESS;
    }
    match update(args) {
        Ok(code) => code,
        Err(Stop::Usage(message)) => {
            eprintln!("paperdeck: {message}\n\n{UPDATE_USAGE}");
            ExitCode::from(2)
        }
        Err(Stop::Fail(message)) => {
            eprintln!("paperdeck: {message}");
            ExitCode::from(1)
        }
    }
}

fn parse_args(args: &[String]) -> Result<UpdateArgs, String> {
    let mut parsed = UpdateArgs::default();
    let mut snapshot = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--source" => parsed.sources.push(SourceSpec::parse(&value("--source")?)?),
            "-o" | "--output" => parsed.output = Some(PathBuf::from(value("-o")?)),
            "--keep-going" => parsed.keep_going = true,
            "--refetch" => parsed.refetch = true,
            flag if flag.starts_with('-') && flag.len() > 1 => return Err(format!("unknown option {flag}")),
            file if snapshot.is_none() => snapshot = Some(PathBuf::from(file)),
            file => return Err(format!("one SNAPSHOT.json only; {file:?} is a second one")),
        }
    }
    parsed.snapshot = snapshot.ok_or("SNAPSHOT.json is required")?;
    Ok(parsed)
}

fn update(args: &[String]) -> Result<ExitCode, Stop> {
    let args = parse_args(args).map_err(Stop::Usage)?;
    let output = args.output.clone().unwrap_or_else(|| args.snapshot.clone());
    let target = output_target(&output, &[]).map_err(|e| match e {
        OutputError::IsAnInput(_) => unreachable!("no inputs are given"),
        OutputError::Io(e) => Stop::Fail(format!("cannot write {}: {e}", output.display())),
    })?;
    let (snapshot, before) = read_snapshot(&args.snapshot, !args.sources.is_empty())?;
    let specs = sources_to_fetch(&args, &snapshot)?;

    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let defaults = Bases::default();
    let bases = Bases {
        hf: env("PAPERDECK_HF_API_URL").unwrap_or(defaults.hf),
        arxiv: env("PAPERDECK_ARXIV_API_URL").unwrap_or(defaults.arxiv),
        zotero: env("PAPERDECK_ZOTERO_API_URL").unwrap_or(defaults.zotero),
    };
    let client = Client::new(timing(&bases, env("PAPERDECK_TEST_TIMING").is_some()));
    let zotero_key = env("ZOTERO_API_KEY");
    let today = Day::today();
    let cx = FetchContext {
        client: &client,
        bases: &bases,
        zotero_key: zotero_key.as_deref(),
        today,
        refetch: args.refetch,
    };

    let runs: Vec<(SourceSpec, Result<Fetched, String>)> = specs
        .into_iter()
        .map(|spec| {
            let r = fetch_one(&spec, &cx);
            (spec, r)
        })
        .collect();
    let failed = runs.iter().filter(|(_, r)| r.is_err()).count();
    let outcome = apply(snapshot, runs, today);
    if failed > 0 && !args.keep_going {
        eprint!("{}", render_report(&outcome, None));
        return Err(Stop::Fail(format!(
            "{failed} source(s) failed; {} left as it was (--keep-going writes what the others gave)",
            args.snapshot.display()
        )));
    }
    let json = to_json(&outcome.snapshot);
    let same = output == args.snapshot && before.as_deref() == Some(json.as_str());
    if !same {
        write_atomically(&target, &json)
            .map_err(|e| Stop::Fail(format!("cannot write {}: {e}", output.display())))?;
    }
    let written = if same {
        format!("{} unchanged", output.display())
    } else {
        format!("written to {}", output.display())
    };
    eprint!("{}", render_report(&outcome, Some(&written)));
    Ok(if failed > 0 { ExitCode::from(3) } else { ExitCode::SUCCESS })
}

/// Short waits only for tests, and only against a service on this machine.
fn timing(bases: &Bases, test_timing: bool) -> Timing {
    let local = |url: &str| {
        let rest = url.strip_prefix("http://").unwrap_or("");
        rest.starts_with("127.0.0.1:") || rest.starts_with("localhost:") || rest.starts_with("[::1]:")
    };
    if test_timing && local(&bases.hf) && local(&bases.arxiv) && local(&bases.zotero) {
        Timing::TEST
    } else {
        Timing::REAL
    }
}

/// The snapshot and its text; one that does not exist is a new, empty one when sources
/// were given. A snapshot with problems is refused: writing it back would lose them.
fn read_snapshot(path: &Path, may_start: bool) -> Result<(Snapshot, Option<String>), Stop> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && may_start => {
            eprintln!("paperdeck: {} does not exist; starting a new snapshot", path.display());
            return Ok((Snapshot::default(), None));
        }
        Err(e) => return Err(Stop::Fail(format!("cannot read {}: {e}", path.display()))),
    };
    let loaded = parse_snapshot(&text).map_err(|e| Stop::Fail(format!("{}: {e}", path.display())))?;
    if !loaded.problems.is_empty() {
        return Err(Stop::Fail(format!(
            "{} has {} problem(s) in its papers (see paperdeck check); updating it would drop them; nothing written",
            path.display(),
            loaded.problems.len()
        )));
    }
    for note in &loaded.notes {
        eprintln!("paperdeck: note {}: {note}", path.display());
    }
    Ok((loaded.snapshot, Some(text)))
}

/// The `--source` specs (each keeping what the snapshot says was fetched of the same
/// source), else the snapshot's own list.
fn sources_to_fetch(args: &UpdateArgs, snapshot: &Snapshot) -> Result<Vec<SourceSpec>, Stop> {
    let stored: Vec<SourceSpec> = snapshot
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            SourceSpec::parse(s)
                .map_err(|e| Stop::Fail(format!("{}: sources[{i}]: {e}", args.snapshot.display())))
        })
        .collect::<Result<_, _>>()?;
    if args.sources.is_empty() {
        if stored.is_empty() {
            return Err(Stop::Usage(format!(
                "{} has no sources: give --source SPEC at least once",
                args.snapshot.display()
            )));
        }
        return Ok(stored);
    }
    Ok(args
        .sources
        .iter()
        .map(|given| stored.iter().find(|s| s.same_source(given)).cloned().unwrap_or_else(|| given.clone()))
        .collect())
}

/// Fetches one source, with a progress line on a terminal.
fn fetch_one(spec: &SourceSpec, cx: &FetchContext) -> Result<Fetched, String> {
    let terminal = std::io::stderr().is_terminal();
    let mut progress = |line: String| {
        if terminal {
            eprint!("\r\x1b[2K{spec}: {line}");
        }
    };
    let result = fetch(spec, cx, &mut progress);
    if terminal {
        eprint!("\r\x1b[2K");
    }
    result
}

/// The report on standard error: the counts, each source, then each new, updated, merged
/// and skipped paper and each note. `written` says where the snapshot went, when it did.
fn render_report(outcome: &UpdateOutcome, written: Option<&str>) -> String {
    use std::fmt::Write;
    let r = &outcome.refresh;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "paperdeck: {} new, {} updated, {} unchanged, {} skipped; {} papers {}",
        r.new.len(),
        r.updated.len(),
        r.unchanged,
        outcome.skipped(),
        outcome.snapshot.papers.len(),
        written.unwrap_or("not written")
    );
    for s in &outcome.sources {
        let _ = match &s.result {
            Ok(f) => writeln!(out, "  source {}: {} entries in {} request(s)", s.spec, f.entries, f.requests),
            Err(e) => writeln!(out, "  source {}: FAILED: {e}", s.spec),
        };
    }
    for id in &r.new {
        let _ = writeln!(out, "  new {id}");
    }
    for (id, fields) in &r.updated {
        let _ = writeln!(out, "  updated {id}: {}", fields.join(", "));
    }
    for (id, places) in &outcome.merged {
        let _ = writeln!(out, "  merged into {id}: {}", places.join(", "));
    }
    for s in outcome.sources.iter().filter_map(|s| s.result.as_ref().ok()) {
        for (page, skipped) in &s.skipped {
            let _ = writeln!(out, "  skipped {}: {}", place(page, skipped.at), skipped.reason);
        }
        for (page, note) in &s.notes {
            let _ = writeln!(out, "  note {}: {}", place(page, note.at), note.message);
        }
    }
    out
}
