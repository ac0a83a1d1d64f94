//! Month names as people write them in the languages papers come from: full names and
//! their abbreviations (a trailing dot, any case, accents kept or dropped: `août`,
//! `aout`, `Févr.`, `Mär`, `Maerz`), in English, French, German, Spanish, Italian,
//! Portuguese, Dutch, Catalan, Swedish, Danish, Norwegian, Polish, Russian and Ukrainian
//! (Slavic names in the nominative and the genitive: `март`, `марта`).
//!
//! Words are compared folded (lowercase, accents removed) and by characters, never by
//! bytes, so any text is safe to ask about.

use std::sync::OnceLock;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Each language's month names, January to December, separated by spaces; other
/// spellings of a month follow it after a `/` (`märz/maerz`). A word is a month when it
/// is one of these, or the start (three letters or more) of spellings that all name the
/// same month: `sept` (September), `juil` (juillet); `jui` (juin or juillet) is none.
const LANGUAGES: [&str; 17] = [
    // English
    "january february march april may june july august september october november december",
    // French
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    // German (Austrian Jänner and Feber, ä written ae)
    "januar/jänner/jaenner februar/feber märz/maerz april mai juni juli august \
     september oktober november dezember",
    // Spanish
    "enero febrero marzo abril mayo junio julio agosto septiembre/setiembre octubre \
     noviembre diciembre",
    // Italian
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    // Portuguese
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    // Dutch (mrt is the usual abbreviation of maart)
    "januari februari maart/mrt april mei juni juli augustus september oktober november december",
    // Catalan
    "gener febrer març abril maig juny juliol agost setembre octubre novembre desembre",
    // Swedish
    "januari februari mars april maj juni juli augusti september oktober november december",
    // Danish
    "januar februar marts april maj juni juli august september oktober november december",
    // Norwegian
    "januar februar mars april mai juni juli august september oktober november desember",
    // Polish
    "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień",
    // Polish, genitive (1 marca 2021)
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    // Russian
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
    // Russian, genitive (1 марта 2021)
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    // Ukrainian
    "січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень",
    // Ukrainian, genitive (1 березня 2021)
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
];

/// The fewest letters an abbreviation has (`Jan`, `mrt`, `мая`).
const SHORTEST: usize = 3;

/// The month (1–12) a word names, in any of the languages above: `août`, `Aout.`,
/// `sept`, `Mär`, `Maerz`, `марта`, `październik`.
pub fn month_of_name(word: &str) -> Option<u8> {
    let word = fold(word.trim().trim_end_matches('.'));
    if word.chars().count() < SHORTEST {
        return None;
    }
    let spellings = folded_spellings();
    if let Some((_, month)) = spellings.iter().find(|(s, _)| *s == word) {
        return Some(*month);
    }
    let mut months = spellings.iter().filter(|(s, _)| s.starts_with(&word)).map(|(_, m)| *m);
    let first = months.next()?;
    months.all(|m| m == first).then_some(first)
}

/// Lowercase with accents and other combining marks removed: `Févr` → `fevr`.
fn fold(word: &str) -> String {
    word.to_lowercase().nfd().filter(|c| !is_combining_mark(*c)).collect()
}

/// Every spelling folded, with its month, folded once.
fn folded_spellings() -> &'static [(String, u8)] {
    static FOLDED: OnceLock<Vec<(String, u8)>> = OnceLock::new();
    FOLDED.get_or_init(|| {
        LANGUAGES
            .iter()
            .flat_map(|names| (1u8..).zip(names.split_whitespace()))
            .flat_map(|(month, spellings)| spellings.split('/').map(move |s| (fold(s), month)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_names_twelve_months() {
        for names in LANGUAGES {
            assert_eq!(names.split_whitespace().count(), 12, "{names}");
        }
    }

    #[test]
    fn every_spelling_is_read_as_its_month_in_any_case() {
        for names in LANGUAGES {
            for (month, spellings) in (1u8..).zip(names.split_whitespace()) {
                for name in spellings.split('/') {
                    assert_eq!(month_of_name(name), Some(month), "{name}");
                    assert_eq!(month_of_name(&name.to_uppercase()), Some(month), "{name}");
                }
            }
        }
    }

    #[test]
    fn abbreviations_with_or_without_dots_and_accents() {
        for (word, month) in [
            ("Jan", 1),
            ("janv.", 1),
            ("févr.", 2),
            ("fevr", 2),
            ("Mär", 3),
            ("MÄRZ", 3),
            ("Maerz", 3),
            ("avr.", 4),
            ("juil.", 7),
            ("aout", 8),
            ("Sept.", 9),
            ("set.", 9),
            ("okt", 10),
            ("out.", 10),
            ("dic.", 12),
            ("Dez.", 12),
            ("сент.", 9),
            ("нояб", 11),
            ("paźdz.", 10),
            ("paz", 10),
        ] {
            assert_eq!(month_of_name(word), Some(month), "{word}");
        }
    }

    #[test]
    fn words_that_are_no_month() {
        for word in ["", "ma", "jui", "juin2", "mayday", "spring", "été", "autumn", "août-", "…", "ü"] {
            assert_eq!(month_of_name(word), None, "{word}");
        }
    }

    #[test]
    fn the_table_has_no_spelling_twice_for_different_months() {
        let spellings = folded_spellings();
        for (s, m) in spellings {
            assert!(spellings.iter().all(|(t, n)| t != s || n == m), "{s}");
        }
    }
}
