//! No input makes an importer panic: arbitrary text, the real fixtures cut short or with
//! bytes spliced in at random places (where parsers usually break), and month-like words
//! in other scripts and languages where BibTeX and CSV files write dates (a month name cut
//! at a byte inside `û` once panicked). Each importer either reads the input or returns an
//! error with a line; the pipeline's counts add up.

use paperdeck_cli::import::{import, parse_input, ImportOptions, Input, SourceFormat};
use proptest::prelude::*;

const FIXTURES: [(&str, &str); 6] = [
    ("a.bib", include_str!("data/fixtures/bibtex-awkward-jabref-ari.bib")),
    ("b.bib", include_str!("data/fixtures/bibtex-strings-accents-wolflein.bib")),
    ("c.xml", include_str!("data/fixtures/arxiv-atom-legacy-2016-del-maestro.xml")),
    ("d.csv", include_str!("data/fixtures/csv-zotero-lab-publications.csv")),
    ("e.json", include_str!("../tests/data/hf-api-slice.json")),
    ("f.bib", include_str!("data/al-folio-lab.bib")),
];

/// Pieces that mean something to one of the parsers.
const SPLICES: [&str; 24] = [
    "{",
    "}",
    "@",
    "@string{x = \"",
    "\"",
    ",",
    "=",
    "#",
    "\\",
    "\\\"{",
    "$",
    "%",
    "<",
    ">",
    "</entry>",
    "<entry>",
    "&amp;",
    "\n",
    "\r\n",
    "\u{feff}",
    "é",
    "…",
    " and others",
    "[",
];

/// Month names in other languages, with accents and in other scripts.
const MONTHS: &str = "août février März décembre março październik марта май січня Jänner mrt giugno";

/// A word where a date's month goes: a month name cut after any character, in any case,
/// maybe with a dot, or letters of several scripts.
/// Cases per property: `PAPERDECK_FUZZ_CASES` (`make fuzz`), or `default` in `make test`.
fn cases(default: u32) -> u32 {
    std::env::var("PAPERDECK_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn month_like_word() -> impl Strategy<Value = String> {
    let names: Vec<&str> = MONTHS.split_whitespace().collect();
    let cut_name = (prop::sample::select(names), 1usize..12, any::<bool>(), any::<bool>()).prop_map(
        |(name, n, upper, dot)| {
            let word: String = name.chars().take(n).collect();
            let word = if upper { word.to_uppercase() } else { word };
            if dot {
                word + "."
            } else {
                word
            }
        },
    );
    prop_oneof![cut_name, "[a-zàâäçéèêëîïôöûüñßøåłńśźżóúíčřšžёйа-яіїє\\u{301}.]{1,10}"]
}

fn check(format: SourceFormat, text: &str) -> Result<(), TestCaseError> {
    for allow_undated in [false, true] {
        // The second pass also joins relative links, whose results must be valid links.
        let base_url = allow_undated.then(|| "https://lab.example/assets/pdf/".to_string());
        let options = ImportOptions { allow_undated, year: Some(2025), base_url, ..Default::default() };
        let input = Input { name: "x", format, text };
        match parse_input(&input, &options) {
            Ok(parsed) => {
                let outcome = import(&[input], &options).unwrap();
                prop_assert_eq!(
                    outcome.snapshot.papers.len() + outcome.merged_entries() + outcome.skipped_entries(),
                    parsed.entries()
                );
                let json = paperdeck_core::to_json(&outcome.snapshot);
                prop_assert!(paperdeck_core::parse_snapshot(&json).unwrap().is_clean());
            }
            Err(e) => prop_assert!(e.line >= 1 && !e.message.is_empty()),
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text(format in prop::sample::select(SourceFormat::ALL.to_vec()), text in "\\PC{0,200}") {
        check(format, &text)?;
    }

    #[test]
    fn month_like_words_in_bibtex_month_fields(word in month_like_word(), day in 0u8..40) {
        let bib = format!("@article{{a, title = {{T}}, author = {{A B}}, year = {{2021}}, month = {{{day} {word}}}}}\n\
                           @article{{b, title = {{U}}, author = {{A B}}, date = {{{word} 2021}}}}\n");
        check(SourceFormat::Bibtex, &bib)?;
    }

    #[test]
    fn month_like_words_in_csv_dates(word in month_like_word(), day in 0u8..40) {
        let csv = format!("title,authors,date,year,month\nT,A B,{day} {word} 2021,,\nU,A B,{word},2021,{word}\n");
        check(SourceFormat::Csv, &csv)?;
    }

    #[test]
    fn fixtures_cut_short(k in 0usize..FIXTURES.len(), cut in 0.0f64..1.0) {
        let (name, text) = FIXTURES[k];
        let mut at = (text.len() as f64 * cut) as usize;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        check(SourceFormat::from_file_name(name).unwrap(), &text[..at])?;
    }

    #[test]
    fn fixtures_with_splices(k in 0usize..FIXTURES.len(), edits in prop::collection::vec((0.0f64..1.0, 0usize..SPLICES.len()), 1..6)) {
        let (name, text) = FIXTURES[k];
        let mut text = text.to_string();
        for (place, piece) in edits {
            let mut at = (text.len() as f64 * place) as usize;
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            text.insert_str(at, SPLICES[piece]);
        }
        check(SourceFormat::from_file_name(name).unwrap(), &text)?;
    }
}
