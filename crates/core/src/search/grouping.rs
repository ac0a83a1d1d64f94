//! Grouping results under headings (`group=year|kind|venue`): a lab page's "2025 · 2024 ·
//! …" sections. Grouping reorders the results only between groups; inside a group they
//! keep the view's order.

use super::key_sort::sort_keys;
use super::sort::SortOrder;

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
    // It runs on every keystroke of a grouped view, over every result: plain integers,
    // sorted by `sort_keys`, as the keystroke's relevance order is. Each key is
    // the group (papers without one last), then the position in the view's order, which
    // keeps that order inside each group.
    let mut keys: Vec<u64> = ids
        .iter()
        .enumerate()
        .map(|(i, &p)| {
            let group = rank(p).map_or(1 << 32, u64::from);
            group << 31 | i as u64
        })
        .collect();
    sort_keys(&mut keys);
    let keyed: Vec<(Rank, u32)> = keys
        .iter()
        .map(|&key| {
            let group = u32::try_from(key >> 31).ok();
            (group, ids[(key & ((1 << 31) - 1)) as usize])
        })
        .collect();
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
