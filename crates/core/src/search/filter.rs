//! Filters on dates, author counts, upvotes and what a paper has.

use super::flag_set::{Flag, FlagSet};
use crate::snapshot::date::PartialDate;
use crate::snapshot::kind::PaperKind;
use crate::snapshot::links::LinkKind;
use crate::snapshot::model::Paper;

/// An inclusive range of whole numbers, either end open: `N`, `N-M`, `N-`, `-M`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct CountRange {
    pub min: Option<u32>,
    pub max: Option<u32>,
}

impl CountRange {
    pub fn is_any(&self) -> bool {
        self.min.is_none() && self.max.is_none()
    }

    pub fn contains(&self, n: u32) -> bool {
        self.min.is_none_or(|m| n >= m) && self.max.is_none_or(|m| n <= m)
    }

    /// Parses `N`, `N-M`, `N-` or `-M` (N ≤ M).
    pub fn parse(s: &str) -> Option<Self> {
        let num = |t: &str| -> Option<Option<u32>> {
            if t.is_empty() {
                Some(None)
            } else if t.bytes().all(|b| b.is_ascii_digit()) {
                t.parse().ok().map(Some)
            } else {
                None
            }
        };
        let range = match s.split_once('-') {
            None => {
                let n = num(s)??;
                Self { min: Some(n), max: Some(n) }
            }
            Some((a, b)) => Self { min: num(a)?, max: num(b)? },
        };
        let ordered = match (range.min, range.max) {
            (Some(a), Some(b)) => a <= b,
            _ => true,
        };
        (!range.is_any() && ordered).then_some(range)
    }
}

impl CountRange {
    /// How a facet shows the range: `1`, `2–3`, `11+`, `≤4`.
    pub fn label(&self) -> String {
        match (self.min, self.max) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a}–{b}"),
            (Some(a), None) => format!("{a}+"),
            (None, Some(b)) => format!("≤{b}"),
            (None, None) => "any".to_string(),
        }
    }
}

impl std::fmt::Display for CountRange {
    /// The canonical form: `N` for a single value, else `N-M`, `N-` or `-M`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.min, self.max) {
            (Some(a), Some(b)) if a == b => write!(f, "{a}"),
            (a, b) => {
                if let Some(a) = a {
                    write!(f, "{a}")?;
                }
                write!(f, "-")?;
                if let Some(b) = b {
                    write!(f, "{b}")?;
                }
                Ok(())
            }
        }
    }
}

/// Something a paper can have, for the `has` filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Has {
    Code,
    Project,
    Pdf,
    Abstract,
}

impl Has {
    pub const ALL: [Has; 4] = [Has::Code, Has::Project, Has::Pdf, Has::Abstract];

    /// The value in the `has` URL parameter.
    pub fn name(self) -> &'static str {
        self.spelling().0
    }

    /// How the filter labels it.
    pub fn label(self) -> &'static str {
        self.spelling().1
    }

    pub fn from_name(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|h| h.name() == s)
    }

    fn spelling(self) -> (&'static str, &'static str) {
        match self {
            Has::Code => ("code", "Code"),
            Has::Project => ("project", "Project page"),
            Has::Pdf => ("pdf", "PDF"),
            Has::Abstract => ("abstract", "Abstract"),
        }
    }

    fn is_in(self, paper: &Paper) -> bool {
        match self {
            Has::Code => paper.links.get(LinkKind::Code).is_some(),
            Has::Project => paper.links.get(LinkKind::Project).is_some(),
            Has::Pdf => paper.links.get(LinkKind::Pdf).is_some(),
            Has::Abstract => paper.abstract_text.is_some(),
        }
    }
}

impl Flag for Has {
    const ALL: &'static [Self] = &Has::ALL;
    fn position(self) -> u8 {
        self as u8
    }
}

/// What the `has` filter asks for, or what a paper has.
pub type HasSet = FlagSet<Has>;

impl HasSet {
    /// What `paper` has.
    pub fn of(paper: &Paper) -> Self {
        Has::ALL.into_iter().filter(|h| h.is_in(paper)).collect()
    }
}

impl Flag for PaperKind {
    const ALL: &'static [Self] = &PaperKind::ALL;
    fn position(self) -> u8 {
        self as u8
    }
}

/// The kinds the `kind` filter lets through (any of them).
pub type KindSet = FlagSet<PaperKind>;

/// The start of a `from` bound's period, as a [`PartialDate::sort_key`].
pub fn from_key(d: PartialDate) -> u32 {
    d.sort_key()
}

/// The end of a `to` bound's period: `2024` ends on 2024-12-31, `2024-02` in February.
pub fn to_key(d: PartialDate) -> u32 {
    u32::from(d.year()) * 10_000 + u32::from(d.month().unwrap_or(12)) * 100 + u32::from(d.day().unwrap_or(31))
}

/// Author-count buckets for the facet: 1, 2–3, 4–6, 7–10, 11+.
pub const AUTHOR_BUCKETS: [CountRange; 5] = [
    CountRange { min: Some(1), max: Some(1) },
    CountRange { min: Some(2), max: Some(3) },
    CountRange { min: Some(4), max: Some(6) },
    CountRange { min: Some(7), max: Some(10) },
    CountRange { min: Some(11), max: None },
];

/// Date presets relative to the newest paper, so a shared view stays stable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatePreset {
    Last7Days,
    Last30Days,
    Last12Months,
}

impl DatePreset {
    /// The `from` bound of the preset, given the newest paper's date.
    pub fn from_bound(self, newest: PartialDate) -> PartialDate {
        let days = newest.day_number();
        let start = match self {
            DatePreset::Last7Days => days - 6,
            DatePreset::Last30Days => days - 29,
            DatePreset::Last12Months => days - 364,
        };
        PartialDate::from_day_number(start).unwrap_or(newest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_ranges() {
        let r = |min, max| Some(CountRange { min, max });
        for (input, expect) in [
            ("3", r(Some(3), Some(3))),
            ("2-5", r(Some(2), Some(5))),
            ("11-", r(Some(11), None)),
            ("-4", r(None, Some(4))),
            ("5-2", None),
            ("-", None),
            ("", None),
            ("x", None),
            ("1-2-3", None),
            ("+3", None),
            ("99999999999", None),
        ] {
            assert_eq!(CountRange::parse(input), expect, "input {input:?}");
            if let Some(range) = expect {
                assert_eq!(CountRange::parse(&range.to_string()), Some(range), "round trip");
            }
        }
        assert!(CountRange::parse("2-5").unwrap().contains(5));
        let labels: Vec<_> = AUTHOR_BUCKETS.iter().map(CountRange::label).collect();
        assert_eq!(labels, ["1", "2–3", "4–6", "7–10", "11+"]);
        assert_eq!(CountRange::parse("-4").unwrap().label(), "≤4");
        assert!(!CountRange::parse("2-5").unwrap().contains(6));
    }

    #[test]
    fn date_bounds_cover_their_whole_period() {
        let d = |s| PartialDate::parse(s).unwrap();
        assert_eq!(from_key(d("2024")), 20240101);
        assert_eq!(to_key(d("2024")), 20241231);
        assert_eq!(to_key(d("2024-02")), 20240231);
        assert!(to_key(d("2024-02")) >= d("2024-02-29").sort_key());
        assert_eq!(to_key(d("2024-02-10")), 20240210);
    }

    #[test]
    fn presets_count_back_from_the_newest_paper() {
        let newest = PartialDate::parse("2025-03-05").unwrap();
        assert_eq!(DatePreset::Last7Days.from_bound(newest).to_string(), "2025-02-27");
        assert_eq!(DatePreset::Last30Days.from_bound(newest).to_string(), "2025-02-04");
        assert_eq!(DatePreset::Last12Months.from_bound(newest).to_string(), "2024-03-06");
        let leap = PartialDate::parse("2024-03-01").unwrap();
        assert_eq!(DatePreset::Last7Days.from_bound(leap).to_string(), "2024-02-24");
    }
}
