//! Reading a BibTeX file's entries with the `biblatex` crate: each on its own, so that one
//! bad entry (a repeated citation key, one the crate cannot read) costs only itself and an
//! undefined macro only a note; then, when some entry cross-references another, all
//! together, so that crossrefs resolve.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::panic::AssertUnwindSafe;

use biblatex::{
    Bibliography, ChunksExt, Entry, Pair, ParseErrorKind, RawBibliography, RawChunk, RawEntry, Spanned,
};
use paperdeck_core::PartialDate;

use super::original::original_entry;
use crate::import::parsed::{line_column, ImportError, Location, Note, Parsed, Skipped};

/// An entry the crate could read on its own.
pub struct ReadEntry {
    /// The line it starts on.
    pub line: usize,
    /// The entry as read on its own, without what it cross-references.
    pub alone: Entry,
    /// Its keywords as written: the crate folds the line breaks some exports separate them by.
    pub raw_keywords: Option<String>,
    /// The entry a paper keeps for exports (`original.rs`), unless it cross-references.
    pub original: Option<String>,
}

/// What reading the readable entries together takes: them as written, and every macro
/// (undefined ones defined as their own names).
pub struct Together<'s> {
    entries: Vec<Spanned<RawEntry<'s>>>,
    abbreviations: Vec<Pair<'s>>,
}

/// The file's syntax; an error in it makes the whole file unreadable.
pub fn read_syntax(text: &str) -> Result<RawBibliography<'_>, ImportError> {
    RawBibliography::parse(text).map_err(|e| {
        let message = match &e.kind {
            ParseErrorKind::UnexpectedEof => "the file ends inside an entry (a missing '}'?)".to_string(),
            kind => format!("not valid BibTeX: {kind}"),
        };
        ImportError::at_offset(text, e.span.start, message)
    })
}

/// Reads each entry on its own, in file order. An entry that repeats a citation key or
/// cannot be read is skipped; an undefined macro is noted and read as its own name, as
/// BibTeX warns and goes on.
pub fn read_each<'s>(
    text: &str,
    raw: &RawBibliography<'s>,
    base_url: Option<&str>,
    parsed: &mut Parsed,
) -> (Vec<ReadEntry>, Together<'s>) {
    let mut read = Vec::new();
    let mut together = Together { entries: Vec::new(), abbreviations: raw.abbreviations.clone() };
    let mut first_lines: HashMap<String, usize> = HashMap::new();
    for entry in &raw.entries {
        let line = line_column(text, entry.span.start).0;
        let at = Location::Line(line);
        if let Err(reason) = first_of_its_key(&mut first_lines, entry.v.key.v, line) {
            parsed.skipped.push(Skipped { at, reason });
            continue;
        }
        define_undefined_macros(&entry.v, at, &mut together.abbreviations, &mut parsed.notes);
        match read_alone(entry, &together.abbreviations) {
            Ok(Some(alone)) => {
                let original = original_entry(text, entry, &together.abbreviations, base_url);
                read.push(ReadEntry { line, alone, raw_keywords: raw_field(&entry.v, "keywords"), original });
                together.entries.push(entry.clone());
            }
            Ok(None) => {}
            Err(reason) => parsed.skipped.push(Skipped { at, reason }),
        }
    }
    (read, together)
}

impl Together<'_> {
    /// The entries read together when some entry cross-references another, so that
    /// crossrefs resolve; `None` when none does, or when reading them together fails
    /// (noted: the entries are then read without their crossrefs).
    pub fn resolve(self, read: &[ReadEntry], notes: &mut Vec<Note>) -> Option<Bibliography> {
        let crossrefs =
            read.iter().any(|e| e.alone.get("crossref").is_some() || e.alone.get("xdata").is_some());
        if !crossrefs {
            return None;
        }
        let all = RawBibliography {
            preamble: String::new(),
            entries: self.entries,
            abbreviations: self.abbreviations,
        };
        let together = from_raw(all).ok().and_then(Result::ok);
        if together.is_none() {
            notes.push(Note {
                at: Location::Line(1),
                message: "crossref fields could not be resolved; entries are read without them".into(),
            });
        }
        together
    }
}

/// The keys other entries cross-reference, lowercased.
pub fn cross_referenced(read: &[ReadEntry]) -> HashSet<String> {
    read.iter().filter_map(|e| e.alone.get("crossref").map(|c| c.format_verbatim().to_lowercase())).collect()
}

/// Records the first line of a citation key (case ignored); the reason to skip an entry
/// that repeats one.
fn first_of_its_key(first_lines: &mut HashMap<String, usize>, key: &str, line: usize) -> Result<(), String> {
    match first_lines.get(&key.to_lowercase()) {
        Some(first) => Err(format!("repeats the citation key {key:?} of the entry at line {first}")),
        None => {
            first_lines.insert(key.to_lowercase(), line);
            Ok(())
        }
    }
}

/// Notes each macro the entry uses that is neither defined nor a month name, and defines
/// it as its own name.
fn define_undefined_macros<'s>(
    entry: &RawEntry<'s>,
    at: Location,
    abbreviations: &mut Vec<Pair<'s>>,
    notes: &mut Vec<Note>,
) {
    for (name, span) in undefined_macros(entry.fields.iter(), abbreviations) {
        notes.push(Note {
            at,
            message: format!("@string macro {name:?} is not defined; its name is used as text"),
        });
        let value = vec![Spanned::new(RawChunk::Normal(name), span.clone())];
        abbreviations.push(Pair::new(Spanned::new(name, span.clone()), Spanned::new(value, span)));
    }
}

/// Macro names an entry uses that are neither defined nor one of the month macros the
/// crate knows (`jan` to `dec`, any case), with where. Any other name, a month's in another
/// language (`mai`) or spelled out (`june`) too, is defined as itself, so the entry is kept
/// and its `month` field read as text.
fn undefined_macros<'a, 's: 'a>(
    fields: impl Iterator<Item = &'a Pair<'s>>,
    defined: &[Pair<'s>],
) -> Vec<(&'s str, Range<usize>)> {
    let mut out: Vec<(&str, Range<usize>)> = Vec::new();
    for field in fields {
        for chunk in &field.value.v {
            if let RawChunk::Abbreviation(name) = chunk.v {
                let known =
                    defined.iter().any(|p| p.key.v == name) || PartialDate::month_from_abbrev(name).is_some();
                if !known && !out.iter().any(|(n, _)| *n == name) {
                    out.push((name, chunk.span.clone()));
                }
            }
        }
    }
    out
}

/// One entry read on its own with the macros defined so far; the reason to skip it when
/// it cannot be read.
fn read_alone(entry: &Spanned<RawEntry>, abbreviations: &[Pair]) -> Result<Option<Entry>, String> {
    let alone = RawBibliography {
        preamble: String::new(),
        entries: vec![entry.clone()],
        abbreviations: abbreviations.to_vec(),
    };
    match from_raw(alone) {
        Ok(Ok(alone)) => Ok(alone.into_vec().pop()),
        Ok(Err(kind)) => Err(format!("cannot be read: {kind}")),
        Err(Panicked) => Err("cannot be read: the BibTeX parser failed on it".into()),
    }
}

/// The crate panicked on the input.
struct Panicked;

/// The crate's reading of raw entries. It has panicked on odd input before: a panic costs
/// what was being read, not the file.
fn from_raw(raw: RawBibliography) -> Result<Result<Bibliography, String>, Panicked> {
    std::panic::catch_unwind(AssertUnwindSafe(|| Bibliography::from_raw(raw)))
        .map(|read| read.map_err(|e| e.kind.to_string()))
        .map_err(|_| Panicked)
}

/// A field's text as written in the file (the last of repeated fields, as the crate
/// reads them); macros are left out.
fn raw_field(entry: &RawEntry, name: &str) -> Option<String> {
    let field = entry.fields.iter().rev().find(|p| p.key.v.eq_ignore_ascii_case(name))?;
    Some(
        field
            .value
            .v
            .iter()
            .filter_map(|c| match c.v {
                RawChunk::Normal(s) => Some(s),
                RawChunk::Abbreviation(_) => None,
            })
            .collect(),
    )
}
