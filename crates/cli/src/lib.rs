//! The `paperdeck` command's library: importers that turn the formats papers come in into
//! snapshots. Each importer is a pure function from text to an [`import::Imported`]
//! snapshot plus the records it skipped, or an [`import::ImportError`] naming the line
//! that made the whole input unreadable. `main.rs` is the only place that knows about
//! files, arguments and exit codes.

pub mod import;
