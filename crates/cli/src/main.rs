//! `paperdeck`: import paper lists into Paperdeck snapshots, export views of them, and
//! check snapshots.
//! This file and its modules in `cli/` are the only place that knows about arguments,
//! files and exit codes (0 success, 1 invalid input, 2 wrong usage).

mod cli;

use std::process::ExitCode;

use cli::check_command::run_check;
use cli::export_command::run_export;
use cli::feed_command::run_feed;
use cli::import_command::run_import;
use cli::render_command::run_render;
use cli::update_command::run_update;
use cli::usage::{help, usage_error};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("import") => run_import(&args[1..]),
        Some("check") => run_check(&args[1..]),
        Some("update") => run_update(&args[1..]),
        Some("export") => run_export(&args[1..]),
        Some("render") => run_render(&args[1..]),
        Some("feed") => run_feed(&args[1..]),
        Some("-h" | "--help" | "help") => help(),
        _ => usage_error("expected a command: import, check, export, update, render or feed"),
    }
}
