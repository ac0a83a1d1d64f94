//! What goes into an import: the source formats ([`SourceFormat`]), one input file
//! already read ([`Input`]), and the options that apply to every input
//! ([`ImportOptions`]).

/// The source formats `paperdeck import --from` knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceFormat {
    /// BibTeX or BibLaTeX (`bibtex`).
    Bibtex,
    /// A response of the arXiv API's query endpoint, an Atom feed (`arxiv-atom`).
    ArxivAtom,
    /// A table with a header row: Zotero, Publish or Perish, or the generic header (`csv`).
    Csv,
    /// Hugging Face `daily_papers` API responses, JSON arrays (`hf-api`).
    HfApi,
    /// A Hugging Face papers page saved as text (`hf-page`).
    HfPage,
    /// RIS, as Zotero, Mendeley and EndNote export it (`ris`).
    Ris,
    /// A Paperdeck snapshot (`snapshot`).
    Snapshot,
}

impl SourceFormat {
    pub const ALL: [Self; 7] =
        [Self::Bibtex, Self::ArxivAtom, Self::Csv, Self::HfApi, Self::HfPage, Self::Ris, Self::Snapshot];

    /// The name `--from` takes.
    pub fn name(self) -> &'static str {
        match self {
            Self::Bibtex => "bibtex",
            Self::ArxivAtom => "arxiv-atom",
            Self::Csv => "csv",
            Self::HfApi => "hf-api",
            Self::HfPage => "hf-page",
            Self::Ris => "ris",
            Self::Snapshot => "snapshot",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The format a file name implies: `.bib`, `.xml`/`.atom`, `.csv`, `.json`, `.txt`,
    /// `.ris`, each optionally followed by `.gz`. A `.json` file is `hf-api` by its name;
    /// [`SourceFormat::refined`] tells a snapshot by its text.
    pub fn from_file_name(name: &str) -> Option<Self> {
        let lower = name.to_ascii_lowercase();
        let stem = lower.strip_suffix(".gz").unwrap_or(&lower);
        let ext = stem.rsplit_once('.')?.1;
        Some(match ext {
            "bib" | "bibtex" => Self::Bibtex,
            "xml" | "atom" => Self::ArxivAtom,
            "csv" => Self::Csv,
            "json" => Self::HfApi,
            "txt" => Self::HfPage,
            "ris" => Self::Ris,
            _ => return None,
        })
    }

    /// How the snapshot's `source` names inputs of this format.
    pub fn label(self) -> &'static str {
        match self {
            Self::Bibtex => "BibTeX",
            Self::ArxivAtom => "arXiv API",
            Self::Csv => "CSV",
            Self::HfApi => "Hugging Face daily_papers API",
            Self::HfPage => "Hugging Face papers page",
            Self::Ris => "RIS",
            Self::Snapshot => "Paperdeck snapshot",
        }
    }

    /// The format of an input as its text shows: JSON read as `hf-api` (by its `.json`
    /// name or `--from hf-api`) whose top level says `"format": "paperdeck-snapshot"` is a
    /// snapshot; any other input keeps its format.
    pub fn refined(self, text: &str) -> Self {
        if self == Self::HfApi && is_snapshot(text) {
            Self::Snapshot
        } else {
            self
        }
    }
}

/// One input file, already read.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    /// The file name, as the snapshot's `source` and the report name it.
    pub name: &'a str,
    pub format: SourceFormat,
    pub text: &'a str,
}

/// Options that apply to every input.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// The snapshot title (`--title`).
    pub title: Option<String>,
    /// The year of dates written without one, for `hf-page` (`--year`).
    pub year: Option<u16>,
    /// Keep entries without a year, as undated papers (`--allow-undated`).
    pub allow_undated: bool,
    /// CSV columns mapped to fields by hand (`--map COLUMN=FIELD`).
    pub column_map: Vec<(String, String)>,
    /// What relative links (BibTeX `pdf = {paper.pdf}`) are joined to (`--base-url`): an
    /// absolute http(s) URL. Without it they are left out, with a note.
    pub base_url: Option<String>,
    /// What a relative `preview` image is joined to (`--preview-base-url`), when it is
    /// not `base_url`: al-folio keeps previews in `/assets/img/publication_preview/`.
    pub preview_base_url: Option<String>,
    /// The snapshot's `highlight_authors` (`--highlight NAME`, in order, each once).
    pub highlight_authors: Vec<String>,
}

/// True when `text` is a JSON object whose `format` is `paperdeck-snapshot`. Only the
/// `format` field is built: the rest of a large snapshot is scanned, not read twice.
pub fn is_snapshot(text: &str) -> bool {
    #[derive(serde::Deserialize)]
    struct Head {
        format: Option<serde_json::Value>,
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.trim_start().starts_with('{')
        && serde_json::from_str::<Head>(text)
            .is_ok_and(|h| h.format.as_ref().and_then(|f| f.as_str()) == Some(paperdeck_core::FORMAT_NAME))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_name_and_by_file_name() {
        for f in SourceFormat::ALL {
            assert_eq!(SourceFormat::from_name(f.name()), Some(f));
        }
        let by_file = |n: &str| SourceFormat::from_file_name(n);
        assert_eq!(by_file("lab.bib"), Some(SourceFormat::Bibtex));
        assert_eq!(by_file("Lab.BIB"), Some(SourceFormat::Bibtex));
        assert_eq!(by_file("query.xml"), Some(SourceFormat::ArxivAtom));
        assert_eq!(by_file("export.csv"), Some(SourceFormat::Csv));
        assert_eq!(by_file("daily.json.gz"), Some(SourceFormat::HfApi));
        assert_eq!(by_file("page.txt"), Some(SourceFormat::HfPage));
        assert_eq!(by_file("zotero.RIS"), Some(SourceFormat::Ris));
        let snapshot = r#"{"format": "paperdeck-snapshot", "version": 1, "papers": []}"#;
        assert_eq!(SourceFormat::HfApi.refined(snapshot), SourceFormat::Snapshot);
        assert_eq!(SourceFormat::HfApi.refined("[]"), SourceFormat::HfApi);
        assert_eq!(SourceFormat::Csv.refined(snapshot), SourceFormat::Csv);
        assert_eq!(by_file("notes.md"), None);
        assert_eq!(by_file("bib"), None);
    }
}
