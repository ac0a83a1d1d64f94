//! The export formats, and the name of a download.

use crate::search::text::fold;
use crate::view::{encode, ViewState};

/// A format a view exports to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// BibTeX (`.bib`), for LaTeX and every reference manager.
    Bibtex,
    /// RIS (`.ris`), what Zotero, Mendeley and EndNote import.
    Ris,
    /// A table with the generic header `paperdeck import` reads (`.csv`).
    Csv,
    /// A snapshot (format v1) of the view's papers (`.json`).
    Json,
}

impl ExportFormat {
    pub const ALL: [Self; 4] = [Self::Bibtex, Self::Ris, Self::Csv, Self::Json];

    /// The name `paperdeck export --format` takes.
    pub fn name(self) -> &'static str {
        self.spelling().0
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        self.spelling().1
    }

    /// The MIME type of a download.
    pub fn mime_type(self) -> &'static str {
        self.spelling().2
    }

    /// What an Export menu says.
    pub fn label(self) -> &'static str {
        self.spelling().3
    }

    /// A format by its name (`bib` and `bibtex` both name BibTeX).
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "bibtex" => Some(Self::Bibtex),
            _ => Self::ALL.into_iter().find(|f| f.name() == name),
        }
    }

    fn spelling(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            Self::Bibtex => ("bib", "bib", "application/x-bibtex; charset=utf-8", "BibTeX (.bib)"),
            Self::Ris => ("ris", "ris", "application/x-research-info-systems; charset=utf-8", "RIS (.ris)"),
            Self::Csv => ("csv", "csv", "text/csv; charset=utf-8", "CSV (.csv)"),
            Self::Json => ("json", "json", "application/json; charset=utf-8", "Paperdeck snapshot (.json)"),
        }
    }
}

/// The most characters of a file name before its extension.
const MAX_STEM: usize = 80;

/// The name of a download that names the view: `papers` for the default view, else
/// `papers-` and the view's query string, decoded and folded (accents and case removed),
/// with every run of characters other than ASCII letters and digits made one `-`
/// (`q=lora&from=2024` → `papers-q-lora-from-2024.bib`), cut to at most 80 characters at
/// a `-`. Only what chooses the papers and their order
/// counts: the opened paper, layout, theme, data file and embedding options do not.
pub fn file_name(view: &ViewState, format: ExportFormat) -> String {
    let chooser = ViewState {
        query: view.query.clone(),
        from: view.from,
        to: view.to,
        authors: view.authors,
        upvotes: view.upvotes,
        has: view.has,
        tags: view.tags.clone(),
        venues: view.venues.clone(),
        kinds: view.kinds,
        people: view.people.clone(),
        citations: view.citations,
        sort: view.sort,
        ..ViewState::default()
    };
    let mut stem = String::from("papers");
    let mut dash = true;
    let decoded = crate::view::url::decode_component(&encode(&chooser));
    for c in fold(&decoded).chars() {
        if c.is_ascii_alphanumeric() {
            if dash {
                stem.push('-');
                dash = false;
            }
            stem.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    if stem.len() > MAX_STEM {
        let cut = stem[..=MAX_STEM].rfind('-').unwrap_or(MAX_STEM);
        stem.truncate(cut);
    }
    format!("{stem}.{}", format.extension())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::decode;

    fn name(qs: &str, f: ExportFormat) -> String {
        file_name(&decode(qs).0, f)
    }

    #[test]
    fn names_extensions_and_types() {
        for f in ExportFormat::ALL {
            assert_eq!(ExportFormat::from_name(f.name()), Some(f));
            assert!(f.mime_type().ends_with("charset=utf-8"));
        }
        assert_eq!(ExportFormat::from_name("bibtex"), Some(ExportFormat::Bibtex));
        assert_eq!(ExportFormat::from_name("xml"), None);
    }

    #[test]
    fn a_download_names_the_view() {
        assert_eq!(name("", ExportFormat::Bibtex), "papers.bib");
        assert_eq!(name("theme=dark&view=list&paper=2406.1", ExportFormat::Ris), "papers.ris");
        assert_eq!(name("q=lora&from=2024", ExportFormat::Bibtex), "papers-q-lora-from-2024.bib");
        assert_eq!(name("q=%22Wölflein%22+%26+co", ExportFormat::Csv), "papers-q-wolflein-co.csv");
        let long = name(&format!("q={}", "word+".repeat(40)), ExportFormat::Json);
        assert!(long.len() <= MAX_STEM + 5, "{long}");
        assert!(long.starts_with("papers-q-word-word") && long.ends_with("-word.json"), "{long}");
    }
}
