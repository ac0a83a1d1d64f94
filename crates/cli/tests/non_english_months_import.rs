//! Month names in other languages go through the whole import: they used to panic it
//! (a month name was cut at its third byte, inside `û` of `août`); now they give the month.

use paperdeck_cli::import::{import, ImportOptions, Input, Outcome, SourceFormat};

fn import_one(format: SourceFormat, text: &str) -> Outcome {
    let input = Input { name: "x", format, text };
    import(&[input], &ImportOptions::default()).expect("the input imports")
}

/// Each paper's title and date, in order.
fn dates(outcome: &Outcome) -> Vec<(String, String)> {
    outcome.snapshot.papers.iter().map(|p| (p.title.clone(), p.published.to_string())).collect()
}

#[test]
fn a_bibtex_month_in_french_does_not_panic_the_import() {
    let bib = "@article{a, title = {Août}, author = {Ada Lovelace}, year = {2021}, month = {août}}\n\
               @article{b, title = {Mars}, author = {Ada Lovelace}, year = 2020, month = {Mär.}}\n\
               @article{c, title = {Mai}, author = {Ada Lovelace}, year = 2019, month = mai}\n";
    let outcome = import_one(SourceFormat::Bibtex, bib);
    assert_eq!(
        dates(&outcome),
        [
            ("Août".into(), "2021-08".into()),
            ("Mars".into(), "2020-03".into()),
            ("Mai".into(), "2019-05".into())
        ]
    );
    assert_eq!(outcome.skipped_entries(), 0);
}

#[test]
fn csv_dates_in_french_and_russian_do_not_panic_the_import() {
    let csv = "title,authors,date\n\
               Août,Ada Lovelace,1 août 2021\n\
               Март,Ada Lovelace,март 2021\n\
               Марта,Ada Lovelace,1 марта 2021\n";
    let outcome = import_one(SourceFormat::Csv, csv);
    assert_eq!(
        dates(&outcome),
        [
            ("Août".into(), "2021-08-01".into()),
            ("Март".into(), "2021-03".into()),
            ("Марта".into(), "2021-03-01".into())
        ]
    );
}

#[test]
fn a_csv_month_column_in_german_gives_the_month() {
    let csv = "title,authors,year,month\nMärz,Ada Lovelace,2022,März\n";
    assert_eq!(dates(&import_one(SourceFormat::Csv, csv)), [("März".into(), "2022-03".into())]);
}
