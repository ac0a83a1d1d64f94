//! The `paperdeck` command's library: importers that turn the formats papers come in
//! (BibTeX, arXiv API feeds, CSV tables, Hugging Face pages and API responses) into
//! snapshots. Each importer is a pure function from text to an [`import::Parsed`] (papers
//! with their place in the input, entries skipped with the reason) or an
//! [`import::ImportError`] naming the line and column that make the input unreadable;
//! [`import::import`] merges the papers of all inputs into one snapshot. `main.rs` is the
//! only place that knows about files, arguments and exit codes. [`update`] keeps a
//! snapshot current from Hugging Face, arXiv and Zotero (`paperdeck update`).

pub mod import;
pub mod update;
