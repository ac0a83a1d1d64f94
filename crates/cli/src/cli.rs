//! The `paperdeck` binary's modules, the only code that knows about arguments, files and
//! exit codes: `usage.rs` (the help text and wrong usage), `import_command.rs` with
//! `import_args.rs`, `files.rs` (reading inputs, writing the output) with `gunzip.rs`
//! (every member, up to a limit) and `import_report.rs`, and `check_command.rs`.

pub mod check_command;
pub mod files;
pub mod gunzip;
pub mod import_args;
pub mod import_command;
pub mod import_report;
pub mod usage;
