//! BibTeX and BibLaTeX files (`--from bibtex`), parsed with the `biblatex` crate.
//!
//! The crate resolves `@string` macros, month macros (`nov`), LaTeX accents and escapes
//! (`W\"{o}lflein`, `{\ss}`, `\&`), brace-protected words, `Last, First` names and
//! `crossref`s. `@comment`, `@preamble` and text outside entries are ignored. On top of
//! it this importer:
//! - reads each entry on its own, so one bad entry (an undefined macro, a repeated key)
//!   is reported and the others kept; a syntax error that makes the file unreadable is
//!   reported with its line and column and nothing is written;
//! - dates a paper by `year` (or BibLaTeX `date`) and `month` (`nov`, `{06}`, `{Sep}`,
//!   `{04--06 Jun}`); without a year it is skipped, or undated with `--allow-undated`;
//! - keeps `and others` as an incomplete author list, and drops co-first markers (`Wu*`);
//! - finds the arXiv id in `eprint` (+ `archivePrefix`), `arxiv`, an arXiv DOI, an
//!   arxiv.org `url`, `note = {arXiv:…}` or DBLP's `volume = {abs/…}`;
//! - turns `doi`, `url`, `pdf`, `code`, `website`/`project`, `html` into links (http(s)
//!   only), `keywords` into tags, and `journal`/`booktitle` into the venue.

use std::collections::{HashMap, HashSet};
use std::panic::AssertUnwindSafe;

use biblatex::{Bibliography, ChunksExt, Entry, Pair, ParseErrorKind, RawBibliography, RawChunk, Spanned};
use paperdeck_core::{is_http_url, Paper, PartialDate};

use crate::import::fields::abstract_links::is_code_host;
use crate::import::fields::dates::{iso_prefix, month_number, year_in};
use crate::import::fields::identifiers::{
    arxiv_id, arxiv_id_in_text, arxiv_id_in_url, arxiv_id_of_doi, doi, doi_of_url, doi_url, set_arxiv_links,
};
use crate::import::fields::latex_text::latex_to_text;
use crate::import::fields::names::{clean, is_more_authors};
use crate::import::parsed::{line_column, ImportError, Location, Note, Parsed, Record, Skipped};
use crate::import::readers::undated;
use crate::import::source::ImportOptions;

/// Entry types that are volumes other entries cross-reference, not papers.
const VOLUME_TYPES: [&str; 6] =
    ["proceedings", "mvproceedings", "book", "mvbook", "collection", "mvcollection"];

/// Reads a BibTeX file.
pub fn parse(text: &str, options: &ImportOptions) -> Result<Parsed, ImportError> {
    let raw = RawBibliography::parse(text).map_err(|e| {
        let message = match &e.kind {
            ParseErrorKind::UnexpectedEof => "the file ends inside an entry (a missing '}'?)".to_string(),
            kind => format!("not valid BibTeX: {kind}"),
        };
        ImportError::at_offset(text, e.span.start, message)
    })?;
    let line_of = |offset: usize| line_column(text, offset).0;
    let mut parsed = Parsed::default();
    let mut first_line: HashMap<String, usize> = HashMap::new();
    // Entries that can be read, in file order: (line, the entry read on its own, its
    // keywords as written: the crate folds the line breaks some exports separate them by).
    let mut readable: Vec<(usize, Entry, Option<String>)> = Vec::new();
    let mut good_raw = Vec::new();
    let mut abbreviations = raw.abbreviations.clone();
    for entry in &raw.entries {
        let line = line_of(entry.span.start);
        let key = entry.v.key.v.to_string();
        if let Some(first) = first_line.get(&key.to_lowercase()) {
            parsed.skipped.push(Skipped {
                at: Location::Line(line),
                reason: format!("repeats the citation key {key:?} of the entry at line {first}"),
            });
            continue;
        }
        first_line.insert(key.to_lowercase(), line);
        // An undefined macro reads as its own name, as BibTeX warns and goes on.
        for (name, span) in undefined_macros(entry.v.fields.iter(), &abbreviations) {
            parsed.notes.push(Note {
                at: Location::Line(line),
                message: format!("@string macro {name:?} is not defined; its name is used as text"),
            });
            let value = vec![Spanned::new(RawChunk::Normal(name), span.clone())];
            abbreviations.push(Pair::new(Spanned::new(name, span.clone()), Spanned::new(value, span)));
        }
        let alone = RawBibliography {
            preamble: String::new(),
            entries: vec![entry.clone()],
            abbreviations: abbreviations.clone(),
        };
        // The crate has panicked on odd input before: a panic costs this entry, not the file.
        match std::panic::catch_unwind(AssertUnwindSafe(|| Bibliography::from_raw(alone))) {
            Ok(Ok(alone)) => {
                if let Some(read) = alone.into_vec().pop() {
                    readable.push((line, read, raw_field(&entry.v, "keywords")));
                    good_raw.push(entry.clone());
                }
            }
            Ok(Err(e)) => parsed
                .skipped
                .push(Skipped { at: Location::Line(line), reason: format!("cannot be read: {}", e.kind) }),
            Err(_) => parsed.skipped.push(Skipped {
                at: Location::Line(line),
                reason: "cannot be read: the BibTeX parser failed on it".into(),
            }),
        }
    }
    // When some entry cross-references another, all readable entries are read together,
    // so that crossrefs resolve; should that fail, each entry as read on its own, without
    // its crossref. Without crossrefs the entries read on their own are final.
    let crossrefs = readable.iter().any(|(_, e, _)| e.get("crossref").is_some() || e.get("xdata").is_some());
    let together = crossrefs
        .then(|| {
            let all = RawBibliography { preamble: String::new(), entries: good_raw, abbreviations };
            std::panic::catch_unwind(AssertUnwindSafe(|| Bibliography::from_raw(all)))
                .ok()
                .and_then(Result::ok)
        })
        .flatten();
    if crossrefs && together.is_none() {
        parsed.notes.push(Note {
            at: Location::Line(1),
            message: "crossref fields could not be resolved; entries are read without them".into(),
        });
    }
    let referenced: HashSet<String> = readable
        .iter()
        .filter_map(|(_, e, _)| e.get("crossref").map(|c| c.format_verbatim().to_lowercase()))
        .collect();
    for (line, alone, raw_keywords) in &readable {
        let at = Location::Line(*line);
        let key = &alone.key;
        let entry = together.as_ref().and_then(|b| b.get(key)).unwrap_or(alone);
        let kind = entry.entry_type.to_string().to_lowercase();
        if VOLUME_TYPES.contains(&kind.as_str()) && referenced.contains(&key.to_lowercase()) {
            parsed.skipped.push(Skipped {
                at,
                reason: format!("@{kind} {key:?} is a volume that other entries cross-reference; its fields were given to them"),
            });
            continue;
        }
        match paper_of(entry, options, at, &mut parsed.notes) {
            Ok(mut paper) => {
                paper.tags = keywords(raw_keywords.as_deref().unwrap_or(""));
                parsed.records.push(Record { at, paper })
            }
            Err(reason) => parsed.skipped.push(Skipped { at, reason }),
        }
    }
    parsed.skipped.sort_by_key(|s| s.at);
    Ok(parsed)
}

/// Macro names an entry uses that are neither defined nor month names, with where.
fn undefined_macros<'s>(
    fields: impl Iterator<Item = &'s Pair<'s>>,
    defined: &[Pair<'s>],
) -> Vec<(&'s str, std::ops::Range<usize>)> {
    let mut out: Vec<(&str, std::ops::Range<usize>)> = Vec::new();
    for field in fields {
        for chunk in &field.value.v {
            if let RawChunk::Abbreviation(name) = chunk.v {
                let known = defined.iter().any(|p| p.key.v == name) || month_number(name).is_some();
                if !known && !out.iter().any(|(n, _)| *n == name) {
                    out.push((name, chunk.span.clone()));
                }
            }
        }
    }
    out
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

fn paper_of(
    entry: &Entry,
    options: &ImportOptions,
    at: Location,
    notes: &mut Vec<Note>,
) -> Result<Paper, String> {
    let key = &entry.key;
    let title = text(entry, "title").ok_or_else(|| format!("entry {key:?} has no title"))?;
    let published = match date_of(entry) {
        Some(d) => d,
        None => undated(options, at, notes).map_err(|reason| format!("entry {key:?} {reason}"))?,
    };
    let (authors, incomplete) = authors_of(entry);
    let mut paper = Paper::new("", title, authors.len() as u32, published);
    if !authors.is_empty() {
        paper.authors = Some(authors);
        paper.authors_incomplete = incomplete;
    }
    paper.abstract_text = text(entry, "abstract");
    paper.venue = ["journal", "journaltitle", "booktitle", "eventtitle"].iter().find_map(|f| text(entry, f));
    if paper.venue.is_none() && entry.entry_type.to_string().to_lowercase().ends_with("thesis") {
        paper.venue = text(entry, "school").or_else(|| text(entry, "institution"));
    }
    set_links(entry, &mut paper, at, notes);
    Ok(paper)
}

/// The first http(s) URL inside `text`, up to a quote, angle bracket or space.
fn embedded_url(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let start = lower.find("https://").into_iter().chain(lower.find("http://")).min()?;
    let rest = &text[start..];
    let end = rest.find(['"', '\'', '<', '>', ' ']).unwrap_or(rest.len());
    Some(rest[..end].to_string()).filter(|u| is_http_url(u))
}

/// A field's text as written in the file (the last of repeated fields, as the crate
/// reads them); macros are left out.
fn raw_field(entry: &biblatex::RawEntry, name: &str) -> Option<String> {
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

/// Tags from `keywords`: separated by `,` or `;`, or one a line as EndNote and PubMed
/// exports write them (`Polymorphism, Single Nucleotide` is then one keyword); MeSH's
/// major-topic `*` is dropped.
fn keywords(raw: &str) -> Vec<String> {
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
        if !tag.is_empty() && !tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
            tags.push(tag);
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

fn set_links(entry: &Entry, paper: &mut Paper, at: Location, notes: &mut Vec<Note>) {
    // Verbatim fields keep TeX escapes (`a\_b`, `50\%`), which are not part of a URL or DOI.
    let verbatim = |f: &str| {
        let v = entry.get(f)?.format_verbatim();
        let v = ["_", "%", "&", "#", "~", "$"].iter().fold(v, |v, c| v.replace(&format!("\\{c}"), c));
        Some(v.trim().to_string()).filter(|s| !s.is_empty())
    };
    let mut arxiv = None;
    if let Some(d) = verbatim("doi") {
        match doi(&d) {
            Some(d) => {
                arxiv = arxiv_id_of_doi(&d);
                paper.links.doi = doi_url(&d);
            }
            None => notes.push(Note { at, message: format!("doi {d:?} is not a DOI; left out") }),
        }
    }
    let archive = verbatim("archiveprefix").or_else(|| verbatim("eprinttype")).map(|a| a.to_lowercase());
    if arxiv.is_none() {
        arxiv = verbatim("arxiv").and_then(|a| arxiv_id(&a));
    }
    if arxiv.is_none() && archive.as_deref().is_none_or(|a| a == "arxiv") {
        arxiv = verbatim("eprint").and_then(|e| arxiv_id(&e));
    }
    let mut urls: Vec<(&str, String)> = Vec::new();
    for (field, kind) in [
        ("url", "url"),
        ("html", "url"),
        ("pdf", "pdf"),
        ("code", "code"),
        ("website", "project"),
        ("project", "project"),
    ] {
        if let Some(u) = verbatim(field) {
            urls.push((kind, u));
        }
    }
    for (kind, written) in urls {
        // Some sites keep HTML in the field (`doi:<a href="https://doi.org/…">…</a>`): the
        // link inside is what was meant.
        let url =
            if is_http_url(&written) { written.clone() } else { embedded_url(&written).unwrap_or_default() };
        // A doi.org link is the DOI link, not a second link to the same page.
        if let Some(d) = doi_of_url(&url) {
            if paper.links.doi.is_none() {
                paper.links.doi = doi_url(&d);
            }
            continue;
        }
        if !is_http_url(&url) {
            let url = written;
            if url != "-" {
                notes.push(Note {
                    at,
                    message: format!("{kind} {url:?} is not an absolute http(s) URL; left out"),
                });
            }
            continue;
        }
        if let Some(id) = arxiv_id_in_url(&url) {
            arxiv.get_or_insert(id);
            continue;
        }
        let kind = if kind == "url" && is_code_host(&url) { "code" } else { kind };
        if paper.links.get(kind).is_none() {
            paper.links.set(kind, url);
        }
    }
    if arxiv.is_none() {
        arxiv = verbatim("note").and_then(|n| arxiv_id_in_text(&n));
    }
    if arxiv.is_none() {
        // DBLP writes CoRR papers as `journal = {CoRR}, volume = {abs/1704.06857}`.
        arxiv = verbatim("volume").and_then(|v| v.strip_prefix("abs/").and_then(arxiv_id));
    }
    if let Some(id) = arxiv {
        set_arxiv_links(&mut paper.links, &id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(bib: &str) -> Paper {
        let parsed = parse(bib, &ImportOptions::default()).unwrap();
        assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
        assert_eq!(parsed.records.len(), 1);
        parsed.records.into_iter().next().unwrap().paper
    }

    #[test]
    fn macros_accents_names_and_others() {
        let p = one(
            "@string{CVPR = {Computer Vision and Pattern Recognition}}\n\
             @inproceedings{k, title = {{HoechstGAN}: Virtual \\& Real}, author = {W\\\"{o}lflein, Georg and Le{\\ss}mann, M. and Wu*, Q. and others},\n\
             booktitle = CVPR, year = 2023, month = jan, keywords = {a, b; c}}",
        );
        assert_eq!(p.title, "HoechstGAN: Virtual & Real");
        assert_eq!(p.authors.as_deref().unwrap(), ["Georg Wölflein", "M. Leßmann", "Q. Wu"]);
        assert!(p.authors_incomplete);
        assert_eq!(p.venue.as_deref(), Some("Computer Vision and Pattern Recognition"));
        assert_eq!(p.published.to_string(), "2023-01");
        assert_eq!(p.tags, ["a", "b", "c"]);
    }

    #[test]
    fn arxiv_ids_from_every_field_that_carries_them() {
        for (fields, id) in [
            ("eprint = {1810.06936}, archivePrefix = {arXiv}", "1810.06936"),
            ("arxiv = {2311.11772v5}", "2311.11772"),
            ("doi = {10.48550/arXiv.2203.01261}", "2203.01261"),
            ("url = {https://arxiv.org/abs/2406.16087}", "2406.16087"),
            ("note = {arXiv:2203.01261 [cs]}", "2203.01261"),
            ("journal = {CoRR}, volume = {abs/1704.06857}", "1704.06857"),
        ] {
            let p = one(&format!("@article{{k, title = {{T}}, year = {{2020}}, {fields}}}"));
            assert_eq!(p.links.arxiv, Some(format!("https://arxiv.org/abs/{id}")), "{fields}");
            assert_eq!(p.links.pdf, Some(format!("https://arxiv.org/pdf/{id}")), "{fields}");
        }
        let p = one("@misc{k, title = {T}, year = 2020, eprint = {hep-th/9901001}, archivePrefix = {other}}");
        assert_eq!(p.links.arxiv, None, "an eprint of another archive is not an arXiv id");
    }

    #[test]
    fn links_are_http_only_and_code_hosts_are_code() {
        let bib = "@article{k, title = {T}, year = 2020, url = {-}, url = {https://github.com/a/b},\n\
                   pdf = {paper.pdf}, website = {https://lab.example/p}, doi = {https://doi.org/10.1000/x.1}}";
        let parsed = parse(bib, &ImportOptions::default()).unwrap();
        let p = &parsed.records[0].paper;
        assert_eq!(p.links.code.as_deref(), Some("https://github.com/a/b"));
        assert_eq!(p.links.project.as_deref(), Some("https://lab.example/p"));
        assert_eq!(p.links.doi.as_deref(), Some("https://doi.org/10.1000/x.1"));
        assert_eq!(p.links.pdf, None);
        assert!(parsed.notes.iter().any(|n| n.message.contains("\"paper.pdf\"")), "{:?}", parsed.notes);
    }

    #[test]
    fn keywords_by_comma_or_by_line() {
        assert_eq!(keywords("a, b;c,\n d"), ["a", "b", "c", "d"]);
        assert_eq!(
            keywords("Animals\n*Genome-Wide Association Study\nPolymorphism, Single Nucleotide\nanimals"),
            ["Animals", "Genome-Wide Association Study", "Polymorphism, Single Nucleotide"]
        );
        assert_eq!(keywords(" "), Vec::<String>::new());
        // Through the parser, which folds line breaks in what it reads.
        let p = one("---\n---\n[a markdown line](https://x.org)\n@article{k, title = {T}, year = 2020,\n  keywords = {Animals\n*Cocaine/administration \\& dosage\nPolymorphism, Single Nucleotide\nW{\\\"o}rds}}");
        assert_eq!(
            p.tags,
            ["Animals", "Cocaine/administration & dosage", "Polymorphism, Single Nucleotide", "Wörds"]
        );
    }

    #[test]
    fn html_in_url_fields_gives_the_link_inside() {
        let p = one("@article{k, title = {T}, year = 2024, url = {doi:<a href=\"https://doi.org/10.1016/j.cma.2024.117485\">10.1016/j.cma.2024.117485</a>}}");
        assert_eq!(p.links.doi.as_deref(), Some("https://doi.org/10.1016/j.cma.2024.117485"));
        assert_eq!(p.links.url, None);
        let p =
            one("@article{k, title = {T}, year = 2024, url = {<a href='https://lab.example/p'>paper</a>}}");
        assert_eq!(p.links.url.as_deref(), Some("https://lab.example/p"));
    }

    #[test]
    fn tex_escapes_in_urls_and_dois() {
        let p = one("@misc{k, title = {T}, year = 2020, url = {https://x.org/a\\_b\\%20c?d=1\\&e=2}, doi = {10.1000/a\\_b}}");
        assert_eq!(p.links.url.as_deref(), Some("https://x.org/a_b%20c?d=1&e=2"));
        assert_eq!(p.links.doi.as_deref(), Some("https://doi.org/10.1000/a_b"));
    }

    #[test]
    fn entries_without_year_or_title_are_reported_and_the_rest_kept() {
        let bib = "% a comment line\r\n@comment{jabref-meta: x;}\r\n@article{a, title = {Kept}, year = 2021}\r\n\
                   @article{b, title = {No year}}\r\n@article{c, year = 2020}\r\n@article{a, title = {Again}, year = 2020}\r\n\
                   @article{d, title = {Bad macro}, journal = NOWHERE, year = 2020}";
        let parsed = parse(bib, &ImportOptions::default()).unwrap();
        assert_eq!(
            parsed.records.iter().map(|r| r.paper.title.as_str()).collect::<Vec<_>>(),
            ["Kept", "Bad macro"]
        );
        assert_eq!(parsed.records[1].paper.venue.as_deref(), Some("NOWHERE"));
        let skipped: Vec<(Location, &str)> =
            parsed.skipped.iter().map(|s| (s.at, s.reason.as_str())).collect();
        assert_eq!(skipped.len(), 3, "{skipped:?}");
        assert_eq!(skipped[0].0, Location::Line(4));
        assert!(skipped[0].1.contains("has no year") && skipped[0].1.contains("--allow-undated"));
        assert_eq!(skipped[1], (Location::Line(5), "entry \"c\" has no title"));
        assert!(skipped[2].1.contains("repeats the citation key \"a\" of the entry at line 3"));
        let options = ImportOptions { allow_undated: true, ..Default::default() };
        let parsed = parse(bib, &options).unwrap();
        assert_eq!(parsed.records.len(), 3);
        assert!(!parsed.records[1].paper.published.is_known());
    }

    #[test]
    fn a_syntax_error_names_line_and_column() {
        let e = parse(
            "@article{a, title = {T}, year = 2020}\n@article{b, title = {T}, year = 2020\n",
            &ImportOptions::default(),
        )
        .unwrap_err();
        assert_eq!(e.line, 3, "{e}");
        let e = parse("@article{a, title = {T} year = 2020}\n", &ImportOptions::default()).unwrap_err();
        assert_eq!((e.line, e.column), (1, Some(25)), "{e}");
    }

    #[test]
    fn referenced_volumes_give_their_fields_and_are_not_papers() {
        let bib = "@inproceedings{p, title = {Paper}, author = {A B}, crossref = {conf}}\n\
                   @proceedings{conf, title = {Proceedings of X}, booktitle = {Proceedings of X}, year = 2017}";
        let parsed = parse(bib, &ImportOptions::default()).unwrap();
        assert_eq!(parsed.records.len(), 1);
        let p = &parsed.records[0].paper;
        assert_eq!(
            (p.published.to_string(), p.venue.as_deref()),
            ("2017".to_string(), Some("Proceedings of X"))
        );
        assert!(parsed.skipped[0].reason.contains("cross-reference"));
    }
}
