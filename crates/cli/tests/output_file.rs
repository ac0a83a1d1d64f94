#![cfg(unix)]
//! Writing the snapshot end to end: runs never collide on a temporary file nor leave one
//! behind, an output that is one of the inputs is refused before anything is read, a
//! symlinked output stays a symlink, and a write that fails leaves what was there.

use std::path::Path;
use std::process::{Command, Output};
#[path = "../src/cli/scratch.rs"]
mod scratch;
use scratch::Scratch;

const BIB: &str = "@article{a, title = {T}, author = {Ada Lovelace}, year = 2020}\n";

fn paperdeck_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_paperdeck"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("paperdeck runs")
}

/// A new directory holding `refs.bib`.
fn scratch(name: &str) -> Scratch {
    let dir = Scratch::new(&format!("output-test-{name}"));
    std::fs::write(dir.join("refs.bib"), BIB).unwrap();
    dir
}

/// The names in a directory, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn two_runs_writing_one_output_leave_no_temporary_file() {
    let dir = scratch("twice");
    let runs: Vec<_> = (0..2)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_paperdeck"))
                .current_dir(&dir)
                .args(["import", "refs.bib", "-o", "papers.json"])
                .output()
        })
        .collect();
    let together: Vec<_> = (0..4)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_paperdeck"))
                .current_dir(&dir)
                .args(["import", "refs.bib", "-o", "papers.json"])
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for run in runs {
        assert!(run.unwrap().status.success());
    }
    for mut child in together {
        assert!(child.wait().unwrap().success(), "runs at the same time do not collide");
    }
    assert_eq!(names_in(&dir), ["papers.json", "refs.bib"]);
    assert!(std::fs::read_to_string(dir.join("papers.json")).unwrap().contains("\"T\""));
}

#[test]
fn an_output_that_is_an_input_is_refused_and_the_input_kept() {
    let dir = scratch("same");
    std::os::unix::fs::symlink("refs.bib", dir.join("link.bib")).unwrap();
    let cases: [&[&str]; 5] = [
        &["import", "refs.bib", "-o", "refs.bib"],
        &["import", "refs.bib", "-o", "./refs.bib"],
        &["import", "./refs.bib", "-o", "refs.bib"],
        &["import", "refs.bib", "-o", "link.bib"],
        &["import", "--from", "bibtex", "link.bib", "-o", "refs.bib"],
    ];
    for args in cases {
        let run = paperdeck_in(&dir, args);
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("is the input"), "{args:?}: {stderr}");
        assert_eq!(std::fs::read_to_string(dir.join("refs.bib")).unwrap(), BIB, "{args:?}");
        assert!(std::fs::symlink_metadata(dir.join("link.bib")).unwrap().file_type().is_symlink());
        assert_eq!(names_in(&dir), ["link.bib", "refs.bib"], "{args:?}: nothing written");
    }
}

#[test]
fn a_symlinked_output_stays_a_symlink_and_its_target_gets_the_snapshot() {
    let dir = scratch("link");
    std::fs::create_dir(dir.join("site")).unwrap();
    std::fs::write(dir.join("site/papers.json"), "old").unwrap();
    std::os::unix::fs::symlink("site/papers.json", dir.join("papers.json")).unwrap();
    let run = paperdeck_in(&dir, &["import", "refs.bib", "-o", "papers.json"]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let link = std::fs::symlink_metadata(dir.join("papers.json")).unwrap();
    assert!(link.file_type().is_symlink(), "the link is not replaced by a file");
    assert!(std::fs::read_to_string(dir.join("site/papers.json")).unwrap().contains("\"T\""));
    assert_eq!(names_in(&dir.join("site")), ["papers.json"]);
}

#[test]
fn a_failed_write_keeps_what_was_there_and_leaves_no_temporary_file() {
    let dir = scratch("fails");
    std::fs::create_dir(dir.join("papers.json")).unwrap();
    std::fs::write(dir.join("papers.json/kept"), "kept").unwrap();
    for out in ["papers.json", "refs.bib/papers.json"] {
        let run = paperdeck_in(&dir, &["import", "refs.bib", "-o", out]);
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{out}: {stderr}");
        assert!(stderr.contains(&format!("cannot write {out}")), "{out}: {stderr}");
        assert_eq!(names_in(&dir), ["papers.json", "refs.bib"], "{out}: no temporary file");
        assert_eq!(std::fs::read_to_string(dir.join("papers.json/kept")).unwrap(), "kept");
        assert_eq!(std::fs::read_to_string(dir.join("refs.bib")).unwrap(), BIB);
    }
}
