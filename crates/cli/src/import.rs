//! The import pipeline: every input is read by the reader of its format (`readers/`,
//! with the field readers they share in `fields/`) into [`Record`]s (papers with where
//! they came from) plus the entries it had to skip; [`merge`] then folds duplicates
//! across all inputs into one paper and hands out the ids. The types live in
//! `source.rs` (what goes in), `parsed.rs` (what a reader makes of one input) and
//! `outcome.rs` (what comes out); this file is the pipeline.

pub mod fields;
pub mod merge;
pub mod outcome;
pub mod parsed;
pub mod readers;
pub mod source;
#[cfg(test)]
mod test_render;

pub use merge::{MatchReason, Merged};
pub use outcome::{InputReport, Outcome};
pub use parsed::{line_column, ImportError, Location, Note, Parsed, Record, Skipped};
pub use source::{ImportOptions, Input, SourceFormat};

use paperdeck_core::Snapshot;

use crate::import::readers::{arxiv_atom, bibtex, csv_table, hf_api, hf_page, ris, snapshot_json};

/// Parses one input with its format's importer.
pub fn parse_input(input: &Input, options: &ImportOptions) -> Result<Parsed, ImportError> {
    match input.format {
        SourceFormat::Bibtex => bibtex::parse(input.text, options),
        SourceFormat::ArxivAtom => arxiv_atom::parse(input.text, options),
        SourceFormat::Csv => csv_table::parse(input.text, options),
        SourceFormat::HfApi => hf_api::parse(input.text),
        SourceFormat::HfPage => hf_page::parse(input.text, options.year),
        SourceFormat::Ris => ris::parse(input.text, options),
        SourceFormat::Snapshot => snapshot_json::parse(input.text, options),
    }
}

/// Imports every input and merges them into one snapshot. The first input that cannot
/// be read at all stops the import: `(its index, the error)`.
pub fn import(inputs: &[Input], options: &ImportOptions) -> Result<Outcome, (usize, ImportError)> {
    let inputs: Vec<Input> =
        inputs.iter().map(|i| Input { format: i.format.refined(i.text), ..*i }).collect();
    let inputs = &inputs[..];
    let mut parsed = Vec::with_capacity(inputs.len());
    for (i, input) in inputs.iter().enumerate() {
        parsed.push(parse_input(input, options).map_err(|e| (i, e))?);
    }
    let generated = parsed.iter().filter_map(|p| p.generated).max_by_key(|d| d.sort_key());
    let mut highlight_authors = options.highlight_authors.clone();
    for name in parsed.iter().flat_map(|p| &p.highlight_authors) {
        if !highlight_authors.contains(name) {
            highlight_authors.push(name.clone());
        }
    }
    let mut reports = Vec::with_capacity(parsed.len());
    let mut records = Vec::new();
    for (i, p) in parsed.into_iter().enumerate() {
        reports.push(InputReport { entries: p.entries(), skipped: p.skipped, notes: p.notes });
        records.extend(p.records.into_iter().map(|r| (i, r)));
    }
    let (papers, merged) = merge::merge(records);
    let snapshot = Snapshot {
        title: options.title.clone().or_else(|| default_title(inputs).map(String::from)),
        description: None,
        generated: generated.map(|d| d.to_string()),
        source: Some(source_line(inputs)),
        highlight_authors,
        sources: Vec::new(),
        papers,
    };
    Ok(Outcome { snapshot, inputs: reports, merged })
}

/// The title of a snapshot made only of Hugging Face inputs; others have none by default.
fn default_title(inputs: &[Input]) -> Option<&'static str> {
    let first = inputs.first()?.format;
    if inputs.iter().any(|i| i.format != first) {
        return None;
    }
    match first {
        SourceFormat::HfPage => Some("Papers from Hugging Face"),
        SourceFormat::HfApi => Some("Hugging Face Daily Papers"),
        _ => None,
    }
}

/// `BibTeX (a.bib, b.bib); arXiv API (feed.xml)`: the inputs by format, in first-seen order.
fn source_line(inputs: &[Input]) -> String {
    let mut groups: Vec<(SourceFormat, Vec<&str>)> = Vec::new();
    for input in inputs {
        match groups.iter_mut().find(|(f, _)| *f == input.format) {
            Some((_, names)) => names.push(input.name),
            None => groups.push((input.format, vec![input.name])),
        }
    }
    groups
        .iter()
        .map(|(f, names)| format!("{} ({})", f.label(), names.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_groups_inputs_by_format() {
        let input = |name, format| Input { name, format, text: "" };
        let inputs = [
            input("a.bib", SourceFormat::Bibtex),
            input("f.xml", SourceFormat::ArxivAtom),
            input("b.bib", SourceFormat::Bibtex),
        ];
        assert_eq!(source_line(&inputs), "BibTeX (a.bib, b.bib); arXiv API (f.xml)");
        assert_eq!(default_title(&inputs), None);
        assert_eq!(default_title(&inputs[..1]), None);
        assert_eq!(default_title(&[input("p.txt", SourceFormat::HfPage)]), Some("Papers from Hugging Face"));
    }
}
