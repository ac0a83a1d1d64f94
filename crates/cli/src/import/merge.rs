//! Folding duplicates into one paper, across all inputs and within one.
//!
//! Two records are the same paper when they share an arXiv id, a DOI, or the same title
//! and year (titles compared folded, letters and digits only), unless their arXiv ids or
//! DOIs differ. The merged paper keeps the richest of each field: the longer abstract,
//! the longer author list (a complete one on a tie), the more precise date, the higher
//! upvote and citation counts, every link kind and tag either has, the kind that says
//! more (a published kind beats `preprint`, which beats `other`; else the first), and the
//! first title, venue, short venue, summary and thumbnail (a real venue, or short venue,
//! beats "arXiv"). A merged paper keeps no `bibtex` entry (no one entry holds all it
//! has; an export makes one from its fields). Papers keep the order in which they first
//! appear. Ids are given last: the arXiv id when known, else the title's slug, made
//! unique with `-2`, `-3`, … in that order.

use std::collections::HashMap;

use paperdeck_core::{fold, slug_id, IdAllocator, Paper};

use crate::import::fields::identifiers::{arxiv_id_in_url, doi, paper_id_of_arxiv};
use crate::import::fields::kinds::{is_preprint_venue, specificity};
use crate::import::fields::links::add_link;
use crate::import::fields::tags::add_tag;
use crate::import::parsed::{Location, Record};

/// A paper made of several entries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    /// The id of the paper written.
    pub id: String,
    /// Every entry merged, in input order: (input index, place in that input).
    pub sources: Vec<(usize, Location)>,
    /// Why the entries were taken for one paper: the first key they shared.
    pub reason: MatchReason,
}

/// The key two entries shared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchReason {
    ArxivId,
    Doi,
    TitleAndYear,
}

impl MatchReason {
    pub fn describe(self) -> &'static str {
        match self {
            Self::ArxivId => "same arXiv id",
            Self::Doi => "same DOI",
            Self::TitleAndYear => "same title and year",
        }
    }
}

/// The keys a paper is matched by (also by `paperdeck update`, against a snapshot).
pub(crate) struct Keys {
    pub(crate) arxiv: Option<String>,
    pub(crate) doi: Option<String>,
    pub(crate) title_year: Option<String>,
}

impl Keys {
    pub(crate) fn of(paper: &Paper) -> Self {
        let title: String = fold(&paper.title).chars().filter(|c| c.is_alphanumeric()).collect();
        Self {
            arxiv: paper.links.arxiv.as_deref().and_then(arxiv_id_in_url).map(|id| id.to_lowercase()),
            doi: paper.links.doi.as_deref().and_then(doi).map(|d| d.to_lowercase()),
            title_year: (!title.is_empty()).then(|| format!("{title}|{}", paper.published.year())),
        }
    }
}

struct Group {
    paper: Paper,
    keys: Keys,
    sources: Vec<(usize, Location)>,
    reason: Option<MatchReason>,
}

/// Merges records, each with the index of its input, into papers with unique ids.
pub fn merge(records: Vec<(usize, Record)>) -> (Vec<Paper>, Vec<Merged>) {
    let mut groups = Groups::default();
    for (input, record) in records {
        groups.add(input, record);
    }
    hand_out_ids(groups.groups)
}

/// The papers so far, and the first of them each key was seen in.
#[derive(Default)]
struct Groups {
    groups: Vec<Group>,
    by_arxiv: HashMap<String, usize>,
    by_doi: HashMap<String, usize>,
    by_title: HashMap<String, usize>,
}

impl Groups {
    /// Folds a record into the paper it shares a key with, or makes it a new paper.
    fn add(&mut self, input: usize, record: Record) {
        let keys = Keys::of(&record.paper);
        let g = match self.find(&keys) {
            Some((g, reason)) => {
                let group = &mut self.groups[g];
                absorb(&mut group.paper, record.paper);
                group.sources.push((input, record.at));
                group.reason.get_or_insert(reason);
                if group.keys.arxiv.is_none() {
                    group.keys.arxiv = keys.arxiv.clone();
                }
                if group.keys.doi.is_none() {
                    group.keys.doi = keys.doi.clone();
                }
                g
            }
            None => {
                self.groups.push(Group {
                    paper: record.paper,
                    keys: Keys { arxiv: keys.arxiv.clone(), doi: keys.doi.clone(), title_year: None },
                    sources: vec![(input, record.at)],
                    reason: None,
                });
                self.groups.len() - 1
            }
        };
        for (map, key) in [
            (&mut self.by_arxiv, keys.arxiv),
            (&mut self.by_doi, keys.doi),
            (&mut self.by_title, keys.title_year),
        ] {
            if let Some(key) = key {
                map.entry(key).or_insert(g);
            }
        }
    }

    /// The paper a record with `keys` is, and the first key they share: the arXiv id, else
    /// the DOI, else the title and year unless their arXiv ids or DOIs differ.
    fn find(&self, keys: &Keys) -> Option<(usize, MatchReason)> {
        let by = |map: &HashMap<String, usize>, key: &Option<String>| {
            key.as_ref().and_then(|k| map.get(k)).copied()
        };
        by(&self.by_arxiv, &keys.arxiv)
            .map(|g| (g, MatchReason::ArxivId))
            .or_else(|| by(&self.by_doi, &keys.doi).map(|g| (g, MatchReason::Doi)))
            .or_else(|| {
                let g = by(&self.by_title, &keys.title_year)?;
                let other = &self.groups[g].keys;
                let conflict = differ(&keys.arxiv, &other.arxiv) || differ(&keys.doi, &other.doi);
                (!conflict).then_some((g, MatchReason::TitleAndYear))
            })
    }
}

/// Gives each paper its id, in order (the arXiv id when known, else its own, else its
/// title's slug; made unique), and reports the papers made of several entries.
fn hand_out_ids(groups: Vec<Group>) -> (Vec<Paper>, Vec<Merged>) {
    let mut ids = IdAllocator::new();
    let mut papers = Vec::with_capacity(groups.len());
    let mut merged = Vec::new();
    for group in groups {
        let mut paper = group.paper;
        let wanted = match paper.links.arxiv.as_deref().and_then(arxiv_id_in_url) {
            Some(arxiv) => paper_id_of_arxiv(&arxiv),
            None if paper.id.is_empty() => slug_id(&paper.title),
            None => paper.id.clone(),
        };
        paper.id = ids.allocate(&wanted);
        if let Some(reason) = group.reason {
            merged.push(Merged { id: paper.id.clone(), sources: group.sources, reason });
        }
        papers.push(paper);
    }
    (papers, merged)
}

pub(crate) fn differ(a: &Option<String>, b: &Option<String>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a != b)
}

/// Takes from `other` whatever `paper` lacks or has less of.
fn absorb(paper: &mut Paper, mut other: Paper) {
    let chars = |s: &Option<String>| s.as_deref().map_or(0, |s| s.chars().count());
    if chars(&other.abstract_text) > chars(&paper.abstract_text) {
        paper.abstract_text = other.abstract_text.take();
    }
    let names = |p: &Paper| p.authors.as_ref().map_or(0, Vec::len);
    let (mine, theirs) = (names(paper), names(&other));
    if theirs > mine
        || (theirs == mine && theirs > 0 && paper.authors_incomplete && !other.authors_incomplete)
    {
        paper.authors = other.authors;
        paper.author_count = other.author_count;
        paper.authors_incomplete = other.authors_incomplete;
    } else if mine == 0 && theirs == 0 && other.author_count > paper.author_count {
        paper.author_count = other.author_count;
    }
    if precision(other.published) > precision(paper.published) {
        paper.published = other.published;
    }
    paper.upvotes = paper.upvotes.max(other.upvotes);
    paper.citations = paper.citations.max(other.citations);
    if specificity(other.kind) > specificity(paper.kind) {
        paper.kind = other.kind;
    }
    for (kind, url) in other.links.iter() {
        add_link(&mut paper.links, kind, url.to_string());
    }
    for tag in &other.tags {
        add_tag(&mut paper.tags, tag);
    }
    let real_venue = |v: &Option<String>| v.as_deref().is_some_and(|v| !is_preprint_venue(v));
    if paper.venue.is_none() || (!real_venue(&paper.venue) && real_venue(&other.venue)) {
        paper.venue = other.venue.take().or(paper.venue.take());
    }
    if paper.venue_short.is_none() || (!real_venue(&paper.venue_short) && real_venue(&other.venue_short)) {
        paper.venue_short = other.venue_short.take().or(paper.venue_short.take());
    }
    paper.summary = paper.summary.take().or(other.summary);
    paper.thumbnail = paper.thumbnail.take().or(other.thumbnail);
    // The paper now holds what several entries gave; no one entry says it all, so an
    // export makes its entry from its fields.
    paper.bibtex = None;
}

/// 0 undated, 1 year, 2 month, 3 day.
pub(crate) fn precision(d: paperdeck_core::PartialDate) -> u8 {
    u8::from(d.is_known()) + u8::from(d.month().is_some()) + u8::from(d.day().is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::test_render;
    use paperdeck_core::{PaperKind, PartialDate};

    fn record(line: usize, title: &str, date: &str) -> (usize, Record) {
        let paper = Paper::new("", title, 0, PartialDate::parse(date).unwrap());
        (0, Record { at: Location::Line(line), paper })
    }

    /// Merges `records` and compares the whole outcome, rendered as text, with `expect`.
    fn check(records: Vec<(usize, Record)>, expect: &str) {
        let (papers, merged) = merge(records);
        let mut out: String = papers.iter().map(test_render::paper).collect();
        for m in &merged {
            let sources: Vec<String> = m.sources.iter().map(|(i, at)| format!("{i}:{at}")).collect();
            out += &format!("merged into {}: {} ({})\n", m.id, sources.join(", "), m.reason.describe());
        }
        assert_eq!(out, expect, "got:\n{out}");
    }

    #[test]
    fn same_arxiv_id_merges_keeping_the_richest_fields() {
        let (_, mut a) = record(1, "Attention", "2017");
        a.paper.links.arxiv = Some("https://arxiv.org/abs/1706.03762".into());
        a.paper.authors = Some(vec!["A. Vaswani".into()]);
        a.paper.authors_incomplete = true;
        a.paper.author_count = 1;
        a.paper.venue = Some("arXiv".into());
        a.paper.tags = vec!["nlp".into()];
        let (_, mut b) = record(7, "Attention Is All You Need", "2017-06-12");
        b.paper.links.arxiv = Some("http://arxiv.org/abs/1706.03762v5".into());
        b.paper.links.code = Some("https://github.com/t/t".into());
        b.paper.authors = Some(vec!["Ashish Vaswani".into(), "Noam Shazeer".into()]);
        b.paper.author_count = 2;
        b.paper.abstract_text = Some("The dominant models…".into());
        b.paper.venue = Some("NeurIPS".into());
        b.paper.tags = vec!["NLP".into(), "transformers".into()];
        b.paper.upvotes = 9;
        check(
            vec![(0, a), (1, b)],
            "\
1706.03762 \"Attention\" 2017-06-12
  authors 2 [Ashish Vaswani, Noam Shazeer]
  abstract \"The dominant models…\"
  venue \"NeurIPS\"
  upvotes 9
  tags nlp, transformers
  code https://github.com/t/t
  arxiv https://arxiv.org/abs/1706.03762
merged into 1706.03762: 0:1, 1:7 (same arXiv id)
",
        );
    }

    #[test]
    fn doi_and_title_year_merge_and_different_ids_do_not() {
        let (_, mut a) = record(1, "Map Transformations of Geographic Space", "1961");
        a.paper.links.doi = Some("https://doi.org/10.1000/ABC".into());
        let (_, mut b) = record(2, "Another title", "1962");
        b.paper.links.doi = Some("https://doi.org/10.1000/abc".into());
        let (_, c) = record(3, "MAP transformations of geographic space.", "1961");
        let (_, d) = record(4, "Map transformations of geographic space", "1970");
        let (_, mut e) = record(5, "Map transformations of geographic space", "1961");
        e.paper.links.doi = Some("https://doi.org/10.1000/other".into());
        check(
            vec![(0, a), (0, b), (0, c), (0, d), (0, e)],
            "\
map-transformations-of-geographic-space \"Map Transformations of Geographic Space\" 1961
  authors 0 []
  doi https://doi.org/10.1000/ABC
map-transformations-of-geographic-space-2 \"Map transformations of geographic space\" 1970
  authors 0 []
map-transformations-of-geographic-space-3 \"Map transformations of geographic space\" 1961
  authors 0 []
  doi https://doi.org/10.1000/other
merged into map-transformations-of-geographic-space: 0:1, 0:2, 0:3 (same DOI)
",
        );
    }

    #[test]
    fn undated_papers_merge_only_with_undated_ones() {
        let undated = |line| {
            let (i, mut r) = record(line, "Same", "2020");
            r.paper.published = PartialDate::UNKNOWN;
            (i, r)
        };
        check(
            vec![undated(1), record(2, "Same", "2020"), undated(3)],
            "\
same \"Same\" undated
  authors 0 []
same-2 \"Same\" 2020
  authors 0 []
merged into same: 0:1, 0:3 (same title and year)
",
        );
    }

    #[test]
    fn a_complete_list_beats_an_incomplete_one_and_counts_without_names_grow() {
        let (_, mut a) = record(1, "Lists", "2020");
        a.paper.authors = Some(vec!["Ada Lovelace".into(), "Alan Turing".into()]);
        a.paper.author_count = 2;
        a.paper.authors_incomplete = true;
        a.paper.summary = Some("first summary".into());
        let (_, mut b) = record(2, "Lists", "2020-03");
        b.paper.authors = Some(vec!["A. Lovelace".into(), "A. Turing".into()]);
        b.paper.author_count = 2;
        b.paper.summary = Some("second summary".into());
        b.paper.thumbnail = Some("https://img.example/t.png".into());
        let (_, mut c) = record(3, "Counts", "2021");
        c.paper.author_count = 3;
        let (_, mut d) = record(4, "counts", "2021");
        d.paper.author_count = 8;
        d.paper.venue = Some("arXiv e-prints".into());
        check(
            vec![(0, a), (1, b), (0, c), (1, d)],
            "\
lists \"Lists\" 2020-03
  authors 2 [A. Lovelace, A. Turing]
  summary \"first summary\"
  thumbnail \"https://img.example/t.png\"
counts \"Counts\" 2021
  authors 8 []
  venue \"arXiv e-prints\"
merged into lists: 0:1, 1:2 (same title and year)
merged into counts: 0:3, 1:4 (same title and year)
",
        );
    }

    #[test]
    fn citations_keep_the_largest_count_zero_included() {
        let with = |line, citations: Option<u32>| {
            let (i, mut r) = record(line, "Counted", "2020");
            r.paper.citations = citations;
            (i, r)
        };
        let (papers, _) = merge(vec![with(1, Some(3)), with(2, None), with(3, Some(12)), with(4, Some(5))]);
        assert_eq!(papers[0].citations, Some(12));
        let (papers, _) = merge(vec![with(1, None), with(2, Some(0))]);
        assert_eq!(papers[0].citations, Some(0), "a count of 0 is a count");
        let (papers, _) = merge(vec![with(1, None), with(2, None)]);
        assert_eq!(papers[0].citations, None);
    }

    #[test]
    fn a_published_kind_beats_preprint_and_other_else_the_first_stays() {
        use PaperKind::*;
        for (first, second, merged) in [
            (Some(Preprint), Some(Conference), Some(Conference)),
            (Some(Conference), Some(Preprint), Some(Conference)),
            (Some(Other), Some(Preprint), Some(Preprint)),
            (Some(Preprint), Some(Other), Some(Preprint)),
            (None, Some(Other), Some(Other)),
            (Some(Article), None, Some(Article)),
            (Some(Article), Some(Conference), Some(Article)),
            (Some(Thesis), Some(Article), Some(Thesis)),
            (None, None, None),
        ] {
            let (i, mut a) = record(1, "Kinds", "2020");
            a.paper.kind = first;
            let (j, mut b) = record(2, "Kinds", "2020");
            b.paper.kind = second;
            let (papers, _) = merge(vec![(i, a), (j, b)]);
            assert_eq!(papers[0].kind, merged, "{first:?} then {second:?}");
        }
    }

    #[test]
    fn short_venues_and_the_new_link_kinds_merge_like_venues_and_links() {
        let (_, mut a) = record(1, "Good Features", "2024");
        a.paper.links.arxiv = Some("https://arxiv.org/abs/2311.11772".into());
        a.paper.kind = Some(PaperKind::Preprint);
        a.paper.venue = Some("arXiv".into());
        a.paper.venue_short = Some("arXiv".into());
        a.paper.links.poster = Some("https://lab.example/poster-a.pdf".into());
        a.paper.citations = Some(4);
        let (_, mut b) = record(9, "A Good Feature Extractor Is All You Need", "2024-09");
        b.paper.links.arxiv = Some("https://arxiv.org/abs/2311.11772v4".into());
        b.paper.kind = Some(PaperKind::Conference);
        b.paper.venue = Some("ECCV".into());
        b.paper.venue_short = Some("ECCV".into());
        b.paper.links.poster = Some("https://lab.example/poster-b.pdf".into());
        b.paper.links.slides = Some("https://lab.example/slides.pdf".into());
        b.paper.links.video = Some("https://video.example/v".into());
        b.paper.links.supplement = Some("https://lab.example/supp.zip".into());
        let (_, mut c) = record(12, "Good features", "2024");
        c.paper.links.arxiv = Some("https://arxiv.org/abs/2311.11772".into());
        c.paper.venue_short = Some("BMVC".into());
        c.paper.links.blog = Some("https://blog.example/b".into());
        c.paper.links.data = Some("https://data.example/d".into());
        check(
            vec![(0, a), (0, b), (1, c)],
            "\
2311.11772 \"Good Features\" 2024-09
  authors 0 []
  venue \"ECCV\"
  venue_short \"ECCV\"
  kind \"conference\"
  citations 4
  arxiv https://arxiv.org/abs/2311.11772
  slides https://lab.example/slides.pdf
  poster https://lab.example/poster-a.pdf
  video https://video.example/v
  blog https://blog.example/b
  data https://data.example/d
  supplement https://lab.example/supp.zip
merged into 2311.11772: 0:1, 0:9, 1:12 (same arXiv id)
",
        );
    }
}
