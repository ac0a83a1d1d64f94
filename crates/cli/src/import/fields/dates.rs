//! Dates as sources write them, shared by the importers: ISO prefixes of timestamps,
//! years inside text, month names and numbers, and the looser forms of spreadsheets.

use paperdeck_core::PartialDate;

/// The longest ISO date at the start of `s`: `2024-06-28T10:00Z` → `2024-06-28`,
/// `2024-06` → `2024-06`, `2024` → `2024`.
pub fn iso_prefix(s: &str) -> Option<PartialDate> {
    [10, 7, 4].iter().find_map(|&n| s.get(..n).and_then(PartialDate::parse))
}

/// The first run of exactly four digits in `s`: `{2023}`, `2023a`, `circa 1999`.
pub fn year_in(s: &str) -> Option<u16> {
    let bytes = s.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|i| {
        let run = &bytes[i..i + 4];
        let boundary = i == 0 || !bytes[i - 1].is_ascii_digit();
        let ends = bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit());
        (boundary && ends && run.iter().all(u8::is_ascii_digit)).then(|| s[i..i + 4].parse().ok())?
    })
}

/// The month of `nov`, `November`, `{06}`, `6`, `{Sep}` or `{04--06 Jun}` (a month name
/// wins over numbers, which may be days).
pub fn month_number(s: &str) -> Option<u8> {
    let words: Vec<&str> = s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let by_name = words.iter().find_map(|w| {
        let lower = w.to_lowercase();
        (lower.len() >= 3)
            .then(|| PartialDate::month_from_abbrev(&lower[..3]))
            .flatten()
            .filter(|_| MONTH_NAMES.iter().any(|m| m.starts_with(&lower)))
    });
    by_name.or_else(|| match words.as_slice() {
        [n] => n.parse().ok().filter(|m| (1..=12).contains(m)),
        _ => None,
    })
}

const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

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

    #[test]
    fn years_inside_text() {
        assert_eq!(year_in("{2023}"), Some(2023));
        assert_eq!(year_in("2023a"), Some(2023));
        assert_eq!(year_in("12345"), None);
        assert_eq!(year_in("in press"), None);
        assert_eq!(iso_prefix("2024-06-28T10:00:00Z").map(|d| d.to_string()).as_deref(), Some("2024-06-28"));
    }
}
