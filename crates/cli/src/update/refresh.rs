//! Folding what the sources gave into a snapshot, losing nothing (docs/updating.md,
//! "Merge rules"):
//!
//! - A fetched paper is the snapshot's paper with the same arXiv id, else the same DOI,
//!   else the same title and year (unless their arXiv ids or DOIs differ), as `import`
//!   merges; else the paper whose id is its arXiv id. Otherwise it is new: it is added at
//!   the end, with its arXiv id as id (else its title's slug), made unique.
//! - For a paper seen again, the counts that change are refreshed: a non-zero `upvotes`
//!   and a `citations` count replace the stored ones. Every other field is only filled
//!   where the snapshot has none: abstract, authors (when the snapshot lists no names),
//!   a date where there is none or a more precise one of the same year (and month),
//!   each link kind the paper lacks, tags when it has none, venue, short venue, kind,
//!   summary, thumbnail. The id and the title are never changed, so a hand-made edit is
//!   kept, and so is every field a source does not give.
//! - No paper is ever removed.

use std::collections::HashMap;

use paperdeck_core::{slug_id, IdAllocator, Paper, PartialDate, Snapshot};

use crate::import::fields::identifiers::{arxiv_id_in_url, paper_id_of_arxiv};
use crate::import::fields::links::add_link;
use crate::import::merge::{differ, precision, Keys};

/// What a refresh did to the snapshot's papers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Refresh {
    /// Ids of the papers added, in order.
    pub new: Vec<String>,
    /// Ids of the papers changed, in snapshot order, with the fields that changed.
    pub updated: Vec<(String, Vec<&'static str>)>,
    /// Papers seen again with nothing to change.
    pub unchanged: usize,
}

impl Refresh {
    pub fn changed(&self) -> bool {
        !self.new.is_empty() || !self.updated.is_empty()
    }
}

/// The snapshot's papers by key.
struct Index {
    keys: Vec<Keys>,
    by_arxiv: HashMap<String, usize>,
    by_doi: HashMap<String, usize>,
    by_title: HashMap<String, usize>,
    by_id: HashMap<String, usize>,
}

impl Index {
    fn new(papers: &[Paper]) -> Self {
        let mut index = Self {
            keys: Vec::with_capacity(papers.len()),
            by_arxiv: HashMap::with_capacity(papers.len()),
            by_doi: HashMap::new(),
            by_title: HashMap::with_capacity(papers.len()),
            by_id: HashMap::with_capacity(papers.len()),
        };
        for p in papers {
            index.add(p);
        }
        index
    }

    fn add(&mut self, paper: &Paper) {
        let i = self.keys.len();
        let keys = Keys::of(paper);
        for (map, key) in [
            (&mut self.by_arxiv, &keys.arxiv),
            (&mut self.by_doi, &keys.doi),
            (&mut self.by_title, &keys.title_year),
        ] {
            if let Some(key) = key {
                map.entry(key.clone()).or_insert(i);
            }
        }
        self.by_id.insert(paper.id.clone(), i);
        self.keys.push(keys);
    }

    fn find(&self, paper: &Paper, keys: &Keys) -> Option<usize> {
        let by = |map: &HashMap<String, usize>, key: &Option<String>| {
            key.as_ref().and_then(|k| map.get(k)).copied()
        };
        by(&self.by_arxiv, &keys.arxiv)
            .or_else(|| by(&self.by_doi, &keys.doi))
            .or_else(|| {
                let i = by(&self.by_title, &keys.title_year)?;
                let other = &self.keys[i];
                (!differ(&keys.arxiv, &other.arxiv) && !differ(&keys.doi, &other.doi)).then_some(i)
            })
            .or_else(|| {
                let arxiv = paper.links.arxiv.as_deref().and_then(arxiv_id_in_url)?;
                let i = *self.by_id.get(&paper_id_of_arxiv(&arxiv))?;
                (self.keys[i].arxiv.is_none()).then_some(i)
            })
    }
}

/// Folds `fresh` (papers already merged among themselves) into `snapshot`.
pub fn refresh(snapshot: &mut Snapshot, fresh: Vec<Paper>) -> Refresh {
    let mut index = Index::new(&snapshot.papers);
    let mut ids = IdAllocator::new();
    for p in &snapshot.papers {
        ids.allocate(&p.id);
    }
    let existing = snapshot.papers.len();
    let mut changes: HashMap<usize, Vec<&'static str>> = HashMap::new();
    let mut new = Vec::new();
    for paper in fresh {
        let keys = Keys::of(&paper);
        match index.find(&paper, &keys) {
            Some(i) => {
                let changed = changes.entry(i).or_default();
                for field in apply(&mut snapshot.papers[i], paper) {
                    if !changed.contains(&field) {
                        changed.push(field);
                    }
                }
            }
            None => {
                let mut paper = paper;
                let wanted = match paper.links.arxiv.as_deref().and_then(arxiv_id_in_url) {
                    Some(arxiv) => paper_id_of_arxiv(&arxiv),
                    None if paper.id.is_empty() => slug_id(&paper.title),
                    None => paper.id.clone(),
                };
                paper.id = ids.allocate(&wanted);
                index.add(&paper);
                changes.insert(snapshot.papers.len(), Vec::new());
                new.push(paper.id.clone());
                snapshot.papers.push(paper);
            }
        }
    }
    let mut seen: Vec<(usize, Vec<&'static str>)> =
        changes.into_iter().filter(|(i, _)| *i < existing).collect();
    seen.sort_unstable_by_key(|(i, _)| *i);
    let unchanged = seen.iter().filter(|(_, c)| c.is_empty()).count();
    let updated = seen
        .into_iter()
        .filter(|(_, c)| !c.is_empty())
        .map(|(i, c)| (snapshot.papers[i].id.clone(), c))
        .collect();
    Refresh { new, updated, unchanged }
}

/// Applies the merge rules to one paper seen again; the names of the fields changed.
fn apply(paper: &mut Paper, fresh: Paper) -> Vec<&'static str> {
    let mut changed = Vec::new();
    let mut set = |name: &'static str, did: bool| {
        if did {
            changed.push(name);
        }
    };
    set("upvotes", fresh.upvotes > 0 && fresh.upvotes != paper.upvotes);
    if fresh.upvotes > 0 {
        paper.upvotes = fresh.upvotes;
    }
    set("citations", fresh.citations.is_some() && fresh.citations != paper.citations);
    paper.citations = fresh.citations.or(paper.citations);
    let names = |p: &Paper| p.authors.as_ref().map_or(0, Vec::len);
    let (mine, theirs) = (names(paper), names(&fresh));
    set("abstract", fill(&mut paper.abstract_text, fresh.abstract_text));
    if mine == 0 && theirs > 0 {
        paper.authors = fresh.authors;
        paper.author_count = fresh.author_count;
        paper.authors_incomplete = fresh.authors_incomplete;
        set("authors", true);
    } else if mine == 0 && theirs == 0 && fresh.author_count > paper.author_count {
        paper.author_count = fresh.author_count;
        set("author_count", true);
    }
    if better_date(paper.published, fresh.published) {
        paper.published = fresh.published;
        set("published", true);
    }
    let links_before = paper.links.clone();
    for (kind, url) in fresh.links.iter() {
        add_link(&mut paper.links, kind, url.to_string());
    }
    set("links", paper.links != links_before);
    if paper.tags.is_empty() && !fresh.tags.is_empty() {
        paper.tags = fresh.tags;
        set("tags", true);
    }
    set("venue", fill(&mut paper.venue, fresh.venue));
    set("venue_short", fill(&mut paper.venue_short, fresh.venue_short));
    set("kind", fill(&mut paper.kind, fresh.kind));
    set("summary", fill(&mut paper.summary, fresh.summary));
    set("thumbnail", fill(&mut paper.thumbnail, fresh.thumbnail));
    changed
}

/// Fills an empty field; true when it did.
fn fill<T>(field: &mut Option<T>, fresh: Option<T>) -> bool {
    if field.is_none() && fresh.is_some() {
        *field = fresh;
        true
    } else {
        false
    }
}

/// True when `fresh` should replace `stored`: there is no stored date, or `fresh` is more
/// precise and agrees with it.
fn better_date(stored: PartialDate, fresh: PartialDate) -> bool {
    if !fresh.is_known() {
        return false;
    }
    if !stored.is_known() {
        return true;
    }
    precision(fresh) > precision(stored)
        && fresh.year() == stored.year()
        && stored.month().is_none_or(|m| fresh.month() == Some(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paper(id: &str, title: &str, date: &str) -> Paper {
        Paper::new(id, title, 1, PartialDate::parse(date).unwrap())
    }

    fn arxiv(mut p: Paper, id: &str) -> Paper {
        p.links.arxiv = Some(format!("https://arxiv.org/abs/{id}"));
        p
    }

    #[test]
    fn counts_are_refreshed_and_hand_edits_kept() {
        let mut stored = arxiv(paper("attention", "Attention (edited by hand)", "2017-06"), "1706.03762");
        stored.upvotes = 3;
        stored.tags = vec!["mine".into()];
        stored.links.code = Some("https://github.com/mine/fork".into());
        let mut snapshot = Snapshot { papers: vec![stored], ..Snapshot::default() };
        let mut fresh = arxiv(paper("1706.03762", "Attention Is All You Need", "2017-06-12"), "1706.03762v5");
        fresh.upvotes = 40;
        fresh.tags = vec!["nlp".into()];
        fresh.links.code = Some("https://github.com/t/t".into());
        fresh.links.pdf = Some("https://arxiv.org/pdf/1706.03762".into());
        fresh.abstract_text = Some("The dominant models…".into());
        let r = refresh(&mut snapshot, vec![fresh.clone()]);
        assert_eq!(r.updated, [("attention".to_string(), vec!["upvotes", "abstract", "published", "links"])]);
        let p = &snapshot.papers[0];
        assert_eq!((p.id.as_str(), p.title.as_str()), ("attention", "Attention (edited by hand)"));
        assert_eq!(p.upvotes, 40);
        assert_eq!(p.tags, ["mine"]);
        assert_eq!(p.links.code.as_deref(), Some("https://github.com/mine/fork"));
        assert_eq!(p.published.to_string(), "2017-06-12");

        let again = refresh(&mut snapshot, vec![fresh]);
        assert_eq!((again.new.len(), again.updated.len(), again.unchanged), (0, 0, 1), "idempotent");
    }

    #[test]
    fn new_papers_are_added_at_the_end_with_unique_ids_and_nothing_is_removed() {
        let mut snapshot = Snapshot {
            papers: vec![
                arxiv(paper("2501.00001", "Taken by hand", "2020"), "2001.00009"),
                paper("old", "Old", "2019"),
            ],
            ..Snapshot::default()
        };
        let fresh = vec![arxiv(paper("x", "New", "2025-01-02"), "2501.00001"), paper("", "Old", "2021")];
        let r = refresh(&mut snapshot, fresh);
        assert_eq!(r.new, ["2501.00001-2", "old-2"]);
        let ids: Vec<&str> = snapshot.papers.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["2501.00001", "old", "2501.00001-2", "old-2"]);
        assert_eq!((r.updated.len(), r.unchanged), (0, 0));
    }

    #[test]
    fn a_paper_is_found_by_doi_title_and_year_or_its_arxiv_id() {
        let mut by_doi = paper("p1", "One", "2020");
        by_doi.links.doi = Some("https://doi.org/10.1000/ABC".into());
        let mut snapshot = Snapshot {
            papers: vec![by_doi, paper("p2", "Two: A Study", "2021"), paper("2402.00001", "Three", "2024")],
            ..Snapshot::default()
        };
        let mut f1 = paper("", "One, retitled", "2020");
        f1.links.doi = Some("https://doi.org/10.1000/abc".into());
        f1.venue = Some("Nature".into());
        let mut f2 = paper("", "two: a study.", "2021");
        f2.upvotes = 5;
        let f3 = arxiv(paper("", "Three, v2", "2024-02-01"), "2402.00001");
        let r = refresh(&mut snapshot, vec![f1, f2, f3]);
        assert!(r.new.is_empty(), "{r:?}");
        let names: Vec<&str> = r.updated.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(names, ["p1", "p2", "2402.00001"]);
        assert_eq!(snapshot.papers[0].venue.as_deref(), Some("Nature"));
        assert_eq!(snapshot.papers[2].links.arxiv.as_deref(), Some("https://arxiv.org/abs/2402.00001"));
    }

    #[test]
    fn dates_only_become_more_precise() {
        let d = |s| PartialDate::parse(s).unwrap();
        assert!(better_date(PartialDate::UNKNOWN, d("2020")));
        assert!(better_date(d("2020"), d("2020-05-01")));
        assert!(!better_date(d("2020"), d("2021-05-01")), "another year is a hand edit, kept");
        assert!(!better_date(d("2020-04"), d("2020-05-01")));
        assert!(!better_date(d("2020-05-01"), d("2020-05-02")));
    }
}
