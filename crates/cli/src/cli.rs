//! The `paperdeck` binary's modules, the only code that knows about arguments, files and
//! exit codes: `usage.rs` (the help text and wrong usage), `import_command.rs` with
//! `import_args.rs`, `output_path.rs` (never over an input, through symlinks), `files.rs`
//! (reading inputs) with `gunzip.rs` (every member, up to a limit), `atomic_write.rs`
//! (the old file or the new one, whatever fails) and `import_report.rs`, and
//! `check_command.rs`, `update_command.rs` (`paperdeck update`), `export_command.rs` with
//! `export_args.rs`, `render_command.rs` (`paperdeck render`) and `feed_command.rs`
//! (`paperdeck feed`).

pub mod atomic_write;
pub mod check_command;
pub mod export_args;
pub mod export_command;
pub mod feed_command;
pub mod files;
pub mod gunzip;
pub mod import_args;
pub mod import_command;
pub mod import_report;
pub mod output_path;
pub mod render_command;
#[cfg(test)]
pub(crate) mod scratch;
pub mod update_command;
pub mod usage;
