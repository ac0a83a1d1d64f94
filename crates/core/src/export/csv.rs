//! CSV with the generic header `paperdeck import` reads (docs/exporting.md, "CSV").

use crate::snapshot::links::LinkKind;
use crate::snapshot::model::Paper;

/// The columns, in order: each is a field of the generic header of `paperdeck import`.
pub const CSV_COLUMNS: [&str; 26] = [
    "title",
    "authors",
    "author_count",
    "date",
    "venue",
    "venue_short",
    "kind",
    "tags",
    "upvotes",
    "citations",
    "url",
    "pdf",
    "code",
    "project",
    "arxiv",
    "slides",
    "poster",
    "video",
    "blog",
    "data",
    "supplement",
    "hf",
    "doi",
    "thumbnail",
    "summary",
    "abstract",
];

/// The papers as a table: a UTF-8 byte order mark (so spreadsheets read accents), the
/// header, one row a paper; fields quoted when they must be (RFC 4180), lines ending in
/// CR LF.
pub fn to_csv(papers: &[&Paper]) -> String {
    let mut out = String::from("\u{feff}");
    row(CSV_COLUMNS.iter().map(|c| c.to_string()), &mut out);
    for paper in papers {
        row(CSV_COLUMNS.iter().map(|c| cell(paper, c)), &mut out);
    }
    out
}

fn row(cells: impl Iterator<Item = String>, out: &mut String) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if cell.contains([',', '"', '\r', '\n']) || cell.trim() != cell {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&cell);
        }
    }
    out.push_str("\r\n");
}

/// A paper's value in a column.
fn cell(paper: &Paper, column: &str) -> String {
    let text = |s: &Option<String>| s.clone().unwrap_or_default();
    match column {
        "title" => paper.title.clone(),
        "authors" => {
            let mut names = paper.authors.clone().unwrap_or_default();
            if paper.authors_incomplete && !names.is_empty() {
                names.push("others".into());
            }
            names.join("; ")
        }
        "author_count" if paper.authors.is_none() => paper.author_count.to_string(),
        "date" => paper.published.to_string(),
        "venue" => text(&paper.venue),
        "venue_short" => text(&paper.venue_short),
        "kind" => paper.kind.map_or(String::new(), |k| k.name().to_string()),
        "tags" => paper.tags.join("; "),
        "upvotes" if paper.upvotes > 0 => paper.upvotes.to_string(),
        "citations" => paper.citations.map_or(String::new(), |c| c.to_string()),
        "thumbnail" => text(&paper.thumbnail),
        "summary" => text(&paper.summary),
        "abstract" => text(&paper.abstract_text),
        link => LinkKind::from_name(link).and_then(|k| paper.links.get(k)).unwrap_or("").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::date::PartialDate;

    #[test]
    fn quoted_when_needed() {
        let mut p = Paper::new("x", "A, \"quoted\"\ntitle", 3, PartialDate::y(2020).unwrap());
        p.tags = vec!["a".into(), "b".into()];
        p.links.hf = Some("https://huggingface.co/papers/1".into());
        let csv = to_csv(&[&p]);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], format!("\u{feff}{}", CSV_COLUMNS.join(",")));
        assert_eq!(
            &csv[csv.find("\r\n").unwrap() + 2..],
            "\"A, \"\"quoted\"\"\ntitle\",,3,2020,,,,a; b,,,,,,,,,,,,,,https://huggingface.co/papers/1,,,,\r\n"
        );
    }
}
