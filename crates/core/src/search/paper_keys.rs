//! What a search reads of each paper to filter and count it, packed side by side.

use crate::snapshot::kind::PaperKind;
use crate::snapshot::model::Paper;

/// One paper's values for the filters and facets that read the paper itself (the date,
/// year, month and "has" flags have arrays of their own in the catalog). A search walks
/// every matched paper; read from the papers, each hundreds of bytes from the next, these
/// four fields cost more than the rest of that walk (docs/performance.md, "Filter keys
/// side by side").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct PaperKeys {
    /// [`Paper::min_authors`].
    pub(crate) min_authors: u32,
    pub(crate) upvotes: u32,
    pub(crate) citations: Option<u32>,
    pub(crate) kind: Option<PaperKind>,
}

impl PaperKeys {
    pub(crate) fn of(paper: &Paper) -> Self {
        Self {
            min_authors: paper.min_authors(),
            upvotes: paper.upvotes,
            citations: paper.citations,
            kind: paper.kind,
        }
    }
}
