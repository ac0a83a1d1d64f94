//! Sort orders. Each is total (ties broken as documented), so a view is deterministic.

use std::cmp::Ordering;

use crate::search::shared_sort::sort_ids_unstable;
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

    /// Every order's permutation of all papers, indexed by `order as usize`: the papers as
    /// [`compare`](Self::compare) orders them. Only two orders are sorted by comparing papers
    /// (the relevance tie-break, and titles); every other one compares integer keys, its
    /// own value first and one of those two ranks as the tie-break, which is the order
    /// `compare` gives: the newest first then the id, or the title then the id. Those six
    /// read two dense arrays, not the papers spread over the heap, and never compare
    /// strings (docs/performance.md, "a cheaper finish").
    pub fn all_orders(&self) -> [Vec<u32>; SortOrder::ALL.len()] {
        let n = self.papers.len();
        let compared = |order: SortOrder| {
            let mut ids: Vec<u32> = (0..n as u32).collect();
            sort_ids_unstable(&mut ids, &|a, b| self.compare(order, a, b));
            ids
        };
        let rank_in = |order: &[u32]| {
            let mut rank = vec![0u32; n];
            for (r, &p) in order.iter().enumerate() {
                rank[p as usize] = r as u32;
            }
            rank
        };
        let mut relevance = compared(SortOrder::Relevance);
        let mut title = compared(SortOrder::Title);
        let newest_then_id = rank_in(&relevance);
        let title_then_id = rank_in(&title);
        // Sorted by (key, tie-break rank): the rank is unique, so no two papers are equal.
        // Both are read from arrays in order, not from the papers all over the heap.
        let keyed = |key: &dyn Fn(&Paper, u32) -> u64, tie: &[u32]| {
            let keys: Vec<u64> = (0..n).map(|p| key(&self.papers[p], self.dates[p])).collect();
            let mut ids: Vec<u32> = (0..n as u32).collect();
            sort_ids_unstable(&mut ids, &|a, b| {
                let (a, b) = (a as usize, b as usize);
                keys[a].cmp(&keys[b]).then(tie[a].cmp(&tie[b]))
            });
            ids
        };
        let most = |x: u64| u64::MAX - x;
        SortOrder::ALL.map(|order| match order {
            SortOrder::Relevance => std::mem::take(&mut relevance),
            SortOrder::Title => std::mem::take(&mut title),
            SortOrder::Newest => keyed(&|_, date| most(date.into()), &title_then_id),
            // Undated papers (date 0) come last here too.
            SortOrder::Oldest => {
                keyed(&|_, date| (u64::from(date == 0) << 32) | u64::from(date), &title_then_id)
            }
            SortOrder::MostAuthors => keyed(&|p, _| most(p.min_authors().into()), &newest_then_id),
            SortOrder::FewestAuthors => keyed(&|p, _| p.min_authors().into(), &newest_then_id),
            SortOrder::MostUpvoted => keyed(&|p, _| most(p.upvotes.into()), &newest_then_id),
            SortOrder::MostCited => {
                keyed(&|p, _| most(p.citations.map_or(0, |c| u64::from(c) + 1)), &newest_then_id)
            }
        })
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

    /// A paper with only what the orders read set.
    fn paper(id: &str, author_count: u32, incomplete: bool, upvotes: u32, citations: Option<u32>) -> Paper {
        Paper {
            id: id.to_string(),
            title: String::new(),
            abstract_text: None,
            authors: None,
            author_count,
            authors_incomplete: incomplete,
            published: crate::snapshot::date::PartialDate::UNKNOWN,
            upvotes,
            links: Default::default(),
            tags: Vec::new(),
            venue: None,
            venue_short: None,
            kind: None,
            citations,
            thumbnail: None,
            summary: None,
            bibtex: None,
        }
    }

    #[test]
    fn all_orders_are_the_orders_compare_gives() {
        // Few distinct values of every key, so that every tie-break is needed: equal dates
        // (and undated papers), equal titles, equal counts, citations absent, 0 and the most.
        let mut papers = Vec::new();
        let mut dates = Vec::new();
        let mut titles = Vec::new();
        let mut state = 0x2545_f491_u32;
        let mut next = |m: u32| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state % m
        };
        for i in 0..300 {
            let citations = [None, Some(0), Some(7), Some(u32::MAX)][next(4) as usize];
            papers.push(paper(&format!("p{:03}", next(1000)), next(4), next(2) == 1, next(3), citations));
            papers[i].id.push_str(&format!("-{i}"));
            dates.push([0, 20240101, 20240101, 20250612, u32::MAX][next(5) as usize]);
            titles.push(["a", "b", "b", "zeta"][next(4) as usize].to_string());
        }
        let keys = SortKeys { papers: &papers, dates: &dates, titles: &titles };
        let all = keys.all_orders();
        for order in SortOrder::ALL {
            let mut expected: Vec<u32> = (0..papers.len() as u32).collect();
            expected.sort_by(|&a, &b| keys.compare(order, a, b));
            assert_eq!(all[order as usize], expected, "{order:?}");
        }
    }

    #[test]
    fn all_lists_orders_by_their_discriminant() {
        // The catalog keeps one permutation per order at `order as usize`.
        for (i, order) in SortOrder::ALL.into_iter().enumerate() {
            assert_eq!(order as usize, i, "{order:?}");
            assert_eq!(SortOrder::from_name(order.name()), Some(order));
        }
    }
}
