//! When two spellings name the same person: the rule behind `highlight_authors` and the
//! `author` filter (docs/snapshot-format.md, "Matching names").
//!
//! A name is read as a family name and given names: "Family, Given" when it has a comma,
//! else the last word is the family name (a trailing "Jr.", "Sr.", "II", "III" or "IV" is
//! dropped first). Both are folded (accents and case: "Wölflein" is "wolflein") and keep
//! only letters and digits, and the given names are split at spaces, dots and hyphens.
//! Two names match when their family names are equal and their given names agree as far
//! as both go: word by word, equal, or one is the other's initial. A name with no given
//! names matches every given name. So "Wölflein, Georg", "G. Wölflein", "Georg Wolflein"
//! and "Georg S. Wölflein" are one person, and "Jane Smith" and "John Smith" are two.

use crate::search::text::fold;

/// A person's name as the matching rule reads it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PersonName {
    /// Folded, letters and digits only.
    family: String,
    /// Folded words, letters and digits only; an initial is one letter.
    given: Vec<String>,
}

const SUFFIXES: [&str; 5] = ["jr", "sr", "ii", "iii", "iv"];

impl PersonName {
    /// Reads a name; `None` when it has no letters or digits.
    pub fn parse(name: &str) -> Option<Self> {
        let folded = fold(name);
        let (family, given) = match folded.split_once(',') {
            Some((family, given)) => (last_word(family)?, words(given)),
            None => {
                let mut all: Vec<&str> = folded.split_whitespace().filter(|w| !alnum(w).is_empty()).collect();
                if all.len() > 2 && all.last().is_some_and(|w| SUFFIXES.contains(&alnum(w).as_str())) {
                    all.pop();
                }
                let family = alnum(all.pop()?);
                let given = all.iter().flat_map(|w| words(w)).collect();
                (family, given)
            }
        };
        Some(Self { family, given })
    }

    /// The folded family name, which every matching spelling shares.
    pub fn family(&self) -> &str {
        &self.family
    }

    /// True when both name the same person by the rule above.
    pub fn matches(&self, other: &PersonName) -> bool {
        self.family == other.family
            && self.given.iter().zip(&other.given).all(|(a, b)| {
                a == b
                    || (a.len() == 1 && b.starts_with(a.as_str()))
                    || (b.len() == 1 && a.starts_with(b.as_str()))
            })
    }
}

/// A few people, each as the rule reads them: a snapshot's `highlight_authors`, or the
/// people a view's `author` filter chooses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonSet(Vec<PersonName>);

impl PersonSet {
    /// The people `names` name; a name without letters or digits names nobody.
    pub fn of<S: AsRef<str>>(names: &[S]) -> Self {
        Self(names.iter().filter_map(|n| PersonName::parse(n.as_ref())).collect())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// True when `name` is one of these people by the rule above.
    pub fn contains(&self, name: &str) -> bool {
        !self.0.is_empty() && PersonName::parse(name).is_some_and(|n| self.0.iter().any(|p| p.matches(&n)))
    }
}

/// Given names: words split at spaces, dots and hyphens, letters and digits only.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == '.' || c == '-')
        .map(alnum)
        .filter(|w| !w.is_empty())
        .collect()
}

fn last_word(s: &str) -> Option<String> {
    s.split_whitespace().map(alnum).rfind(|w| !w.is_empty())
}

fn alnum(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

#[cfg(test)]
mod tests {
    use super::{PersonName, PersonSet};

    fn same(a: &str, b: &str) -> bool {
        PersonName::parse(a).unwrap().matches(&PersonName::parse(b).unwrap())
    }

    #[test]
    fn the_usual_variants_of_a_name_match() {
        for (a, b, expect) in [
            ("Georg Wölflein", "Wölflein, Georg", true),
            ("Georg Wölflein", "G. Wölflein", true),
            ("Georg Wölflein", "Georg Wolflein", true),
            ("Georg Wölflein", "GEORG WÖLFLEIN", true),
            ("Georg Wölflein", "Georg S. Wölflein", true),
            ("Georg Wölflein", "Wölflein", true),
            ("Wölflein, G.", "Georg Wolflein", true),
            ("Jean-Pierre Sartre", "J.-P. Sartre", true),
            ("Jean-Pierre Sartre", "Sartre, J. P.", true),
            ("Martin Luther King Jr.", "M. L. King", true),
            ("Ludwig van Beethoven", "van Beethoven, Ludwig", true),
            ("Conan O'Brien", "C. OBrien", true),
            ("Jane Smith", "John Smith", false),
            ("J. Smith", "John Smith", true),
            ("Georg Wölflein", "Georg Wolf", false),
            ("Ognjen Arandjelović", "David Harris-Birtill", false),
            ("Jean-Pierre Sartre", "J.-Q. Sartre", false),
        ] {
            assert_eq!(same(a, b), expect, "{a:?} vs {b:?}");
            assert_eq!(same(b, a), expect, "{b:?} vs {a:?} (symmetric)");
        }
    }

    #[test]
    fn a_name_without_letters_is_not_a_name() {
        for blank in ["", "   ", ".,-", ","] {
            assert_eq!(PersonName::parse(blank), None, "{blank:?}");
        }
        assert_eq!(PersonName::parse("Plato").unwrap().family(), "plato");
        assert_eq!(PersonName::parse("Wölflein, Georg").unwrap().family(), "wolflein");
    }

    #[test]
    fn a_set_holds_each_person_under_every_spelling() {
        let set = PersonSet::of(&["Wölflein, Georg", "Jakob Nikolas Kather", "   "]);
        for name in ["Georg Wölflein", "G. Wolflein", "Kather", "J. N. Kather"] {
            assert!(set.contains(name), "{name}");
        }
        for name in ["Jane Wölflein", "Kather J. Smith", "", "..."] {
            assert!(!set.contains(name), "{name}");
        }
        assert!(!PersonSet::default().contains("Georg Wölflein"));
        assert!(PersonSet::of(&["  ", "."]).is_empty(), "names without letters name nobody");
    }
}
