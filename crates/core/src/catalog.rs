//! The loaded collection, indexed once for the explorer.

use std::cmp::Ordering;

use crate::model::{Paper, Snapshot};

/// A snapshot's papers with the orders the explorer shows them in, computed once at load.
/// Paper indices (`u32`) refer to positions in [`Catalog::papers`].
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    pub snapshot: Snapshot,
    newest_first: Vec<u32>,
}

impl Catalog {
    pub fn new(snapshot: Snapshot) -> Self {
        let mut newest_first: Vec<u32> = (0..snapshot.papers.len() as u32).collect();
        let papers = &snapshot.papers;
        newest_first.sort_by(|&a, &b| newest(&papers[a as usize], &papers[b as usize]));
        Self { snapshot, newest_first }
    }

    pub fn papers(&self) -> &[Paper] {
        &self.snapshot.papers
    }

    pub fn paper(&self, index: u32) -> &Paper {
        &self.snapshot.papers[index as usize]
    }

    pub fn len(&self) -> usize {
        self.snapshot.papers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.snapshot.papers.is_empty()
    }

    /// Every paper, newest first; ties by title, then id.
    pub fn newest_first(&self) -> &[u32] {
        &self.newest_first
    }
}

/// Newest first, then title, then id: a total order, so views are deterministic.
fn newest(a: &Paper, b: &Paper) -> Ordering {
    b.published
        .sort_key()
        .cmp(&a.published.sort_key())
        .then_with(|| a.title.cmp(&b.title))
        .then_with(|| a.id.cmp(&b.id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PartialDate;

    #[test]
    fn newest_first_with_deterministic_ties() {
        let d = |s| PartialDate::parse(s).unwrap();
        let papers = vec![
            Paper::new("old", "Old", 1, d("2020-01-01")),
            Paper::new("b", "Same", 1, d("2024-06-28")),
            Paper::new("year", "Year only", 1, d("2024")),
            Paper::new("a", "Same", 1, d("2024-06-28")),
            Paper::new("new", "New", 1, d("2025-09")),
            Paper::new("first", "Alpha", 1, d("2024-06-28")),
        ];
        let catalog = Catalog::new(Snapshot { papers, ..Default::default() });
        let ids: Vec<&str> = catalog.newest_first().iter().map(|&i| catalog.paper(i).id.as_str()).collect();
        assert_eq!(ids, ["new", "first", "a", "b", "year", "old"]);
    }
}
