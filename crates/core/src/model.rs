//! The data model of snapshot format v1 (`docs/snapshot-format.md`).

use crate::date::PartialDate;

/// The value of a snapshot's `format` field.
pub const FORMAT_NAME: &str = "paperdeck-snapshot";
/// The snapshot format version this core reads and writes.
pub const FORMAT_VERSION: u64 = 1;

/// A collection of papers with optional metadata about the collection.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapshot {
    pub title: Option<String>,
    pub description: Option<String>,
    /// When the snapshot was made, as written (normally `YYYY-MM-DD`).
    pub generated: Option<String>,
    pub source: Option<String>,
    pub papers: Vec<Paper>,
}

/// One validated paper. Every field obeys the format's rules: the id is unique and of
/// `[A-Za-z0-9._-]+`, the title is not empty, links are absolute http(s) URLs.
#[derive(Clone, Debug, PartialEq)]
pub struct Paper {
    pub id: String,
    pub title: String,
    pub abstract_text: Option<String>,
    /// Display names in order, when the source lists them.
    pub authors: Option<Vec<String>>,
    /// Always known: the length of `authors`, or the `author_count` of the record.
    pub author_count: u32,
    /// True when `authors` lists only the first names ("and others", "…"): the paper has
    /// more authors than `author_count`. See [`Paper::min_authors`].
    pub authors_incomplete: bool,
    /// [`PartialDate::UNKNOWN`] for an undated paper.
    pub published: PartialDate,
    pub upvotes: u32,
    pub links: Links,
    pub tags: Vec<String>,
    pub venue: Option<String>,
    pub thumbnail: Option<String>,
    pub summary: Option<String>,
}

/// The link kinds of format v1, in the order they are written and shown.
pub const LINK_KINDS: [&str; 7] = ["code", "project", "arxiv", "pdf", "hf", "doi", "url"];

/// A paper's links; each is an absolute http(s) URL.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Links {
    pub code: Option<String>,
    pub project: Option<String>,
    pub arxiv: Option<String>,
    pub pdf: Option<String>,
    pub hf: Option<String>,
    pub doi: Option<String>,
    pub url: Option<String>,
}

impl Links {
    /// The link of a kind named in [`LINK_KINDS`].
    pub fn get(&self, kind: &str) -> Option<&str> {
        self.slot(kind).and_then(|s| s.as_deref())
    }

    fn slot(&self, kind: &str) -> Option<&Option<String>> {
        Some(match kind {
            "code" => &self.code,
            "project" => &self.project,
            "arxiv" => &self.arxiv,
            "pdf" => &self.pdf,
            "hf" => &self.hf,
            "doi" => &self.doi,
            "url" => &self.url,
            _ => return None,
        })
    }

    /// Sets the link of a kind named in [`LINK_KINDS`]; false for an unknown kind.
    pub fn set(&mut self, kind: &str, url: String) -> bool {
        let slot = match kind {
            "code" => &mut self.code,
            "project" => &mut self.project,
            "arxiv" => &mut self.arxiv,
            "pdf" => &mut self.pdf,
            "hf" => &mut self.hf,
            "doi" => &mut self.doi,
            "url" => &mut self.url,
            _ => return false,
        };
        *slot = Some(url);
        true
    }

    /// The links present, as `(kind, url)` in [`LINK_KINDS`] order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &str)> + '_ {
        LINK_KINDS.iter().filter_map(|k| self.get(k).map(|u| (*k, u)))
    }

    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }
}

impl Paper {
    /// A paper with the required fields and every optional one empty.
    pub fn new(
        id: impl Into<String>,
        title: impl Into<String>,
        author_count: u32,
        published: PartialDate,
    ) -> Self {
        Self {
            id: id.into(),
            title: title.into(),
            abstract_text: None,
            authors: None,
            author_count,
            authors_incomplete: false,
            published,
            upvotes: 0,
            links: Links::default(),
            tags: Vec::new(),
            venue: None,
            thumbnail: None,
            summary: None,
        }
    }
}

impl Paper {
    /// The fewest authors the paper can have: `author_count`, plus one when the list is
    /// incomplete. Author filters, facets and orders count this number.
    pub fn min_authors(&self) -> u32 {
        self.author_count + u32::from(self.authors_incomplete)
    }
}

/// True for a valid paper id: one or more of `A-Z a-z 0-9 . _ -`.
pub(crate) fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}
