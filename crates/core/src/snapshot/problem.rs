//! Problems found in a snapshot's records.

use std::fmt;

/// What became of a record with a problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// A required field was missing or invalid: the whole record was left out.
    RecordSkipped,
    /// An optional field was invalid: the field was left out, the paper kept.
    FieldIgnored,
}

/// One problem in one record, located by the record's index in `papers` and its id when
/// it has a usable one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub index: usize,
    pub id: Option<String>,
    pub kind: ProblemKind,
    /// The field concerned, such as `published` or `links.code`.
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    /// `papers[3] (id "x"): title: is empty; record skipped`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "papers[{}]", self.index)?;
        if let Some(id) = &self.id {
            write!(f, " (id {id:?})")?;
        }
        let outcome = match self.kind {
            ProblemKind::RecordSkipped => "record skipped",
            ProblemKind::FieldIgnored => "field ignored",
        };
        write!(f, ": {}: {}; {outcome}", self.field, self.message)
    }
}
