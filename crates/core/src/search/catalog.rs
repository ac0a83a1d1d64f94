//! The loaded collection, indexed once, answering each view from the index.

mod builder;
mod loader;

pub(crate) use builder::CatalogBuilder;
pub use builder::IndexToFinish;
pub use loader::{AwaitingIndex, CatalogLoader, LoadedCatalog};

use std::sync::OnceLock;

use super::bitset::BitSet;
use super::filter::{from_key, to_key, Has, HasSet, AUTHOR_BUCKETS};
use super::fxhash::FxHashMap;
use super::grouping::{group_ids, year_rank, Group, GroupBy, Rank};
use super::index::SearchIndex;
use super::key_sort::sort_keys;
use super::new_papers::NewPapers;
use super::paper_keys::PaperKeys;
use super::query::{Query, Term};
use super::sort::{OrderKeys, SortOrder};
use super::text::for_each_word;
use super::timeline::{month_number, MonthCounts};
use super::value_facet::{ValueFacet, Vocabulary};
use crate::search::shared_sort::sort_items;
use crate::snapshot::date::PartialDate;
use crate::snapshot::kind::PaperKind;
use crate::snapshot::model::{Paper, Snapshot};
use crate::snapshot::names::PersonSet;
use crate::view::{Param, UrlNotice, ViewState};

/// What [`Catalog::index`] gives before the index is built.
static NO_INDEX: SearchIndex = SearchIndex::EMPTY;

/// A snapshot's papers with everything a query needs, built once: the inverted index,
/// each sort order as a permutation, and per-paper filter keys. Paper indices (`u32`)
/// are positions in [`Catalog::papers`].
#[derive(Clone, Debug)]
pub struct Catalog {
    /// Read-only once the catalog is built: every array below is built from its papers.
    pub snapshot: Snapshot,
    /// The words' index: built with the catalog, or a little after it by a loader that
    /// shows the first view sooner ([`AwaitingIndex::before_index`]); until then a search
    /// is not answered ([`SearchResult::awaiting_index`]).
    index: OnceLock<SearchIndex>,
    dates: Vec<u32>,
    has: Vec<HasSet>,
    /// Each paper's other filter values, side by side ([`PaperKeys`]).
    keys: Vec<PaperKeys>,
    /// Every paper in the order of equal relevance scores (newest first, then id), and
    /// by title: the two orders sorted by comparing papers, when the catalog is built.
    newest_then_id: Vec<u32>,
    title_then_id: Vec<u32>,
    /// Every paper in each other [`SortOrder`], indexed by the order: sorted from the two
    /// above when first asked for ([`OrderKeys`]), so that a load does not wait for
    /// orders its first view does not show.
    keyed_orders: [OnceLock<Vec<u32>>; SortOrder::ALL.len()],
    years: Vec<u16>,
    /// Each paper's month from January of the oldest year (a year-only date counts as its
    /// January), `u32::MAX` when undated: the timeline's bins.
    months: Vec<u32>,
    /// Paper index by id, for `?paper=ID`.
    by_id: FxHashMap<String, u32>,
    /// Each paper's position in the relevance tie-break order (newest first, then id).
    tie_rank: Vec<u32>,
    /// From the oldest to the newest year (exclusive end), and which have papers.
    year_span: std::ops::Range<u16>,
    years_present: Vec<bool>,
    /// The values of each [`ValueFacet`], indexed by the facet.
    vocabularies: [Vocabulary; ValueFacet::ALL.len()],
    /// Each venue value's group rank: the most common venue first, ties by name.
    venue_rank: Vec<u32>,
    /// The snapshot's `highlight_authors`, read by the name rule.
    members: PersonSet,
}

/// Counts shown next to the filters. Each facet counts the papers that match the query
/// and every other filter, but not its own (disjunctive facets).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    /// `(year, papers)`, newest year first, every year of the snapshot.
    pub years: Vec<(u16, u32)>,
    /// Papers having each [`Has`], in [`Has::ALL`] order.
    pub has: [u32; Has::ALL.len()],
    /// Papers per author-count bucket of [`AUTHOR_BUCKETS`].
    pub authors: [u32; AUTHOR_BUCKETS.len()],
    /// Papers of each kind, in [`PaperKind::ALL`] order.
    pub kinds: [u32; PaperKind::ALL.len()],
    /// Papers per month, and undated papers, counted like the year facet (every filter but
    /// the date's): the timeline's bars (docs/search.md, "Timeline").
    pub months: MonthCounts,
}

impl Facets {
    /// The papers counted as having `h`.
    pub fn has_count(&self, h: Has) -> u32 {
        Has::ALL.iter().position(|x| *x == h).map_or(0, |k| self.has[k])
    }
}

/// One entry of a facet over named values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetEntry {
    /// The value as first spelled in the snapshot, or as chosen in the view.
    pub label: String,
    pub count: u32,
    /// Chosen in the view.
    pub selected: bool,
    /// An author name of one of the snapshot's `highlight_authors`.
    pub member: bool,
}

/// What a facet over named values shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetEntries {
    /// The chosen values first, then the most common others (ties by name).
    pub entries: Vec<FacetEntry>,
    /// How many values have papers here (and contain the filter text, if any), when
    /// known: finding out for a large result without filter text would cost a pass over
    /// every value.
    pub matching: Option<usize>,
    /// How many values the whole snapshot has.
    pub total: usize,
}

/// The answer to one view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchResult {
    /// Matching papers, in the view's order.
    pub ids: Vec<u32>,
    pub facets: Facets,
    /// Corrected queries when nothing matches ("Did you mean …").
    pub suggestions: Vec<String>,
    /// The order the ids are in (inside each group, when grouped).
    pub order: SortOrder,
    /// The groups the ids are in, in order, when the view groups them; else empty.
    pub groups: Vec<Group>,
    /// True when the view searches ([`ViewState::needs_index`]) and the catalog's index
    /// is not built yet ([`Catalog::has_index`]): the ids are then those the view's
    /// filters let through, in its order without the search's, and nothing is suggested.
    pub awaiting_index: bool,
    /// The ids as a set.
    matched: BitSet,
    /// For each [`ValueFacet`] with values chosen: the papers that pass every filter but
    /// that facet's own, which its counts are taken over ([`Catalog::facet_entries`]). For
    /// a facet without, that is the result itself (`None`).
    value_bases: Vec<Option<BitSet>>,
}

impl Catalog {
    pub fn new(snapshot: Snapshot) -> Self {
        let mut builder = CatalogBuilder::default();
        for paper in &snapshot.papers {
            builder.add(paper);
        }
        builder.finish(snapshot)
    }

    /// What a link asks of this collection that it does not have: a `paper` it does not
    /// hold (a paper since removed, a mistyped id). The view stays as the link says (the
    /// card is simply not opened); the page says why.
    pub fn link_notices(&self, view: &ViewState) -> Vec<UrlNotice> {
        view.paper
            .iter()
            .filter(|id| self.position(id).is_none())
            .map(|id| UrlNotice {
                param: Param::Paper.key().to_string(),
                message: format!("\"{id}\" is not a paper of this collection, so none is opened"),
            })
            .collect()
    }

    /// True when `name` is one of the snapshot's `highlight_authors`, by the name rule.
    pub fn is_member(&self, name: &str) -> bool {
        self.members.contains(name)
    }

    /// True when some paper has a value for `facet` (a facet with none is not shown).
    pub fn has_values(&self, facet: ValueFacet) -> bool {
        self.vocabularies[facet as usize].len() > 0
    }

    /// True when some paper has a kind.
    pub fn has_kinds(&self) -> bool {
        !self.kinds_present().is_empty()
    }

    /// The kinds some paper has, in [`PaperKind::ALL`] order (the kind facet's entries).
    pub fn kinds_present(&self) -> Vec<PaperKind> {
        let mut present = [false; PaperKind::ALL.len()];
        for kind in self.keys.iter().filter_map(|k| k.kind) {
            present[kind as usize] = true;
        }
        PaperKind::ALL.into_iter().filter(|k| present[*k as usize]).collect()
    }

    /// True when some paper has a citation count.
    pub fn has_citations(&self) -> bool {
        self.keys.iter().any(|k| k.citations.is_some())
    }

    /// True when the "Has" filter offers `h`: when some paper has it (a PDF link, an
    /// abstract), since a filter no paper passes can only empty the list.
    pub fn offers_has(&self, h: Has) -> bool {
        self.has.iter().any(|set| set.contains(h))
    }

    /// The "Has" filter's options for `view`: those some paper has, and any the view
    /// requires (a link may ask for one no paper has; it stays, to be unticked).
    pub fn has_options(&self, view: &ViewState) -> Vec<Has> {
        Has::ALL.into_iter().filter(|h| self.offers_has(*h) || view.has_filter(*h)).collect()
    }

    /// True when the Sort menu offers `order`: every order but "most cited", which needs
    /// citation counts.
    pub fn offers_sort(&self, order: SortOrder) -> bool {
        order != SortOrder::MostCited || self.has_citations()
    }

    /// True when the Group menu offers `group`: by kind and by venue only when some paper
    /// has one.
    pub fn offers_group(&self, group: GroupBy) -> bool {
        match group {
            GroupBy::Kind => self.has_kinds(),
            GroupBy::Venue => self.has_values(ValueFacet::Venue),
            GroupBy::None | GroupBy::Year => true,
        }
    }

    /// The entries of `facet` for `result` (of `view`): every value chosen in the view,
    /// then the most common values among the papers that pass every other filter, at most
    /// `limit` of them, only those whose name contains `needle` (folded; empty for all).
    pub fn facet_entries(
        &self,
        facet: ValueFacet,
        view: &ViewState,
        result: &SearchResult,
        needle: &str,
        limit: usize,
    ) -> FacetEntries {
        let vocabulary = &self.vocabularies[facet as usize];
        let Some(base) = result.value_bases.get(facet as usize) else {
            return FacetEntries::default();
        };
        let base = base.as_ref().unwrap_or(&result.matched);
        let chosen = view.values(facet);
        let mut entries: Vec<FacetEntry> = chosen
            .iter()
            .map(|value| FacetEntry {
                label: value.clone(),
                count: vocabulary.count_any(base, &vocabulary.select(value)),
                selected: true,
                member: facet == ValueFacet::Author && self.is_member(value),
            })
            .collect();
        let top = vocabulary.top(base, needle, limit + chosen.len());
        let (top, matching) = (top.top, top.matching);
        let chosen_ids: Vec<u32> = chosen.iter().flat_map(|v| vocabulary.select(v)).collect();
        entries.extend(top.into_iter().filter(|(id, _)| !chosen_ids.contains(id)).take(limit).map(
            |(id, count)| {
                let label = vocabulary.label(id).to_string();
                let member = facet == ValueFacet::Author && self.is_member(&label);
                FacetEntry { label, count, selected: false, member }
            },
        ));
        FacetEntries { entries, matching, total: vocabulary.len() }
    }

    pub fn papers(&self) -> &[Paper] {
        &self.snapshot.papers
    }

    pub fn paper(&self, index: u32) -> &Paper {
        &self.snapshot.papers[index as usize]
    }

    /// The index of the paper with this id.
    pub fn position(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).copied()
    }

    pub fn len(&self) -> usize {
        self.snapshot.papers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.snapshot.papers.is_empty()
    }

    /// Every paper, newest first; ties by title, then id.
    pub fn newest_first(&self) -> &[u32] {
        self.in_order(SortOrder::Newest)
    }

    /// Every paper in `order` (for relevance, the order of equal scores).
    fn in_order(&self, order: SortOrder) -> &[u32] {
        match order {
            SortOrder::Relevance => &self.newest_then_id,
            SortOrder::Title => &self.title_then_id,
            _ => self.keyed_orders[order as usize].get_or_init(|| {
                OrderKeys {
                    dates: &self.dates,
                    keys: &self.keys,
                    newest_then_id: &self.newest_then_id,
                    title_then_id: &self.title_then_id,
                }
                .order(order)
            }),
        }
    }

    /// The date of the newest paper, which date presets count back from.
    pub fn newest_date(&self) -> Option<PartialDate> {
        // The relevance tie-break is newest first with undated papers last, like the
        // Newest order, and is sorted with the catalog: the first paper is dated if any
        // is, and a view that does not show Newest never sorts it.
        self.newest_then_id.first().map(|&i| self.paper(i).published).filter(|d| d.is_known())
    }

    /// The words' index; an empty one until it is built ([`Catalog::has_index`]).
    pub fn index(&self) -> &SearchIndex {
        self.index.get().unwrap_or(&NO_INDEX)
    }

    /// True once the catalog has its index: every catalog but one shown before it
    /// ([`AwaitingIndex::before_index`]), until [`IndexToFinish::finish`].
    pub fn has_index(&self) -> bool {
        self.index.get().is_some()
    }

    /// Gives the catalog its index, once; a second is ignored.
    fn set_index(&self, index: SearchIndex) {
        let _ = self.index.set(index);
    }

    /// The paper at a relevance tie-break rank (the inverse of `tie_rank`).
    fn by_tie_rank(&self, rank: u32) -> u32 {
        self.in_order(SortOrder::Relevance)[rank as usize]
    }

    /// The papers matching the query alone, with relevance scores when asked for.
    fn query_matches(&self, query: &Query, score: bool) -> (BitSet, Vec<f32>) {
        let n = self.len();
        let mut scores = if score { vec![0.0; n] } else { Vec::new() };
        let mut matched: Option<BitSet> = None;
        for term in query.positive() {
            let set = self.index().term_matches(term, score.then_some(&mut scores[..]));
            match matched.as_mut() {
                Some(m) => m.intersect_with(&set),
                None => matched = Some(set),
            }
        }
        let mut matched = matched.unwrap_or_else(|| BitSet::full(n));
        for term in query.terms.iter().filter(|t| t.excluded) {
            matched.subtract(&self.index().term_matches(term, None));
        }
        (matched, scores)
    }

    /// The papers most similar to paper `index` (`related`), at most `limit`, most
    /// similar first (ties: the newer, then the smaller id).
    /// Empty before the catalog has its index.
    pub fn related(&self, index: u32, limit: usize) -> Vec<u32> {
        let Some(words) = self.index.get() else { return Vec::new() };
        let mut scores = vec![0.0f32; self.len()];
        let candidates = words.similar_papers(index, &mut scores);
        let key =
            |p: u32| (u64::from(!scores[p as usize].to_bits()) << 32) | u64::from(self.tie_rank[p as usize]);
        let mut keys: Vec<u64> = candidates.into_iter().map(key).collect();
        if keys.len() > limit {
            keys.select_nth_unstable(limit);
            keys.truncate(limit);
        }
        keys.sort_unstable();
        keys.into_iter().map(|k| self.by_tie_rank(k as u32)).collect()
    }

    /// The papers the query and `related` select, with scores when `score` is set: the
    /// similarity to the `related` paper when there is one, else the query's relevance.
    fn view_matches(&self, view: &ViewState, query: &Query, score: bool) -> (BitSet, Vec<f32>) {
        let Some(of) = &view.related else { return self.query_matches(query, score) };
        let (mut matched, _) = self.query_matches(query, false);
        let mut scores = vec![0.0; self.len()];
        let mut similar = BitSet::empty(self.len());
        if let Some(index) = self.position(of) {
            self.index().similar_papers(index, &mut scores).into_iter().for_each(|p| similar.insert(p));
        }
        matched.intersect_with(&similar);
        (matched, scores)
    }

    /// Answers a view: the matching papers in order, facet counts, and suggestions when
    /// nothing matches. `new=1` does not apply (see [`Catalog::search_with`]).
    pub fn search(&self, view: &ViewState) -> SearchResult {
        self.search_with(view, &NewPapers::unknown())
    }

    /// [`Catalog::search`] with the papers new since this browser's last visit, which
    /// `new=1` keeps when they are known.
    pub fn search_with(&self, view: &ViewState, new: &NewPapers) -> SearchResult {
        // Before the index, a search (or `related`) is not answered: its filters are,
        // over every paper, and the result says what it leaves out.
        let awaiting_index = !self.has_index() && view.needs_index();
        let query = if awaiting_index { Query::default() } else { Query::parse(&view.query) };
        let order = view.effective_sort();
        let ranked = order == SortOrder::Relevance && view.has_query() && !awaiting_index;
        let (matched, scores) = match awaiting_index {
            true => (BitSet::full(self.len()), Vec::new()),
            false => self.view_matches(view, &query, ranked),
        };
        let new_only = new.filter().filter(|_| view.new_only);
        let from = view.from.map(from_key);
        let to = view.to.map(to_key);
        // The value ids each value filter lets through (sorted), `None` when it is off.
        let chosen: [Option<Vec<u32>>; ValueFacet::ALL.len()] = ValueFacet::ALL.map(|f| {
            let values = view.values(f);
            (!values.is_empty()).then(|| {
                let mut ids: Vec<u32> =
                    values.iter().flat_map(|v| self.vocabularies[f as usize].select(v)).collect();
                ids.sort_unstable();
                ids.dedup();
                ids
            })
        });
        let mut result = BitSet::empty(self.len());
        // Only a facet with values chosen needs a set of its own (see `value_bases`).
        let mut value_bases: Vec<Option<BitSet>> =
            chosen.iter().map(|c| c.as_ref().map(|_| BitSet::empty(self.len()))).collect();
        let mut facets = Facets {
            years: Vec::new(),
            has: [0; Has::ALL.len()],
            authors: [0; AUTHOR_BUCKETS.len()],
            kinds: [0; PaperKind::ALL.len()],
            months: MonthCounts {
                first: month_number(self.year_span.start, 1),
                counts: vec![0; self.year_span.len() * 12],
                undated: 0,
            },
        };
        // Counts per year, indexed from the oldest year of the snapshot.
        let mut year_counts = vec![0u32; self.year_span.len()];
        for p in matched.iter() {
            let i = p as usize;
            let keys = self.keys[i];
            // Which filters the paper fails, one bit each: a facet counts the papers that
            // fail no filter but its own.
            let mut fails = 0u16;
            // An undated paper (date key 0) matches no date bound.
            let date_ok = (from.is_none() && to.is_none())
                || (self.dates[i] != 0
                    && from.is_none_or(|f| self.dates[i] >= f)
                    && to.is_none_or(|t| self.dates[i] <= t));
            fails |= u16::from(!date_ok) << Filter::Date as u16;
            fails |= u16::from(!view.authors.contains(keys.min_authors)) << Filter::AuthorCount as u16;
            fails |= u16::from(!view.upvotes.contains(keys.upvotes)) << Filter::Upvotes as u16;
            let citations_ok =
                view.citations.is_any() || keys.citations.is_some_and(|n| view.citations.contains(n));
            fails |= u16::from(!citations_ok) << Filter::Citations as u16;
            fails |= u16::from(!self.has[i].contains_all(view.has)) << Filter::Has as u16;
            let kind_ok = view.kinds.is_empty() || keys.kind.is_some_and(|k| view.kinds.contains(k));
            fails |= u16::from(!kind_ok) << Filter::Kind as u16;
            fails |= u16::from(new_only.is_some_and(|n| !n.contains(p))) << Filter::New as u16;
            for (facet, ids) in ValueFacet::ALL.iter().zip(&chosen) {
                if let Some(ids) = ids {
                    let ok = self.vocabularies[*facet as usize].has_any(p, ids);
                    fails |= u16::from(!ok) << Filter::of(*facet) as u16;
                }
            }
            let all_but = |f: Filter| fails & !(1 << f as u16) == 0;
            if all_but(Filter::Date) && self.years[i] != 0 {
                year_counts[usize::from(self.years[i] - self.year_span.start)] += 1;
            }
            if all_but(Filter::Date) {
                match facets.months.counts.get_mut(self.months[i] as usize) {
                    Some(n) => *n += 1,
                    None => facets.months.undated += 1,
                }
            }
            if all_but(Filter::Has) {
                for (k, h) in Has::ALL.iter().enumerate() {
                    facets.has[k] += u32::from(self.has[i].contains(*h));
                }
            }
            if all_but(Filter::AuthorCount) {
                if let Some(b) = AUTHOR_BUCKETS.iter().position(|r| r.contains(keys.min_authors)) {
                    facets.authors[b] += 1;
                }
            }
            if all_but(Filter::Kind) {
                if let Some(kind) = keys.kind {
                    facets.kinds[kind as usize] += 1;
                }
            }
            for (facet, base) in ValueFacet::ALL.iter().zip(value_bases.iter_mut()) {
                if let Some(base) = base.as_mut().filter(|_| all_but(Filter::of(*facet))) {
                    base.insert(p);
                }
            }
            if fails == 0 {
                result.insert(p);
            }
        }
        facets.years = self
            .year_span
            .clone()
            .zip(year_counts)
            .rev()
            .filter(|(y, _)| self.years_present[usize::from(y - self.year_span.start)])
            .collect();
        let mut ids = if ranked {
            // One u64 per result: the score's bits, inverted so higher sorts first (scores
            // are never negative, so their bit patterns order like the numbers), then the
            // tie-break rank. Sorting plain integers beats a comparator by a wide margin.
            let mut keyed: Vec<u64> = result
                .iter()
                .map(|p| {
                    (u64::from(!scores[p as usize].to_bits()) << 32) | u64::from(self.tie_rank[p as usize])
                })
                .collect();
            sort_keys(&mut keyed);
            keyed.into_iter().map(|k| self.by_tie_rank(k as u32)).collect::<Vec<u32>>()
        } else {
            self.in_order(order_or_newest(order)).iter().copied().filter(|&p| result.contains(p)).collect()
        };
        let shown_order = if ranked { SortOrder::Relevance } else { order_or_newest(order) };
        let groups = self.group(&mut ids, view.group, shown_order);
        let suggestions =
            if ids.is_empty() && query.has_positive() { self.suggest(view) } else { Vec::new() };
        SearchResult {
            ids,
            facets,
            suggestions,
            order: shown_order,
            groups,
            awaiting_index,
            matched: result,
            value_bases,
        }
    }

    /// Reorders `ids` into the groups of `by` and returns them (none for no grouping).
    fn group(&self, ids: &mut Vec<u32>, by: GroupBy, order: SortOrder) -> Vec<Group> {
        let venues = &self.vocabularies[ValueFacet::Venue as usize];
        let venue_of = |p: u32| venues.of(p).first().copied();
        match by {
            GroupBy::None => Vec::new(),
            GroupBy::Year => group_ids(
                ids,
                |p| year_rank(self.years[p as usize], order),
                |p| match p {
                    Some(p) => (self.years[p as usize].to_string(), self.years[p as usize].to_string()),
                    None => ("none".to_string(), "Undated".to_string()),
                },
            ),
            GroupBy::Kind => group_ids(
                ids,
                |p| -> Rank { self.keys[p as usize].kind.map(|k| k as u32) },
                |p| match p.and_then(|p| self.paper(p).kind) {
                    Some(k) => (k.name().to_string(), k.plural().to_string()),
                    None => ("none".to_string(), "Not classified".to_string()),
                },
            ),
            GroupBy::Venue => group_ids(
                ids,
                |p| venue_of(p).map(|v| self.venue_rank[v as usize]),
                |p| match p.and_then(venue_of) {
                    Some(v) => (venues.label(v).to_string(), venues.label(v).to_string()),
                    None => ("none".to_string(), "No venue".to_string()),
                },
            ),
        }
    }

    /// Up to 3 corrected queries that do match, replacing words that match nothing with
    /// vocabulary words within edit distance 2. Combinations of candidates are tried
    /// fewest edits first, then most common words first. Where every word matches
    /// something, the query with its phrases split into words, if that matches.
    fn suggest(&self, view: &ViewState) -> Vec<String> {
        const CANDIDATES: usize = 4;
        const MAX_FIXED_WORDS: usize = 3;
        let query = Query::parse(&view.query);
        // Each positive word that matches nothing on its own. More than a few means the
        // query is not a typo: stop before scanning the vocabulary for any of them.
        let mut unmatched: Vec<&str> = Vec::new();
        for term in query.positive() {
            for word in &term.words {
                let alone =
                    Term { words: vec![word.clone()], quoted: false, excluded: false, fields: term.fields };
                if !unmatched.contains(&word.as_str()) && self.index().term_matches(&alone, None).is_empty() {
                    unmatched.push(word);
                    if unmatched.len() > MAX_FIXED_WORDS {
                        return Vec::new();
                    }
                }
            }
        }
        // Each with its candidates; a word with none means no suggestion can match.
        let mut fixes: Vec<(&str, Vec<Candidate>)> = Vec::with_capacity(unmatched.len());
        for word in unmatched {
            let similar = self.index().similar_words(word, 2, CANDIDATES);
            if similar.is_empty() {
                return Vec::new();
            }
            fixes.push((word, similar));
        }
        if fixes.is_empty() {
            // Every word is somewhere, so a phrase's words are not side by side: the same
            // words as separate terms, where they match.
            return query
                .with_phrases_split()
                .filter(|split| !self.query_matches(&Query::parse(split), false).0.is_empty())
                .into_iter()
                .collect();
        }
        // Every combination of candidates, as indices into each word's list.
        let mut combos: Vec<Vec<usize>> = vec![Vec::new()];
        for (_, candidates) in &fixes {
            combos = combos
                .into_iter()
                .flat_map(|c| (0..candidates.len()).map(move |k| [c.clone(), vec![k]].concat()))
                .collect();
        }
        let cost = |combo: &Vec<usize>| {
            let edits: usize = combo.iter().zip(&fixes).map(|(&k, (_, c))| c[k].1).sum();
            let freq: u64 = combo.iter().zip(&fixes).map(|(&k, (_, c))| u64::from(c[k].2)).sum();
            (edits, std::cmp::Reverse(freq))
        };
        sort_items(&mut combos, |a, b| cost(a).cmp(&cost(b)));
        // After the best fix, others only where no word of theirs is far rarer than the
        // best fix's word in its place: a word a paper or two misspelled ("dbfusion" beside
        // "diffusion") is noise.
        const RARER: u64 = 20;
        let freqs = |combo: &Vec<usize>| -> Vec<u64> {
            combo.iter().zip(&fixes).map(|(&k, (_, c))| u64::from(c[k].2)).collect()
        };
        let mut best: Option<Vec<u64>> = None;
        let mut out: Vec<String> = Vec::new();
        for combo in combos {
            let freq = freqs(&combo);
            if best.as_ref().is_some_and(|b| freq.iter().zip(b).any(|(&f, &b)| f * RARER < b)) {
                continue;
            }
            let mut corrected = view.query.clone();
            for (&k, (word, candidates)) in combo.iter().zip(&fixes) {
                corrected = replace_word(&corrected, word, candidates[k].0);
            }
            if !out.contains(&corrected) && !self.query_matches(&Query::parse(&corrected), false).0.is_empty()
            {
                out.push(corrected);
                best.get_or_insert(freq);
                if out.len() == 3 {
                    break;
                }
            }
        }
        out
    }
}

/// The filters a paper can fail, as bit positions of the search loop's mask.
#[derive(Clone, Copy)]
enum Filter {
    Date,
    AuthorCount,
    Upvotes,
    Citations,
    Has,
    Kind,
    Tag,
    Venue,
    Author,
    New,
}

impl Filter {
    fn of(facet: ValueFacet) -> Self {
        match facet {
            ValueFacet::Tag => Filter::Tag,
            ValueFacet::Venue => Filter::Venue,
            ValueFacet::Author => Filter::Author,
        }
    }
}

/// A replacement word: the word, its edit distance, and how many papers have it.
type Candidate<'a> = (&'a str, usize, u32);

fn order_or_newest(order: SortOrder) -> SortOrder {
    if order == SortOrder::Relevance {
        SortOrder::Newest
    } else {
        order
    }
}

/// Replaces the first whole word of `query` that folds to `word` with `replacement`.
fn replace_word(query: &str, word: &str, replacement: &str) -> String {
    let mut target = None;
    for_each_word(query, |w, range| {
        if target.is_none() && w == word {
            target = Some(range);
        }
    });
    match target {
        Some(r) => format!("{}{}{}", &query[..r.start], replacement, &query[r.end..]),
        None => query.to_string(),
    }
}
