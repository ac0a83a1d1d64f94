//! Facets over named values — topics (tags), venues and author names — and the filters
//! they set. Each value is spelled as in the first paper that has it and matched folded
//! (case and accents aside), so "Computer Vision" and "computer vision" are one topic.

use crate::search::shared_sort::sort_ids_unstable;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::OnceLock;

use super::bitset::BitSet;
use super::fxhash::FxHashMap;
use super::joined_texts::{JoinedTexts, TextIndex};
use super::text::{first_bytes, fold, fold_into};
use crate::snapshot::model::Paper;
use crate::snapshot::names::PersonName;

/// A facet over named values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValueFacet {
    /// The paper's `tags`.
    Tag,
    /// The paper's `venue_short`, or its `venue` without one.
    Venue,
    /// Each listed author's name.
    Author,
}

impl ValueFacet {
    pub const ALL: [ValueFacet; 3] = [ValueFacet::Tag, ValueFacet::Venue, ValueFacet::Author];

    /// Its values, in a sentence: "topics", "venues", "authors".
    pub fn plural(self) -> &'static str {
        match self {
            ValueFacet::Tag => "topics",
            ValueFacet::Venue => "venues",
            ValueFacet::Author => "authors",
        }
    }

    /// The facet's heading.
    pub fn label(self) -> &'static str {
        match self {
            ValueFacet::Tag => "Topic",
            ValueFacet::Venue => "Venue",
            ValueFacet::Author => "Author",
        }
    }

    /// Calls `f` with each value of `paper` this facet lists.
    fn for_each_value(self, paper: &Paper, f: impl FnMut(&str)) {
        match self {
            ValueFacet::Tag => paper.tags.iter().map(String::as_str).for_each(f),
            ValueFacet::Venue => {
                paper.venue_short.as_deref().or(paper.venue.as_deref()).into_iter().for_each(f)
            }
            ValueFacet::Author => paper.authors.iter().flatten().map(String::as_str).for_each(f),
        }
    }
}

/// The distinct values of one facet and which papers have each, built once.
#[derive(Clone, Debug, Default)]
pub(crate) struct Vocabulary {
    /// The facet, while papers are added (`None` once finished).
    adding: Option<ValueFacet>,
    /// The buffer each value is folded into while papers are added.
    key: String,
    /// Each value as first spelled, by value id.
    labels: JoinedTexts,
    /// Each value folded, by value id, in one text: the filter box searches it once
    /// instead of each name on its own.
    folded: JoinedTexts,
    /// The value id of each folded value: topics and venues, which a filter selects by
    /// their folded name. Author names are selected by the name rule (`people`), so theirs
    /// is dropped once the vocabulary is finished.
    by_folded: TextIndex,
    /// The values of paper `p` are `values[offsets[p]..offsets[p + 1]]`.
    offsets: Vec<u32>,
    values: Vec<u32>,
    /// Author names only, built on first use (an `author` filter, or members to merge):
    /// each name read by the name rule, and the value ids of each folded family name.
    people: OnceLock<People>,
    /// Whether values are author names (the name rule applies).
    names: bool,
    /// The value each value is counted under in the facet: itself, or for a spelling of a
    /// member's name (`highlight_authors`), the one entry of that member.
    counted_as: Vec<u32>,
    /// True for a member's entry that more than one spelling is counted under.
    merged: Vec<bool>,
    /// The papers of each counted value (`postings[post_offsets[v]..post_offsets[v + 1]]`),
    /// each paper once even when it lists two spellings of one member.
    post_offsets: Vec<u32>,
    postings: Vec<u32>,
    /// The counted values, the one most papers have first (ties by id); ordered on first
    /// use, by the facet's list in the filter panel: a large snapshot's author names
    /// (85,000 at 10k papers) would otherwise take a fifth of what a load does after its
    /// last record, and the first cards need none of it.
    by_total: OnceLock<Vec<u32>>,
}

#[derive(Clone, Debug, Default)]
struct People {
    persons: Vec<Option<PersonName>>,
    by_family: FxHashMap<String, Vec<u32>>,
}

/// Up to this many values, a facet counts every value of its papers exactly (an array of
/// counts is cheap); beyond, it finds the top ones without counting them all.
const SMALL_VOCABULARY: usize = 4096;

/// The most common values among some papers.
pub(crate) struct TopValues {
    /// `(value id, papers)`, the most papers first, ties by name.
    pub top: Vec<(u32, u32)>,
    /// How many values have papers here (and contain the filter text); `None` when
    /// finding out would cost a pass over every value (a large set of papers, no filter
    /// text).
    pub matching: Option<usize>,
}

impl Vocabulary {
    /// The vocabulary of `facet`, to [`add`](Self::add) each paper to, then
    /// [`finish`](Self::finish).
    pub(crate) fn start(facet: ValueFacet) -> Self {
        Vocabulary {
            offsets: vec![0],
            names: facet == ValueFacet::Author,
            adding: Some(facet),
            ..Default::default()
        }
    }

    /// The next paper's values.
    pub(crate) fn add(&mut self, paper: &Paper) {
        debug_assert!(self.adding.is_some(), "a paper added to a finished vocabulary");
        let Some(facet) = self.adding else {
            return;
        };
        let start = self.values.len();
        // One buffer folds every value; only a value seen for the first time is copied.
        let mut key = std::mem::take(&mut self.key);
        facet.for_each_value(paper, |label| {
            let label = label.trim();
            key.clear();
            fold_into(label, &mut key);
            if key.is_empty() {
                return;
            }
            let id = match self.by_folded.get(&self.folded, &key) {
                Some(id) => id,
                None => {
                    let id = self.labels.push(label);
                    self.folded.push(&key);
                    self.by_folded.insert(&key, id);
                    id
                }
            };
            // A value listed twice by one paper counts once.
            if !self.values[start..].contains(&id) {
                self.values.push(id);
            }
        });
        self.key = key;
        self.offsets.push(self.values.len() as u32);
    }

    /// The vocabulary of the papers added. For authors, every spelling of a member's name
    /// is listed once, under the name as `members` spells it ("Family, Given" reordered).
    pub(crate) fn finish(mut self, members: &[String]) -> Self {
        let v = &mut self;
        v.adding = None;
        v.key = String::new();
        v.counted_as = (0..v.labels.len() as u32).collect();
        v.merged = vec![false; v.labels.len()];
        if v.names && !members.is_empty() {
            let mut labels = FxHashMap::default();
            let mut folded = FxHashMap::default();
            for member in members {
                let spellings: Vec<u32> =
                    v.select(member).into_iter().filter(|&id| v.counted_as[id as usize] == id).collect();
                if let Some(&first) = spellings.first() {
                    let shown = display_order(member);
                    folded.insert(first, fold(&shown));
                    labels.insert(first, shown);
                    for &id in &spellings[1..] {
                        v.counted_as[id as usize] = first;
                    }
                    v.merged[first as usize] = spellings.len() > 1;
                }
            }
            v.labels = v.labels.with_replaced(&labels);
            v.folded = v.folded.with_replaced(&folded);
        }
        if v.names {
            v.by_folded = TextIndex::default();
        }
        v.index_postings();
        self
    }

    /// The postings of each counted value.
    fn index_postings(&mut self) {
        let n = self.len();
        let papers = self.offsets.len() - 1;
        let mut counted: Vec<(u32, u32)> = Vec::with_capacity(self.values.len());
        for p in 0..papers as u32 {
            let start = counted.len();
            for &value in self.of(p) {
                let v = self.counted_as[value as usize];
                if !counted[start..].iter().any(|&(w, _)| w == v) {
                    counted.push((v, p));
                }
            }
        }
        let mut totals = vec![0u32; n];
        for &(v, _) in &counted {
            totals[v as usize] += 1;
        }
        self.post_offsets = Vec::with_capacity(n + 1);
        self.post_offsets.push(0);
        let mut at = 0;
        for &t in &totals {
            at += t;
            self.post_offsets.push(at);
        }
        let mut fill: Vec<u32> = self.post_offsets[..n].to_vec();
        self.postings = vec![0; counted.len()];
        for (v, p) in counted {
            self.postings[fill[v as usize] as usize] = p;
            fill[v as usize] += 1;
        }
    }

    /// [`by_total`](Self::by_total)'s order, made on first use.
    fn by_total(&self) -> &[u32] {
        self.by_total.get_or_init(|| by_count(&self.totals()))
    }

    /// How many papers each counted value has (0 for a value counted as another).
    fn totals(&self) -> Vec<u32> {
        self.post_offsets.windows(2).map(|w| w[1] - w[0]).collect()
    }

    /// Calls `f` with each value whose folded name contains `needle` (not empty), in value
    /// order: one search through the folded names' joined text, which after a match goes
    /// on from the next value. A needle without a NUL never matches across two names.
    fn each_containing(&self, needle: &str, mut f: impl FnMut(u32)) {
        if needle.is_empty() {
            return;
        }
        if needle.contains('\0') {
            (0..self.folded.len() as u32).filter(|&v| self.folded.get(v).contains(needle)).for_each(f);
            return;
        }
        let (text, ends) = (self.folded.text(), self.folded.ends());
        let mut from = 0;
        while let Some(at) = text[from..].find(needle) {
            let v = ends.partition_point(|&end| end as usize <= from + at);
            f(v as u32);
            from = ends[v] as usize + 1;
        }
    }

    fn people(&self) -> &People {
        self.people.get_or_init(|| {
            let persons: Vec<Option<PersonName>> = self.labels.iter().map(PersonName::parse).collect();
            let mut by_family: FxHashMap<String, Vec<u32>> = FxHashMap::default();
            for (id, person) in persons.iter().enumerate() {
                if let Some(person) = person {
                    by_family.entry(person.family().to_string()).or_default().push(id as u32);
                }
            }
            People { persons, by_family }
        })
    }

    pub(crate) fn len(&self) -> usize {
        self.labels.len()
    }

    pub(crate) fn label(&self, id: u32) -> &str {
        self.labels.get(id)
    }

    /// The value ids of paper `p`.
    pub(crate) fn of(&self, p: u32) -> &[u32] {
        let p = p as usize;
        &self.values[self.offsets[p] as usize..self.offsets[p + 1] as usize]
    }

    /// The papers of counted value `v`.
    fn postings_of(&self, v: u32) -> &[u32] {
        let v = v as usize;
        &self.postings[self.post_offsets[v] as usize..self.post_offsets[v + 1] as usize]
    }

    /// The value ids a filter value selects: the value folded alike, or for author names
    /// every spelling that names the same person ([`PersonName`]). Sorted.
    pub(crate) fn select(&self, wanted: &str) -> Vec<u32> {
        let mut ids = Vec::new();
        if !self.names {
            ids.extend(self.by_folded.get(&self.folded, &fold(wanted.trim())));
        } else if let Some(person) = PersonName::parse(wanted) {
            let people = self.people();
            for &id in people.by_family.get(person.family()).into_iter().flatten() {
                if people.persons[id as usize].as_ref().is_some_and(|p| p.matches(&person)) {
                    ids.push(id);
                }
            }
        }
        ids.sort_unstable();
        ids
    }

    /// True when a value id of paper `p` is in `selected` (sorted).
    pub(crate) fn has_any(&self, p: u32, selected: &[u32]) -> bool {
        self.of(p).iter().any(|v| selected.binary_search(v).is_ok())
    }

    /// The values of the papers in `base` with their counts: the most common first (ties
    /// by folded name), only those whose folded name contains `needle` folded, at most
    /// `limit`. The author facet of 10,049 papers has 100,000 names, so this never sorts
    /// them all: with filter text it counts only the names that contain it; for a few
    /// papers it counts their values; otherwise it walks the values from the most common
    /// in the whole snapshot and stops once no further one could enter the top.
    pub(crate) fn top(&self, base: &BitSet, needle: &str, limit: usize) -> TopValues {
        let needle = fold(needle.trim());
        let papers = self.offsets.len() - 1;
        let mut top = Top::new(limit);
        let in_base = |v: u32| self.postings_of(v).iter().filter(|&&p| base.contains(p)).count() as u32;
        if !needle.is_empty() {
            let mut matching = 0;
            // In value order: `top` keeps the same values whatever the order.
            self.each_containing(&needle, |v| {
                let n = in_base(v);
                if n > 0 {
                    matching += 1;
                    top.offer(n, self.folded.get(v), v);
                }
            });
            return TopValues { top: top.into_sorted(), matching: Some(matching) };
        }
        let size = base.count();
        if self.len() <= SMALL_VOCABULARY {
            // Few values (topics, venues, a lab's authors): count them all, exactly.
            let mut counts = vec![0u32; self.len()];
            for p in base.iter() {
                self.for_each_counted(p, |v| counts[v as usize] += 1);
            }
            let mut matching = 0;
            for (v, &n) in counts.iter().enumerate().filter(|(_, &n)| n > 0) {
                matching += 1;
                top.offer(n, self.folded.get(v as u32), v as u32);
            }
            return TopValues { top: top.into_sorted(), matching: Some(matching) };
        }
        if size * 16 <= papers {
            let mut counts: FxHashMap<u32, u32> = FxHashMap::default();
            for p in base.iter() {
                self.for_each_counted(p, |v| *counts.entry(v).or_default() += 1);
            }
            for (&v, &n) in &counts {
                top.offer(n, self.folded.get(v), v);
            }
            return TopValues { top: top.into_sorted(), matching: Some(counts.len()) };
        }
        for &v in self.by_total() {
            let total = self.postings_of(v).len() as u32;
            if top.full() && total < top.worst_count() {
                break;
            }
            let n = if size == papers { total } else { in_base(v) };
            if n > 0 {
                top.offer(n, self.folded.get(v), v);
            }
        }
        TopValues { top: top.into_sorted(), matching: None }
    }

    /// Calls `f` with each value paper `p` is counted under, once each: two spellings of
    /// one member in one paper count once.
    fn for_each_counted(&self, p: u32, mut f: impl FnMut(u32)) {
        let values = self.of(p);
        for (k, &value) in values.iter().enumerate() {
            let v = self.counted_as[value as usize];
            if !(self.merged[v as usize] && values[..k].iter().any(|&w| self.counted_as[w as usize] == v)) {
                f(v);
            }
        }
    }

    /// How many papers of `base` have a value in `selected` (sorted).
    pub(crate) fn count_any(&self, base: &BitSet, selected: &[u32]) -> u32 {
        base.iter().filter(|&p| self.has_any(p, selected)).count() as u32
    }

    /// Each value's rank among all values: the one most papers have first, ties by name.
    pub(crate) fn rank_by_frequency(&self) -> Vec<u32> {
        let mut rank = vec![u32::MAX; self.len()];
        for (r, &v) in by_count_then_name(&self.totals(), &self.folded).iter().enumerate() {
            rank[v as usize] = r as u32;
        }
        for v in 0..self.len() {
            rank[v] = rank[self.counted_as[v] as usize];
        }
        rank
    }
}

/// The best `limit` values seen, in a heap whose top is the worst kept.
struct Top<'a> {
    limit: usize,
    heap: BinaryHeap<(Reverse<u32>, &'a str, u32)>,
}

impl<'a> Top<'a> {
    fn new(limit: usize) -> Self {
        Self { limit, heap: BinaryHeap::with_capacity(limit + 1) }
    }

    fn full(&self) -> bool {
        self.heap.len() >= self.limit
    }

    /// The count of the worst value kept (0 when none is).
    fn worst_count(&self) -> u32 {
        self.heap.peek().map_or(0, |(Reverse(n), _, _)| *n)
    }

    fn offer(&mut self, count: u32, folded: &'a str, id: u32) {
        let key = (Reverse(count), folded, id);
        if self.heap.len() < self.limit {
            self.heap.push(key);
        } else if self.heap.peek().is_some_and(|worst| key < *worst) {
            self.heap.pop();
            self.heap.push(key);
        }
    }

    fn into_sorted(self) -> Vec<(u32, u32)> {
        self.heap.into_sorted_vec().into_iter().map(|(Reverse(n), _, id)| (id, n)).collect()
    }
}

/// The values with a count, the highest count first, then by id: a counting sort, one pass
/// over the counts to place each value. The facet's list walks values in this order only to
/// stop at the first count below its worst kept entry, and offers every value of an equal
/// count, so the order among equal counts changes nothing it shows; the 85,000 author
/// names of the 10k snapshot took a comparison sort ~17 ms in the browser
/// (docs/performance.md §4, "The first render without the filters").
fn by_count(totals: &[u32]) -> Vec<u32> {
    let highest = totals.iter().copied().max().unwrap_or(0) as usize;
    // Where each count's values start, the highest count's first (count 0 left out).
    let mut start = vec![0u32; highest + 1];
    for &t in totals.iter().filter(|&&t| t > 0) {
        start[highest - t as usize + 1] += 1;
    }
    for k in 1..start.len() {
        start[k] += start[k - 1];
    }
    let mut ids = vec![0u32; start[highest] as usize];
    for (v, &t) in totals.iter().enumerate().filter(|(_, &t)| t > 0) {
        let at = &mut start[highest - t as usize];
        ids[*at as usize] = v as u32;
        *at += 1;
    }
    ids
}

/// The values with a count, the highest count first, then by folded name, then by id,
/// compared first by (count, the name's first 8 bytes) from one array, and by the names
/// only when those are equal.
/// The author facet of 10,049 papers has 85,000 names, most of them with one paper: a
/// comparison sort compared their names from memory all over the heap.
fn by_count_then_name(totals: &[u32], folded: &JoinedTexts) -> Vec<u32> {
    // (count, highest first) and the first 8 bytes in one array; only equal ones compare
    // the names themselves.
    let keys: Vec<(Reverse<u32>, u64)> =
        totals.iter().zip(folded.iter()).map(|(&total, name)| (Reverse(total), first_bytes(name))).collect();
    let mut ids: Vec<u32> = (0..totals.len() as u32).filter(|&v| totals[v as usize] > 0).collect();
    sort_ids_unstable(&mut ids, &|a, b| {
        keys[a as usize]
            .cmp(&keys[b as usize])
            .then_with(|| folded.bytes(a).cmp(folded.bytes(b)))
            .then(a.cmp(&b))
    });
    ids
}

/// A name as a card would show it: "Kather, Jakob Nikolas" as "Jakob Nikolas Kather".
fn display_order(name: &str) -> String {
    match name.trim().split_once(',') {
        Some((family, given)) if !given.trim().is_empty() => format!("{} {}", given.trim(), family.trim()),
        _ => name.trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_order_by_count_then_name_then_id() {
        // Names sharing their first 8 bytes or more, shorter than 8, with a NUL, accented,
        // a name twice (two spellings merged into one member's entry), and counts of 0.
        let names = [
            "zhang wei",
            "zhang wen",
            "zhang",
            "zhang\0",
            "zhang wei",
            "",
            "ölflein",
            "a",
            "ab",
            "abcdefgh",
            "abcdefghi",
            "abcdefgh",
            "wang xin",
            "wang xinyi",
            "wang xin",
            "zz",
        ];
        let folded: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        let mut state = 0x9e37_79b9_u32;
        for _ in 0..200 {
            let totals: Vec<u32> = (0..names.len())
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 17;
                    state ^= state << 5;
                    state % 4
                })
                .collect();
            let mut expected: Vec<u32> =
                (0..names.len() as u32).filter(|&v| totals[v as usize] > 0).collect();
            expected.sort_by(|&a, &b| {
                totals[b as usize]
                    .cmp(&totals[a as usize])
                    .then_with(|| folded[a as usize].cmp(&folded[b as usize]))
            });
            let mut joined = JoinedTexts::default();
            folded.iter().for_each(|name| _ = joined.push(name));
            assert_eq!(by_count_then_name(&totals, &joined), expected, "{totals:?}");
        }
    }
}

#[cfg(test)]
mod list_tests {
    use super::*;
    use crate::snapshot::date::PartialDate;

    /// The one search through the joined names finds exactly the names that contain the
    /// needle, each once: also a needle found twice in one name, one that ends a name,
    /// one that would match across two names if they were not kept apart, and names
    /// holding a NUL.
    #[test]
    fn the_filter_box_finds_each_name_that_contains_the_needle() {
        let names = [
            "Anna Wang",
            "Wang Wang",
            "Bo Wangari",
            "Li An",
            "Nana",
            "An",
            "Ångström Ann",
            "zhang\0wei",
            "wei",
            "Xin Yi",
            "Yixin",
            "Ann Annan",
        ];
        let mut vocabulary = Vocabulary::start(ValueFacet::Author);
        for (i, name) in names.iter().enumerate() {
            let mut paper = Paper::new(format!("p{i}"), "A title", 1, PartialDate::UNKNOWN);
            paper.authors = Some(vec![name.to_string()]);
            vocabulary.add(&paper);
        }
        let vocabulary = vocabulary.finish(&[]);
        for needle in [
            "an", "wang", "ng", "n", "nw", "ang wa", "yix", "in y", "\0", "g\0w", "xin yi", "zz", "ångs",
            "annan",
        ] {
            let mut found = Vec::new();
            vocabulary.each_containing(&fold(needle), |v| found.push(v));
            let expected: Vec<u32> = (0..vocabulary.len() as u32)
                .filter(|&v| vocabulary.folded.get(v).contains(&fold(needle)))
                .collect();
            assert_eq!(found, expected, "{needle:?}");
        }
    }

    #[test]
    fn by_count_is_highest_count_first_then_id_without_the_uncounted() {
        let mut state = 0x9e37_79b9_u32;
        for len in [0usize, 1, 2, 7, 300] {
            let totals: Vec<u32> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 17;
                    state ^= state << 5;
                    [0, 1, 1, 1, 2, 3, 9, state % 50][(state % 8) as usize]
                })
                .collect();
            let mut want: Vec<u32> = (0..len as u32).filter(|&v| totals[v as usize] > 0).collect();
            want.sort_by_key(|&v| (Reverse(totals[v as usize]), v));
            assert_eq!(by_count(&totals), want, "{totals:?}");
        }
        assert_eq!(by_count(&[0, 0]), Vec::<u32>::new());
    }

    /// Past [`SMALL_VOCABULARY`] values, the facet's list walks the values by their count
    /// in the whole snapshot (sorted when first needed) and stops early: the same entries
    /// as a recount, for every paper and for most of them; and each value's rank by
    /// frequency follows the same order.
    #[test]
    fn a_large_vocabulary_lists_the_exact_top() {
        let mut vocabulary = Vocabulary::start(ValueFacet::Author);
        let mut papers = Vec::new();
        let mut state = 0x2545_f491_u32;
        for i in 0..3000 {
            // A few common names (counts tie), and two or three rare ones per paper.
            let mut names: Vec<String> = (0..3).map(|k| format!("Rare {i} {k}")).collect();
            for _ in 0..2 {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                names.push(format!("Common {}", state % 40));
            }
            let mut paper = Paper::new(format!("p{i}"), "A title", 1, PartialDate::UNKNOWN);
            paper.authors = Some(names);
            vocabulary.add(&paper);
            papers.push(paper);
        }
        let vocabulary = vocabulary.finish(&[]);
        assert!(vocabulary.len() > SMALL_VOCABULARY);
        let mut most = BitSet::empty(3000);
        (0..3000).filter(|p| p % 7 != 0).for_each(|p| most.insert(p));
        for base in [BitSet::full(3000), most] {
            let mut counts: std::collections::BTreeMap<String, u32> = Default::default();
            for p in base.iter() {
                let mut names: Vec<String> =
                    papers[p as usize].authors.iter().flatten().map(|a| fold(a)).collect();
                names.sort();
                names.dedup();
                names.into_iter().for_each(|n| *counts.entry(n).or_default() += 1);
            }
            let mut want: Vec<(String, u32)> = counts.into_iter().collect();
            want.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            // 12: common names only; 50: the 40 common names, then rare ones of one count,
            // cut by name among thousands of equal counts.
            for limit in [12, 50] {
                let top = vocabulary.top(&base, "", limit).top;
                let got: Vec<(String, u32)> =
                    top.iter().map(|&(v, n)| (vocabulary.folded.get(v).to_string(), n)).collect();
                assert_eq!(got, want[..limit], "top {limit}");
            }
        }
        let rank = vocabulary.rank_by_frequency();
        let by_rank = |v: u32| (Reverse(vocabulary.postings_of(v).len()), vocabulary.folded.get(v));
        for v in 1..vocabulary.len() as u32 {
            for w in [v - 1, v / 2] {
                assert_eq!(rank[v as usize].cmp(&rank[w as usize]), by_rank(v).cmp(&by_rank(w)), "{v} {w}");
            }
        }
    }
}
