//! How many of the results a list shows: a page of cards at a time, never more than an
//! embed's `limit`, and enough pages to reach the opened paper.

use super::labels::thousands;

/// Cards rendered with each answer: a screen or two. Further pages are added as the end of
/// the list comes near, so they never delay the keystroke's frame and a keystroke on
/// 10,000 papers only creates what can be seen.
pub const PAGE_SIZE: usize = 4;

/// Where a list stands: how many results there are, how many it may list, how many pages
/// of them are rendered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paging {
    /// Results of the view.
    pub total: usize,
    /// At most this many are listed ([`crate::ViewState::card_cap`]).
    pub cap: Option<usize>,
    /// Cards rendered so far, a multiple of [`PAGE_SIZE`].
    pub shown: usize,
}

impl Paging {
    /// The first pages of a new answer: one page, or as many as it takes to render the
    /// opened paper's card at `opened` (its position in the results).
    pub fn first(total: usize, cap: Option<usize>, opened: Option<usize>) -> Self {
        let shown = opened.map_or(PAGE_SIZE, |p| (p / PAGE_SIZE + 1) * PAGE_SIZE);
        Self { total, cap, shown }
    }

    /// One more page.
    pub fn more(self) -> Self {
        Self { shown: self.shown + PAGE_SIZE, ..self }
    }

    /// Results the list may show: all of them, or the cap.
    pub fn listed(&self) -> usize {
        self.total.min(self.cap.unwrap_or(usize::MAX))
    }

    /// Cards rendered now: the first `visible()` results.
    pub fn visible(&self) -> usize {
        self.listed().min(self.shown)
    }

    /// Listed results not rendered yet.
    pub fn remaining(&self) -> usize {
        self.listed().saturating_sub(self.shown)
    }

    /// "Show more papers (73 left)", "Show the last 3 papers" when one page takes the rest,
    /// or `None` when every listed result is rendered. The button adds a page, and the list
    /// then grows on its own until its end is a screen below the window, so the label never
    /// promises a number of cards it cannot keep.
    pub fn show_more_label(&self) -> Option<String> {
        let remaining = self.remaining();
        match remaining {
            0 => None,
            1 => Some("Show the last paper".to_string()),
            n if n <= PAGE_SIZE => Some(format!("Show the last {n} papers")),
            n => Some(format!("Show more papers ({} left)", thousands(n))),
        }
    }

    /// "View all 12 papers" when a cap leaves results out (an embed links to the rest).
    pub fn view_all_label(&self) -> Option<String> {
        self.cap.is_some_and(|c| self.total > c).then(|| format!("View all {} papers", thousands(self.total)))
    }
}
