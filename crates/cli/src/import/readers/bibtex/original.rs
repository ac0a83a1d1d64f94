//! The entry a paper keeps as its `bibtex` (written back as is by exports): the entry as
//! the file writes it, minus the fields only a web page uses (al-folio's `abbr`,
//! `selected`, `bibtex_show`, `preview`, …), with each `@string` macro replaced by its
//! text (so the entry reads on its own) and each relative link to the site's files
//! (`pdf = {paper.pdf}`) joined to `--base-url`; a link field that is still no http(s)
//! URL is left out. Line breaks are
//! kept as LF (a CRLF file's entries too), so an export's lines end alike.

use std::ops::Range;

use biblatex::{Pair, RawChunk, RawEntry, Spanned};
use paperdeck_core::{is_http_url, PartialDate};

use crate::import::fields::relative_links::{is_relative, join};

/// Fields only a publication page uses, never a reference manager.
pub const SITE_ONLY_FIELDS: [&str; 12] = [
    "abbr",
    "selected",
    "bibtex_show",
    "preview",
    "google_scholar_id",
    "altmetric",
    "dimensions",
    "inspirehep_id",
    "annotation",
    "additional_info",
    "award",
    "award_name",
];

/// Link fields that may be relative to the site's files (joined to `--base-url`).
const RELATIVE_LINK_FIELDS: [&str; 5] = ["pdf", "slides", "poster", "supp", "supplement"];

/// al-folio's other link fields. A value of a link field that is not an http(s) URL (a
/// path into the site, `blog = {/blog/2021/x}`, or `javascript:…`) is left out.
const SITE_LINK_FIELDS: [&str; 8] =
    ["blog", "video", "code", "website", "project", "html", "data", "dataset"];

/// The most macros followed one inside another.
const MAX_MACRO_DEPTH: usize = 16;

/// The entry to keep, or `None` for an entry that cross-references another (`crossref`,
/// `xdata`): alone it would not read, so exports make it from its fields instead.
pub fn original_entry(
    text: &str,
    entry: &Spanned<RawEntry>,
    abbreviations: &[Pair],
    base_url: Option<&str>,
) -> Option<String> {
    let fields = &entry.v.fields;
    if fields.iter().any(|p| ["crossref", "xdata"].contains(&p.key.v.to_ascii_lowercase().as_str())) {
        return None;
    }
    let start = entry.span.start;
    let body = text.get(start..entry.span.end)?;
    let opener = body.find(['{', '('])?;
    let closer = if body.as_bytes()[opener] == b'{' { '}' } else { ')' };
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    for (i, pair) in fields.iter().enumerate() {
        let name = pair.key.v.to_ascii_lowercase();
        let field_end = fields.get(i + 1).map_or(entry.span.end, |next| next.key.span.start);
        let whole = pair.key.span.start - start..field_end - start;
        let value = pair.value.span.start - start..pair.value.span.end - start;
        if SITE_ONLY_FIELDS.contains(&name.as_str()) {
            edits.push((whole, String::new()));
        } else if RELATIVE_LINK_FIELDS.contains(&name.as_str()) || SITE_LINK_FIELDS.contains(&name.as_str()) {
            let written = resolved(&pair.value.v, abbreviations, 0);
            let written = written.trim();
            let joinable = RELATIVE_LINK_FIELDS.contains(&name.as_str());
            if is_http_url(written) {
                if uses_macros(&pair.value.v) {
                    edits.push((value, format!("{{{written}}}")));
                }
            } else {
                let joined = base_url
                    .filter(|_| joinable && is_relative(written))
                    .and_then(|b| join(b, written))
                    .filter(|u| is_http_url(u));
                match joined {
                    Some(url) => edits.push((value, format!("{{{url}}}"))),
                    None => edits.push((whole, String::new())),
                }
            }
        } else if uses_macros(&pair.value.v) {
            edits.push((value, format!("{{{}}}", resolved(&pair.value.v, abbreviations, 0))));
        }
    }
    let mut out = String::with_capacity(body.len() + 1);
    let mut at = 0;
    for (range, replacement) in edits {
        out.push_str(&body[at..range.start]);
        out.push_str(&replacement);
        at = range.end;
    }
    out.push_str(&body[at..]);
    let kept = out.trim_end_matches([' ', '\t']).len();
    out.truncate(kept);
    out.push(closer);
    Some(out.replace("\r\n", "\n"))
}

/// True when a value uses a macro other than a month's alone (`month = jun` stays).
fn uses_macros(chunks: &[Spanned<RawChunk>]) -> bool {
    match chunks {
        [only] => matches!(only.v, RawChunk::Abbreviation(m) if PartialDate::month_from_abbrev(m).is_none()),
        _ => chunks.iter().any(|c| matches!(c.v, RawChunk::Abbreviation(_))),
    }
}

/// A value's text with every macro replaced by its own (an undefined one by its name).
fn resolved(chunks: &[Spanned<RawChunk>], abbreviations: &[Pair], depth: usize) -> String {
    let mut out = String::new();
    for chunk in chunks {
        match chunk.v {
            RawChunk::Normal(s) => out.push_str(s),
            RawChunk::Abbreviation(name) => {
                match abbreviations.iter().rev().find(|p| p.key.v == name).filter(|_| depth < MAX_MACRO_DEPTH)
                {
                    Some(def) => out.push_str(&resolved(&def.value.v, abbreviations, depth + 1)),
                    None => out.push_str(name),
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use biblatex::RawBibliography;

    fn kept(text: &str, base_url: Option<&str>) -> Vec<Option<String>> {
        let raw = RawBibliography::parse(text).unwrap();
        raw.entries.iter().map(|e| original_entry(text, e, &raw.abbreviations, base_url)).collect()
    }

    #[test]
    fn site_fields_go_macros_resolve_relative_links_join() {
        let text = "@string{NC = {Nature } # {Cancer}}\n@string{S = {NC}}\n\
                    @article{k,\n  title = {A {B} c},\n  abbr = S,\n  journal = NC # { (x)},\n  month = jun,\n  pdf = {p.pdf},\n  selected = {true}\n}\n\
                    @inproceedings{j, title = \"Q\", preview = {a.png}, crossref = {k}}";
        assert_eq!(
            kept(text, Some("https://lab.example/pdf/")),
            [
                Some("@article{k,\n  title = {A {B} c},\n  journal = {Nature Cancer (x)},\n  month = jun,\n  pdf = {https://lab.example/pdf/p.pdf},\n}".to_string()),
                None
            ]
        );
        assert_eq!(
            kept("@misc{k, title = {T}, pdf = {p.pdf}, url = {https://x.org}, bibtex_show = true, blog = {/b}, code = {javascript:x}}", Some("https://lab.example/")).pop().unwrap().unwrap(),
            "@misc{k, title = {T}, pdf = {https://lab.example/p.pdf}, url = {https://x.org},}"
        );
        assert_eq!(
            kept("@misc{k, title = {T}, pdf = {p.pdf}, url = {https://x.org}, bibtex_show = true}", None),
            [Some("@misc{k, title = {T}, url = {https://x.org},}".to_string())]
        );
    }
}
