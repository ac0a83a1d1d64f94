//! BibTeX: a paper's own entry when it came from BibTeX (its key made unique), else an
//! entry made from its fields (docs/exporting.md, "BibTeX").

use super::cite_key::CiteKeys;
use super::ids::{arxiv_id, doi};
use super::latex::escape_latex;
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

/// An entry made from the paper's fields.
fn made_entry(paper: &Paper, keys: &mut CiteKeys) -> String {
    let kind = entry_type(paper.kind);
    let mut fields: Vec<(&str, String)> = vec![("title", format!("{{{}}}", protect_case(&paper.title)))];
    if let Some(names) = paper.authors.as_ref() {
        let mut list: Vec<String> = names.iter().map(|n| author(n)).collect();
        if paper.authors_incomplete {
            list.push("others".into());
        }
        fields.push(("author", format!("{{{}}}", list.join(" and "))));
    }
    if let Some(venue) = &paper.venue {
        fields.push((venue_field(kind), braced(venue)));
    }
    let date = paper.published;
    if date.is_known() {
        fields.push(("year", format!("{{{}}}", date.year())));
        if let Some(m) = date.month() {
            fields.push(("month", MONTHS[usize::from(m - 1)].to_string()));
        }
        if date.day().is_some() {
            fields.push(("date", format!("{{{date}}}")));
        }
    }
    if let Some(id) = arxiv_id(paper) {
        fields.push(("eprint", format!("{{{}}}", url_value(id))));
        fields.push(("archivePrefix", "{arXiv}".into()));
    }
    if let Some(doi) = doi(paper) {
        fields.push(("doi", format!("{{{}}}", url_value(doi))));
    }
    for (link, name) in LINK_FIELDS {
        if let Some(url) = paper.links.get(link) {
            fields.push((name, format!("{{{}}}", url_value(url))));
        }
    }
    if !paper.tags.is_empty() {
        let tags: Vec<String> = paper.tags.iter().map(|t| escape_latex(t)).collect();
        fields.push(("keywords", format!("{{{}}}", tags.join(", "))));
    }
    if let Some(text) = &paper.abstract_text {
        fields.push(("abstract", braced(text)));
    }
    let key = keys.for_paper(paper);
    let body: Vec<String> = fields.iter().map(|(name, value)| format!("  {name} = {value}")).collect();
    format!("@{kind}{{{key},\n{}\n}}", body.join(",\n"))
}

fn braced(text: &str) -> String {
    format!("{{{}}}", escape_latex(text))
}

/// A name as BibTeX reads it back whole: braced when it has a comma or the word `and`,
/// which would split it.
fn author(name: &str) -> String {
    let escaped = escape_latex(name);
    let splits = name.contains(',') || name.split_whitespace().any(|w| w.eq_ignore_ascii_case("and"));
    if splits {
        format!("{{{escaped}}}")
    } else {
        escaped
    }
}

/// The title escaped, with each word that has a capital after its first letter
/// (`ShortcutsBench`, `LoRA`, `GPT`) in braces, so that styles that lower-case titles
/// keep it.
fn protect_case(title: &str) -> String {
    let escaped = escape_latex(title);
    let words: Vec<String> = escaped
        .split(' ')
        .map(|w| {
            let mut letters = w.chars().filter(|c| c.is_alphabetic());
            let first = letters.next();
            if first.is_some() && letters.any(char::is_uppercase) {
                format!("{{{w}}}")
            } else {
                w.to_string()
            }
        })
        .collect();
    words.join(" ")
}

/// A URL, DOI or arXiv id as a verbatim BibTeX value: braces, which would unbalance the
/// value, percent-encoded; all else as written.
fn url_value(url: &str) -> String {
    url.replace('{', "%7B").replace('}', "%7D")
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
