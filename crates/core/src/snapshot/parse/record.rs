//! One record of a snapshot's `papers`: each field read on its own, so a bad optional
//! field is ignored and reported while the paper is kept.

use std::collections::HashMap;

use serde_json::Value;

use super::fields::{RawRecord, RecordFields};

use crate::snapshot::date::PartialDate;
use crate::snapshot::kind::PaperKind;
use crate::snapshot::links::{LinkKind, Links};
use crate::snapshot::model::{is_valid_id, Paper};
use crate::snapshot::problem::{Problem, ProblemKind};
use crate::snapshot::url::is_http_url;

/// Reads one record, reporting each problem with the record's index and id.
pub(super) struct RecordReader<'a> {
    pub(super) index: usize,
    /// The record's id once known, for the problems reported after it.
    pub(super) id: Option<String>,
    pub(super) problems: &'a mut Vec<Problem>,
    /// Set by a problem that costs the record.
    pub(super) skip: bool,
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

    /// A record that is valid JSON but cannot be built (nested deeper than the parser
    /// recurses): skipped, with the parser's reason.
    pub(super) fn unreadable(&mut self, reason: &str) -> Option<Paper> {
        self.required("(record)", format!("cannot be read: {reason}"));
        None
    }

    /// The paper of one record, or `None` when a required field is unusable; every
    /// problem is reported either way.
    pub(super) fn read(&mut self, record: RawRecord, seen: &HashMap<String, usize>) -> Option<Paper> {
        let r = match record {
            RawRecord::Object(fields) => *fields,
            RawRecord::Not(kind) => {
                self.required("(record)", format!("is {kind}, not an object"));
                return None;
            }
        };
        let RecordFields {
            id,
            title,
            published,
            authors,
            author_count,
            authors_incomplete,
            upvotes,
            abstract_text,
            venue,
            venue_short,
            kind,
            citations,
            summary,
            bibtex,
            thumbnail,
            tags,
            links,
        } = r;
        let id = self.id(id, seen);
        let title = self.title(title);
        let published = self.published(published);
        let authors = self.string_list(authors, "authors", true).filter(|a| !a.is_empty());
        let author_count = self.author_count(author_count, authors.as_deref());
        let authors_incomplete = self.authors_incomplete(authors_incomplete, authors.is_some());
        let upvotes = self.upvotes(upvotes);
        let abstract_text = self.optional_text(abstract_text, "abstract");
        let venue = self.optional_text(venue, "venue");
        let venue_short = self.optional_text(venue_short, "venue_short");
        let kind = self.kind(kind);
        let citations = self.citations(citations);
        let summary = self.optional_text(summary, "summary");
        let bibtex = self.optional_text(bibtex, "bibtex");
        let thumbnail = self.thumbnail(thumbnail);
        let tags = self.string_list(tags, "tags", false).unwrap_or_default();
        let links = self.links(links);
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
        paper.venue_short = venue_short;
        paper.kind = kind;
        paper.citations = citations;
        paper.thumbnail = thumbnail;
        paper.summary = summary;
        paper.bibtex = bibtex;
        Some(paper)
    }

    /// Required: a valid id not used by an earlier record.
    fn id(&mut self, value: Option<Value>, seen: &HashMap<String, usize>) -> String {
        match value {
            Some(Value::String(id)) if is_valid_id(&id) => {
                self.id = Some(id.clone());
                if let Some(first) = seen.get(&id) {
                    self.required("id", format!("{id:?} repeats the id of papers[{first}]"));
                }
                id
            }
            Some(Value::String(id)) => {
                self.required("id", format!("{id:?} is not of letters, digits, '.', '_' and '-'"));
                String::new()
            }
            Some(other) => {
                self.required("id", format!("is {}, not a string", kind_of(&other)));
                String::new()
            }
            None => {
                self.required("id", "is missing".into());
                String::new()
            }
        }
    }

    /// Required: a title that is not blank.
    fn title(&mut self, value: Option<Value>) -> String {
        match value {
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
        }
    }

    /// Optional since undated papers were allowed: absent means undated, and a value that
    /// is not a date is ignored, so the paper still shows (as undated).
    fn published(&mut self, value: Option<Value>) -> PartialDate {
        match value {
            None | Some(Value::Null) => PartialDate::UNKNOWN,
            Some(Value::String(s)) => PartialDate::parse(&s).unwrap_or_else(|| {
                self.ignored(
                    "published",
                    format!("{s:?} is not a date (YYYY-MM-DD, YYYY-MM or YYYY); shown as undated"),
                );
                PartialDate::UNKNOWN
            }),
            Some(other) => {
                self.ignored(
                    "published",
                    format!("is {}, not a date string; shown as undated", kind_of(&other)),
                );
                PartialDate::UNKNOWN
            }
        }
    }

    /// The length of the authors list when there is one (a different `author_count` is
    /// ignored), else the required `author_count`.
    fn author_count(&mut self, value: Option<Value>, authors: Option<&[String]>) -> Option<u32> {
        match (value, authors) {
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
        }
    }

    /// True only with an authors list to be incomplete.
    fn authors_incomplete(&mut self, value: Option<Value>, has_authors: bool) -> bool {
        match value {
            None | Some(Value::Null) | Some(Value::Bool(false)) => false,
            Some(Value::Bool(true)) if has_authors => true,
            Some(Value::Bool(true)) => {
                self.ignored("authors_incomplete", "is true but there is no authors list".into());
                false
            }
            Some(other) => {
                self.ignored("authors_incomplete", format!("is {}, not true or false", kind_of(&other)));
                false
            }
        }
    }

    fn upvotes(&mut self, value: Option<Value>) -> u32 {
        match value {
            None | Some(Value::Null) => 0,
            Some(v) => v.as_u64().and_then(|n| u32::try_from(n).ok()).unwrap_or_else(|| {
                self.ignored("upvotes", format!("{v} is not a whole number ≥ 0"));
                0
            }),
        }
    }

    /// Optional: a kind of [`PaperKind::ALL`]; another value is ignored (no kind).
    fn kind(&mut self, value: Option<Value>) -> Option<PaperKind> {
        let name = self.optional_text(value, "kind")?;
        let kind = PaperKind::from_name(&name);
        if kind.is_none() {
            let names: Vec<_> = PaperKind::ALL.iter().map(|k| k.name()).collect();
            self.ignored("kind", format!("{name:?} is not a kind ({})", names.join(", ")));
        }
        kind
    }

    /// Optional, and 0 is a count (unlike upvotes, where absent means 0).
    fn citations(&mut self, value: Option<Value>) -> Option<u32> {
        match value {
            None | Some(Value::Null) => None,
            Some(v) => {
                let n = v.as_u64().and_then(|n| u32::try_from(n).ok());
                if n.is_none() {
                    self.ignored("citations", format!("{v} is not a whole number ≥ 0"));
                }
                n
            }
        }
    }

    fn thumbnail(&mut self, value: Option<Value>) -> Option<String> {
        self.optional_text(value, "thumbnail").filter(|u| {
            let ok = is_http_url(u);
            if !ok {
                self.ignored("thumbnail", format!("{u:?} is not an absolute http(s) URL"));
            }
            ok
        })
    }

    /// An optional string field; an empty one counts as absent.
    fn optional_text(&mut self, value: Option<Value>, field: &str) -> Option<String> {
        match value {
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
    fn string_list(&mut self, value: Option<Value>, field: &str, strict: bool) -> Option<Vec<String>> {
        match value {
            None | Some(Value::Null) => None,
            Some(Value::Array(items)) => {
                let total = items.len();
                let mut strings: Vec<String> = items
                    .into_iter()
                    .filter_map(|v| match v {
                        Value::String(s) if !s.trim().is_empty() => Some(s),
                        _ => None,
                    })
                    .collect();
                // Collected in the place of the JSON values (32 bytes each, grown by
                // doubling as they were read): a third or more of it unused.
                strings.shrink_to_fit();
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
            let field = || format!("links.{name}");
            let Some(kind) = LinkKind::from_name(&name) else {
                let names: Vec<_> = LinkKind::ALL.iter().map(|k| k.name()).collect();
                self.ignored(&field(), format!("is not a link kind ({})", names.join(", ")));
                continue;
            };
            match url {
                Value::Null => {}
                Value::String(u) if is_http_url(&u) => links.set(kind, u),
                Value::String(u) => self.ignored(&field(), format!("{u:?} is not an absolute http(s) URL")),
                other => self.ignored(&field(), format!("is {}, not a URL string", kind_of(&other))),
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
