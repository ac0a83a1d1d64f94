//! RIS, what Zotero, Mendeley and EndNote import (docs/exporting.md, "RIS"): one record a
//! paper, lines `TAG  - value` ending in CR LF, as the RIS specification writes them.

use super::ids::doi;
use crate::snapshot::kind::PaperKind;
use crate::snapshot::links::LinkKind;
use crate::snapshot::model::Paper;

/// The papers as a `.ris` file, one record each, in order.
pub fn to_ris(papers: &[&Paper]) -> String {
    let mut out = String::new();
    for paper in papers {
        record(paper, &mut out);
    }
    out
}

/// The RIS reference type of a kind (what Zotero writes for it).
pub fn ris_type(kind: Option<PaperKind>) -> &'static str {
    match kind {
        Some(PaperKind::Article) => "JOUR",
        Some(PaperKind::Conference) => "CPAPER",
        Some(PaperKind::Preprint) => "UNPB",
        Some(PaperKind::Thesis) => "THES",
        Some(PaperKind::Book) => "BOOK",
        Some(PaperKind::Chapter) => "CHAP",
        Some(PaperKind::Report) => "RPRT",
        Some(PaperKind::Talk) => "SLIDE",
        Some(PaperKind::Other) | None => "GEN",
    }
}

/// The links written as `UR` lines, in this order; the reader tells their kinds by host
/// (arxiv.org, huggingface.co/papers, a code host) and reads the others as `url`.
const UR_LINKS: [LinkKind; 4] = [LinkKind::Url, LinkKind::Arxiv, LinkKind::Code, LinkKind::Hf];

fn record(paper: &Paper, out: &mut String) {
    let mut line = |tag: &str, value: &str| {
        if tag == "ER" || value.contains(|c: char| !c.is_whitespace() && !c.is_control()) {
            out.push_str(tag);
            out.push_str("  - ");
            push_one_line(out, value);
            out.push_str("\r\n");
        }
    };
    line("TY", ris_type(paper.kind));
    line("TI", &paper.title);
    for name in paper.authors.iter().flatten() {
        line("AU", &family_first(name));
    }
    let date = paper.published;
    if date.is_known() {
        line("PY", &date.year().to_string());
        let part = |n: Option<u8>| n.map_or(String::new(), |n| format!("{n:02}"));
        line("DA", &format!("{}/{}/{}/", date.year(), part(date.month()), part(date.day())));
    }
    if let Some(venue) = &paper.venue {
        line("T2", venue);
    }
    if let Some(short) = &paper.venue_short {
        line("J2", short);
    }
    if let Some(text) = &paper.abstract_text {
        line("AB", text);
    }
    for tag in &paper.tags {
        line("KW", tag);
    }
    if let Some(doi) = doi(paper) {
        line("DO", doi);
    }
    for kind in UR_LINKS {
        if let Some(url) = paper.links.get(kind) {
            line("UR", url);
        }
    }
    if let Some(pdf) = &paper.links.pdf {
        line("L1", pdf);
    }
    line("ER", "");
    out.push_str("\r\n");
}

/// A value on one line: RIS has no line break in a value, so each run of white space
/// or control characters (line breaks and tabs included) is one space, and the ends are
/// trimmed.
fn one_line(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    push_one_line(&mut out, value);
    out
}

fn push_one_line(out: &mut String, value: &str) {
    let mut first = true;
    for word in value.split(|c: char| c.is_whitespace() || c.is_control()).filter(|w| !w.is_empty()) {
        if !first {
            out.push(' ');
        }
        out.push_str(word);
        first = false;
    }
}

/// `Family, Given` as RIS asks: the last word is the family name ("Georg Wölflein" →
/// "Wölflein, Georg"); a name of one word, or one that has a comma already, as written.
fn family_first(name: &str) -> String {
    let name = one_line(name);
    if name.contains(',') {
        return name;
    }
    match name.rsplit_once(' ') {
        Some((given, family)) => format!("{family}, {given}"),
        None => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::date::PartialDate;

    #[test]
    fn a_record() {
        let mut p = Paper::new("x", "A\ntitle", 2, PartialDate::ym(2024, 6).unwrap());
        p.authors = Some(vec!["Georg Wölflein".into(), "Plato".into()]);
        p.kind = Some(PaperKind::Article);
        p.venue = Some("Nature".into());
        p.tags = vec!["a".into(), "b, c".into()];
        p.links.arxiv = Some("https://arxiv.org/abs/2404.04667".into());
        p.links.pdf = Some("https://arxiv.org/pdf/2404.04667".into());
        p.links.doi = Some("https://doi.org/10.1/x".into());
        assert_eq!(
            to_ris(&[&p]),
            "TY  - JOUR\r\nTI  - A title\r\nAU  - Wölflein, Georg\r\nAU  - Plato\r\nPY  - 2024\r\nDA  - 2024/06//\r\n\
             T2  - Nature\r\nKW  - a\r\nKW  - b, c\r\nDO  - 10.1/x\r\nUR  - https://arxiv.org/abs/2404.04667\r\n\
             L1  - https://arxiv.org/pdf/2404.04667\r\nER  - \r\n\r\n"
        );
    }
}
