//! BibTeX: a paper's own entry when it came from BibTeX (its key made unique), else an
//! entry made from its fields (docs/exporting.md, "BibTeX").

use super::cite_key::CiteKeys;
use super::ids::{arxiv_id, doi};
use super::latex::push_escaped;
use crate::snapshot::kind::PaperKind;
use crate::snapshot::links::LinkKind;
use crate::snapshot::model::Paper;

/// The papers as a `.bib` file: one entry each, in order, a blank line between them.
pub fn to_bibtex(papers: &[&Paper]) -> String {
    let mut keys = CiteKeys::new();
    let mut out = String::new();
    for paper in papers {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&bibtex_entry(paper, &mut keys));
        out.push('\n');
    }
    out
}

/// One paper's entry (what a Cite button copies, with a fresh [`CiteKeys`]), without a
/// final line break.
pub fn bibtex_entry(paper: &Paper, keys: &mut CiteKeys) -> String {
    match paper.bibtex.as_deref().and_then(|entry| own_entry(entry, keys)) {
        Some(entry) => entry,
        None => made_entry(paper, keys),
    }
}

/// The paper's own entry with its key made unique; `None` when it has no key to read.
fn own_entry(entry: &str, keys: &mut CiteKeys) -> Option<String> {
    let entry = entry.trim();
    let open = entry.find(['{', '('])?;
    let comma = open + entry[open..].find(',')?;
    let key = entry[open + 1..comma].trim();
    if !entry.starts_with('@') || key.is_empty() {
        return None;
    }
    let unique = keys.unique(key);
    Some(format!("{}{unique}{}", &entry[..=open], &entry[comma..]))
}

/// The entry type of a kind.
fn entry_type(kind: Option<PaperKind>) -> &'static str {
    match kind {
        Some(PaperKind::Article) => "article",
        Some(PaperKind::Conference) => "inproceedings",
        Some(PaperKind::Chapter) => "incollection",
        Some(PaperKind::Book) => "book",
        Some(PaperKind::Thesis) => "phdthesis",
        Some(PaperKind::Report) => "techreport",
        Some(PaperKind::Preprint | PaperKind::Talk | PaperKind::Other) | None => "misc",
    }
}

/// The field that names the venue for an entry type.
fn venue_field(entry_type: &str) -> &'static str {
    match entry_type {
        "inproceedings" | "incollection" => "booktitle",
        "phdthesis" => "school",
        "techreport" => "institution",
        _ => "journal",
    }
}

/// The al-folio link fields, which `paperdeck import` reads back, for the links that have
/// no standard field (`url`, `doi` and the arXiv link have theirs).
const LINK_FIELDS: [(LinkKind, &str); 11] = [
    (LinkKind::Pdf, "pdf"),
    (LinkKind::Code, "code"),
    (LinkKind::Project, "website"),
    (LinkKind::Slides, "slides"),
    (LinkKind::Poster, "poster"),
    (LinkKind::Video, "video"),
    (LinkKind::Blog, "blog"),
    (LinkKind::Data, "data"),
    (LinkKind::Supplement, "supp"),
    (LinkKind::Hf, "hf"),
    (LinkKind::Url, "url"),
];

const MONTHS: [&str; 12] =
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// An entry made from the paper's fields, written into one string.
fn made_entry(paper: &Paper, keys: &mut CiteKeys) -> String {
    let kind = entry_type(paper.kind);
    let key = keys.for_paper(paper);
    let mut out = String::with_capacity(256 + paper.abstract_text.as_ref().map_or(0, String::len));
    out.push('@');
    out.push_str(kind);
    out.push('{');
    out.push_str(&key);
    let field = |out: &mut String, name: &str| {
        out.push_str(",\n  ");
        out.push_str(name);
        out.push_str(" = ");
    };
    field(&mut out, "title");
    out.push('{');
    push_protected(&mut out, &paper.title);
    out.push('}');
    if let Some(names) = paper.authors.as_ref() {
        field(&mut out, "author");
        out.push('{');
        for (i, name) in names.iter().enumerate() {
            if i > 0 {
                out.push_str(" and ");
            }
            push_author(&mut out, name);
        }
        if paper.authors_incomplete {
            out.push_str(" and others");
        }
        out.push('}');
    }
    if let Some(venue) = &paper.venue {
        field(&mut out, venue_field(kind));
        push_braced(&mut out, venue);
    }
    let date = paper.published;
    if date.is_known() {
        field(&mut out, "year");
        out.push_str(&format!("{{{}}}", date.year()));
        if let Some(m) = date.month() {
            field(&mut out, "month");
            out.push_str(MONTHS[usize::from(m - 1)]);
        }
        if date.day().is_some() {
            field(&mut out, "date");
            out.push_str(&format!("{{{date}}}"));
        }
    }
    if let Some(id) = arxiv_id(paper) {
        field(&mut out, "eprint");
        push_url(&mut out, id);
        field(&mut out, "archivePrefix");
        out.push_str("{arXiv}");
    }
    if let Some(doi) = doi(paper) {
        field(&mut out, "doi");
        push_url(&mut out, doi);
    }
    for (link, name) in LINK_FIELDS {
        if let Some(url) = paper.links.get(link) {
            field(&mut out, name);
            push_url(&mut out, url);
        }
    }
    if !paper.tags.is_empty() {
        field(&mut out, "keywords");
        out.push('{');
        for (i, tag) in paper.tags.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            push_escaped(&mut out, tag);
        }
        out.push('}');
    }
    if let Some(text) = &paper.abstract_text {
        field(&mut out, "abstract");
        push_braced(&mut out, text);
    }
    out.push_str("\n}");
    out
}

fn push_braced(out: &mut String, text: &str) {
    out.push('{');
    push_escaped(out, text);
    out.push('}');
}

/// A name as BibTeX reads it back whole: braced when it has a comma or the word `and`,
/// which would split it.
fn push_author(out: &mut String, name: &str) {
    let splits = name.contains(',') || name.split_whitespace().any(|w| w.eq_ignore_ascii_case("and"));
    if splits {
        push_braced(out, name);
    } else {
        push_escaped(out, name);
    }
}

/// The title escaped, with each word that has a capital after its first letter
/// (`ShortcutsBench`, `LoRA`, `GPT`) in braces, so that styles that lower-case titles
/// keep it.
fn push_protected(out: &mut String, title: &str) {
    for (i, word) in title.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let mut letters = word.chars().filter(|c| c.is_alphabetic());
        if letters.next().is_some() && letters.any(char::is_uppercase) {
            push_braced(out, word);
        } else {
            push_escaped(out, word);
        }
    }
}

/// A URL, DOI or arXiv id as a verbatim BibTeX value, braced: braces in it, which would
/// unbalance the value, percent-encoded; all else as written.
fn push_url(out: &mut String, url: &str) {
    out.push('{');
    if url.contains(['{', '}']) {
        out.push_str(&url.replace('{', "%7B").replace('}', "%7D"));
    } else {
        out.push_str(url);
    }
    out.push('}');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::date::PartialDate;

    fn sample() -> Paper {
        let mut p = Paper::new(
            "2406.18540",
            "ShortcutsBench: 50% of {APIs} & more",
            2,
            PartialDate::ymd(2024, 6, 28).unwrap(),
        );
        p.authors = Some(vec!["Haiyang Shen".into(), "Li, Yue".into()]);
        p.authors_incomplete = true;
        p.venue = Some("NeurIPS 2024".into());
        p.kind = Some(PaperKind::Conference);
        p.links.arxiv = Some("https://arxiv.org/abs/2406.18540".into());
        p.links.code = Some("https://github.com/x/y_z".into());
        p.links.doi = Some("https://doi.org/10.1000/a_b".into());
        p.tags = vec!["agents".into(), "C#".into()];
        p.abstract_text = Some("Line one\nline ~two~".into());
        p
    }

    #[test]
    fn an_entry_made_from_the_fields() {
        assert_eq!(
            bibtex_entry(&sample(), &mut CiteKeys::new()),
            r"@inproceedings{shen2024shortcutsbench,
  title = {{ShortcutsBench:} 50\% of {\textbraceleft{}APIs\textbraceright{}} \&{} more},
  author = {Haiyang Shen and {Li, Yue} and others},
  booktitle = {NeurIPS 2024},
  year = {2024},
  month = jun,
  date = {2024-06-28},
  eprint = {2406.18540},
  archivePrefix = {arXiv},
  doi = {10.1000/a_b},
  code = {https://github.com/x/y_z},
  keywords = {agents, C\#},
  abstract = {Line one line \textasciitilde{}two\textasciitilde{}}
}"
        );
    }

    #[test]
    fn an_own_entry_is_written_as_is_with_a_unique_key() {
        let mut p = sample();
        p.bibtex = Some("@Article{Shen24,\n  title = {X},\n  year = 2024\n}".into());
        let text = to_bibtex(&[&p, &p]);
        assert_eq!(
            text,
            "@Article{Shen24,\n  title = {X},\n  year = 2024\n}\n\n@Article{Shen24-2,\n  title = {X},\n  year = 2024\n}\n"
        );
    }
}
