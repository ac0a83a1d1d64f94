//! Tests only: papers and what a reader made of an input, rendered as text, so that a test
//! compares a whole answer with one expected string (`assert_eq!`, which shows the
//! difference) instead of picking at a few fields.

use std::fmt::Write;

use paperdeck_core::Paper;

use crate::import::parsed::{Location, Parsed};

/// A paper: `id "title" date` (no id before the merge gives one; `undated`), then its
/// authors and each field it has, one a line.
pub fn paper(p: &Paper) -> String {
    let id = if p.id.is_empty() { String::new() } else { format!("{} ", p.id) };
    let date = if p.published.is_known() { p.published.to_string() } else { "undated".into() };
    let mut out = format!("{id}{:?} {date}\n", p.title);
    let more = if p.authors_incomplete { ", …" } else { "" };
    let names = p.authors.as_deref().unwrap_or_default().join(", ");
    let _ = writeln!(out, "  authors {} [{names}{more}]", p.author_count);
    for (name, value) in [
        ("abstract", p.abstract_text.as_deref()),
        ("venue", p.venue.as_deref()),
        ("venue_short", p.venue_short.as_deref()),
        ("kind", p.kind.map(|k| k.name())),
        ("summary", p.summary.as_deref()),
        ("thumbnail", p.thumbnail.as_deref()),
    ] {
        if let Some(v) = value {
            let _ = writeln!(out, "  {name} {v:?}");
        }
    }
    if p.upvotes > 0 {
        let _ = writeln!(out, "  upvotes {}", p.upvotes);
    }
    if let Some(c) = p.citations {
        let _ = writeln!(out, "  citations {c}");
    }
    if !p.tags.is_empty() {
        let _ = writeln!(out, "  tags {}", p.tags.join(", "));
    }
    for (kind, url) in p.links.iter() {
        let _ = writeln!(out, "  {} {url}", kind.name());
    }
    out
}

/// What a reader made of an input: each record (`line 3: ` and the paper), each skipped
/// entry, each note, and the date the input was made when it says.
pub fn parsed(parsed: &Parsed) -> String {
    let mut out = String::new();
    for r in &parsed.records {
        let _ = write!(out, "{}: {}", place(r.at), paper(&r.paper));
    }
    for s in &parsed.skipped {
        let _ = writeln!(out, "skipped {}: {}", place(s.at), s.reason);
    }
    for n in &parsed.notes {
        let _ = writeln!(out, "note {}: {}", place(n.at), n.message);
    }
    if let Some(d) = parsed.generated {
        let _ = writeln!(out, "generated {d}");
    }
    out
}

fn place(at: Location) -> String {
    match at {
        Location::Line(n) => format!("line {n}"),
        Location::Record(n) => format!("record {n}"),
    }
}
