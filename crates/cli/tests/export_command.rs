//! `paperdeck export`: the view's papers in a format, the same bytes as the core's
//! `export_view` (what the page downloads), written atomically; wrong usage exits 2, a
//! snapshot that cannot be read 1.

use std::process::{Command, Output};

use paperdeck_core::{decode_url, export_view, parse_snapshot, Catalog, ExportFormat};
#[path = "../src/cli/scratch.rs"]
mod scratch;
use scratch::Scratch;

fn paperdeck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_paperdeck")).args(args).output().expect("paperdeck runs")
}

fn scratch(name: &str) -> Scratch {
    Scratch::new(&format!("export-test-{name}"))
}

const EXAMPLE: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/examples/wolflein-publications.json");

fn core_export(view: &str, format: ExportFormat) -> String {
    let text = std::fs::read_to_string(EXAMPLE).unwrap();
    let catalog = Catalog::new(parse_snapshot(&text).unwrap().snapshot);
    export_view(&catalog, &decode_url(view).0, format)
}

#[test]
fn writes_the_bytes_the_page_downloads_for_each_format_and_view() {
    let dir = scratch("formats");
    for view in ["", "q=agents&from=2024", "tag=selected&sort=oldest"] {
        for format in ExportFormat::ALL {
            let out = dir.join(format!("out.{}", format.extension()));
            let run = paperdeck(&["export", EXAMPLE, "--view", view, "-o", out.to_str().unwrap()]);
            let stderr = String::from_utf8_lossy(&run.stderr);
            assert!(run.status.success(), "{view} {format:?}: {stderr}");
            assert!(stderr.starts_with("wrote "), "{stderr}");
            assert_eq!(
                std::fs::read_to_string(&out).unwrap(),
                core_export(view, format),
                "{view} {format:?}"
            );
        }
    }
    let all = core_export("", ExportFormat::Ris);
    let some = core_export("q=agents&from=2024", ExportFormat::Ris);
    assert!(some.len() < all.len() && !some.is_empty(), "the view chooses the papers");
}

#[test]
fn standard_output_and_the_format_by_name() {
    let run = paperdeck(&["export", EXAMPLE, "--view", "?q=agents", "--format", "bibtex", "-o", "-"]);
    assert!(run.status.success());
    assert_eq!(String::from_utf8(run.stdout).unwrap(), core_export("q=agents", ExportFormat::Bibtex));
}

#[test]
fn wrong_usage_exits_2_and_an_unreadable_snapshot_1() {
    let dir = scratch("errors");
    let out = dir.join("out.bib");
    for args in [
        vec!["export", EXAMPLE],
        vec!["export", EXAMPLE, "-o", "out.txt"],
        vec!["export", EXAMPLE, "--format", "xml", "-o", "x.bib"],
        vec!["export", "-o", "x.bib"],
        vec!["export", EXAMPLE, "--format", "json", "-o", EXAMPLE],
    ] {
        assert_eq!(paperdeck(&args).status.code(), Some(2), "{args:?}");
    }
    let not_json = dir.join("bad.json");
    std::fs::write(&not_json, "{ nope").unwrap();
    let run = paperdeck(&["export", not_json.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    assert!(!out.exists(), "nothing written");
    let missing = paperdeck(&["export", "/nonexistent/p.json", "-o", out.to_str().unwrap()]);
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn a_view_value_the_page_ignores_is_ignored_with_a_warning() {
    let run = paperdeck(&["export", EXAMPLE, "--view", "from=soon&qq=x", "--format", "csv", "-o", "-"]);
    assert!(run.status.success());
    let stderr = String::from_utf8(run.stderr).unwrap();
    assert!(
        stderr.contains("--view: from:") && stderr.contains("\"qq=x\" is not a view parameter"),
        "{stderr}"
    );
    assert_eq!(String::from_utf8(run.stdout).unwrap(), core_export("", ExportFormat::Csv));
}
