//! How papers read on a card, decided once here rather than in the UI.

use std::ops::Range;

use crate::search::field::Field;
use crate::search::highlight::{match_ranges, Terms};
use crate::search::query::Query;
use crate::snapshot::model::Paper;
use crate::view::labels::plural;

/// One name on a card's authors line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownAuthor<'a> {
    pub name: &'a str,
    /// One of the snapshot's `highlight_authors`: shown in bold.
    pub member: bool,
    /// One of the people the view's `author` filter chooses: marked, as a search's words
    /// are.
    pub chosen: bool,
    /// Listed names were left out just before this one ("A, B, C, …, Member").
    pub after_gap: bool,
    /// Byte ranges of the name that the query's words match, to mark as a title's are.
    pub marks: Vec<Range<usize>>,
}

/// What a query marks on a paper's listed authors: each author with a word the query's
/// words match (its place in the list and the byte ranges), and whether it is sought,
/// which shows the name on the card however far down the list it is: a term that searches
/// authors alone (`author:hu`) matched it, or any term matched whole words of it (`truhn`
/// typed in full, not yet `tru`, so a line does not grow with every letter typed). Empty
/// for most papers and queries, so a card's authors line, which follows it, changes only
/// when its marks do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuthorMarks(Vec<AuthorMark>);

#[derive(Clone, Debug, PartialEq, Eq)]
struct AuthorMark {
    position: usize,
    ranges: Vec<Range<usize>>,
    sought: bool,
}

impl AuthorMarks {
    pub fn of(paper: &Paper, query: &Query) -> Self {
        let names = match paper.authors.as_deref() {
            Some(names) if query.positive().any(|t| t.fields.contains(Field::Authors)) => names,
            _ => return Self::default(),
        };
        Self(
            names
                .iter()
                .enumerate()
                .filter_map(|(position, name)| {
                    let ranges = match_ranges(name, query, Field::Authors, Terms::Searching);
                    let matches = |which| !match_ranges(name, query, Field::Authors, which).is_empty();
                    (!ranges.is_empty()).then(|| AuthorMark {
                        position,
                        sought: matches(Terms::Alone) || matches(Terms::WholeWords),
                        ranges,
                    })
                })
                .collect(),
        )
    }

    /// The mark of the author at `position` (the marks are in the list's order).
    fn at(&self, position: usize) -> Option<&AuthorMark> {
        self.0.binary_search_by_key(&position, |m| m.position).ok().map(|i| &self.0[i])
    }
}

/// The authors line of a card: the first few names and how many more there are, or only
/// a count when the source gave no names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AuthorsLine<'a> {
    /// Names shown, the number of further listed authors ("+N"), and whether the list
    /// itself is incomplete ("et al.").
    Names { shown: Vec<ShownAuthor<'a>>, more: u32, incomplete: bool },
    /// "8 authors", "1 author".
    Count(u32),
}

impl<'a> AuthorsLine<'a> {
    /// At most `max_names` names, then "+N", then "et al." for an incomplete list. A
    /// member (`is_member`) is always shown, even past `max_names`, so a lab's page never
    /// hides its own people in a long list; so is a person the view chooses (`is_chosen`),
    /// so that a list filtered by a name shows that name on every card, and one an
    /// `author:` search matched (`marks`), so a card shows why it matched.
    pub fn of(
        paper: &'a Paper,
        max_names: usize,
        is_member: impl Fn(&str) -> bool,
        is_chosen: impl Fn(&str) -> bool,
        marks: &AuthorMarks,
    ) -> Self {
        match paper.authors.as_deref() {
            Some(names) if !names.is_empty() => {
                let mut shown = Vec::new();
                let mut gap = false;
                for (i, name) in names.iter().enumerate() {
                    let (member, chosen, mark) = (is_member(name), is_chosen(name), marks.at(i));
                    if i < max_names || member || chosen || mark.is_some_and(|m| m.sought) {
                        let marks = mark.map(|m| m.ranges.clone()).unwrap_or_default();
                        shown.push(ShownAuthor { name, member, chosen, after_gap: gap, marks });
                        gap = false;
                    } else {
                        gap = true;
                    }
                }
                let more = paper.author_count.saturating_sub(shown.len() as u32);
                Self::Names { shown, more, incomplete: paper.authors_incomplete }
            }
            _ => Self::Count(paper.author_count),
        }
    }

    /// The line as plain text: `A, B, C +2`, `A, B, …, M +3`, `A, B et al.` or `8 authors`.
    pub fn text(&self) -> String {
        match self {
            Self::Names { shown, more, incomplete } => {
                let mut out = String::new();
                for (i, a) in shown.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    if a.after_gap {
                        out.push_str("…, ");
                    }
                    out.push_str(a.name);
                }
                if *more > 0 {
                    out.push_str(&format!(" +{more}"));
                }
                if *incomplete {
                    out.push_str(" et al.");
                }
                out
            }
            Self::Count(n) => count_label(*n),
        }
    }
}

/// Every listed author, with "et al." after an incomplete list; `None` without names.
pub fn all_authors(paper: &Paper) -> Option<String> {
    let names = paper.authors.as_deref().filter(|n| !n.is_empty())?;
    let list = names.join(", ");
    Some(if paper.authors_incomplete { format!("{list}, et al.") } else { list })
}

/// `1 author`, `8 authors`.
pub fn count_label(n: u32) -> String {
    format!("{n} {}", plural(n as usize, "author", "authors"))
}

/// A card's venue line: the short venue (a badge), and the full venue when it says more
/// than the badge.
pub fn venue_parts(paper: &Paper) -> (Option<&str>, Option<&str>) {
    let short = paper.venue_short.as_deref();
    let full = paper.venue.as_deref().filter(|v| Some(*v) != short);
    (short, full)
}

/// A card's citation count: `1 citation`, `1,204 citations`, `0 citations`.
pub fn citations_label(n: u32) -> String {
    format!("{} {}", crate::view::labels::thousands(n as usize), plural(n as usize, "citation", "citations"))
}

/// The word after a card's upvote count, for screen readers: `upvote`, `upvotes`.
pub fn upvotes_unit(n: u32) -> &'static str {
    plural(n as usize, "upvote", "upvotes")
}

/// Abstracts longer than this many characters are clamped on a card, with a toggle.
pub const ABSTRACT_CLAMP_CHARS: usize = 280;

/// True when a card should clamp this abstract and offer "Show more".
pub fn abstract_needs_toggle(text: &str) -> bool {
    text.chars().count() > ABSTRACT_CLAMP_CHARS
}

/// Characters of a clamped abstract that are rendered: more than three lines hold on the
/// widest card, far fewer than a whole abstract, so collapsed cards stay cheap to create
/// and lay out.
pub const ABSTRACT_PREVIEW_CHARS: usize = 480;

/// The start of a long abstract, cut at a word boundary, for a clamped card.
pub fn abstract_preview(text: &str) -> &str {
    match text.char_indices().nth(ABSTRACT_PREVIEW_CHARS) {
        None => text,
        Some((cut, _)) => {
            let head = &text[..cut];
            head.rfind(char::is_whitespace).map_or(head, |i| &head[..i])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PartialDate;

    const NONE: AuthorMarks = AuthorMarks(Vec::new());

    fn paper(authors: Option<&[&str]>, count: u32) -> Paper {
        let mut p = Paper::new("x", "X", count, PartialDate::y(2024).unwrap());
        p.authors = authors.map(|a| a.iter().map(|s| s.to_string()).collect());
        p
    }

    #[test]
    fn authors_collapse_after_three() {
        let cases: [(Option<&[&str]>, u32, &str); 5] = [
            (Some(&["A", "B"]), 2, "A, B"),
            (Some(&["A", "B", "C"]), 3, "A, B, C"),
            (Some(&["A", "B", "C", "D", "E"]), 5, "A, B, C +2"),
            (None, 8, "8 authors"),
            (None, 1, "1 author"),
        ];
        for (names, count, expect) in cases {
            assert_eq!(AuthorsLine::of(&paper(names, count), 3, |_| false, |_| false, &NONE).text(), expect);
        }
    }

    #[test]
    fn an_incomplete_list_ends_in_et_al() {
        let mut p = paper(Some(&["A", "B", "C", "D"]), 4);
        p.authors_incomplete = true;
        assert_eq!(AuthorsLine::of(&p, 3, |_| false, |_| false, &NONE).text(), "A, B, C +1 et al.");
        assert_eq!(AuthorsLine::of(&p, 5, |_| false, |_| false, &NONE).text(), "A, B, C, D et al.");
        assert_eq!(all_authors(&p).as_deref(), Some("A, B, C, D, et al."));
        assert_eq!(p.min_authors(), 5);
        p.authors_incomplete = false;
        assert_eq!(all_authors(&p).as_deref(), Some("A, B, C, D"));
        assert_eq!(all_authors(&paper(None, 3)), None);
    }

    #[test]
    fn members_stay_visible_in_a_shortened_list() {
        let names: &[&str] = &["A", "B", "C", "D", "M", "E", "N"];
        let p = paper(Some(names), 7);
        let member = |n: &str| n == "M" || n == "N" || n == "B";
        let line = AuthorsLine::of(&p, 3, member, |_| false, &NONE);
        assert_eq!(line.text(), "A, B, C, …, M, …, N +2");
        let AuthorsLine::Names { shown, .. } = &line else { panic!("names") };
        let bold: Vec<_> = shown.iter().filter(|a| a.member).map(|a| a.name).collect();
        assert_eq!(bold, ["B", "M", "N"]);
        assert_eq!(
            AuthorsLine::of(&p, 1, |n| n == "A", |_| false, &NONE).text(),
            "A +6",
            "a member among the first names"
        );
        assert_eq!(AuthorsLine::of(&p, 7, member, |_| false, &NONE).text(), "A, B, C, D, M, E, N");
    }

    #[test]
    fn a_chosen_person_stays_visible_and_is_marked() {
        let names: &[&str] = &["A", "B", "C", "D", "L", "E"];
        let p = paper(Some(names), 6);
        let line = AuthorsLine::of(&p, 2, |n| n == "B", |n| n == "L", &NONE);
        assert_eq!(line.text(), "A, B, …, L +3");
        let AuthorsLine::Names { shown, .. } = &line else { panic!("names") };
        let marked: Vec<_> = shown.iter().map(|a| (a.name, a.member, a.chosen)).collect();
        assert_eq!(marked, [("A", false, false), ("B", true, false), ("L", false, true)]);
        // Among the first names it is marked where it is.
        assert_eq!(AuthorsLine::of(&p, 2, |_| false, |n| n == "A", &NONE).text(), "A, B +4");
    }

    #[test]
    fn a_search_marks_the_authors_it_matched_and_an_author_search_shows_them() {
        let names: &[&str] = &["Ada Lovelace", "Bo Hu", "Cy Young", "Di Huang", "Ed Hume"];
        let p = paper(Some(names), 5);
        let line = |q: &str, max: usize| {
            let marks = AuthorMarks::of(&p, &Query::parse(q));
            let AuthorsLine::Names { shown, .. } = AuthorsLine::of(&p, max, |_| false, |_| false, &marks)
            else {
                panic!("names")
            };
            shown.iter().map(|a| format!("{}{:?}", a.name, a.marks)).collect::<Vec<_>>().join(", ")
        };
        // `author:hu` matches words starting with "hu" (folded): marked, and shown past the first two.
        assert_eq!(line("author:hu", 2), "Ada Lovelace[], Bo Hu[3..5], Di Huang[3..8], Ed Hume[3..7]");
        // A search of every field marks the names it shows, and shows a name only where it
        // matched whole words: "hume" does, "hum" (a prefix, while typing) does not.
        assert_eq!(line("hu", 1), "Ada Lovelace[], Bo Hu[3..5]");
        assert_eq!(line("hum", 1), "Ada Lovelace[]");
        assert_eq!(line("hume", 1), "Ada Lovelace[], Ed Hume[3..7]");
        assert_eq!(line("lovelace diffusion", 1), "Ada Lovelace[4..12]");
        // A phrase marks each of its words; an excluded or title-only term marks nothing.
        assert!(line("author:\"ada love\"", 5).starts_with("Ada Lovelace[0..3, 4..12], Bo Hu[]"));
        assert_eq!(AuthorMarks::of(&p, &Query::parse("-hu title:hu")), NONE);
        // A phrase matches one name's consecutive words, as the search does: "Bo Young"
        // spans two names, so nothing is marked or shown; "cy you" is within one.
        assert_eq!(line("author:\"bo young\"", 1), "Ada Lovelace[]");
        assert_eq!(line("author:\"cy you\"", 1), "Ada Lovelace[], Cy Young[0..2, 3..8]");
        assert_eq!(AuthorMarks::of(&paper(None, 4), &Query::parse("author:hu")), NONE, "no names, no marks");
    }

    #[test]
    fn the_full_venue_shows_only_when_it_says_more_than_the_badge() {
        let mut p = paper(None, 1);
        p.venue = Some("CVPR".into());
        p.venue_short = Some("CVPR".into());
        assert_eq!(venue_parts(&p), (Some("CVPR"), None));
        p.venue = Some("Computer Vision and Pattern Recognition".into());
        assert_eq!(venue_parts(&p), (Some("CVPR"), Some("Computer Vision and Pattern Recognition")));
        p.venue_short = None;
        assert_eq!(venue_parts(&p), (None, Some("Computer Vision and Pattern Recognition")));
    }

    #[test]
    fn citation_counts_read_as_words() {
        assert_eq!(citations_label(0), "0 citations");
        assert_eq!(citations_label(1), "1 citation");
        assert_eq!(citations_label(1204), "1,204 citations");
    }

    #[test]
    fn long_abstracts_get_a_toggle() {
        assert!(!abstract_needs_toggle("short"));
        assert!(abstract_needs_toggle(&"x".repeat(281)));
        assert!(!abstract_needs_toggle(&"é".repeat(280)), "counts characters, not bytes");
    }

    #[test]
    fn previews_cut_at_a_word_boundary() {
        assert_eq!(abstract_preview("short text"), "short text");
        let long = "word ".repeat(200);
        let preview = abstract_preview(&long);
        assert!(preview.chars().count() <= ABSTRACT_PREVIEW_CHARS);
        assert!(preview.ends_with("word"));
        let accents = "é".repeat(1000);
        assert_eq!(
            abstract_preview(&accents).chars().count(),
            ABSTRACT_PREVIEW_CHARS,
            "no space: a hard cut on a character"
        );
    }
}
