//! Sort orders. Each is total (ties broken as documented), so a view is deterministic.

use std::cmp::Ordering;

use crate::snapshot::model::Paper;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortOrder {
    Relevance,
    #[default]
    Newest,
    Oldest,
    MostAuthors,
    FewestAuthors,
    MostUpvoted,
    Title,
    MostCited,
}

impl SortOrder {
    pub const ALL: [SortOrder; 8] = [
        SortOrder::Relevance,
        SortOrder::Newest,
        SortOrder::Oldest,
        SortOrder::MostAuthors,
        SortOrder::FewestAuthors,
        SortOrder::MostUpvoted,
        SortOrder::Title,
        SortOrder::MostCited,
    ];

    pub fn name(self) -> &'static str {
        match self {
            SortOrder::Relevance => "relevance",
            SortOrder::Newest => "newest",
            SortOrder::Oldest => "oldest",
            SortOrder::MostAuthors => "most-authors",
            SortOrder::FewestAuthors => "fewest-authors",
            SortOrder::MostUpvoted => "most-upvoted",
            SortOrder::Title => "title",
            SortOrder::MostCited => "most-cited",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SortOrder::Relevance => "Relevance",
            SortOrder::Newest => "Newest",
            SortOrder::Oldest => "Oldest",
            SortOrder::MostAuthors => "Most authors",
            SortOrder::FewestAuthors => "Fewest authors",
            SortOrder::MostUpvoted => "Most upvoted",
            SortOrder::Title => "Title (A–Z)",
            SortOrder::MostCited => "Most cited",
        }
    }

    pub fn from_name(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.name() == s)
    }

    /// The order used when none is chosen: relevance with a query, newest without.
    pub fn default_for(has_query: bool) -> Self {
        if has_query {
            SortOrder::Relevance
        } else {
            SortOrder::Newest
        }
    }
}

/// Per-paper keys that the orders compare, precomputed once.
pub(crate) struct SortKeys<'a> {
    pub papers: &'a [Paper],
    pub dates: &'a [u32],
    /// Folded titles.
    pub titles: &'a [String],
}

impl SortKeys<'_> {
    /// Compares two papers in `order`. For [`SortOrder::Relevance`], which needs scores,
    /// this is the order of equal scores: [`SortKeys::newest_then_id`].
    pub fn compare(&self, order: SortOrder, a: u32, b: u32) -> Ordering {
        let (pa, pb) = (&self.papers[a as usize], &self.papers[b as usize]);
        let (da, db) = (self.dates[a as usize], self.dates[b as usize]);
        let (ta, tb) = (&self.titles[a as usize], &self.titles[b as usize]);
        match order {
            SortOrder::Relevance => self.newest_then_id(a, b),
            SortOrder::Newest => db.cmp(&da).then_with(|| ta.cmp(tb)).then_with(|| pa.id.cmp(&pb.id)),
            // Undated papers (key 0) come last here too.
            SortOrder::Oldest => (da == 0)
                .cmp(&(db == 0))
                .then(da.cmp(&db))
                .then_with(|| ta.cmp(tb))
                .then_with(|| pa.id.cmp(&pb.id)),
            SortOrder::MostAuthors => {
                pb.min_authors().cmp(&pa.min_authors()).then(db.cmp(&da)).then_with(|| pa.id.cmp(&pb.id))
            }
            SortOrder::FewestAuthors => {
                pa.min_authors().cmp(&pb.min_authors()).then(db.cmp(&da)).then_with(|| pa.id.cmp(&pb.id))
            }
            SortOrder::MostUpvoted => {
                pb.upvotes.cmp(&pa.upvotes).then(db.cmp(&da)).then_with(|| pa.id.cmp(&pb.id))
            }
            SortOrder::Title => ta.cmp(tb).then_with(|| pa.id.cmp(&pb.id)),
            // Papers without a count come after every counted one, 0 included.
            SortOrder::MostCited => (pb.citations.map_or(0, |n| u64::from(n) + 1))
                .cmp(&pa.citations.map_or(0, |n| u64::from(n) + 1))
                .then(db.cmp(&da))
                .then_with(|| pa.id.cmp(&pb.id)),
        }
    }

    /// The relevance tie-break: date (newest first), then id.
    pub fn newest_then_id(&self, a: u32, b: u32) -> Ordering {
        self.dates[b as usize]
            .cmp(&self.dates[a as usize])
            .then_with(|| self.papers[a as usize].id.cmp(&self.papers[b as usize].id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_orders_by_their_discriminant() {
        // The catalog keeps one permutation per order at `order as usize`.
        for (i, order) in SortOrder::ALL.into_iter().enumerate() {
            assert_eq!(order as usize, i, "{order:?}");
            assert_eq!(SortOrder::from_name(order.name()), Some(order));
        }
    }
}
