//! Facets over named values — topics (tags), venues and author names — and the filters
//! they set. Each value is spelled as in the first paper that has it and matched folded
//! (case and accents aside), so "Computer Vision" and "computer vision" are one topic.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::bitset::BitSet;
use super::fxhash::FxHashMap;
use super::text::fold;
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

    /// The facet's heading.
    pub fn label(self) -> &'static str {
        match self {
            ValueFacet::Tag => "Topic",
            ValueFacet::Venue => "Venue",
            ValueFacet::Author => "Author",
        }
    }

    /// The values of `paper` this facet lists.
    fn values_of(self, paper: &Paper) -> Vec<&str> {
        match self {
            ValueFacet::Tag => paper.tags.iter().map(String::as_str).collect(),
            ValueFacet::Venue => {
                paper.venue_short.as_deref().or(paper.venue.as_deref()).into_iter().collect()
            }
            ValueFacet::Author => paper.authors.iter().flatten().map(String::as_str).collect(),
        }
    }
}

/// The distinct values of one facet and which papers have each, built once.
#[derive(Clone, Debug, Default)]
pub(crate) struct Vocabulary {
    /// Each value as first spelled, by value id.
    labels: Vec<String>,
    /// Each value folded, by value id: the filter box searches these.
    folded: Vec<String>,
    by_folded: FxHashMap<String, u32>,
    /// The values of paper `p` are `values[offsets[p]..offsets[p + 1]]`.
    offsets: Vec<u32>,
    values: Vec<u32>,
    /// Author names only: the value ids of each folded family name, for name matching.
    by_family: FxHashMap<String, Vec<u32>>,
    people: Vec<Option<PersonName>>,
    /// The value each value is counted under in the facet: itself, or for a spelling of a
    /// member's name (`highlight_authors`), the one entry of that member.
    counted_as: Vec<u32>,
    /// Papers per value over the whole snapshot, under `counted_as`.
    totals: Vec<u32>,
}

impl Vocabulary {
    /// The vocabulary of `facet`; for authors, every spelling of a member's name is
    /// listed once, under the name as `members` spells it ("Family, Given" reordered).
    pub(crate) fn build(facet: ValueFacet, papers: &[Paper], members: &[String]) -> Self {
        let mut v = Vocabulary { offsets: Vec::with_capacity(papers.len() + 1), ..Default::default() };
        v.offsets.push(0);
        for paper in papers {
            let start = v.values.len();
            for label in facet.values_of(paper) {
                let key = fold(label.trim());
                if key.is_empty() {
                    continue;
                }
                let id = match v.by_folded.get(&key) {
                    Some(&id) => id,
                    None => {
                        let id = v.labels.len() as u32;
                        v.labels.push(label.trim().to_string());
                        v.folded.push(key.clone());
                        v.by_folded.insert(key, id);
                        id
                    }
                };
                // A value listed twice by one paper counts once.
                if !v.values[start..].contains(&id) {
                    v.values.push(id);
                }
            }
            v.offsets.push(v.values.len() as u32);
        }
        if facet == ValueFacet::Author {
            v.people = v.labels.iter().map(|l| PersonName::parse(l)).collect();
            for (id, person) in v.people.iter().enumerate() {
                if let Some(person) = person {
                    v.by_family.entry(person.family().to_string()).or_default().push(id as u32);
                }
            }
        }
        v.counted_as = (0..v.labels.len() as u32).collect();
        for member in members {
            let spellings: Vec<u32> =
                v.select(member).into_iter().filter(|&id| v.counted_as[id as usize] == id).collect();
            if let Some(&first) = spellings.first() {
                let shown = display_order(member);
                v.folded[first as usize] = fold(&shown);
                v.labels[first as usize] = shown;
                for &id in &spellings[1..] {
                    v.counted_as[id as usize] = first;
                }
            }
        }
        v.totals = vec![0; v.len()];
        for &value in &v.values {
            v.totals[v.counted_as[value as usize] as usize] += 1;
        }
        v
    }

    pub(crate) fn len(&self) -> usize {
        self.labels.len()
    }

    pub(crate) fn label(&self, id: u32) -> &str {
        &self.labels[id as usize]
    }

    /// The value ids of paper `p`.
    pub(crate) fn of(&self, p: u32) -> &[u32] {
        let p = p as usize;
        &self.values[self.offsets[p] as usize..self.offsets[p + 1] as usize]
    }

    /// The value ids a filter value selects: the value folded alike, or for author names
    /// every spelling that names the same person ([`PersonName`]). Sorted.
    pub(crate) fn select(&self, wanted: &str) -> Vec<u32> {
        let mut ids = Vec::new();
        if self.people.is_empty() {
            ids.extend(self.by_folded.get(&fold(wanted.trim())).copied());
        } else if let Some(person) = PersonName::parse(wanted) {
            for &id in self.by_family.get(person.family()).into_iter().flatten() {
                if self.people[id as usize].as_ref().is_some_and(|p| p.matches(&person)) {
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
    /// by label), only those whose folded label contains `needle` folded, at most `limit`.
    pub(crate) fn top(&self, base: &BitSet, needle: &str, limit: usize) -> (Vec<(u32, u32)>, usize) {
        let counts = self.counts(base);
        let needle = fold(needle.trim());
        // One pass keeping the best `limit` in a heap whose top is the worst kept: the
        // author facet of 10,049 papers has 100,000 names, and sorting them all per
        // keystroke would cost more than the search.
        let mut heap: BinaryHeap<(Reverse<u32>, &str, u32)> = BinaryHeap::with_capacity(limit + 1);
        let mut matching = 0;
        for (id, &n) in counts.iter().enumerate() {
            if n == 0 || (!needle.is_empty() && !self.folded[id].contains(&needle)) {
                continue;
            }
            matching += 1;
            let key = (Reverse(n), self.folded[id].as_str(), id as u32);
            if heap.len() < limit {
                heap.push(key);
            } else if heap.peek().is_some_and(|worst| key < *worst) {
                heap.pop();
                heap.push(key);
            }
        }
        let top = heap.into_sorted_vec().into_iter().map(|(Reverse(n), _, id)| (id, n)).collect();
        (top, matching)
    }

    /// Papers of `base` per value (each member's spellings counted under one). When `base`
    /// holds most papers, the counts are the totals minus the papers left out, so the work
    /// is bounded by half the papers.
    fn counts(&self, base: &BitSet) -> Vec<u32> {
        let papers = self.offsets.len() - 1;
        let add = |counts: &mut Vec<u32>, p: u32, up: bool| {
            for &v in self.of(p) {
                let c = &mut counts[self.counted_as[v as usize] as usize];
                *c = if up { *c + 1 } else { *c - 1 };
            }
        };
        if base.count() * 2 > papers {
            let mut counts = self.totals.clone();
            for p in (0..papers as u32).filter(|&p| !base.contains(p)) {
                add(&mut counts, p, false);
            }
            counts
        } else {
            let mut counts = vec![0u32; self.len()];
            for p in base.iter() {
                add(&mut counts, p, true);
            }
            counts
        }
    }

    /// Each value's rank among all values: the one most papers have first, ties by name.
    pub(crate) fn rank_by_frequency(&self) -> Vec<u32> {
        let mut counts = vec![0u32; self.len()];
        for &v in &self.values {
            counts[v as usize] += 1;
        }
        let mut ids: Vec<u32> = (0..self.len() as u32).collect();
        ids.sort_by(|&a, &b| {
            counts[b as usize]
                .cmp(&counts[a as usize])
                .then_with(|| self.folded[a as usize].cmp(&self.folded[b as usize]))
        });
        let mut rank = vec![0u32; self.len()];
        for (r, id) in ids.into_iter().enumerate() {
            rank[id as usize] = r as u32;
        }
        rank
    }

    /// How many papers of `base` have a value in `selected` (sorted).
    pub(crate) fn count_any(&self, base: &BitSet, selected: &[u32]) -> u32 {
        base.iter().filter(|&p| self.has_any(p, selected)).count() as u32
    }
}

/// A name as a card would show it: "Kather, Jakob Nikolas" as "Jakob Nikolas Kather".
fn display_order(name: &str) -> String {
    match name.trim().split_once(',') {
        Some((family, given)) if !given.trim().is_empty() => format!("{} {}", given.trim(), family.trim()),
        _ => name.trim().to_string(),
    }
}
