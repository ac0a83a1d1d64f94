//! The links of one BibTeX entry and its arXiv id, which many fields can carry: `doi`,
//! `arxiv`, `eprint` (with `archivePrefix` or `eprinttype` arXiv or none), an arxiv.org
//! `url`, `note = {arXiv:…}`, and DBLP's `volume = {abs/…}`. Link fields (`url`, `html`,
//! `pdf`, `code`, `website`, `project`) are kept when they are http(s) URLs; `url` is
//! `code` when it points at a repository host.

use biblatex::{ChunksExt, Entry};
use paperdeck_core::{is_http_url, LinkKind, Paper};

use crate::import::fields::abstract_links::is_code_host;
use crate::import::fields::identifiers::{
    arxiv_id, arxiv_id_in_text, arxiv_id_in_url, arxiv_id_of_doi, set_arxiv_links,
};
use crate::import::fields::links::{add_link, not_a_url, read_doi_field, take_doi_link};
use crate::import::parsed::{Location, Note};

/// The link fields, with the kind of link each gives.
const LINK_FIELDS: [(&str, LinkKind); 6] = [
    ("url", LinkKind::Url),
    ("html", LinkKind::Url),
    ("pdf", LinkKind::Pdf),
    ("code", LinkKind::Code),
    ("website", LinkKind::Project),
    ("project", LinkKind::Project),
];

/// Sets the paper's links from the entry's fields, noting each field that cannot be used.
pub fn set_links(entry: &Entry, paper: &mut Paper, at: Location, notes: &mut Vec<Note>) {
    let doi = verbatim(entry, "doi").and_then(|d| read_doi_field(&mut paper.links, &d, at, notes));
    let mut arxiv = doi.and_then(|d| arxiv_id_of_doi(&d)).or_else(|| arxiv_id_of_fields(entry));
    for (kind, written) in
        LINK_FIELDS.iter().filter_map(|&(field, kind)| Some((kind, verbatim(entry, field)?)))
    {
        if let Some(id) = add_written_link(paper, kind, written, at, notes) {
            arxiv.get_or_insert(id);
        }
    }
    if let Some(id) = arxiv.or_else(|| arxiv_id_of_note_or_volume(entry)) {
        set_arxiv_links(&mut paper.links, &id);
    }
}

/// A field as written, without the TeX escapes (`a\_b`, `50\%`) that are not part of a
/// URL or DOI; `None` when empty.
fn verbatim(entry: &Entry, field: &str) -> Option<String> {
    let v = entry.get(field)?.format_verbatim();
    let v = ["_", "%", "&", "#", "~", "$"].iter().fold(v, |v, c| v.replace(&format!("\\{c}"), c));
    Some(v.trim().to_string()).filter(|s| !s.is_empty())
}

/// The arXiv id of the `arxiv` field, else of `eprint` when its archive is arXiv or unnamed.
fn arxiv_id_of_fields(entry: &Entry) -> Option<String> {
    let archive =
        verbatim(entry, "archiveprefix").or_else(|| verbatim(entry, "eprinttype")).map(|a| a.to_lowercase());
    verbatim(entry, "arxiv").and_then(|a| arxiv_id(&a)).or_else(|| {
        archive
            .as_deref()
            .is_none_or(|a| a == "arxiv")
            .then(|| verbatim(entry, "eprint").and_then(|e| arxiv_id(&e)))?
    })
}

/// The arXiv id of `note = {arXiv:…}`, else of DBLP's CoRR volume (`volume = {abs/1704.06857}`).
fn arxiv_id_of_note_or_volume(entry: &Entry) -> Option<String> {
    verbatim(entry, "note")
        .and_then(|n| arxiv_id_in_text(&n))
        .or_else(|| verbatim(entry, "volume").and_then(|v| v.strip_prefix("abs/").and_then(arxiv_id)))
}

/// Adds the link a field gives, or notes why it gives none; an arxiv.org link gives the
/// arXiv id instead.
fn add_written_link(
    paper: &mut Paper,
    kind: LinkKind,
    written: String,
    at: Location,
    notes: &mut Vec<Note>,
) -> Option<String> {
    // Some sites keep HTML in the field (`doi:<a href="https://doi.org/…">…</a>`): the
    // link inside is what was meant.
    let url =
        if is_http_url(&written) { written.clone() } else { embedded_url(&written).unwrap_or_default() };
    if take_doi_link(&mut paper.links, &url) {
        return None;
    }
    if !is_http_url(&url) {
        if written != "-" {
            notes.push(not_a_url(at, kind.name(), &written));
        }
        return None;
    }
    if let Some(id) = arxiv_id_in_url(&url) {
        return Some(id);
    }
    let kind = if kind == LinkKind::Url && is_code_host(&url) { LinkKind::Code } else { kind };
    add_link(&mut paper.links, kind, url);
    None
}

/// The first http(s) URL inside `text`, up to a quote, angle bracket or space.
fn embedded_url(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let start = lower.find("https://").into_iter().chain(lower.find("http://")).min()?;
    let rest = &text[start..];
    let end = rest.find(['"', '\'', '<', '>', ' ']).unwrap_or(rest.len());
    Some(rest[..end].to_string()).filter(|u| is_http_url(u))
}
