//! Dates of year, month or day precision, as papers are dated in the wild.

use std::fmt;

/// A calendar date known to a year, a month or a day, or not known at all
/// ([`PartialDate::UNKNOWN`], an undated paper). It keeps its precision: it displays and
/// serializes as written, and sorts and filters as the first day of its period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    /// 1000–9999, or 0 for an unknown date.
    year: u16,
    /// 1–12, or 0 when only the year is known.
    month: u8,
    /// 1–31, or 0 when the day is not known.
    day: u8,
}

const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

impl PartialDate {
    /// The date of an undated paper: it sorts last in both date orders, matches no date
    /// filter, displays as "Undated" and is left out of a snapshot.
    pub const UNKNOWN: Self = Self { year: 0, month: 0, day: 0 };

    /// False for [`PartialDate::UNKNOWN`].
    pub fn is_known(self) -> bool {
        self.year != 0
    }

    /// A full date, if it exists in the calendar.
    pub fn ymd(year: u16, month: u8, day: u8) -> Option<Self> {
        (Self::valid_year(year) && (1..=12).contains(&month) && day >= 1)
            .then_some(())
            .filter(|_| day <= days_in_month(year, month))
            .map(|_| Self { year, month, day })
    }

    /// A date known to the month.
    pub fn ym(year: u16, month: u8) -> Option<Self> {
        (Self::valid_year(year) && (1..=12).contains(&month)).then_some(Self { year, month, day: 0 })
    }

    /// A date known to the year.
    pub fn y(year: u16) -> Option<Self> {
        Self::valid_year(year).then_some(Self { year, month: 0, day: 0 })
    }

    fn valid_year(year: u16) -> bool {
        (1000..=9999).contains(&year)
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, nothing else.
    pub fn parse(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| -> Option<u16> {
            let part = b.get(r)?;
            part.iter()
                .all(u8::is_ascii_digit)
                .then(|| part.iter().fold(0u16, |n, d| n * 10 + u16::from(d - b'0')))
        };
        match b.len() {
            4 => Self::y(digits(0..4)?),
            7 if b[4] == b'-' => Self::ym(digits(0..4)?, digits(5..7)? as u8),
            10 if b[4] == b'-' && b[7] == b'-' => {
                Self::ymd(digits(0..4)?, digits(5..7)? as u8, digits(8..10)? as u8)
            }
            _ => None,
        }
    }

    pub fn year(self) -> u16 {
        self.year
    }

    /// The month (1–12), if known.
    pub fn month(self) -> Option<u8> {
        (self.month != 0).then_some(self.month)
    }

    /// The day of the month, if known.
    pub fn day(self) -> Option<u8> {
        (self.day != 0).then_some(self.day)
    }

    /// A number that orders dates by the first day of their period: `YYYYMMDD`, and 0 for
    /// an unknown date.
    pub fn sort_key(self) -> u32 {
        if !self.is_known() {
            return 0;
        }
        u32::from(self.year) * 10_000 + u32::from(self.month.max(1)) * 100 + u32::from(self.day.max(1))
    }

    /// The date as people read it: `Jun 28, 2024`, `Jun 2024`, `2024` or `Undated`.
    pub fn display_long(self) -> String {
        if !self.is_known() {
            return "Undated".to_string();
        }
        match (self.month(), self.day()) {
            (Some(m), Some(d)) => format!("{} {}, {}", MONTHS[usize::from(m - 1)], d, self.year),
            (Some(m), None) => format!("{} {}", MONTHS[usize::from(m - 1)], self.year),
            _ => self.year.to_string(),
        }
    }

    /// The month number for an English three-letter abbreviation such as `Jun`.
    pub fn month_from_abbrev(s: &str) -> Option<u8> {
        MONTHS.iter().position(|m| m.eq_ignore_ascii_case(s)).map(|i| i as u8 + 1)
    }
}

impl fmt::Display for PartialDate {
    /// The date as written in a snapshot: `2024-06-28`, `2024-06` or `2024`; an unknown
    /// date writes nothing (a snapshot leaves `published` out).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.is_known() {
            return Ok(());
        }
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month() {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day() {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl PartialDate {
    /// Days since 1970-01-01 of the first day of the date's period (`2024-06` is
    /// 2024-06-01); what date arithmetic (presets, `paperdeck update`'s days) counts in.
    pub fn day_number(self) -> i64 {
        days_from_civil(self.year(), self.month().unwrap_or(1), self.day().unwrap_or(1))
    }

    /// The day `days` after 1970-01-01, or `None` outside the years a date can have.
    pub fn from_day_number(days: i64) -> Option<Self> {
        let (y, m, d) = civil_from_days(days)?;
        PartialDate::ymd(y, m, d)
    }
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
fn days_from_civil(y: u16, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> Option<(u16, u8, u8)> {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = u16::try_from(yoe + era * 400 + i64::from(m <= 2)).ok()?;
    Some((y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: Option<(&str, &str, u32)>) {
        let got = PartialDate::parse(input).map(|d| (d.to_string(), d.display_long(), d.sort_key()));
        let expect = expect.map(|(s, l, k)| (s.to_string(), l.to_string(), k));
        assert_eq!(got, expect, "input {input:?}");
    }

    #[test]
    fn parses_each_precision_and_keeps_it() {
        check("2024-06-28", Some(("2024-06-28", "Jun 28, 2024", 20240628)));
        check("2024-06", Some(("2024-06", "Jun 2024", 20240601)));
        check("2024", Some(("2024", "2024", 20240101)));
        check("2024-02-29", Some(("2024-02-29", "Feb 29, 2024", 20240229)));
    }

    #[test]
    fn an_unknown_date_sorts_below_every_date_and_reads_undated() {
        let unknown = PartialDate::UNKNOWN;
        assert!(!unknown.is_known());
        assert!(PartialDate::y(1000).unwrap().is_known());
        assert_eq!(
            (unknown.to_string(), unknown.display_long(), unknown.sort_key()),
            (String::new(), "Undated".into(), 0)
        );
        assert!(unknown.sort_key() < PartialDate::y(1000).unwrap().sort_key());
        assert_eq!(PartialDate::parse("0000"), None, "no text parses to the unknown date");
    }

    #[test]
    fn rejects_what_is_not_a_calendar_date() {
        for bad in [
            "",
            "24",
            "2024-6-28",
            "2024/06/28",
            "2024-13",
            "2024-00",
            "2023-02-29",
            "2024-04-31",
            "2024-06-00",
            "0999",
            "2024-06-28T00:00",
            " 2024",
            "２０２４",
        ] {
            check(bad, None);
        }
    }

    #[test]
    fn partial_dates_sort_as_the_first_day_of_their_period() {
        let d = |s| PartialDate::parse(s).unwrap().sort_key();
        assert!(d("2024") < d("2024-01-02"));
        assert_eq!(d("2024"), d("2024-01-01"));
        assert_eq!(d("2024-06"), d("2024-06-01"));
        assert!(d("2024-06") < d("2024-06-02"));
    }

    #[test]
    fn month_abbreviations() {
        assert_eq!(PartialDate::month_from_abbrev("Jun"), Some(6));
        assert_eq!(PartialDate::month_from_abbrev("dec"), Some(12));
        assert_eq!(PartialDate::month_from_abbrev("June"), None);
    }
}
