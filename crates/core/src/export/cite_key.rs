//! Citation keys: one rule, unique within an export (docs/exporting.md, "Citation keys").

use std::collections::HashSet;

use crate::search::text::fold;
use crate::snapshot::model::Paper;
use crate::snapshot::names::PersonName;

/// Title words a key skips.
const SKIPPED_WORDS: [&str; 14] =
    ["a", "an", "the", "on", "of", "in", "for", "to", "and", "with", "from", "at", "by", "via"];

/// A paper's key before it is made unique: the first author's family name, the year and
/// the first title word that is not an article or a preposition, each folded (accents
/// and case removed) to ASCII letters and digits: "Haiyang Shen", 2024, "ShortcutsBench:
/// A Large-Scale …" → `shen2024shortcutsbench`. `anon` stands for a paper without
/// names; an undated paper has no year part.
pub fn cite_key_base(paper: &Paper) -> String {
    let family = paper
        .authors
        .as_ref()
        .and_then(|names| names.first())
        .and_then(|n| PersonName::parse(n))
        .map(|n| ascii_alnum(n.family()))
        .filter(|f| !f.is_empty())
        .unwrap_or_else(|| "anon".to_string());
    let year = if paper.published.is_known() { paper.published.year().to_string() } else { String::new() };
    let folded = fold(&paper.title);
    let word = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .find(|w| !w.is_empty() && !SKIPPED_WORDS.contains(w))
        .unwrap_or("");
    format!("{family}{year}{word}")
}

fn ascii_alnum(s: &str) -> String {
    s.chars().filter(char::is_ascii_alphanumeric).collect()
}

/// The keys handed out in one export: each is unique, case ignored (as biber compares
/// them); a key already taken gets `-2`, `-3`, … .
#[derive(Debug, Default)]
pub struct CiteKeys {
    taken: HashSet<String>,
}

impl CiteKeys {
    pub fn new() -> Self {
        Self::default()
    }

    /// `wanted`, or `wanted-N` with the first N that is free.
    pub fn unique(&mut self, wanted: &str) -> String {
        let mut key = wanted.to_string();
        let mut n = 2;
        while !self.taken.insert(key.to_lowercase()) {
            key = format!("{wanted}-{n}");
            n += 1;
        }
        key
    }

    /// The unique key of a paper without its own entry.
    pub fn for_paper(&mut self, paper: &Paper) -> String {
        self.unique(&cite_key_base(paper))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::date::PartialDate;

    fn paper(title: &str, authors: &[&str], year: Option<u16>) -> Paper {
        let date = year.and_then(PartialDate::y).unwrap_or(PartialDate::UNKNOWN);
        let mut p = Paper::new("x", title, authors.len() as u32, date);
        if !authors.is_empty() {
            p.authors = Some(authors.iter().map(|a| a.to_string()).collect());
        }
        p
    }

    #[test]
    fn family_year_and_first_word() {
        let p = paper("ShortcutsBench: A Large-Scale Benchmark", &["Haiyang Shen", "Yue Li"], Some(2024));
        assert_eq!(cite_key_base(&p), "shen2024shortcutsbench");
        let p = paper("The Ölberg of {Graphs}", &["Wölflein, Georg"], Some(2023));
        assert_eq!(cite_key_base(&p), "wolflein2023olberg");
        assert_eq!(cite_key_base(&paper("A an the", &[], None)), "anon");
        assert_eq!(cite_key_base(&paper("深度学习 2", &["李 明"], Some(2020))), "anon20202");
    }

    #[test]
    fn keys_are_unique_case_ignored() {
        let mut keys = CiteKeys::new();
        assert_eq!(keys.unique("shen2024x"), "shen2024x");
        assert_eq!(keys.unique("Shen2024x"), "Shen2024x-2");
        assert_eq!(keys.unique("shen2024x"), "shen2024x-3");
        assert_eq!(keys.unique("shen2024x-2"), "shen2024x-2-2");
    }
}
