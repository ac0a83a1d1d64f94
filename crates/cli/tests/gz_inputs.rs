//! `.gz` inputs end to end: every gzip member is read (the first alone used to be, and the
//! import called a success), and a failing `.gz` input writes nothing.

use std::io::Write;
use std::process::{Command, Output};

use flate2::write::GzEncoder;
use flate2::Compression;
#[path = "../src/cli/scratch.rs"]
mod scratch;
use scratch::Scratch;

fn paperdeck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_paperdeck")).args(args).output().expect("paperdeck runs")
}

fn scratch(name: &str) -> Scratch {
    Scratch::new(&format!("gz-test-{name}"))
}

fn gzip(text: &str) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(text.as_bytes()).unwrap();
    encoder.finish().unwrap()
}

#[test]
fn a_multi_member_gz_file_is_not_cut_after_its_first_member() {
    let dir = scratch("members");
    let (input, out) = (dir.join("refs.bib.gz"), dir.join("papers.json"));
    let first = gzip("@article{a, title = {First}, author = {Ada Lovelace}, year = 2020}\n");
    let second = gzip("@article{b, title = {Second}, author = {Alan Turing}, year = 2021}\n");
    std::fs::write(&input, [first, second].concat()).unwrap();
    let run = paperdeck(&["import", input.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    assert!(stderr.contains("2 papers written"), "{stderr}");
    let json = std::fs::read_to_string(&out).unwrap();
    assert!(json.contains("\"First\"") && json.contains("\"Second\""), "{json}");
}

#[test]
fn a_gz_input_that_is_not_gzip_fails_and_writes_nothing() {
    let dir = scratch("not-gzip");
    let (input, out) = (dir.join("refs.bib.gz"), dir.join("papers.json"));
    std::fs::write(&input, "@article{a, title = {T}, year = 2020}\n").unwrap();
    let run = paperdeck(&["import", input.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(&format!("cannot read {}", input.display())), "{stderr}");
    assert!(!out.exists());
}
