//! Paperdeck's own snapshots (`--from snapshot`; a `.json` file whose top level says
//! `"format": "paperdeck-snapshot"`), so that snapshots and exports merge with other
//! inputs and read back. The core's reader checks them ([`parse_snapshot`]): a record it
//! skips is a skipped entry with its reason, a field it ignores a note. Papers keep every
//! field and their ids (made unique across inputs); the year rule applies to undated
//! ones, as for every source; the snapshot's `highlight_authors` join `--highlight`.

use paperdeck_core::{parse_snapshot, ProblemKind};

use crate::import::parsed::{ImportError, Location, Note, Parsed, Skipped};
use crate::import::readers::dated;
use crate::import::source::ImportOptions;

/// Reads a snapshot.
pub fn parse(text: &str, options: &ImportOptions) -> Result<Parsed, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let loaded = parse_snapshot(text).map_err(|e| ImportError::at(1, None, e.to_string()))?;
    let mut parsed = Parsed::default();
    for note in &loaded.notes {
        parsed.notes.push(Note { at: Location::Line(1), message: note.clone() });
    }
    let mut skipped: Vec<usize> = Vec::new();
    for problem in &loaded.problems {
        let at = Location::Record(problem.index);
        if problem.kind == ProblemKind::RecordSkipped {
            if skipped.last() != Some(&problem.index) {
                skipped.push(problem.index);
                parsed
                    .skipped
                    .push(Skipped { at, reason: format!("{}: {}", problem.field, problem.message) });
            }
        } else {
            parsed
                .notes
                .push(Note { at, message: format!("{}: {}; ignored", problem.field, problem.message) });
        }
    }
    let mut index = 0;
    for mut paper in loaded.snapshot.papers {
        while skipped.contains(&index) {
            index += 1;
        }
        let at = Location::Record(index);
        index += 1;
        let date = paper.published.is_known().then_some(paper.published);
        let subject = format!("paper {:?}", paper.id);
        let published = dated(date, options, at, &mut parsed.notes, subject);
        parsed.push(
            at,
            published.map(|d| {
                paper.published = d;
                paper
            }),
        );
    }
    parsed.highlight_authors = loaded.snapshot.highlight_authors;
    parsed.generated = loaded.snapshot.generated.as_deref().and_then(paperdeck_core::PartialDate::parse);
    parsed.skipped.sort_by_key(|s| s.at);
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::source::is_snapshot;
    use crate::import::test_render;

    #[test]
    fn papers_skipped_records_and_notes() {
        let text = r#"{"format":"paperdeck-snapshot","version":1,"generated":"2025-01-02","highlight_authors":["A B"],
          "papers":[{"id":"x","title":"X","authors":["A B"],"published":"2024-06","upvotes":-1,"bibtex":"@misc{x}"},
                    {"id":"y","title":""},
                    {"id":"z","title":"Z","author_count":0}]}"#;
        let parsed = parse(text, &ImportOptions::default()).unwrap();
        assert_eq!(
            test_render::parsed(&parsed),
            r#"record 0: x "X" 2024-06
  authors 1 [A B]
skipped record 1: title: is empty
skipped record 2: paper "z" has no year (pass --allow-undated to keep it as an undated paper)
note record 0: upvotes: -1 is not a whole number ≥ 0; ignored
generated 2025-01-02
"#
        );
        assert_eq!(parsed.records[0].paper.bibtex.as_deref(), Some("@misc{x}"));
        assert_eq!(parsed.highlight_authors, ["A B"]);
        assert!(is_snapshot(text));
        assert!(!is_snapshot("[{\"format\":\"paperdeck-snapshot\"}]"));
        assert!(!is_snapshot("{\"format\":\"other\"}"));
        assert!(!is_snapshot("{\"format\":7}"));
        assert!(parse("[]", &ImportOptions::default()).is_err());
    }
}
