//! The header row of a table: which kind of table it is (Zotero, Publish or Perish, or the
//! generic header), the field each column gives, `--map COLUMN=FIELD` on top, and the
//! columns that give none.

use crate::import::parsed::{ImportError, Location, Note};

pub const FIELDS: [(&str, &str); 29] = [
    ("title", "the title (required)"),
    ("authors", "names separated by ';' (or ' and ', or ',' between whole names), each \"First Last\" or \"Last, First\"; \"others\" or \"…\" marks the list incomplete"),
    ("author_count", "the number of authors, when there are no names"),
    ("date", "YYYY-MM-DD, YYYY-MM or YYYY (or June 2024, 2024/06/28)"),
    ("year", "a year, when there is no date"),
    ("month", "a month (number or name), with year"),
    ("abstract", "the abstract"),
    ("venue", "journal or conference"),
    ("venue_short", "the venue's short form (CVPR)"),
    ("kind", "article, conference, preprint, thesis, book, chapter, report, talk or other"),
    ("tags", "tags separated by ';' or ','"),
    ("upvotes", "a whole number"),
    ("citations", "how often the paper is cited: a whole number, 0 included"),
    ("url", "the paper's page"),
    ("pdf", "a PDF link"),
    ("code", "a code link"),
    ("project", "a project page"),
    ("slides", "a slides link"),
    ("poster", "a poster link"),
    ("video", "a video link"),
    ("blog", "a blog post link"),
    ("data", "a data link"),
    ("supplement", "a supplement link"),
    ("hf", "a Hugging Face paper page"),
    ("thumbnail", "an image URL"),
    ("arxiv", "an arXiv id or URL"),
    ("doi", "a DOI or doi.org URL"),
    ("summary", "a one-line summary"),
    ("ignore", "leaves the column out"),
];

/// The kind of table, told by its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableKind {
    Zotero,
    PublishOrPerish,
    Generic,
}

impl TableKind {
    /// The kind a header says.
    pub fn of(headers: &[String]) -> Self {
        let has = |h: &str| headers.iter().any(|x| x.eq_ignore_ascii_case(h));
        if has("Item Type") && has("Publication Year") && has("Abstract Note") {
            Self::Zotero
        } else if has("Cites") && has("GSRank") && has("Authors") {
            Self::PublishOrPerish
        } else {
            Self::Generic
        }
    }

    /// The field of a column, by its header.
    fn field_of(self, header: &str) -> Option<&'static str> {
        let h = header.trim().to_lowercase();
        let table: &[(&str, &'static str)] = match self {
            Self::Zotero => &[
                ("title", "title"),
                ("author", "authors"),
                ("publication year", "year"),
                ("date", "date"),
                ("abstract note", "abstract"),
                ("publication title", "venue"),
                ("conference name", "venue"),
                ("proceedings title", "venue"),
                ("doi", "doi"),
                ("url", "url"),
                ("manual tags", "tags"),
                ("automatic tags", "tags"),
                ("extra", "extra"),
            ],
            Self::PublishOrPerish => &[
                ("cites", "citations"),
                ("authors", "authors"),
                ("title", "title"),
                ("year", "year"),
                ("source", "venue"),
                ("articleurl", "url"),
                ("fulltexturl", "fulltext"),
                ("doi", "doi"),
                ("abstract", "abstract"),
            ],
            Self::Generic => &[
                ("author", "authors"),
                ("published", "date"),
                ("journal", "venue"),
                ("keywords", "tags"),
                ("link", "url"),
                ("cites", "citations"),
                ("cited by", "citations"),
                ("cited_by", "citations"),
                ("citation count", "citations"),
                ("citation_count", "citations"),
                ("times cited", "citations"),
            ],
        };
        if let Some((_, f)) = table.iter().find(|(name, _)| *name == h) {
            return Some(f);
        }
        match self {
            Self::Generic => FIELDS.iter().map(|(f, _)| *f).find(|f| *f == h && *f != "ignore"),
            _ => None,
        }
    }
}

/// The field of each column (`None`: the column is not used): as the header implies,
/// then as `--map` says. An error when a `--map` names no column or no field, or when no
/// column gives the title.
pub fn column_fields(
    headers: &[String],
    kind: TableKind,
    column_map: &[(String, String)],
) -> Result<Vec<Option<&'static str>>, ImportError> {
    let mut fields: Vec<Option<&str>> = headers.iter().map(|h| kind.field_of(h)).collect();
    for (column, field) in column_map {
        let i = headers.iter().position(|h| h.eq_ignore_ascii_case(column.trim())).ok_or_else(|| {
            ImportError::at(
                1,
                None,
                format!(
                    "--map {column}={field}: there is no column {column:?} (columns: {})",
                    headers.join(", ")
                ),
            )
        })?;
        let known = FIELDS.iter().find(|(f, _)| f == field).map(|(f, _)| *f).ok_or_else(|| {
            ImportError::at(1, None, format!("--map {column}={field}: unknown field {field:?}"))
        })?;
        fields[i] = (known != "ignore").then_some(known);
    }
    if !fields.contains(&Some("title")) {
        return Err(ImportError::at(
            1,
            None,
            format!(
                "no title column: the header ({}) is not a Zotero or Publish or Perish export and has no column named \"title\"; name one with --map COLUMN=title",
                headers.join(", ")
            ),
        ));
    }
    Ok(fields)
}

/// For the generic header, the note listing the named columns that give no field and
/// that `--map` does not mention.
pub fn unused_columns_note(
    headers: &[String],
    fields: &[Option<&str>],
    kind: TableKind,
    column_map: &[(String, String)],
) -> Option<Note> {
    if kind != TableKind::Generic {
        return None;
    }
    let unused: Vec<&str> = headers
        .iter()
        .zip(fields)
        .filter(|(h, f)| {
            f.is_none() && !h.is_empty() && !column_map.iter().any(|(c, _)| c.eq_ignore_ascii_case(h))
        })
        .map(|(h, _)| h.as_str())
        .collect();
    (!unused.is_empty()).then(|| Note {
        at: Location::Line(1),
        message: format!("columns not used: {} (map them with --map COLUMN=FIELD)", unused.join(", ")),
    })
}
