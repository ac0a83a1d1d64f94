//! The Hugging Face papers page, saved as text (`--from hf-page`).
//!
//! Each card is a title line, an abstract line, `• N authors`, `·`, and a date line:
//! `Jun 28, 2024`, `Apr 29, 2024 1` (a trailing number is the upvote count), or `Sep 8` and
//! `Oct 28 1` (no year: the page's year, which the caller must supply). Blank lines are
//! ignored. Lines before the first card are page chrome; a date among them is the day the
//! page was saved and becomes the snapshot's `generated`. A title and abstract without the
//! author and date lines (the page truncates some cards) cannot be a paper: it is reported
//! as skipped, never dropped silently.
//!
//! Papers are given no `kind` (though they are preprints): this reader makes the bundled
//! seed snapshot (`make seed`), which stays byte for byte as it was before kinds existed.

use paperdeck_core::{Paper, PartialDate};

use crate::import::fields::abstract_links::links_from_abstract;
use crate::import::parsed::{ImportError, Location, Parsed, Record, Skipped};

struct Line<'a> {
    number: usize,
    text: &'a str,
}

/// Reads a saved Hugging Face papers page. `year` is the year of dates written without
/// one (the year the page was saved). Papers get their ids from their titles.
pub fn parse(text: &str, year: Option<u16>) -> Result<Parsed, ImportError> {
    let lines: Vec<Line> = text
        .lines()
        .enumerate()
        .map(|(i, l)| Line { number: i + 1, text: l.trim() })
        .filter(|l| !l.text.is_empty())
        .collect();
    let mut papers = Vec::new();
    let mut skipped = Vec::new();
    let mut generated = None;
    // Index of the first line not yet part of a card.
    let mut next = 0;
    let mut k = 0;
    while k < lines.len() {
        let Some(author_count) = author_count_line(lines[k].text) else {
            k += 1;
            continue;
        };
        let authors_line = lines[k].number;
        let texts = &lines[next..k];
        let (title, abstract_text) = match texts {
            [] => return Err(err(authors_line, "an author count with no title before it")),
            [title] => (title, None),
            [.., title, abstract_text] => (title, Some(abstract_text)),
        };
        let leftover = &texts[..texts.len() - 1 - usize::from(abstract_text.is_some())];
        if next == 0 {
            generated = leftover.iter().rev().find_map(|l| hf_date(l.text, year).ok()).map(|(d, _)| d);
        } else if let Some(first) = leftover.first() {
            skipped.push(incomplete_card(first, leftover));
        }
        let separator = lines.get(k + 1).filter(|l| l.text == "·");
        let date_line = lines.get(k + 2).filter(|_| separator.is_some()).ok_or_else(|| {
            err(authors_line, "expected a line \"·\" and then a date line after the author count")
        })?;
        let (published, upvotes) = hf_date(date_line.text, year).map_err(|m| err(date_line.number, &m))?;
        let mut paper = Paper::new("", title.text, author_count, published);
        paper.upvotes = upvotes;
        if let Some(a) = abstract_text {
            paper.links = links_from_abstract(a.text);
            paper.abstract_text = Some(a.text.to_string());
        }
        papers.push(Record { at: Location::Line(title.number), paper });
        next = k + 3;
        k = next;
    }
    if papers.is_empty() {
        return Err(err(1, "no paper cards found (a card has a line like \"• 8 authors\")"));
    }
    if let Some(first) = lines.get(next) {
        skipped.push(incomplete_card(first, &lines[next..]));
    }
    Ok(Parsed { records: papers, skipped, notes: Vec::new(), generated, ..Parsed::default() })
}

fn err(line: usize, message: &str) -> ImportError {
    ImportError { line, column: None, message: message.to_string() }
}

fn incomplete_card(first: &Line, lines: &[Line]) -> Skipped {
    let mut title: String = first.text.chars().take(80).collect();
    if title.len() < first.text.len() {
        title.push('…');
    }
    Skipped {
        at: Location::Line(first.number),
        reason: format!(
            "{} line(s) starting \"{title}\" have no author count and date after them, so they are not a complete paper card",
            lines.len()
        ),
    }
}

/// `• 8 authors` or `• 1 author` → the count.
fn author_count_line(line: &str) -> Option<u32> {
    let rest = line.strip_prefix('•')?.trim_start();
    let (count, word) = rest.split_once(' ')?;
    matches!(word.trim(), "authors" | "author").then_some(())?;
    count.parse().ok()
}

/// `Jun 28, 2024`, `Apr 29, 2024 1`, `Sep 8`, `Oct 28 1` → the date and upvotes.
fn hf_date(line: &str, page_year: Option<u16>) -> Result<(PartialDate, u32), String> {
    let bad = || format!("{line:?} is not a date like \"Jun 28, 2024\", \"Jun 28, 2024 5\" or \"Sep 8\"");
    let mut words = line.split_whitespace();
    let month = words.next().and_then(PartialDate::month_from_abbrev).ok_or_else(bad)?;
    let day_word = words.next().ok_or_else(bad)?;
    let (day, has_year) = match day_word.strip_suffix(',') {
        Some(d) => (d, true),
        None => (day_word, false),
    };
    let day: u8 = day.parse().map_err(|_| bad())?;
    let year = if has_year {
        words.next().and_then(|y| y.parse().ok()).ok_or_else(bad)?
    } else {
        page_year.ok_or_else(|| {
            format!("the date {line:?} has no year; pass --year with the year the page was saved")
        })?
    };
    let upvotes = match words.next() {
        None => 0,
        Some(n) => n.parse().map_err(|_| bad())?,
    };
    if words.next().is_some() {
        return Err(bad());
    }
    let date =
        PartialDate::ymd(year, month, day).ok_or_else(|| format!("{line:?} is not a calendar date"))?;
    Ok((date, upvotes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(line: &str, year: Option<u16>) -> Result<(String, u32), String> {
        hf_date(line, year).map(|(d, u)| (d.to_string(), u))
    }

    #[test]
    fn each_date_form_of_the_page() {
        assert_eq!(date("Jun 28, 2024", None), Ok(("2024-06-28".into(), 0)));
        assert_eq!(date("Apr 29, 2024 1", None), Ok(("2024-04-29".into(), 1)));
        assert_eq!(date("Apr 22, 2024 14", Some(2025)), Ok(("2024-04-22".into(), 14)));
        assert_eq!(date("Sep 8", Some(2025)), Ok(("2025-09-08".into(), 0)));
        assert_eq!(date("Oct 28 1", Some(2025)), Ok(("2025-10-28".into(), 1)));
    }

    #[test]
    fn a_date_without_a_year_needs_the_page_year() {
        let e = date("Sep 8", None).unwrap_err();
        assert!(e.contains("has no year") && e.contains("--year"), "{e}");
    }

    #[test]
    fn malformed_dates_are_refused() {
        for bad in [
            "June 28, 2024",
            "Jun 31, 2024",
            "Jun x, 2024",
            "Jun 28, 2024 many",
            "Jun 28, 2024 1 2",
            "Jun",
            "",
        ] {
            assert!(date(bad, Some(2025)).is_err(), "{bad}");
        }
    }

    #[test]
    fn author_count_lines() {
        assert_eq!(author_count_line("• 8 authors"), Some(8));
        assert_eq!(author_count_line("• 1 authors"), Some(1));
        assert_eq!(author_count_line("• 1 author"), Some(1));
        assert_eq!(author_count_line("8 authors"), None);
        assert_eq!(author_count_line("• many authors"), None);
    }

    const PAGE: &str = "Daily Papers\n\nNov 7\n\nFirst Title\n\nFirst abstract, code at github.com/a/b.\n\n  • 8 authors\n·\nJun 28, 2024 3\n\nTruncated Title\n\nTruncated abstract\n\nSecond: Title\n\nSecond abstract\n\n  • 2 authors\n·\nSep 8\n\nFirst Title\n\nA repeat\n  • 1 authors\n·\nJan 2, 2023\n";

    #[test]
    fn imports_cards_and_reports_incomplete_ones() {
        let parsed = parse(PAGE, Some(2025)).unwrap();
        assert_eq!(
            crate::import::test_render::parsed(&parsed),
            r#"line 5: "First Title" 2024-06-28
  authors 8 []
  abstract "First abstract, code at github.com/a/b."
  upvotes 3
  code https://github.com/a/b
line 17: "Second: Title" 2025-09-08
  authors 2 []
  abstract "Second abstract"
line 25: "First Title" 2023-01-02
  authors 1 []
  abstract "A repeat"
skipped line 13: 2 line(s) starting "Truncated Title" have no author count and date after them, so they are not a complete paper card
generated 2025-11-07
"#
        );
    }

    #[test]
    fn a_year_less_date_without_year_names_its_line() {
        let e = parse(PAGE, None).unwrap_err();
        assert_eq!(e.line, 23);
        assert!(e.message.contains("\"Sep 8\" has no year"), "{e}");
    }

    #[test]
    fn broken_structure_names_the_line() {
        let e = parse("Title\nAbstract\n• 3 authors\nJun 28, 2024\n", None).unwrap_err();
        assert_eq!(e.line, 3);
        let e = parse("• 3 authors\n·\nJun 28, 2024\n", None).unwrap_err();
        assert_eq!(e.line, 1);
        let e = parse("just some text\n", None).unwrap_err();
        assert!(e.message.contains("no paper cards"));
    }
}
