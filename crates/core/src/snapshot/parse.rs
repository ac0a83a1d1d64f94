//! Reading snapshot JSON: fatal problems are errors, record problems are reported.

use std::collections::HashMap;
use std::fmt;

use serde_json::{Map, Value};

use super::date::PartialDate;
use super::links::{LinkKind, Links};
use super::model::{is_valid_id, Paper, Snapshot, FORMAT_NAME, FORMAT_VERSION};
use super::problem::{Problem, ProblemKind};
use super::url::is_http_url;

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
        let mut indices: Vec<usize> =
            self.problems.iter().filter(|p| p.kind == ProblemKind::RecordSkipped).map(|p| p.index).collect();
        indices.dedup();
        indices.len()
    }

    /// True when nothing at all was wrong.
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty() && self.notes.is_empty()
    }
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
    let value: Value = serde_json::from_str(text).map_err(|e| SnapshotError::Json {
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })?;
    let Value::Object(mut top) = value else {
        return Err(SnapshotError::NotAnObject);
    };
    let mut notes = Vec::new();
    match top.get("format") {
        Some(Value::String(s)) if s == FORMAT_NAME => {}
        None => notes.push(format!("\"format\" is missing; read as \"{FORMAT_NAME}\"")),
        Some(other) => return Err(SnapshotError::WrongFormat { found: other.to_string() }),
    }
    match top.get("version") {
        Some(v) if v.as_u64() == Some(FORMAT_VERSION) => {}
        None => notes.push(format!("\"version\" is missing; read as version {FORMAT_VERSION}")),
        Some(other) => return Err(SnapshotError::UnsupportedVersion { found: other.to_string() }),
    }
    let Some(Value::Array(records)) = top.remove("papers") else {
        return Err(SnapshotError::NoPapers);
    };
    let mut meta = |key: &str| match top.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
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
        papers: Vec::with_capacity(records.len()),
    };
    let mut problems = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::with_capacity(records.len());
    for (index, record) in records.into_iter().enumerate() {
        let mut reader = RecordReader { index, id: None, problems: &mut problems, skip: false };
        if let Some(paper) = reader.read(record, &seen) {
            seen.insert(paper.id.clone(), index);
            snapshot.papers.push(paper);
        }
    }
    Ok(LoadedSnapshot { snapshot, problems, notes })
}

/// serde_json appends " at line L column C", which the error already carries.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

struct RecordReader<'a> {
    index: usize,
    id: Option<String>,
    problems: &'a mut Vec<Problem>,
    skip: bool,
}

impl RecordReader<'_> {
    fn report(&mut self, kind: ProblemKind, field: &str, message: String) {
        self.skip |= kind == ProblemKind::RecordSkipped;
        self.problems.push(Problem {
            index: self.index,
            id: self.id.clone(),
            kind,
            field: field.to_string(),
            message,
        });
    }

    fn required(&mut self, field: &str, message: String) {
        self.report(ProblemKind::RecordSkipped, field, message);
    }

    fn ignored(&mut self, field: &str, message: String) {
        self.report(ProblemKind::FieldIgnored, field, message);
    }

    fn read(&mut self, record: Value, seen: &HashMap<String, usize>) -> Option<Paper> {
        let Value::Object(mut r) = record else {
            self.required("(record)", format!("is {}, not an object", kind_of(&record)));
            return None;
        };
        let id = match r.get("id") {
            Some(Value::String(id)) if is_valid_id(id) => {
                self.id = Some(id.clone());
                if let Some(first) = seen.get(id) {
                    self.required("id", format!("{id:?} repeats the id of papers[{first}]"));
                }
                id.clone()
            }
            Some(Value::String(id)) => {
                self.required("id", format!("{id:?} is not of letters, digits, '.', '_' and '-'"));
                String::new()
            }
            Some(other) => {
                self.required("id", format!("is {}, not a string", kind_of(other)));
                String::new()
            }
            None => {
                self.required("id", "is missing".into());
                String::new()
            }
        };
        let title = match r.remove("title") {
            Some(Value::String(t)) if !t.trim().is_empty() => t,
            Some(Value::String(_)) => {
                self.required("title", "is empty".into());
                String::new()
            }
            Some(other) => {
                self.required("title", format!("is {}, not a string", kind_of(&other)));
                String::new()
            }
            None => {
                self.required("title", "is missing".into());
                String::new()
            }
        };
        // Optional since undated papers were allowed: absent means undated, and a value that
        // is not a date is ignored, so the paper still shows (as undated).
        let published = match r.get("published") {
            None | Some(Value::Null) => PartialDate::UNKNOWN,
            Some(Value::String(s)) => PartialDate::parse(s).unwrap_or_else(|| {
                self.ignored(
                    "published",
                    format!("{s:?} is not a date (YYYY-MM-DD, YYYY-MM or YYYY); shown as undated"),
                );
                PartialDate::UNKNOWN
            }),
            Some(other) => {
                self.ignored(
                    "published",
                    format!("is {}, not a date string; shown as undated", kind_of(other)),
                );
                PartialDate::UNKNOWN
            }
        };
        let authors = self.string_list(&mut r, "authors", true).filter(|a| !a.is_empty());
        let author_count = match (r.get("author_count"), &authors) {
            (None | Some(Value::Null), Some(names)) => Some(names.len() as u32),
            (Some(v), Some(names)) => {
                if v.as_u64() != Some(names.len() as u64) {
                    self.ignored(
                        "author_count",
                        format!("is {v} but {} authors are listed; the list's length is used", names.len()),
                    );
                }
                Some(names.len() as u32)
            }
            (None | Some(Value::Null), None) => {
                self.required("author_count", "is missing, and there is no authors list".into());
                None
            }
            (Some(v), None) => match v.as_u64().and_then(|n| u32::try_from(n).ok()) {
                Some(n) => Some(n),
                None => {
                    self.required("author_count", format!("{v} is not a whole number ≥ 0"));
                    None
                }
            },
        };
        let authors_incomplete = match r.get("authors_incomplete") {
            None | Some(Value::Null) | Some(Value::Bool(false)) => false,
            Some(Value::Bool(true)) if authors.is_some() => true,
            Some(Value::Bool(true)) => {
                self.ignored("authors_incomplete", "is true but there is no authors list".into());
                false
            }
            Some(other) => {
                self.ignored("authors_incomplete", format!("is {}, not true or false", kind_of(other)));
                false
            }
        };
        let upvotes = match r.get("upvotes") {
            None | Some(Value::Null) => 0,
            Some(v) => v.as_u64().and_then(|n| u32::try_from(n).ok()).unwrap_or_else(|| {
                self.ignored("upvotes", format!("{v} is not a whole number ≥ 0"));
                0
            }),
        };
        let abstract_text = self.optional_text(&mut r, "abstract");
        let venue = self.optional_text(&mut r, "venue");
        let summary = self.optional_text(&mut r, "summary");
        let thumbnail = self.optional_text(&mut r, "thumbnail").filter(|u| {
            let ok = is_http_url(u);
            if !ok {
                self.ignored("thumbnail", format!("{u:?} is not an absolute http(s) URL"));
            }
            ok
        });
        let tags = self.string_list(&mut r, "tags", false).unwrap_or_default();
        let links = self.links(r.remove("links"));
        if self.skip {
            return None;
        }
        let mut paper = Paper::new(id, title, author_count?, published);
        paper.abstract_text = abstract_text;
        paper.authors = authors;
        paper.authors_incomplete = authors_incomplete;
        paper.upvotes = upvotes;
        paper.links = links;
        paper.tags = tags;
        paper.venue = venue;
        paper.thumbnail = thumbnail;
        paper.summary = summary;
        Some(paper)
    }

    /// An optional string field; an empty one counts as absent.
    fn optional_text(&mut self, r: &mut Map<String, Value>, field: &str) -> Option<String> {
        match r.remove(field) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.trim().is_empty() => None,
            Some(Value::String(s)) => Some(s),
            Some(other) => {
                self.ignored(field, format!("is {}, not a string", kind_of(&other)));
                None
            }
        }
    }

    /// An optional list of strings. With `strict`, one non-string entry drops the whole
    /// list (an author list with a gap would misattribute); otherwise only that entry.
    fn string_list(&mut self, r: &mut Map<String, Value>, field: &str, strict: bool) -> Option<Vec<String>> {
        match r.remove(field) {
            None | Some(Value::Null) => None,
            Some(Value::Array(items)) => {
                let total = items.len();
                let strings: Vec<String> = items
                    .into_iter()
                    .filter_map(|v| match v {
                        Value::String(s) if !s.trim().is_empty() => Some(s),
                        _ => None,
                    })
                    .collect();
                if strings.len() == total {
                    Some(strings)
                } else if strict {
                    self.ignored(field, "has an entry that is not a non-empty string".into());
                    None
                } else {
                    self.ignored(
                        field,
                        format!("{} entries that are not non-empty strings", total - strings.len()),
                    );
                    Some(strings)
                }
            }
            Some(other) => {
                self.ignored(field, format!("is {}, not a list of strings", kind_of(&other)));
                None
            }
        }
    }

    fn links(&mut self, value: Option<Value>) -> Links {
        let mut links = Links::default();
        let map = match value {
            None | Some(Value::Null) => return links,
            Some(Value::Object(map)) => map,
            Some(other) => {
                self.ignored("links", format!("is {}, not an object", kind_of(&other)));
                return links;
            }
        };
        for (name, url) in map {
            let field = format!("links.{name}");
            let Some(kind) = LinkKind::from_name(&name) else {
                let names: Vec<_> = LinkKind::ALL.iter().map(|k| k.name()).collect();
                self.ignored(&field, format!("is not a link kind ({})", names.join(", ")));
                continue;
            };
            match url {
                Value::Null => {}
                Value::String(u) if is_http_url(&u) => links.set(kind, u),
                Value::String(u) => self.ignored(&field, format!("{u:?} is not an absolute http(s) URL")),
                other => self.ignored(&field, format!("is {}, not a URL string", kind_of(&other))),
            }
        }
        links
    }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
