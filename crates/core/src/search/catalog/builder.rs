//! Building a catalog paper by paper. What a paper gives alone (its words, its facet
//! values, its folded title) is taken as it is added, while the snapshot still downloads
//! ([`super::CatalogLoader`]); [`CatalogBuilder::finish`] does what needs every paper:
//! the sorted vocabulary and postings, the sort orders, the facets' counts.

use std::sync::OnceLock;

use super::Catalog;
use crate::search::filter::HasSet;
use crate::search::index::{IndexBuilder, SearchIndex, TokenizedElsewhere};
use crate::search::paper_keys::PaperKeys;
use crate::search::sort::{SortKeys, SortOrder};
use crate::search::text::fold;
use crate::search::timeline::month_number;
use crate::search::value_facet::{ValueFacet, Vocabulary};
use crate::snapshot::model::{Paper, Snapshot};
use crate::snapshot::names::PersonSet;

pub(crate) struct CatalogBuilder {
    index: Indexing,
    vocabularies: [Vocabulary; ValueFacet::ALL.len()],
    /// Each paper's title folded, for the title order.
    titles: Vec<String>,
}

/// Where the papers' words are tokenized: here, or on another thread, which sends back
/// each paper's word ids ([`crate::TextTokenizer`]) for the index built here.
enum Indexing {
    Here(IndexBuilder),
    Elsewhere(TokenizedElsewhere),
}

impl Indexing {
    fn add_tokenized(&mut self, tokens: &[u8]) -> Result<(), String> {
        match self {
            Indexing::Here(_) => Err("this catalog tokenizes its papers itself".into()),
            Indexing::Elsewhere(elsewhere) => elsewhere.add_tokenized(tokens),
        }
    }

    /// How many papers have their words.
    fn papers(&self) -> usize {
        match self {
            Indexing::Here(index) => index.papers(),
            Indexing::Elsewhere(elsewhere) => elsewhere.papers(),
        }
    }

    /// True while words tokenized elsewhere may still come back and be used.
    fn awaits_words(&self) -> bool {
        matches!(self, Indexing::Elsewhere(elsewhere) if elsewhere.awaits_answers())
    }

    /// True when the index of `papers` papers will be built from words tokenized elsewhere.
    fn words_from_elsewhere(&self, papers: usize) -> bool {
        matches!(self, Indexing::Elsewhere(elsewhere) if elsewhere.complete(papers))
    }

    /// The index of `papers`: built here from their words when those from elsewhere did
    /// not all come back, or were refused.
    fn finish(self, papers: &[Paper]) -> SearchIndex {
        match self {
            Indexing::Here(index) => index.finish(),
            // The builder goes before the index is built again: it may be large.
            Indexing::Elsewhere(elsewhere) => {
                elsewhere.finish(papers.len()).unwrap_or_else(|| SearchIndex::build(papers))
            }
        }
    }
}

impl Default for CatalogBuilder {
    fn default() -> Self {
        Self {
            index: Indexing::Here(IndexBuilder::default()),
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
        Self {
            index: Indexing::Here(IndexBuilder::with_capacity(bytes / 2500, bytes / 9)),
            ..Self::default()
        }
    }

    /// [`for_bytes`](Self::for_bytes), writing each paper's texts for another thread to
    /// tokenize ([`take_texts`](Self::take_texts)) instead of tokenizing them.
    pub(crate) fn indexing_elsewhere(bytes: usize) -> Self {
        let elsewhere = TokenizedElsewhere::with_capacity(bytes / 2500, bytes / 9);
        Self { index: Indexing::Elsewhere(elsewhere), ..Self::default() }
    }

    /// The texts of the papers added since the last call, for another thread to index;
    /// nothing when this builder indexes them itself.
    pub(crate) fn take_texts(&mut self) -> Vec<u8> {
        match &mut self.index {
            Indexing::Here(_) => Vec::new(),
            Indexing::Elsewhere(elsewhere) => elsewhere.take_texts(),
        }
    }

    /// From now on, tokenizes the papers itself (the other thread is gone, or never came):
    /// `added`, the papers added so far, are tokenized now.
    pub(crate) fn tokenize_here(&mut self, added: &[Paper]) {
        if let Indexing::Elsewhere(elsewhere) = &self.index {
            let (papers, words) = elsewhere.capacity();
            let mut index = IndexBuilder::with_capacity(papers, words);
            for paper in added {
                index.add(paper);
            }
            self.index = Indexing::Here(index);
        }
    }

    /// [`Indexing::add_tokenized`]: a batch of papers' word ids from another thread.
    pub(crate) fn add_tokenized(&mut self, tokens: &[u8]) -> Result<(), String> {
        self.index.add_tokenized(tokens)
    }

    /// The next paper of the snapshot.
    pub(crate) fn add(&mut self, paper: &Paper) {
        match &mut self.index {
            Indexing::Here(index) => index.add(paper),
            Indexing::Elsewhere(elsewhere) => elsewhere.push(paper),
        }
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
        let (catalog, index) = self.finish_but_index(snapshot);
        index.finish(&catalog);
        catalog
    }

    /// Everything of [`finish`](Self::finish) but the index, which may still be on its way
    /// from another thread: the catalog, without an index until
    /// [`IndexToFinish::finish`] gives it one.
    pub(crate) fn finish_but_index(self, snapshot: Snapshot) -> (Catalog, IndexToFinish) {
        if self.len() != snapshot.papers.len() {
            let mut again = Self::default();
            for paper in &snapshot.papers {
                again.add(paper);
            }
            return again.finish_but_index(snapshot);
        }
        let papers = &snapshot.papers;
        let dates: Vec<u32> = papers.iter().map(|p| p.published.sort_key()).collect();
        let has = papers.iter().map(HasSet::of).collect();
        let keys = papers.iter().map(PaperKeys::of).collect();
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
        let compared = SortKeys { papers, dates: &dates, titles: &self.titles };
        let newest_then_id = compared.compared(SortOrder::Relevance);
        let title_then_id = compared.compared(SortOrder::Title);
        let mut tie_rank = vec![0u32; papers.len()];
        for (rank, &p) in newest_then_id.iter().enumerate() {
            tie_rank[p as usize] = rank as u32;
        }
        let by_id = papers.iter().enumerate().map(|(i, p)| (p.id.clone(), i as u32)).collect();
        let vocabularies = self.vocabularies.map(|v| v.finish(&snapshot.highlight_authors));
        let venue_rank = vocabularies[ValueFacet::Venue as usize].rank_by_frequency();
        let members = PersonSet::of(&snapshot.highlight_authors);
        let catalog = Catalog {
            snapshot,
            index: OnceLock::new(),
            dates,
            has,
            keys,
            newest_then_id,
            title_then_id,
            keyed_orders: Default::default(),
            years,
            months,
            by_id,
            tie_rank,
            year_span,
            years_present,
            vocabularies,
            venue_rank,
            members,
        };
        let papers = catalog.snapshot.papers.len();
        (catalog, IndexToFinish { index: self.index, papers })
    }
}

/// The index of a catalog built without it ([`CatalogBuilder::finish_but_index`]): its
/// papers' words may still be on their way back from the thread that tokenizes them, and
/// the catalog answers every view but a search meanwhile ([`Catalog::has_index`]).
pub struct IndexToFinish {
    index: Indexing,
    /// How many papers the catalog has.
    papers: usize,
}

impl IndexToFinish {
    /// How many papers' words have come back.
    pub fn tokenized(&self) -> usize {
        self.index.papers()
    }

    /// A batch of papers' word ids from the thread that tokenizes them
    /// ([`crate::CatalogLoader::add_tokenized`], for the batches still on their way).
    pub fn add_tokenized(&mut self, tokens: &[u8]) -> Result<(), String> {
        self.index.add_tokenized(tokens)
    }

    /// True while words tokenized elsewhere may still come back and be used: false once
    /// every batch is answered, after a refused answer, or when the text was read again
    /// whole (that catalog tokenizes its papers itself), so nothing is waited for in vain.
    pub fn awaits_words(&self) -> bool {
        self.index.awaits_words()
    }

    /// True when every paper's words came back from elsewhere and the index will be built
    /// from them (not when the loader tokenized the papers itself, read them again whole,
    /// or refused an answer).
    pub fn words_from_elsewhere(&self) -> bool {
        self.index.words_from_elsewhere(self.papers)
    }

    /// Builds the index of `catalog`, which must be the catalog this came with
    /// ([`crate::AwaitingIndex::before_index`]; built here from its papers when their
    /// words did not all come back from elsewhere), and gives it to the catalog, which
    /// searches from then on. A catalog with an index keeps it, and one with another
    /// number of papers (another catalog, by mistake) gets an index of its own papers, so
    /// that no index points past a catalog's papers.
    pub fn finish(self, catalog: &Catalog) {
        if catalog.has_index() {
            return;
        }
        let papers = &catalog.snapshot.papers;
        let index = match papers.len() == self.papers {
            true => self.index.finish(papers),
            false => SearchIndex::build(papers),
        };
        catalog.set_index(index);
    }
}
