//! Reading snapshot JSON: fatal problems are errors, record problems are reported.

use std::collections::HashMap;
use std::fmt;

use serde_json::value::RawValue;
use serde_json::Value;

mod fields;
mod record;
mod stream;

use fields::RawRecord;
use record::RecordReader;
pub use stream::SnapshotReader;

use super::model::{Paper, Snapshot, FORMAT_NAME, FORMAT_VERSION};
use super::problem::{Problem, ProblemKind};

/// A snapshot that could be read, with what was wrong in it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoadedSnapshot {
    /// The valid papers, in file order.
    pub snapshot: Snapshot,
    /// One entry per problem in a record; see [`ProblemKind`] for what became of it.
    pub problems: Vec<Problem>,
    /// Problems with the snapshot's own fields (not its papers), which were ignored.
    pub notes: Vec<String>,
}

impl LoadedSnapshot {
    /// How many records were left out.
    pub fn skipped(&self) -> usize {
        skipped_records(&self.problems)
    }

    /// True when nothing at all was wrong.
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty() && self.notes.is_empty()
    }
}

/// How many records `problems` say were left out.
pub(crate) fn skipped_records(problems: &[Problem]) -> usize {
    let mut indices: Vec<usize> =
        problems.iter().filter(|p| p.kind == ProblemKind::RecordSkipped).map(|p| p.index).collect();
    indices.dedup();
    indices.len()
}

/// Why a text could not be read as a snapshot at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotError {
    /// Not JSON; line and column are 1-based.
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    NotAnObject,
    /// Markup (text starting with `<`), most often an HTML page: what a server sends for a
    /// missing file when it answers every path with its home page (`trunk serve`, a
    /// single-page-app host).
    WebPage,
    WrongFormat {
        found: String,
    },
    UnsupportedVersion {
        found: String,
    },
    NoPapers,
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Json { line, column, message } => {
                write!(f, "not valid JSON at line {line}, column {column}: {message}")
            }
            Self::NotAnObject => write!(f, "not a Paperdeck snapshot: the top level is not a JSON object"),
            Self::WebPage => write!(
                f,
                "not a Paperdeck snapshot: it is HTML or XML (it starts with \"<\"), not JSON. If it \
                 came from a web address, the server may answer a missing file with its home page: \
                 check the address"
            ),
            Self::WrongFormat { found } => {
                write!(f, "not a Paperdeck snapshot: \"format\" is {found}, expected \"{FORMAT_NAME}\"")
            }
            Self::UnsupportedVersion { found } => write!(
                f,
                "snapshot version {found} is not supported: this Paperdeck reads version {FORMAT_VERSION}"
            ),
            Self::NoPapers => write!(f, "not a Paperdeck snapshot: there is no \"papers\" array"),
        }
    }
}

impl std::error::Error for SnapshotError {}

/// Reads a snapshot. Only a text that is not a snapshot at all is an error; every record
/// that breaks a rule is reported in [`LoadedSnapshot::problems`] and the rest are kept.
pub fn parse_snapshot(text: &str) -> Result<LoadedSnapshot, SnapshotError> {
    // The whole text's syntax first, without building values: a raw value is scanned, not
    // recursed into, so nesting of any depth is read here, and a record too deeply nested
    // to build costs only itself (below).
    let whole: &RawValue = serde_json::from_str(text).map_err(|e| {
        if text.trim_start().starts_with('<') {
            return SnapshotError::WebPage;
        }
        SnapshotError::Json { line: e.line(), column: e.column(), message: strip_position(&e.to_string()) }
    })?;
    let Ok(top) = serde_json::from_str::<HashMap<String, &RawValue>>(whole.get()) else {
        return Err(SnapshotError::NotAnObject);
    };
    let field = |key: &str| top.get(key).map(|raw| serde_json::from_str::<Value>(raw.get()));
    let mut notes = Vec::new();
    match field("format") {
        Some(Ok(Value::String(s))) if s == FORMAT_NAME => {}
        None => notes.push(format!("\"format\" is missing; read as \"{FORMAT_NAME}\"")),
        Some(other) => return Err(SnapshotError::WrongFormat { found: found(other) }),
    }
    match field("version") {
        Some(Ok(v)) if v.as_u64() == Some(FORMAT_VERSION) => {}
        None => notes.push(format!("\"version\" is missing; read as version {FORMAT_VERSION}")),
        Some(other) => return Err(SnapshotError::UnsupportedVersion { found: found(other) }),
    }
    let Some(Ok(records)) = top.get("papers").map(|raw| serde_json::from_str::<Vec<&RawValue>>(raw.get()))
    else {
        return Err(SnapshotError::NoPapers);
    };
    let mut meta = |key: &str| match field(key) {
        None | Some(Ok(Value::Null)) => None,
        Some(Ok(Value::String(s))) => Some(s),
        Some(_) => {
            notes.push(format!("\"{key}\" is not a string; ignored"));
            None
        }
    };
    let mut snapshot = Snapshot {
        title: meta("title"),
        description: meta("description"),
        generated: meta("generated"),
        source: meta("source"),
        highlight_authors: Vec::new(),
        sources: Vec::new(),
        papers: Vec::new(),
    };
    snapshot.highlight_authors = highlight_authors(field("highlight_authors"), &mut notes);
    snapshot.sources = sources(field("sources"), &mut notes);
    let mut papers = Records::with_capacity(records.len());
    for raw in records {
        papers.push(serde_json::from_str::<RawRecord>(raw.get()));
    }
    Ok(papers.into_loaded(snapshot, notes))
}

/// The records of `papers` read one by one in file order, each with its index: the valid
/// papers (a repeated id keeps the first) and every record's problems.
pub(super) struct Records {
    papers: Vec<Paper>,
    problems: Vec<Problem>,
    seen: HashMap<String, usize>,
    /// The index of the next record.
    next_index: usize,
}

impl Records {
    pub(super) fn with_capacity(n: usize) -> Self {
        Self {
            papers: Vec::with_capacity(n),
            problems: Vec::new(),
            seen: HashMap::with_capacity(n),
            next_index: 0,
        }
    }

    /// The valid papers so far.
    pub(super) fn papers(&self) -> &[Paper] {
        &self.papers
    }

    /// How many records have been read.
    pub(super) fn len(&self) -> usize {
        self.next_index
    }

    /// Reads the next record: its fields, or why they could not be built.
    pub(super) fn push(&mut self, record: Result<RawRecord, serde_json::Error>) {
        let index = self.next_index;
        self.next_index += 1;
        let mut reader = RecordReader { index, id: None, problems: &mut self.problems, skip: false };
        let paper = match record {
            Ok(record) => reader.read(record, &self.seen),
            Err(e) => reader.unreadable(&strip_position(&e.to_string())),
        };
        if let Some(paper) = paper {
            self.seen.insert(paper.id.clone(), index);
            self.papers.push(paper);
        }
    }

    /// The snapshot with these records as its papers.
    pub(super) fn into_loaded(mut self, mut snapshot: Snapshot, notes: Vec<String>) -> LoadedSnapshot {
        // A vector grown by doubling can be nearly half empty (a paper is ~600 bytes):
        // given back before the index, the load's largest step, is built.
        self.papers.shrink_to_fit();
        snapshot.papers = self.papers;
        LoadedSnapshot { snapshot, problems: self.problems, notes }
    }
}

/// The lab's members: a list of names; an entry that is not a non-empty string is left
/// out, and a value that is not a list is ignored, each with a note.
fn highlight_authors(
    value: Option<Result<Value, serde_json::Error>>,
    notes: &mut Vec<String>,
) -> Vec<String> {
    match value {
        None | Some(Ok(Value::Null)) => Vec::new(),
        Some(Ok(Value::Array(items))) => {
            let total = items.len();
            let names: Vec<String> = items
                .into_iter()
                .filter_map(|v| match v {
                    Value::String(s) if !s.trim().is_empty() => Some(s),
                    _ => None,
                })
                .collect();
            if names.len() < total {
                notes.push(format!(
                    "\"highlight_authors\" has {} entries that are not names; they are left out",
                    total - names.len()
                ));
            }
            names
        }
        Some(_) => {
            notes.push("\"highlight_authors\" is not a list of names; ignored".to_string());
            Vec::new()
        }
    }
}

/// What `paperdeck update` fetches from: a list of source specs; an entry that is not a
/// non-empty string is left out, and a value that is not a list is ignored, each with a
/// note. The specs themselves are the command's business, not the format's.
fn sources(value: Option<Result<Value, serde_json::Error>>, notes: &mut Vec<String>) -> Vec<String> {
    match value {
        None | Some(Ok(Value::Null)) => Vec::new(),
        Some(Ok(Value::Array(items))) => {
            let mut specs = Vec::with_capacity(items.len());
            for (i, item) in items.into_iter().enumerate() {
                match item {
                    Value::String(s) if !s.trim().is_empty() => specs.push(s),
                    _ => notes.push(format!(
                        "\"sources\"[{i}] is not a source spec (a non-empty string); left out"
                    )),
                }
            }
            specs
        }
        Some(_) => {
            notes.push("\"sources\" is not a list of source specs; ignored".to_string());
            Vec::new()
        }
    }
}

/// How an unexpected `format` or `version` value is quoted in the error.
fn found(value: Result<Value, serde_json::Error>) -> String {
    match value {
        Ok(v) => v.to_string(),
        Err(_) => "a value nested too deeply to read".to_string(),
    }
}

/// serde_json appends " at line L column C", which the error already carries.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}
