//! Building a catalog paper by paper. What a paper gives alone (its words, its facet
//! values, its folded title) is taken as it is added, while the snapshot still downloads
//! ([`super::CatalogLoader`]); [`CatalogBuilder::finish`] does what needs every paper:
//! the sorted vocabulary and postings, the sort orders, the facets' counts.

use super::Catalog;
use crate::search::filter::HasSet;
use crate::search::index::IndexBuilder;
use crate::search::sort::{SortKeys, SortOrder};
use crate::search::text::fold;
use crate::search::timeline::month_number;
use crate::search::value_facet::{ValueFacet, Vocabulary};
use crate::snapshot::model::{Paper, Snapshot};
use crate::snapshot::names::PersonName;

pub(crate) struct CatalogBuilder {
    index: IndexBuilder,
    vocabularies: [Vocabulary; ValueFacet::ALL.len()],
    /// Each paper's title folded, for the title order.
    titles: Vec<String>,
}

impl Default for CatalogBuilder {
    fn default() -> Self {
        Self {
            index: IndexBuilder::default(),
            vocabularies: ValueFacet::ALL.map(Vocabulary::start),
            titles: Vec::new(),
        }
    }
}

impl CatalogBuilder {
    /// A builder for a snapshot of about `bytes` bytes of JSON.
    pub(crate) fn for_bytes(bytes: usize) -> Self {
        // Titles, abstracts and names are about two thirds of a snapshot, at about one
        // word per 6.5 bytes; a paper takes about 2.5 KB.
        Self { index: IndexBuilder::with_capacity(bytes / 2500, bytes / 9), ..Self::default() }
    }

    /// The next paper of the snapshot.
    pub(crate) fn add(&mut self, paper: &Paper) {
        self.index.add(paper);
        for vocabulary in &mut self.vocabularies {
            vocabulary.add(paper);
        }
        self.titles.push(fold(&paper.title));
    }

    /// How many papers have been added.
    pub(crate) fn len(&self) -> usize {
        self.titles.len()
    }

    /// The catalog of `snapshot`, whose papers must be the ones added, in order (which
    /// only the callers can know; a different number of papers is built again from the
    /// snapshot alone).
    pub(crate) fn finish(self, snapshot: Snapshot) -> Catalog {
        if self.len() != snapshot.papers.len() {
            let mut again = Self::default();
            for paper in &snapshot.papers {
                again.add(paper);
            }
            return again.finish(snapshot);
        }
        let papers = &snapshot.papers;
        let index = self.index.finish();
        let dates: Vec<u32> = papers.iter().map(|p| p.published.sort_key()).collect();
        let has = papers.iter().map(HasSet::of).collect();
        // 0 for an undated paper, which no year facet counts.
        let years: Vec<u16> = papers.iter().map(|p| p.published.year()).collect();
        let known = || years.iter().copied().filter(|&y| y != 0);
        let year_span = match (known().min(), known().max()) {
            (Some(lo), Some(hi)) => lo..hi + 1,
            _ => 0..0,
        };
        let first_month = month_number(year_span.start, 1);
        let months = papers
            .iter()
            .map(|p| match p.published.is_known() {
                true => month_number(p.published.year(), p.published.month().unwrap_or(1)) - first_month,
                false => u32::MAX,
            })
            .collect();
        let mut years_present = vec![false; year_span.len()];
        for y in known() {
            years_present[usize::from(y - year_span.start)] = true;
        }
        let orders = SortKeys { papers, dates: &dates, titles: &self.titles }.all_orders();
        let mut tie_rank = vec![0u32; papers.len()];
        for (rank, &p) in orders[SortOrder::Relevance as usize].iter().enumerate() {
            tie_rank[p as usize] = rank as u32;
        }
        let by_id = papers.iter().enumerate().map(|(i, p)| (p.id.clone(), i as u32)).collect();
        let vocabularies = self.vocabularies.map(|v| v.finish(&snapshot.highlight_authors));
        let venue_rank = vocabularies[ValueFacet::Venue as usize].rank_by_frequency();
        let members = snapshot.highlight_authors.iter().filter_map(|n| PersonName::parse(n)).collect();
        Catalog {
            snapshot,
            index,
            dates,
            has,
            orders,
            years,
            months,
            by_id,
            tie_rank,
            year_span,
            years_present,
            vocabularies,
            venue_rank,
            members,
        }
    }
}
