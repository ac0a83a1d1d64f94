//! The data model of snapshot format v1 (`docs/snapshot-format.md`).

use super::date::PartialDate;
use super::kind::PaperKind;
use super::links::Links;

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
    /// The lab's members, whose names every card shows in bold. A name matches its
    /// usual variants (see [`crate::PersonName`]).
    pub highlight_authors: Vec<String>,
    /// What `paperdeck update` fetches from, as source specs in order
    /// (`"hf-daily:2025-01-01"`, `"arxiv:au:Wolflein"`); empty when none.
    pub sources: Vec<String>,
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
    /// The venue's short form, shown as a badge (al-folio's `abbr`: "CVPR").
    pub venue_short: Option<String>,
    /// The kind of publication, when the source says.
    pub kind: Option<PaperKind>,
    /// How often the paper is cited, when the source gives a count (0 included).
    pub citations: Option<u32>,
    pub thumbnail: Option<String>,
    pub summary: Option<String>,
    /// The paper's BibTeX entry as its source wrote it (minus the fields only a web page
    /// uses), exported as is; `None` when the paper did not come from BibTeX.
    pub bibtex: Option<String>,
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
            venue_short: None,
            kind: None,
            citations: None,
            thumbnail: None,
            summary: None,
            bibtex: None,
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
