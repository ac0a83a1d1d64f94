//! The timeline: a histogram of the results per month, or per year over a long span,
//! drawn from the date filter's own facet counts ([`MonthCounts`], counted in the search
//! pass). Each bar is a period with the `from`/`to` a click sets; undated papers are
//! counted apart and not drawn (docs/search.md, "Timeline").
//!
//! ```
//! use paperdeck_core::{MonthCounts, PartialDate, Timeline, TimeUnit};
//! // 3 papers in March 2024, none in April, 1 in May; 2 undated.
//! let months = MonthCounts { first: 2024 * 12, counts: vec![0, 0, 3, 0, 1, 0], undated: 2 };
//! let timeline = Timeline::new(&months, None, None);
//! assert_eq!(timeline.unit, TimeUnit::Month);
//! let counts: Vec<u32> = timeline.bars.iter().map(|b| b.count).collect();
//! assert_eq!(counts, [3, 0, 1]);
//! assert_eq!(timeline.bars[0].from, PartialDate::ym(2024, 3).unwrap());
//! assert_eq!(timeline.undated, 2);
//! ```

use super::filter::{from_key, to_key};
use crate::snapshot::date::PartialDate;
use crate::view::labels::{papers_count, thousands};

/// The longest span drawn a month per bar; a longer one is drawn a year per bar.
pub const MAX_MONTH_BARS: usize = 48;

/// The smallest height of a bar with papers, as a fraction of the tallest, so one paper
/// among thousands is still a visible bar.
const MIN_BAR_HEIGHT: f64 = 0.04;

/// `year * 12 + month - 1`: months counted from January of year 0.
pub fn month_number(year: u16, month: u8) -> u32 {
    u32::from(year) * 12 + u32::from(month.clamp(1, 12)) - 1
}

/// Papers per month from month number `first` (see [`month_number`]) on, and papers
/// without a date. A paper dated to the year only counts in its January, as the date
/// filter reads it (`from=2024-01` includes a paper dated `2024`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MonthCounts {
    pub first: u32,
    pub counts: Vec<u32>,
    pub undated: u32,
}

/// How long a bar's period is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TimeUnit {
    #[default]
    Month,
    Year,
}

impl TimeUnit {
    pub fn name(self) -> &'static str {
        match self {
            TimeUnit::Month => "month",
            TimeUnit::Year => "year",
        }
    }
}

/// One bar: a period and its papers.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TimelineBar {
    /// The `from` a click on the bar sets: `2024-03`, or `2024` for a year.
    pub from: PartialDate,
    /// The `to` a click on the bar sets (the same period).
    pub to: PartialDate,
    pub count: u32,
    /// Inside the view's date range (some of its period is): drawn highlighted.
    pub in_range: bool,
    /// The period as people read it: `Mar 2024`, `2024`.
    pub label: String,
}

impl TimelineBar {
    /// What the bar says to a screen reader and on hover: `Mar 2024: 120 papers`.
    pub fn description(&self) -> String {
        format!("{}: {}", self.label, papers_count(self.count as usize))
    }
}

/// The bars of one answer, oldest first, from the first period with papers to the last.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    pub unit: TimeUnit,
    pub bars: Vec<TimelineBar>,
    /// Papers counted apart: no date, so on no bar.
    pub undated: u32,
    /// The tallest bar's count.
    pub max: u32,
    /// The view's date range (`from`, `to`), which the readout names as it is: its bounds
    /// need not fall on the bars' (`since=` is a day, a bar a month).
    range: (Option<PartialDate>, Option<PartialDate>),
}

/// What a key pressed on a focused bar does ([`Timeline::key`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimelineKey {
    /// Move the focus to this bar.
    Focus(usize),
    /// Move the focus to this bar and extend the range to it (Shift).
    Extend(usize),
    /// Choose the focused bar's period (Enter, Space).
    Choose,
}

impl Timeline {
    /// The bars of `months`, with the view's date range (`from`, `to`) highlighted.
    pub fn new(months: &MonthCounts, from: Option<PartialDate>, to: Option<PartialDate>) -> Self {
        let first = months.counts.iter().position(|&n| n > 0);
        let last = months.counts.iter().rposition(|&n| n > 0);
        let (Some(first), Some(last)) = (first, last) else {
            return Self { undated: months.undated, range: (from, to), ..Self::default() };
        };
        let range =
            (from.is_some() || to.is_some()).then(|| (from.map_or(0, from_key), to.map_or(u32::MAX, to_key)));
        let in_range = |a: PartialDate, b: PartialDate| {
            range.is_some_and(|(lo, hi)| from_key(a) <= hi && to_key(b) >= lo)
        };
        let month_of = |k: usize| {
            let n = months.first + k as u32;
            PartialDate::ym((n / 12) as u16, (n % 12) as u8 + 1)
        };
        let mut bars = Vec::new();
        let unit = if last - first < MAX_MONTH_BARS { TimeUnit::Month } else { TimeUnit::Year };
        match unit {
            TimeUnit::Month => {
                for k in first..=last {
                    let Some(date) = month_of(k) else { continue };
                    bars.push(TimelineBar {
                        from: date,
                        to: date,
                        count: months.counts[k],
                        in_range: in_range(date, date),
                        label: date.display_long(),
                    });
                }
            }
            TimeUnit::Year => {
                let year_of = |k: usize| (months.first + k as u32) / 12;
                let first_year = year_of(first);
                for year in first_year..=year_of(last) {
                    let Some(date) = PartialDate::y(year as u16) else { continue };
                    let start = (year * 12).saturating_sub(months.first) as usize;
                    let end = ((year + 1) * 12).saturating_sub(months.first) as usize;
                    let count = months.counts[start.min(months.counts.len())..end.min(months.counts.len())]
                        .iter()
                        .sum();
                    bars.push(TimelineBar {
                        from: date,
                        to: date,
                        count,
                        in_range: in_range(date, date),
                        label: date.display_long(),
                    });
                }
            }
        }
        let max = bars.iter().map(|b| b.count).max().unwrap_or(0);
        Self { unit, bars, undated: months.undated, max, range: (from, to) }
    }

    /// The dated papers on the bars.
    pub fn dated(&self) -> u32 {
        self.bars.iter().map(|b| b.count).sum()
    }

    /// The `from` and `to` of the range from bar `a` to bar `b` (either order): what a drag
    /// across bars, or Shift with the arrow keys, sets.
    pub fn range(&self, a: usize, b: usize) -> Option<(PartialDate, PartialDate)> {
        let (lo, hi) = (a.min(b), a.max(b));
        Some((self.bars.get(lo)?.from, self.bars.get(hi)?.to))
    }

    /// The first and last highlighted bars, when the view has a date range that covers some.
    pub fn selected(&self) -> Option<(usize, usize)> {
        let first = self.bars.iter().position(|b| b.in_range)?;
        let last = self.bars.iter().rposition(|b| b.in_range)?;
        Some((first, last))
    }

    /// A bar's height as a fraction of the chart's: its count over the tallest, at least
    /// a sliver for a bar with papers, 0 for an empty one.
    pub fn height(&self, bar: usize) -> f64 {
        match self.bars.get(bar) {
            Some(b) if b.count > 0 && self.max > 0 => {
                (f64::from(b.count) / f64::from(self.max)).max(MIN_BAR_HEIGHT)
            }
            _ => 0.0,
        }
    }

    /// A bar's filled rectangle in the chart's units (100 tall, 0 at the top): its `y` and
    /// `height` attributes to two decimals, as the app and the static page both draw it.
    /// Integer arithmetic, not `{:.2}`: the wasm then carries no exact float formatting.
    pub fn fill_attributes(&self, bar: usize) -> (String, String) {
        // Hundredths of the chart's height: 0..=10,000, as height() is 0..=1.
        let filled = (self.height(bar) * 10_000.0).round() as u32;
        let decimal = |n: u32| format!("{}.{:02}", n / 100, n % 100);
        (decimal(10_000 - filled), decimal(filled))
    }

    /// The bar under a pointer at `fraction` of the chart's width (0 at its left edge),
    /// the first or last one beyond the edges.
    pub fn bar_at(&self, fraction: f64) -> Option<usize> {
        let n = self.bars.len();
        if n == 0 {
            return None;
        }
        let k = (fraction * n as f64).floor();
        Some(if k.is_nan() || k < 0.0 { 0 } else { (k as usize).min(n - 1) })
    }

    /// What `key` (a `KeyboardEvent.key`) does on bar `focus`: arrows move by one bar
    /// (Left and Down back, Right and Up on), Home and End to the ends, with Shift they
    /// extend the range; Enter and Space choose. `None`: the key is not the timeline's.
    pub fn key(&self, key: &str, shift: bool, focus: usize) -> Option<TimelineKey> {
        let last = self.bars.len().checked_sub(1)?;
        let focus = focus.min(last);
        let to = match key {
            "ArrowLeft" | "ArrowDown" => focus.saturating_sub(1),
            "ArrowRight" | "ArrowUp" => (focus + 1).min(last),
            "Home" => 0,
            "End" => last,
            "Enter" | " " | "Spacebar" => return Some(TimelineKey::Choose),
            _ => return None,
        };
        Some(if shift { TimelineKey::Extend(to) } else { TimelineKey::Focus(to) })
    }

    /// The timeline's name for screen readers: `Papers per month, Mar 2024 to Aug 2026`.
    pub fn label(&self) -> String {
        match (self.bars.first(), self.bars.last()) {
            (Some(a), Some(b)) if a == b => format!("Papers per {}, {}", self.unit.name(), a.label),
            (Some(a), Some(b)) => format!("Papers per {}, {} to {}", self.unit.name(), a.label, b.label),
            _ => "Papers over time".to_string(),
        }
    }

    /// The line under the bars: the bar pointed at or focused (`Mar 2024: 120 papers`),
    /// else the view's date range as it was chosen, with `matched`, the papers the view
    /// shows (`Mar 2024 – May 2024: 310 papers`, `Since Aug 19, 2026: 85 papers`: a range
    /// that cuts a bar counts only its part of it, as the results do), else the whole span.
    pub fn readout(&self, pointed: Option<usize>, matched: usize) -> String {
        if let Some(bar) = pointed.and_then(|k| self.bars.get(k)) {
            return bar.description();
        }
        let period = match self.range {
            (Some(a), Some(b)) if a == b => Some(a.display_long()),
            (Some(a), Some(b)) => Some(format!("{} – {}", a.display_long(), b.display_long())),
            (Some(a), None) => Some(format!("Since {}", a.display_long())),
            (None, Some(b)) => Some(format!("Until {}", b.display_long())),
            (None, None) => None,
        };
        if let Some(period) = period {
            return format!("{period}: {}", papers_count(matched));
        }
        self.span(0, self.bars.len().saturating_sub(1))
    }

    /// The line under the bars as it is now: while a drag runs across bars (`dragged`,
    /// the bar it started on and the bar it is over), the range it would choose; else
    /// [`readout`](Self::readout).
    pub fn live_readout(
        &self,
        pointed: Option<usize>,
        dragged: Option<(usize, usize)>,
        matched: usize,
    ) -> String {
        match dragged {
            Some((from, to)) if from != to => self.drag_readout(from, to),
            _ => self.readout(pointed, matched),
        }
    }

    /// The line under the bars while a drag runs from bar `from` to bar `to` (either way
    /// round): the range it would choose and its papers (`Mar 2025 – May 2026: 2,304
    /// papers`).
    pub fn drag_readout(&self, from: usize, to: usize) -> String {
        self.span(from.min(to), from.max(to).min(self.bars.len().saturating_sub(1)))
    }

    /// Bars `a` to `b` (`a <= b`) and their papers.
    fn span(&self, a: usize, b: usize) -> String {
        let (Some(first), Some(last)) = (self.bars.get(a), self.bars.get(b)) else {
            return "No dated papers".to_string();
        };
        let count: u32 = self.bars[a..=b].iter().map(|b| b.count).sum();
        let period = if a == b { first.label.clone() } else { format!("{} – {}", first.label, last.label) };
        format!("{period}: {}", papers_count(count as usize))
    }

    /// The note on papers left off: `12 undated papers, not drawn`, or `None`.
    pub fn undated_note(&self) -> Option<String> {
        match self.undated {
            0 => None,
            1 => Some("1 undated paper, not drawn".to_string()),
            n => Some(format!("{} undated papers, not drawn", thousands(n as usize))),
        }
    }
}
