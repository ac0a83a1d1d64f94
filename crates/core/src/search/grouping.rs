//! Grouping results under headings (`group=year|kind|venue`): a lab page's "2025 · 2024 ·
//! …" sections. Grouping reorders the results only between groups; inside a group they
//! keep the view's order.

use super::sort::SortOrder;
use crate::search::shared_sort::sort_items;

/// What results are grouped by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum GroupBy {
    #[default]
    None,
    Year,
    Kind,
    Venue,
}

impl GroupBy {
    pub const ALL: [GroupBy; 4] = [GroupBy::None, GroupBy::Year, GroupBy::Kind, GroupBy::Venue];

    /// The value of the `group` URL parameter (`none` is the default, left out).
    pub fn name(self) -> &'static str {
        match self {
            GroupBy::None => "none",
            GroupBy::Year => "year",
            GroupBy::Kind => "kind",
            GroupBy::Venue => "venue",
        }
    }

    /// What the grouping menu says.
    pub fn label(self) -> &'static str {
        match self {
            GroupBy::None => "No grouping",
            GroupBy::Year => "By year",
            GroupBy::Kind => "By type",
            GroupBy::Venue => "By venue",
        }
    }

    pub fn from_name(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|g| g.name() == s)
    }
}

/// One group of a result: its papers are `ids[start..start + len]` of the result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// What the group's papers share, as a test hook and in `data-group`: the year
    /// (`2024`), the kind's name (`conference`) or the venue as shown; `none` for the papers
    /// without one (undated, no kind, no venue).
    pub key: String,
    /// The heading: `2024`, `Conference papers`, `CVPR`, `Undated`.
    pub label: String,
    pub start: usize,
    pub len: usize,
}

/// A group key of one paper: `None` for papers without one, which come last.
pub(crate) type Rank = Option<u32>;

/// Reorders `ids` by group, stably, and returns the groups. `rank` gives each paper's
/// group as a number that orders the groups (smaller first); `describe` gives a group's
/// key and label from a paper in it.
pub(crate) fn group_ids(
    ids: &mut Vec<u32>,
    rank: impl Fn(u32) -> Rank,
    describe: impl Fn(Option<u32>) -> (String, String),
) -> Vec<Group> {
    let mut keyed: Vec<(Rank, u32)> = ids.iter().map(|&p| (rank(p), p)).collect();
    // `None` sorts before `Some` for Option: put it last. A stable sort keeps the view's
    // order inside each group.
    sort_items(&mut keyed, |a, b| (a.0.is_none(), a.0).cmp(&(b.0.is_none(), b.0)));
    let mut groups: Vec<Group> = Vec::new();
    for (i, &(r, p)) in keyed.iter().enumerate() {
        match groups.last_mut() {
            Some(g) if keyed[g.start].0 == r => g.len += 1,
            _ => {
                let (key, label) = describe(r.map(|_| p));
                groups.push(Group { key, label, start: i, len: 1 });
            }
        }
    }
    *ids = keyed.into_iter().map(|(_, p)| p).collect();
    groups
}

/// The rank of a year group: newest first, except in the oldest-first order.
pub(crate) fn year_rank(year: u16, order: SortOrder) -> Rank {
    (year != 0).then(|| if order == SortOrder::Oldest { u32::from(year) } else { u32::from(u16::MAX - year) })
}
