//! The paper of one BibTeX entry as the `biblatex` crate read it: title, date, authors,
//! abstract, venue and its short form (`abbr`), kind, and tags (`keywords`, and al-folio's
//! `selected = {true}` as the tag `selected`); the links are `links.rs`'s.

use biblatex::{ChunksExt, Entry, EntryType};
use paperdeck_core::{Paper, PartialDate};

use super::links::set_links;
use crate::import::fields::dates::{iso_prefix, month_number, year_in};
use crate::import::fields::kinds::bibtex_kind;
use crate::import::fields::latex_text::latex_to_text;
use crate::import::fields::names::{clean, is_more_authors};
use crate::import::fields::tags::add_tag;
use crate::import::parsed::{Location, Note};
use crate::import::readers::{dated, set_authors};
use crate::import::source::ImportOptions;

/// The paper of an entry, or the reason it is none (no title; no year without
/// `--allow-undated`). `raw_keywords` are its keywords as written in the file.
pub fn paper_of(
    entry: &Entry,
    raw_keywords: Option<&str>,
    options: &ImportOptions,
    at: Location,
    notes: &mut Vec<Note>,
) -> Result<Paper, String> {
    let key = &entry.key;
    let title = text(entry, "title").ok_or_else(|| format!("entry {key:?} has no title"))?;
    let published = dated(date_of(entry), options, at, notes, format_args!("entry {key:?}"))?;
    let mut paper = Paper::new("", title, 0, published);
    let (authors, incomplete) = authors_of(entry);
    set_authors(&mut paper, authors, incomplete);
    paper.abstract_text = text(entry, "abstract");
    paper.venue = venue_of(entry);
    paper.venue_short = text(entry, "abbr");
    set_links(entry, &mut paper, options, at, notes);
    let eprint_known = paper.links.arxiv.is_some() || text(entry, "eprint").is_some();
    let entry_type = match &entry.entry_type {
        // Types the crate does not know (`@presentation`, `@talk`, `@preprint`) as written.
        EntryType::Unknown(name) => name.clone(),
        known => known.to_string(),
    };
    paper.kind = Some(bibtex_kind(&entry_type, eprint_known, paper.venue.as_deref()));
    paper.tags = keywords(raw_keywords.unwrap_or(""));
    if text(entry, "selected").is_some_and(|s| is_yes(&s)) {
        add_tag(&mut paper.tags, SELECTED_TAG);
    }
    Ok(paper)
}

/// The tag of al-folio's `selected = {true}`: the papers a lab's homepage lists first.
pub const SELECTED_TAG: &str = "selected";

/// `true`, `yes` or `1`, in any case.
fn is_yes(value: &str) -> bool {
    ["true", "yes", "1"].iter().any(|y| value.trim().eq_ignore_ascii_case(y))
}

/// A field as one line of plain text.
fn text(entry: &Entry, field: &str) -> Option<String> {
    let raw = entry.get(field)?.format_verbatim();
    let t = latex_to_text(&decode_entities(&raw));
    (!t.is_empty()).then_some(t)
}

/// `&amp;` and friends, which HTML-minded exports leave in fields.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// `journal`, `journaltitle`, `booktitle` or `eventtitle`; for a thesis, its school or
/// institution.
fn venue_of(entry: &Entry) -> Option<String> {
    let venue = ["journal", "journaltitle", "booktitle", "eventtitle"].iter().find_map(|f| text(entry, f));
    if venue.is_none() && entry.entry_type.to_string().to_lowercase().ends_with("thesis") {
        return text(entry, "school").or_else(|| text(entry, "institution"));
    }
    venue
}

/// Tags from `keywords`: separated by `,` or `;`, or one a line as EndNote and PubMed
/// exports write them (`Polymorphism, Single Nucleotide` is then one keyword); MeSH's
/// major-topic `*` is dropped.
pub(super) fn keywords(raw: &str) -> Vec<String> {
    let lines: Vec<&str> = raw.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let one_a_line = lines.len() > 1 && !lines.iter().any(|l| l.ends_with([',', ';']));
    let parts: Vec<&str> = if one_a_line {
        lines.iter().flat_map(|l| l.split(';')).collect()
    } else {
        raw.split([',', ';']).collect()
    };
    let mut tags: Vec<String> = Vec::new();
    for part in parts {
        let unbraced: String = part.chars().filter(|c| !matches!(c, '{' | '}')).collect();
        let tag = latex_to_text(&decode_entities(unbraced.trim().trim_start_matches('*')));
        if !tag.is_empty() {
            add_tag(&mut tags, &tag);
        }
    }
    tags
}

/// `year` (or `date`) and `month`, as precise as they go.
fn date_of(entry: &Entry) -> Option<PartialDate> {
    let verbatim = |f: &str| entry.get(f).map(|c| c.format_verbatim());
    if let Some(date) = verbatim("date") {
        if let Some(parsed) = iso_prefix(date.trim()) {
            return Some(parsed);
        }
    }
    let year_text = verbatim("year")?;
    let year: u16 = year_in(&year_text).filter(|y| (1000..=9999).contains(y))?;
    let month = verbatim("month").and_then(|m| month_number(&m));
    month.and_then(|m| PartialDate::ym(year, m)).or_else(|| PartialDate::y(year))
}

/// The display names of the authors (else the editors), and whether the list ends in
/// `and others`.
fn authors_of(entry: &Entry) -> (Vec<String>, bool) {
    let people =
        entry.author().or_else(|_| entry.editors().map(|e| e.into_iter().flat_map(|(p, _)| p).collect()));
    let mut names = Vec::new();
    let mut incomplete = false;
    for person in people.unwrap_or_default() {
        let full = [
            person.given_name.as_str(),
            person.prefix.as_str(),
            person.name.as_str(),
            person.suffix.as_str(),
        ]
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
        if is_more_authors(&full) {
            incomplete = true;
        } else if let Some(name) = clean(&full) {
            names.push(name);
        }
    }
    (names, incomplete)
}

#[cfg(test)]
mod tests {
    use super::{is_yes, keywords};

    #[test]
    fn selected_is_true_yes_or_one() {
        for yes in ["true", "TRUE", "True", " yes ", "Yes", "1"] {
            assert!(is_yes(yes), "{yes}");
        }
        for no in ["false", "no", "0", "", "truthy", "y"] {
            assert!(!is_yes(no), "{no}");
        }
    }

    #[test]
    fn keywords_by_comma_or_by_line() {
        assert_eq!(keywords("a, b;c,\n d"), ["a", "b", "c", "d"]);
        assert_eq!(
            keywords("Animals\n*Genome-Wide Association Study\nPolymorphism, Single Nucleotide\nanimals"),
            ["Animals", "Genome-Wide Association Study", "Polymorphism, Single Nucleotide"]
        );
        assert_eq!(keywords(" "), Vec::<String>::new());
    }
}
