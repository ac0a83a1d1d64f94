//! Sort orders. Each is total (ties broken as documented), so a view is deterministic.

use std::cmp::Ordering;

use crate::search::key_sort::sort_keys;
use crate::search::paper_keys::PaperKeys;
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

    /// The two orders sorted by comparing papers: the relevance tie-break (newest, then
    /// id) and titles. Every other order is sorted from these two and integer keys
    /// ([`OrderKeys`]).
    pub fn compared(&self, order: SortOrder) -> Vec<u32> {
        let mut ids: Vec<u32> = (0..self.papers.len() as u32).collect();
        sort_ids_unstable(&mut ids, &|a, b| self.compare(order, a, b));
        ids
    }

    /// The relevance tie-break: date (newest first), then id.
    pub fn newest_then_id(&self, a: u32, b: u32) -> Ordering {
        self.dates[b as usize]
            .cmp(&self.dates[a as usize])
            .then_with(|| self.papers[a as usize].id.cmp(&self.papers[b as usize].id))
    }
}

/// What every order but the two [compared](SortKeys::compared) ones reads: integer keys
/// in dense arrays, and the two compared orders for the tie-break. Each such order is its
/// own value first, then the newest-then-id or title-then-id rank, which is the order
/// [`SortKeys::compare`] gives; sorted as packed `u64` keys by the radix sort, it never
/// compares strings nor reads the papers (docs/performance.md, "Sort orders when first
/// asked for").
pub(crate) struct OrderKeys<'a> {
    /// Each paper's [`PartialDate::sort_key`](crate::snapshot::date::PartialDate::sort_key).
    pub dates: &'a [u32],
    pub keys: &'a [PaperKeys],
    /// Every paper in the relevance tie-break order: newest first, then by id.
    pub newest_then_id: &'a [u32],
    /// Every paper by folded title, then id.
    pub title_then_id: &'a [u32],
}

/// Bits of a packed key holding the tie-break rank, below the order's own key (up to 33
/// bits). Wasm's 4 GiB could not hold 2^31 papers.
const RANK_BITS: u32 = 31;

impl OrderKeys<'_> {
    /// Every paper in `order`.
    pub(crate) fn order(&self, order: SortOrder) -> Vec<u32> {
        let (dates, keys) = (self.dates, self.keys);
        let most = |x: u32| u64::from(u32::MAX - x);
        let (key, tie): (&dyn Fn(usize) -> u64, &[u32]) = match order {
            SortOrder::Relevance => return self.newest_then_id.to_vec(),
            SortOrder::Title => return self.title_then_id.to_vec(),
            SortOrder::Newest => (&|p| most(dates[p]), self.title_then_id),
            // Undated papers (date 0) come last here too.
            SortOrder::Oldest => {
                (&|p| (u64::from(dates[p] == 0) << 32) | u64::from(dates[p]), self.title_then_id)
            }
            SortOrder::MostAuthors => (&|p| most(keys[p].min_authors), self.newest_then_id),
            SortOrder::FewestAuthors => (&|p| keys[p].min_authors.into(), self.newest_then_id),
            SortOrder::MostUpvoted => (&|p| most(keys[p].upvotes), self.newest_then_id),
            // Papers without a count come after every counted one, 0 included.
            SortOrder::MostCited => {
                (&|p| (1 << 32) - keys[p].citations.map_or(0, |c| u64::from(c) + 1), self.newest_then_id)
            }
        };
        assert!(tie.len() <= 1 << RANK_BITS, "more papers than a sort key holds");
        let mut packed: Vec<u64> =
            tie.iter().enumerate().map(|(rank, &p)| key(p as usize) << RANK_BITS | rank as u64).collect();
        sort_keys(&mut packed);
        packed.iter().map(|&k| tie[(k & ((1 << RANK_BITS) - 1)) as usize]).collect()
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
    fn every_order_is_the_order_compare_gives() {
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
        let paper_keys: Vec<PaperKeys> = papers.iter().map(PaperKeys::of).collect();
        let (newest_then_id, title_then_id) =
            (keys.compared(SortOrder::Relevance), keys.compared(SortOrder::Title));
        let orders = OrderKeys {
            dates: &dates,
            keys: &paper_keys,
            newest_then_id: &newest_then_id,
            title_then_id: &title_then_id,
        };
        for order in SortOrder::ALL {
            let mut expected: Vec<u32> = (0..papers.len() as u32).collect();
            expected.sort_by(|&a, &b| keys.compare(order, a, b));
            assert_eq!(orders.order(order), expected, "{order:?}");
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
