//! The snapshot: the data model of format v1 (`docs/snapshot-format.md`), reading it
//! leniently (one bad record never costs the others) and writing it canonically.

pub(crate) mod date;
pub(crate) mod id;
pub(crate) mod kind;
pub(crate) mod links;
pub(crate) mod model;
pub(crate) mod names;
pub(crate) mod parse;
pub(crate) mod problem;
pub(crate) mod serialize;
pub(crate) mod url;
