//! Source specs, as `--source` takes them and the snapshot's `sources` keeps them:
//! `hf-daily:FROM[..TO]`, `arxiv:QUERY`, `zotero:groups/ID[/collections/KEY]` or
//! `zotero:users/ID[/collections/KEY]`. An `hf-daily` spec kept in a snapshot also says
//! the last day fetched (`;through=YYYY-MM-DD`), so the next update asks only for the days
//! after it.

use std::fmt;

use paperdeck_core::PartialDate;

/// A calendar day, as days since 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i64);

impl Day {
    /// `YYYY-MM-DD`, a real calendar date.
    pub fn parse(text: &str) -> Option<Self> {
        // The core's date rules, at day precision.
        let date = PartialDate::parse(text).filter(|d| d.day().is_some())?;
        Some(Self(date.day_number()))
    }

    /// Today in UTC.
    pub fn today() -> Self {
        let secs =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        Self((secs / 86_400) as i64)
    }

    pub fn next(self) -> Self {
        Self(self.0 + 1)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match PartialDate::from_day_number(self.0) {
            Some(date) => write!(f, "{date}"),
            None => write!(f, "day {}", self.0),
        }
    }
}

/// Where `paperdeck update` fetches papers from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceSpec {
    /// Hugging Face Daily Papers, one request (or more, paged) per day from `from` to `to`
    /// (today when open); `through` is the last day an earlier update fetched.
    HfDaily { from: Day, to: Option<Day>, through: Option<Day> },
    /// The arXiv API's query endpoint, with a `search_query`.
    Arxiv { query: String },
    /// A Zotero library (`groups/ID` or `users/ID`), optionally one collection of it.
    Zotero { library: String, collection: Option<String> },
}

impl SourceSpec {
    /// The kinds, as a spec starts: for messages.
    pub const SYNTAX: &'static str =
        "hf-daily:FROM[..TO], arxiv:QUERY, zotero:groups/ID[/collections/KEY] or zotero:users/ID[/collections/KEY]";

    /// Reads a spec; the error says what is wrong.
    pub fn parse(spec: &str) -> Result<Self, String> {
        let spec = spec.trim();
        let bad = |why: &str| format!("source {spec:?}: {why}");
        let (kind, rest) = spec.split_once(':').ok_or_else(|| bad(&format!("expected {}", Self::SYNTAX)))?;
        match kind {
            "hf-daily" => {
                let (range, through) = match rest.split_once(";through=") {
                    Some((range, through)) => (
                        range,
                        Some(Day::parse(through).ok_or_else(|| bad("through= is not a YYYY-MM-DD date"))?),
                    ),
                    None => (rest, None),
                };
                let day =
                    |d: &str| Day::parse(d).ok_or_else(|| bad(&format!("{d:?} is not a YYYY-MM-DD date")));
                let (from, to) = match range.split_once("..") {
                    Some((from, "")) => (day(from)?, None),
                    Some((from, to)) => (day(from)?, Some(day(to)?)),
                    None => (day(range)?, None),
                };
                if to.is_some_and(|to| to < from) {
                    return Err(bad("the range ends before it starts"));
                }
                Ok(Self::HfDaily { from, to, through })
            }
            "arxiv" if rest.trim().is_empty() => {
                Err(bad("the arXiv query is empty (e.g. arxiv:au:Wolflein_G)"))
            }
            "arxiv" => Ok(Self::Arxiv { query: rest.trim().to_string() }),
            "zotero" => {
                let parts: Vec<&str> = rest.split('/').collect();
                let id_ok = |id: &str| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit());
                let key_ok = |k: &str| !k.is_empty() && k.bytes().all(|b| b.is_ascii_alphanumeric());
                match parts.as_slice() {
                    [lib @ ("groups" | "users"), id] if id_ok(id) => {
                        Ok(Self::Zotero { library: format!("{lib}/{id}"), collection: None })
                    }
                    [lib @ ("groups" | "users"), id, "collections", key] if id_ok(id) && key_ok(key) => {
                        Ok(Self::Zotero { library: format!("{lib}/{id}"), collection: Some(key.to_string()) })
                    }
                    _ => {
                        Err(bad("expected zotero:groups/ID or zotero:users/ID, optionally /collections/KEY"))
                    }
                }
            }
            _ => Err(bad(&format!("unknown kind {kind:?}; expected {}", Self::SYNTAX))),
        }
    }

    /// True when both name the same source, whatever was fetched of it already.
    pub fn same_source(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::HfDaily { from, to, .. }, Self::HfDaily { from: f, to: t, .. }) => from == f && to == t,
            _ => self == other,
        }
    }
}

impl fmt::Display for SourceSpec {
    /// The spec as it is written in a snapshot's `sources`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::HfDaily { from, to, through } => {
                write!(f, "hf-daily:{from}")?;
                if let Some(to) = to {
                    write!(f, "..{to}")?;
                }
                if let Some(through) = through {
                    write!(f, ";through={through}")?;
                }
                Ok(())
            }
            Self::Arxiv { query } => write!(f, "arxiv:{query}"),
            Self::Zotero { library, collection: None } => write!(f, "zotero:{library}"),
            Self::Zotero { library, collection: Some(key) } => {
                write!(f, "zotero:{library}/collections/{key}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_calendar_days() {
        for d in ["1970-01-01", "2024-02-29", "2025-12-31", "2000-03-01"] {
            assert_eq!(Day::parse(d).unwrap().to_string(), d);
        }
        assert_eq!(Day::parse("1970-01-02"), Some(Day(1)));
        assert_eq!(Day::parse("2024-12-31").unwrap().next().to_string(), "2025-01-01");
        for bad in ["2025-02-29", "2025-13-01", "2025-1-01", "20250101", "2025-01-00"] {
            assert_eq!(Day::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn specs_read_and_write_back_the_same() {
        for spec in [
            "hf-daily:2025-01-01",
            "hf-daily:2025-01-01..2025-01-31",
            "hf-daily:2025-01-01;through=2025-03-04",
            "hf-daily:2025-01-01..2025-01-31;through=2025-01-10",
            "arxiv:au:Wolflein_G AND cat:cs.CV",
            "zotero:groups/5435545",
            "zotero:users/475425/collections/CSB4KZUU",
        ] {
            assert_eq!(SourceSpec::parse(spec).unwrap().to_string(), spec);
        }
        assert_eq!(SourceSpec::parse("hf-daily:2025-01-01..").unwrap().to_string(), "hf-daily:2025-01-01");
    }

    #[test]
    fn bad_specs_say_what_is_wrong() {
        let err = |s| SourceSpec::parse(s).unwrap_err();
        assert!(err("hf-daily:2025-02-30").contains("\"2025-02-30\" is not a YYYY-MM-DD date"));
        assert!(err("hf-daily:2025-02-03..2025-02-01").contains("ends before it starts"));
        assert!(err("arxiv:").contains("query is empty"));
        assert!(err("zotero:groups/abc").contains("expected zotero:groups/ID"));
        assert!(err("rss:x").contains("unknown kind \"rss\""));
        assert!(err("hf-daily").contains("expected hf-daily:FROM"));
    }

    #[test]
    fn the_same_source_whatever_was_fetched() {
        let a = SourceSpec::parse("hf-daily:2025-01-01;through=2025-02-01").unwrap();
        assert!(a.same_source(&SourceSpec::parse("hf-daily:2025-01-01").unwrap()));
        assert!(!a.same_source(&SourceSpec::parse("hf-daily:2025-01-02").unwrap()));
    }
}
