//! The `paperdeck` binary end to end: exit codes, messages, nothing written on failure.

use std::path::PathBuf;
use std::process::{Command, Output};

fn paperdeck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_paperdeck")).args(args).output().expect("paperdeck runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("paperdeck-cli-test-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const PAGE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/hf-papers-search-page.txt");

#[test]
fn import_then_check() {
    let dir = scratch("ok");
    let out = dir.join("papers.json");
    let run =
        paperdeck(&["import", "--from", "hf-page", PAGE, "--year", "2025", "-o", out.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    assert!(stderr.contains("77 papers written"), "{stderr}");
    assert!(
        stderr.contains("hf-papers-search-page.txt:429"),
        "the skipped card is reported with its line: {stderr}"
    );
    let check = paperdeck(&["check", out.to_str().unwrap()]);
    assert!(check.status.success());
    assert!(String::from_utf8_lossy(&check.stdout).contains("valid, 77 papers"));
}

#[test]
fn year_less_dates_without_year_fail_naming_the_line_and_write_nothing() {
    let dir = scratch("noyear");
    let out = dir.join("papers.json");
    let run = paperdeck(&["import", "--from", "hf-page", PAGE, "-o", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("hf-papers-search-page.txt:91: the date \"Sep 8\" has no year"), "{stderr}");
    assert!(!out.exists(), "nothing is written");
    assert!(!dir.join("papers.json.tmp").exists());
}

#[test]
fn check_lists_each_problem_with_index_and_id() {
    let dir = scratch("check");
    let file = dir.join("bad.json");
    std::fs::write(&file, r#"{"format":"paperdeck-snapshot","version":1,"papers":[
        {"id":"good","title":"Good","author_count":1,"published":"2024"},
        {"id":"bad","title":"Bad","author_count":1,"published":"June 2024"},
        {"id":"link","title":"Link","author_count":1,"published":"2024","links":{"code":"javascript:alert(1)"}},
        {"id":"gone","title":"","author_count":1,"published":"2024"}]}"#).unwrap();
    let check = paperdeck(&["check", file.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(stdout.contains("papers[1] (id \"bad\"): published: \"June 2024\" is not a date"), "{stdout}");
    assert!(stdout.contains("papers[2] (id \"link\"): links.code"), "{stdout}");
    assert!(stdout.contains("papers[3] (id \"gone\"): title: is empty; record skipped"), "{stdout}");
    assert!(stdout.contains("3 papers usable, 1 records skipped"), "{stdout}");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(paperdeck(&[]).status.code(), Some(2));
    assert_eq!(paperdeck(&["import", "--from", "nope", "x", "-o", "y"]).status.code(), Some(2));
    assert_eq!(paperdeck(&["import", "--from", "hf-page", PAGE]).status.code(), Some(2));
    assert_eq!(
        paperdeck(&["import", "--from", "hf-page", PAGE, "--year", "25", "-o", "y"]).status.code(),
        Some(2)
    );
    assert!(paperdeck(&["--help"]).status.success());
}
