//! Dates as sources write them, shared by the importers: ISO prefixes of timestamps,
//! years inside text, month names and numbers, and the looser forms of spreadsheets.

use paperdeck_core::PartialDate;

use crate::import::fields::month_names::month_of_name;

/// The longest ISO date at the start of `s`: `2024-06-28T10:00Z` → `2024-06-28`,
/// `2024-06` → `2024-06`, `2024` → `2024`.
pub fn iso_prefix(s: &str) -> Option<PartialDate> {
    [10, 7, 4].iter().find_map(|&n| s.get(..n).and_then(PartialDate::parse))
}

/// The first run of exactly four digits in `s`: `{2023}`, `2023a`, `circa 1999`.
pub fn year_in(s: &str) -> Option<u16> {
    s.split(|c: char| !c.is_ascii_digit()).find(|run| run.len() == 4).and_then(|run| run.parse().ok())
}

/// The month of `nov`, `November`, `{06}`, `6`, `{Sep}`, `{04--06 Jun}`, `août`, `Mär.`
/// or `марта` (a month name, in any language [`month_of_name`] reads, wins over numbers,
/// which may be days).
pub fn month_number(s: &str) -> Option<u8> {
    let words: Vec<&str> = s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let by_name = words.iter().find_map(|w| month_of_name(w));
    by_name.or_else(|| match words.as_slice() {
        [n] => n.parse().ok().filter(|m| (1..=12).contains(m)),
        _ => None,
    })
}

/// A date as spreadsheets write it: `2024-06-28` (and the first ten characters of a
/// timestamp), `2024-06`, `2024`, `2024/06/28`, `2024.06`, `June 2024`, `28 Jun 2024`.
pub fn loose_date(s: &str) -> Option<PartialDate> {
    let iso = s.trim().replace(['/', '.'], "-");
    if let Some(d) = iso_prefix(&iso) {
        return Some(d);
    }
    let words: Vec<&str> = s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let year =
        words.iter().find(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))?.parse::<u16>().ok()?;
    let month = words.iter().find_map(|w| (w.parse::<u16>().is_err()).then(|| month_number(w)).flatten());
    let day =
        words.iter().find_map(|w| w.parse::<u8>().ok().filter(|d| (1..=31).contains(d) && w.len() <= 2));
    match (month, day) {
        (Some(m), Some(d)) => PartialDate::ymd(year, m, d).or_else(|| PartialDate::ym(year, m)),
        (Some(m), None) => PartialDate::ym(year, m),
        _ => PartialDate::y(year),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_as_files_write_them() {
        for (s, m) in
            [("nov", 11), ("November", 11), ("06", 6), ("6", 6), ("Sep", 9), ("04–06 Jun", 6), ("sept.", 9)]
        {
            assert_eq!(month_number(s), Some(m), "{s}");
        }
        for s in ["", "13", "04–06", "Spring", "mayday"] {
            assert_eq!(month_number(s), None, "{s}");
        }
    }

    #[test]
    fn dates_as_spreadsheets_write_them() {
        for (s, d) in [
            ("2024-06-28", "2024-06-28"),
            ("2024-06-28T10:00:00Z", "2024-06-28"),
            ("2024/06/28", "2024-06-28"),
            ("2024.06", "2024-06"),
            ("2024", "2024"),
            ("June 2024", "2024-06"),
            ("28 Jun 2024", "2024-06-28"),
            ("Spring 2024", "2024"),
        ] {
            assert_eq!(loose_date(s).map(|d| d.to_string()).as_deref(), Some(d), "{s}");
        }
        assert_eq!(loose_date("soon"), None);
    }

    /// A month name slicing bug made `août` panic; every language's names are read.
    #[test]
    fn non_english_month_names_never_panic_and_give_the_month() {
        for (s, d) in [
            ("1 août 2021", "2021-08-01"),
            ("1er févr. 2021", "2021-02"),
            ("15 Fevrier 2020", "2020-02-15"),
            ("décembre 2019", "2019-12"),
            ("3. März 2022", "2022-03-03"),
            ("Mär. 2022", "2022-03"),
            ("Maerz 2022", "2022-03"),
            ("Jänner 2023", "2023-01"),
            ("12 Okt. 2018", "2018-10-12"),
            ("5 de septiembre de 2019", "2019-09-05"),
            ("ago. 2020", "2020-08"),
            ("7 giugno 2017", "2017-06-07"),
            ("dic 2016", "2016-12"),
            ("10 de março de 2015", "2015-03-10"),
            ("outubro 2014", "2014-10"),
            ("1 mrt 2013", "2013-03-01"),
            ("mei 2012", "2012-05"),
            ("1 maj 2011", "2011-05-01"),
            ("21 października 2010", "2010-10-21"),
            ("marzec 2009", "2009-03"),
            ("март 2021", "2021-03"),
            ("1 марта 2021", "2021-03-01"),
            ("сент. 2008", "2008-09"),
            ("20 травня 2007", "2007-05-20"),
            ("juin 2006", "2006-06"),
            ("JUIL. 2006", "2006-07"),
            ("jui 2006", "2006"),
        ] {
            assert_eq!(loose_date(s).map(|d| d.to_string()).as_deref(), Some(d), "{s}");
        }
        for (s, m) in [("{août}", 8), ("févr.", 2), ("{Mär}", 3), ("марта", 3), ("{04--06 juin}", 6)]
        {
            assert_eq!(month_number(s), Some(m), "{s}");
        }
    }

    #[test]
    fn years_inside_text() {
        assert_eq!(year_in("{2023}"), Some(2023));
        assert_eq!(year_in("2023a"), Some(2023));
        assert_eq!(year_in("12345"), None);
        assert_eq!(year_in("in press"), None);
        assert_eq!(iso_prefix("2024-06-28T10:00:00Z").map(|d| d.to_string()).as_deref(), Some("2024-06-28"));
    }
}
