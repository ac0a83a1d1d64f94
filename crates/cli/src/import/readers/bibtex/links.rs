//! The links of one BibTeX entry and its arXiv id, which many fields can carry: `doi`,
//! `arxiv`, `eprint` (with `archivePrefix` or `eprinttype` arXiv or none), an arxiv.org
//! `url`, `note = {arXiv:…}`, and DBLP's `volume = {abs/…}`. Link fields (`url`, `html`,
//! `pdf`, `code`, `website`, `project`, and al-folio's `slides`, `poster`, `video`, `blog`,
//! `supp`, with `data`/`dataset`) are kept when they are http(s) URLs; `url` and `html`
//! are `code` when they point at a repository host. The files a site hosts itself (`pdf`,
//! `slides`, `poster`, `supp`, and the `preview` image, which is the thumbnail) may be
//! written relative to the site's folder of files (`pdf = {paper.pdf}`): they are joined
//! to `--base-url`, or left out with a note without it.

use biblatex::{ChunksExt, Entry};
use paperdeck_core::{is_http_url, LinkKind, Paper};

use crate::import::fields::abstract_links::is_code_host;
use crate::import::fields::identifiers::{
    arxiv_id, arxiv_id_in_text, arxiv_id_in_url, arxiv_id_of_doi, set_arxiv_links,
};
use crate::import::fields::links::{add_link, not_a_url, read_doi_field, take_doi_link};
use crate::import::fields::relative_links::{is_relative, join};
use crate::import::parsed::{Location, Note};
use crate::import::source::ImportOptions;

/// A link field: its name, the kind of link it gives (`None`: the thumbnail), and whether
/// it may be relative to the site's files (`--base-url`).
struct LinkField {
    name: &'static str,
    kind: Option<LinkKind>,
    relative: bool,
}

const fn field(name: &'static str, kind: LinkKind, relative: bool) -> LinkField {
    LinkField { name, kind: Some(kind), relative }
}

/// The link fields, in the order they are read: the first link of a kind wins.
const LINK_FIELDS: [LinkField; 15] = [
    field("url", LinkKind::Url, false),
    field("html", LinkKind::Url, false),
    field("pdf", LinkKind::Pdf, true),
    field("code", LinkKind::Code, false),
    field("website", LinkKind::Project, false),
    field("project", LinkKind::Project, false),
    field("slides", LinkKind::Slides, true),
    field("poster", LinkKind::Poster, true),
    field("video", LinkKind::Video, false),
    field("blog", LinkKind::Blog, false),
    field("supp", LinkKind::Supplement, true),
    field("supplement", LinkKind::Supplement, true),
    field("data", LinkKind::Data, false),
    field("dataset", LinkKind::Data, false),
    // al-folio's `preview` image is the thumbnail, not a link.
    LinkField { name: "preview", kind: None, relative: true },
];

/// Sets the paper's links and thumbnail from the entry's fields, noting each field that
/// cannot be used. Relative links are joined to `--base-url`, a relative preview image
/// to `--preview-base-url` when given.
pub fn set_links(
    entry: &Entry,
    paper: &mut Paper,
    options: &ImportOptions,
    at: Location,
    notes: &mut Vec<Note>,
) {
    let doi = verbatim(entry, "doi").and_then(|d| read_doi_field(&mut paper.links, &d, at, notes));
    let mut arxiv = doi.and_then(|d| arxiv_id_of_doi(&d)).or_else(|| arxiv_id_of_fields(entry));
    for f in &LINK_FIELDS {
        let Some(written) = verbatim(entry, f.name) else { continue };
        let base = match f.kind {
            None => options.preview_base_url.as_deref().or(options.base_url.as_deref()),
            Some(_) => options.base_url.as_deref(),
        };
        let url = match resolve(f, &written, base, at) {
            Ok(url) => url,
            Err(note) => {
                notes.extend(note);
                continue;
            }
        };
        match f.kind {
            None => _ = paper.thumbnail.get_or_insert(url),
            Some(kind) => {
                if let Some(id) = add_written_link(paper, kind, url) {
                    arxiv.get_or_insert(id);
                }
            }
        }
    }
    if let Some(id) = arxiv.or_else(|| arxiv_id_of_note_or_volume(entry)) {
        set_arxiv_links(&mut paper.links, &id);
    }
}

/// The http(s) URL a link field gives: as written; else the link inside HTML some sites
/// keep in the field (`doi:<a href="https://doi.org/…">…</a>`); else, for a field that may
/// be relative, joined to `base_url`. Else the note that says why it gives none (none
/// for al-folio's placeholder `-`).
fn resolve(
    f: &LinkField,
    written: &str,
    base_url: Option<&str>,
    at: Location,
) -> Result<String, Option<Note>> {
    if is_http_url(written) {
        return Ok(written.to_string());
    }
    if let Some(url) = embedded_url(written) {
        return Ok(url);
    }
    if written == "-" {
        return Err(None);
    }
    let name = f.name;
    if !(f.relative && is_relative(written)) {
        return Err(Some(not_a_url(at, name, written)));
    }
    let message = match base_url.and_then(|base| join(base, written)) {
        Some(url) if is_http_url(&url) => return Ok(url),
        Some(url) => {
            format!("{name} {written:?} joined to --base-url is {url:?}, not an http(s) URL; left out")
        }
        None => format!("{name} {written:?} is a relative link; left out (pass --base-url to keep it)"),
    };
    Err(Some(Note { at, message }))
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

/// Adds the link a field gives; a doi.org link is the paper's DOI link, and an arxiv.org
/// link gives the arXiv id instead.
fn add_written_link(paper: &mut Paper, kind: LinkKind, url: String) -> Option<String> {
    if take_doi_link(&mut paper.links, &url) {
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
