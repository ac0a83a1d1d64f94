//! Escaped special characters, read once. The `biblatex` crate decodes `\textbackslash{}`,
//! `\textdollar{}`, `\textbraceleft{}` and the like, and this importer then reads LaTeX in what the crate gives
//! (`\'e`, `$x^2$`, ``` `` ```, `&lt;`) and in raw `keywords`; a decoded `\` or `$` would be
//! read a second time (`\textbackslash{}'e` became "é", `\&lt;` "<"). So before parsing, each such escape is
//! replaced by a character of the Private Use Area that neither reader touches, and each
//! is turned back when the paper is made: into the character in its fields, into the
//! escape in the entry it keeps.

use paperdeck_core::Paper;

/// Each escape, the character that stands for it while parsing, and what it means. Only
/// these spellings, the ones Paperdeck's exports write, each ending in `{}`: other
/// spellings keep their old reading, so Zotero's `{\textbackslash}textbf\{x\}` (LaTeX
/// it escaped) still reads as LaTeX, and `\&amp;` as "&".
const ESCAPES: [(&str, char, char); 10] = [
    ("\\textbackslash{}", '\u{E000}', '\\'),
    ("\\textbraceleft{}", '\u{E001}', '{'),
    ("\\textbraceright{}", '\u{E002}', '}'),
    ("\\textdollar{}", '\u{E003}', '$'),
    ("\\textasciitilde{}", '\u{E004}', '~'),
    ("\\textasciicircum{}", '\u{E005}', '^'),
    ("\\textquotesingle{}", '\u{E006}', '\''),
    ("\\textasciigrave{}", '\u{E007}', '`'),
    ("\\&{}", '\u{E008}', '&'),
    // A `-` of a URL field (below): the crate reads `--` as a dash even there.
    ("-", '\u{E009}', '-'),
];

/// `text` with each escape replaced by its stand-in; text without a backslash is
/// returned as is.
pub fn protect(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('\\') {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let hit = ESCAPES.iter().find(|(escape, _, _)| escape.len() > 1 && tail.starts_with(escape));
        match hit {
            Some((escape, stand_in, _)) => {
                out.push(*stand_in);
                rest = &tail[escape.len()..];
            }
            None => {
                // `\\` is one unit: its second backslash starts no escape.
                let n = if tail.starts_with("\\\\") { 2 } else { 1 };
                out.push_str(&tail[..n]);
                rest = &tail[n..];
            }
        }
    }
    out.push_str(rest);
    out.into()
}

/// Fields whose values are URLs, DOIs or ids, never text.
const URL_FIELDS: [&str; 19] = [
    "url",
    "doi",
    "eprint",
    "pdf",
    "html",
    "code",
    "website",
    "project",
    "slides",
    "poster",
    "video",
    "blog",
    "supp",
    "supplement",
    "data",
    "dataset",
    "preview",
    "arxiv",
    "hf",
];

/// `text` with each `-` of a run of two or more in the value of a URL field replaced by
/// its stand-in, so that `https://x/a--b` stays as written (the crate makes `--` a dash
/// "–" in every field). Text that cannot be parsed, or has no `--`, is returned as is.
pub fn protect_url_dashes(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("--") {
        return text.into();
    }
    let Ok(raw) = biblatex::RawBibliography::parse(text) else { return text.into() };
    let mut spans: Vec<std::ops::Range<usize>> = raw
        .entries
        .iter()
        .flat_map(|e| &e.v.fields)
        .filter(|p| URL_FIELDS.contains(&p.key.v.to_ascii_lowercase().as_str()))
        .map(|p| p.value.span.clone())
        .filter(|span| text.get(span.clone()).is_some_and(|v| v.contains("--")))
        .collect();
    if spans.is_empty() {
        return text.into();
    }
    spans.sort_by_key(|s| s.start);
    let mut out = String::with_capacity(text.len() + 8);
    let mut at = 0;
    for span in spans {
        out.push_str(&text[at..span.start]);
        let value = &text[span.clone()];
        let mut chars = value.chars().peekable();
        let mut previous_dash = false;
        while let Some(c) = chars.next() {
            let in_run = c == '-' && (previous_dash || chars.peek() == Some(&'-'));
            out.push(if in_run { '\u{E009}' } else { c });
            previous_dash = c == '-';
        }
        at = span.end;
    }
    out.push_str(&text[at..]);
    out.into()
}

/// The characters the stand-ins mean.
pub fn unprotect(text: &str) -> String {
    map(text, |(_, _, c)| c.to_string())
}

/// The escapes the stand-ins are (each in one spelling).
pub fn unprotect_raw(text: &str) -> String {
    map(text, |(escape, _, _)| escape.to_string())
}

fn map(text: &str, with: impl Fn(&(&str, char, char)) -> String) -> String {
    if !text.contains(|c| ('\u{E000}'..='\u{E009}').contains(&c)) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match ESCAPES.iter().find(|(_, s, _)| *s == c) {
            Some(e) => out.push_str(&with(e)),
            None => out.push(c),
        }
    }
    out
}

/// Every text of a paper with the stand-ins turned back.
pub fn unprotect_paper(paper: &mut Paper) {
    let text = |s: &mut String| *s = unprotect(s);
    text(&mut paper.title);
    for s in [
        &mut paper.abstract_text,
        &mut paper.venue,
        &mut paper.venue_short,
        &mut paper.summary,
        &mut paper.thumbnail,
    ]
    .into_iter()
    .flatten()
    {
        text(s);
    }
    paper.authors.iter_mut().flatten().for_each(text);
    paper.tags.iter_mut().for_each(text);
    for kind in paperdeck_core::LinkKind::ALL {
        if let Some(url) = paper.links.slot_mut(kind) {
            text(url);
        }
    }
    if let Some(entry) = &mut paper.bibtex {
        *entry = unprotect_raw(entry);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_stand_in_and_come_back() {
        let text = r"a\textbackslash{}'e \textbraceleft{}x\textbraceright{} \textdollar{}5 \&{}lt; \textasciitilde{}\textasciicircum{} {\textbackslash}x \\\&{} \{ \'e";
        let protected = protect(text);
        assert_eq!(unprotect(&protected), r"a\'e {x} $5 &lt; ~^ {\textbackslash}x \\& \{ \'e");
        assert_eq!(unprotect_raw(&protected), text);
        assert!(matches!(protect("no escapes"), std::borrow::Cow::Borrowed(_)));
        let bib = "@misc{k, title = {a--b}, url = {https://x.org/a--b-c}}";
        let protected = protect_url_dashes(bib);
        assert_eq!(protected, "@misc{k, title = {a--b}, url = {https://x.org/a\u{E009}\u{E009}b-c}}");
        assert_eq!(unprotect_raw(&protected), bib);
    }
}
