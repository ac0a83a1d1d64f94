//! `paperdeck update` end to end, against a local replay server (`replay/mod.rs`) that
//! serves recorded answers of Hugging Face, arXiv and Zotero (`data/update/README.md`):
//! paging, an empty day, 429 with Retry-After, 500 then success, a body cut short, a
//! timeout, a failed source with and without --keep-going, idempotence.

mod replay;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use replay::{Replay, Reply};
use serde_json::Value;
#[path = "../src/cli/scratch.rs"]
mod scratch;
use scratch::Scratch;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");

fn scratch(name: &str) -> Scratch {
    Scratch::new(&format!("update-test-{name}"))
}

/// Runs `paperdeck update ARGS` against `replay`, with the short waits of tests.
fn update(replay: &Replay, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_paperdeck"));
    cmd.arg("update").args(args);
    for var in
        ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy", "ZOTERO_API_KEY"]
    {
        cmd.env_remove(var);
    }
    cmd.env("PAPERDECK_HF_API_URL", format!("{}/api", replay.base))
        .env("PAPERDECK_ARXIV_API_URL", format!("{}/api/query", replay.base))
        .env("PAPERDECK_ZOTERO_API_URL", &replay.base)
        .env("PAPERDECK_TEST_TIMING", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("paperdeck runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn hf_path(day: &str, page: usize) -> String {
    format!("/api/daily_papers?date={day}&limit=100&p={page}")
}

/// The 151 recorded daily_papers objects: 126 served as one day, then 25.
fn hf_objects() -> (Vec<Value>, Vec<Value>) {
    let mut text = String::new();
    flate2::read::GzDecoder::new(
        std::fs::File::open(format!("{DATA}/update/hf-daily-2026-07-27-to-08-04.json.gz")).unwrap(),
    )
    .read_to_string(&mut text)
    .unwrap();
    let all: Vec<Value> = serde_json::from_str(&text).unwrap();
    all.into_iter().partition(|o| o["publishedAt"].as_str().unwrap() < "2026-08-03")
}

fn json(values: &[Value]) -> String {
    serde_json::to_string(values).unwrap()
}

fn papers(path: &Path) -> Vec<Value> {
    let snapshot: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    snapshot["papers"].as_array().unwrap().clone()
}

fn paper<'a>(papers: &'a [Value], id: &str) -> &'a Value {
    papers.iter().find(|p| p["id"] == id).unwrap_or_else(|| panic!("no paper {id}"))
}

/// Day A (2026-08-02) in two pages, an empty day, day C (2026-08-04) with one paper of
/// day A again (upvotes higher); later, day C's upvotes change.
fn serve_three_days(replay: &Replay) -> (Vec<Value>, Vec<Value>) {
    let (a, mut c) = hf_objects();
    assert_eq!((a.len(), c.len()), (126, 25));
    let mut again = a[3].clone();
    again["paper"]["upvotes"] = Value::from(again["paper"]["upvotes"].as_u64().unwrap() + 100);
    c.push(again);
    replay.route(&hf_path("2026-08-02", 0), vec![Reply::ok(json(&a[..100]))]);
    replay.route(&hf_path("2026-08-02", 1), vec![Reply::ok(json(&a[100..]))]);
    replay.route(&hf_path("2026-08-03", 0), vec![Reply::ok("[]")]);
    let mut later = c.clone();
    later[0]["paper"]["upvotes"] = Value::from(later[0]["paper"]["upvotes"].as_u64().unwrap() + 7);
    replay.route(&hf_path("2026-08-04", 0), vec![Reply::ok(json(&c)), Reply::ok(json(&later))]);
    (a, c)
}

#[test]
fn hf_daily_pages_days_fetches_only_new_days_refreshes_counts_and_is_idempotent() {
    let replay = Replay::start();
    let (a, c) = serve_three_days(&replay);
    let dir = scratch("hf");
    let snap = dir.join("papers.json");
    let s = snap.to_str().unwrap();

    let run = update(&replay, &[s, "--source", "hf-daily:2026-08-02..2026-08-04"], &[]);
    let err = stderr(&run);
    assert!(run.status.success(), "{err}");
    assert_eq!(
        replay.paths(),
        [
            hf_path("2026-08-02", 0),
            hf_path("2026-08-02", 1),
            hf_path("2026-08-03", 0),
            hf_path("2026-08-04", 0)
        ],
        "a full page asks for the next; an empty day is one request"
    );
    assert!(
        err.contains("paperdeck: 151 new, 0 updated, 0 unchanged, 0 skipped; 151 papers written to"),
        "{err}"
    );
    assert!(
        err.contains(
            "source hf-daily:2026-08-02..2026-08-04;through=2026-08-04: 152 entries in 4 request(s)"
        ),
        "{err}"
    );
    let twice = a[3]["paper"]["id"].as_str().unwrap();
    assert!(err.contains(&format!("merged into {twice}: ")), "{err}");
    let written = papers(&snap);
    assert_eq!(written.len(), 151);
    assert_eq!(paper(&written, twice)["upvotes"], a[3]["paper"]["upvotes"].as_u64().unwrap() + 100);

    // A hand edit: a title and a tag of one paper of day C.
    let edited = c[0]["paper"]["id"].as_str().unwrap();
    let mut snapshot: Value = serde_json::from_str(&std::fs::read_to_string(&snap).unwrap()).unwrap();
    assert_eq!(
        snapshot["sources"],
        serde_json::json!(["hf-daily:2026-08-02..2026-08-04;through=2026-08-04"])
    );
    for p in snapshot["papers"].as_array_mut().unwrap() {
        if p["id"] == edited {
            p["title"] = Value::from("Edited by hand");
            p["tags"] = serde_json::json!(["ours"]);
        }
    }
    std::fs::write(
        &snap,
        paperdeck_core::to_json(&paperdeck_core::parse_snapshot(&snapshot.to_string()).unwrap().snapshot),
    )
    .unwrap();

    // `update papers.json` alone repeats the last update, from the last day fetched.
    replay.clear_log();
    let run = update(&replay, &[s], &[]);
    let err = stderr(&run);
    assert!(run.status.success(), "{err}");
    assert_eq!(replay.paths(), [hf_path("2026-08-04", 0)], "only the days not yet covered");
    assert!(err.contains("paperdeck: 0 new, 1 updated, 25 unchanged, 0 skipped"), "{err}");
    assert!(err.contains(&format!("updated {edited}: upvotes")), "{err}");
    let written = papers(&snap);
    let p = paper(&written, edited);
    assert_eq!(p["upvotes"], c[0]["paper"]["upvotes"].as_u64().unwrap() + 7, "counts are refreshed");
    assert_eq!(
        (p["title"].as_str(), &p["tags"]),
        (Some("Edited by hand"), &serde_json::json!(["ours"])),
        "edits kept"
    );

    // Nothing changed upstream: the same bytes, and the file is not rewritten.
    let before = std::fs::read(&snap).unwrap();
    let modified = std::fs::metadata(&snap).unwrap().modified().unwrap();
    let run = update(&replay, &[s], &[]);
    let err = stderr(&run);
    assert!(run.status.success(), "{err}");
    assert!(err.contains("0 new, 0 updated, 26 unchanged") && err.contains("papers.json unchanged"), "{err}");
    assert_eq!(std::fs::read(&snap).unwrap(), before);
    assert_eq!(std::fs::metadata(&snap).unwrap().modified().unwrap(), modified);

    // --refetch asks for every day again.
    replay.clear_log();
    let run = update(&replay, &[s, "--refetch", "-o", dir.join("again.json").to_str().unwrap()], &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(replay.paths().len(), 4);
}

fn arxiv_path(query: &str, start: usize) -> String {
    format!("/api/query?search_query={query}&start={start}&max_results=100&sortBy=submittedDate&sortOrder=ascending")
}

fn with_total(feed: &str, total: usize) -> String {
    let start = feed.find("totalResults").unwrap();
    let open = start + feed[start..].find('>').unwrap() + 1;
    let close = open + feed[open..].find('<').unwrap();
    format!("{}{total}{}", &feed[..open], &feed[close..])
}

#[test]
fn arxiv_is_paged_with_a_wait_between_requests() {
    let replay = Replay::start();
    let legacy =
        std::fs::read_to_string(format!("{DATA}/fixtures/arxiv-atom-legacy-2016-del-maestro.xml")).unwrap();
    let recent =
        std::fs::read_to_string(format!("{DATA}/fixtures/arxiv-atom-2026-transformer-search.xml")).unwrap();
    replay.route(
        &arxiv_path("au:del_maestro%20OR%20ti:attention", 0),
        vec![Reply::ok(with_total(&legacy, 13))],
    );
    replay.route(
        &arxiv_path("au:del_maestro%20OR%20ti:attention", 10),
        vec![Reply::ok(with_total(&recent, 13))],
    );
    let dir = scratch("arxiv");
    let snap = dir.join("papers.json");
    let run =
        update(&replay, &[snap.to_str().unwrap(), "--source", "arxiv:au:del_maestro OR ti:attention"], &[]);
    let err = stderr(&run);
    assert!(run.status.success(), "{err}");
    let requests = replay.requests();
    assert_eq!(requests.len(), 2, "{:?}", replay.paths());
    assert!(requests[1].at - requests[0].at >= Duration::from_millis(30), "the wait between arXiv requests");
    assert!(err.contains("13 new") && err.contains("13 entries in 2 request(s)"), "{err}");
    let written = papers(&snap);
    assert!(written.iter().any(|p| p["id"] == "cond-mat-0412498"), "old-style ids");
}

#[test]
fn zotero_is_paged_by_its_link_headers_with_the_key_from_the_environment() {
    let replay = Replay::start();
    let page = |n: usize| {
        std::fs::read_to_string(format!("{DATA}/update/zotero-group-5435545-page{n}.bib")).unwrap()
    };
    let first = "/groups/5435545/items/top?format=bibtex&limit=100";
    let second = "/groups/5435545/items/top?format=bibtex&limit=100&start=100";
    replay.route(
        first,
        vec![Reply::ok(page(1))
            .header("Total-Results", "179")
            .header("Link", "<{base}/groups/5435545/items/top?format=bibtex&limit=100&start=100>; rel=\"next\", <{base}/groups/5435545/items/top?format=bibtex&limit=100&start=100>; rel=\"last\", <https://www.zotero.org/groups/bat_literature_project/items>; rel=\"alternate\"")],
    );
    replay.route(
        second,
        vec![Reply::ok(page(2))
            .header("Total-Results", "179")
            .header("Link", "<{base}/groups/5435545/items/top?format=bibtex&limit=100>; rel=\"first\", <https://www.zotero.org/groups/bat_literature_project/items>; rel=\"alternate\"")],
    );
    let dir = scratch("zotero");
    let snap = dir.join("papers.json");
    let run = update(
        &replay,
        &[snap.to_str().unwrap(), "--source", "zotero:groups/5435545"],
        &[("ZOTERO_API_KEY", "k3y")],
    );
    let err = stderr(&run);
    assert!(run.status.success(), "{err}");
    assert_eq!(replay.paths(), [first, second]);
    for r in replay.requests() {
        assert_eq!((r.header("Zotero-API-Key"), r.header("Zotero-API-Version")), (Some("k3y"), Some("3")));
    }
    assert!(err.contains("source zotero:groups/5435545: 79 entries in 2 request(s)"), "{err}");
    assert!(
        err.contains("skipped zotero:groups/5435545 page 0:"),
        "entries without a year are reported: {err}"
    );

    // A user library's collection, one page, without a key: no key header is sent.
    let collection = "/users/475425/collections/CSB4KZUU/items/top?format=bibtex&limit=100";
    replay.route(collection, vec![Reply::ok(page(2)).header("Total-Results", "29")]);
    replay.clear_log();
    let other = dir.join("collection.json");
    let run = update(
        &replay,
        &[other.to_str().unwrap(), "--source", "zotero:users/475425/collections/CSB4KZUU"],
        &[],
    );
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(replay.paths(), [collection]);
    assert_eq!(replay.requests()[0].header("Zotero-API-Key"), None);

    // A next link to another host is refused: the key goes only to the library's service.
    let elsewhere = Replay::start();
    elsewhere.route(first, vec![Reply::ok(page(1)).header("Link", "<https://evil.example/x>; rel=\"next\"")]);
    let run = update(&elsewhere, &[snap.to_str().unwrap()], &[("ZOTERO_API_KEY", "k3y")]);
    assert_eq!(run.status.code(), Some(1));
    assert!(stderr(&run).contains("the next page is at https://evil.example/x"), "{}", stderr(&run));
}

/// A snapshot of a few papers, with `sources`, written by the hf test data.
fn small_snapshot(replay: &Replay, dir: &Path) -> PathBuf {
    let (a, _) = hf_objects();
    replay.route(&hf_path("2026-08-01", 0), vec![Reply::ok(json(&a[..5]))]);
    let snap = dir.join("papers.json");
    let run = update(replay, &[snap.to_str().unwrap(), "--source", "hf-daily:2026-08-01..2026-08-01"], &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    replay.clear_log();
    snap
}

#[test]
fn a_429_with_retry_after_is_waited_for_then_retried() {
    let replay = Replay::start();
    let dir = scratch("429");
    let snap = small_snapshot(&replay, &dir);
    let (_, c) = hf_objects();
    replay.route(
        &hf_path("2026-08-02", 0),
        vec![Reply::status(429, "Too Many Requests").header("Retry-After", "5"), Reply::ok(json(&c[..2]))],
    );
    let run = update(&replay, &[snap.to_str().unwrap(), "--source", "hf-daily:2026-08-02..2026-08-02"], &[]);
    let err = stderr(&run);
    assert!(run.status.success(), "{err}");
    let r = replay.requests();
    assert_eq!(r.len(), 2);
    // Retry-After: 5 is 5 × 10 ms under the test timing (5 s for real).
    assert!(r[1].at - r[0].at >= Duration::from_millis(50), "{:?}", r[1].at - r[0].at);
    assert!(err.contains("2 new") && err.contains("2 entries in 2 request(s)"), "{err}");
    assert_eq!(papers(&snap).len(), 7);
}

#[test]
fn a_500_then_success_is_retried() {
    let replay = Replay::start();
    let dir = scratch("500");
    let snap = small_snapshot(&replay, &dir);
    let (_, c) = hf_objects();
    replay.route(
        &hf_path("2026-08-02", 0),
        vec![Reply::status(500, "oops"), Reply::status(503, ""), Reply::ok(json(&c[..1]))],
    );
    let run = update(&replay, &[snap.to_str().unwrap(), "--source", "hf-daily:2026-08-02..2026-08-02"], &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(stderr(&run).contains("1 entries in 3 request(s)"), "{}", stderr(&run));
}

#[test]
fn a_timeout_is_retried() {
    let replay = Replay::start();
    let dir = scratch("timeout");
    let snap = small_snapshot(&replay, &dir);
    let (_, c) = hf_objects();
    replay.route(
        &hf_path("2026-08-02", 0),
        vec![Reply::ok(json(&c[..1])).delayed(Duration::from_millis(1500)), Reply::ok(json(&c[..1]))],
    );
    let run = update(&replay, &[snap.to_str().unwrap(), "--source", "hf-daily:2026-08-02..2026-08-02"], &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(replay.requests().len(), 2);
}

#[test]
fn a_body_cut_short_fails_the_source_and_leaves_the_file_as_it_was() {
    let replay = Replay::start();
    let dir = scratch("cut");
    let snap = small_snapshot(&replay, &dir);
    let before = std::fs::read(&snap).unwrap();
    let (_, c) = hf_objects();
    replay.route(&hf_path("2026-08-02", 0), vec![Reply::ok(json(&c)).cut_at(5000)]);
    let run = update(&replay, &[snap.to_str().unwrap(), "--source", "hf-daily:2026-08-02..2026-08-02"], &[]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(
        err.contains("FAILED: GET ")
            && err.contains("the body was cut short")
            && err.contains("after 4 attempts"),
        "{err}"
    );
    assert!(err.contains("left as it was"), "{err}");
    assert_eq!(std::fs::read(&snap).unwrap(), before, "the file is untouched");
    assert_eq!(std::fs::read_dir(snap.parent().unwrap()).unwrap().count(), 1, "no temporary file");

    // A body cut short whose length says so too: the importer cannot read it.
    replay.route(&hf_path("2026-08-02", 0), vec![Reply::ok(&json(&c).as_bytes()[..5000])]);
    let run = update(&replay, &[snap.to_str().unwrap(), "--source", "hf-daily:2026-08-02..2026-08-02"], &[]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(
        err.contains("date=2026-08-02&limit=100&p=0: line 1:") && err.contains("not valid JSON"),
        "{err}"
    );
    assert_eq!(std::fs::read(&snap).unwrap(), before);
}

#[test]
fn a_failed_source_writes_nothing_unless_keep_going_and_loses_no_paper() {
    let replay = Replay::start();
    let dir = scratch("keep-going");
    let snap = small_snapshot(&replay, &dir);
    let before = std::fs::read(&snap).unwrap();
    let (_, c) = hf_objects();
    replay.route(&hf_path("2026-08-02", 0), vec![Reply::ok(json(&c[..3]))]);
    replay.route(&arxiv_path("au:nobody", 0), vec![Reply::status(500, "down")]);
    let s = snap.to_str().unwrap();
    let sources = ["--source", "hf-daily:2026-08-01..2026-08-02", "--source", "arxiv:au:nobody"];
    let args: Vec<&str> = [s].into_iter().chain(sources).collect();
    let run = update(&replay, &args, &[]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(err.contains("source arxiv:au:nobody: FAILED: GET ") && err.contains("HTTP 500"), "{err}");
    assert_eq!(std::fs::read(&snap).unwrap(), before);

    let args: Vec<&str> = args.into_iter().chain(["--keep-going"]).collect();
    let run = update(&replay, &args, &[]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(3), "{err}");
    assert!(err.contains("3 new, 0 updated, 5 unchanged") && err.contains("8 papers written"), "{err}");
    let snapshot: Value = serde_json::from_str(&std::fs::read_to_string(&snap).unwrap()).unwrap();
    assert_eq!(
        snapshot["sources"],
        serde_json::json!(["hf-daily:2026-08-01..2026-08-02;through=2026-08-02", "arxiv:au:nobody"])
    );

    // A source that now answers with nothing loses no paper either.
    replay.route(&hf_path("2026-08-02", 0), vec![Reply::ok("[]")]);
    let run = update(&replay, &[s, "--refetch"], &[]);
    assert_eq!(run.status.code(), Some(1), "arXiv still fails");
    replay.route(
        &arxiv_path("au:nobody", 0),
        vec![Reply::ok(with_total(
            &std::fs::read_to_string(format!("{DATA}/fixtures/arxiv-atom-2026-transformer-search.xml"))
                .unwrap(),
            3,
        ))],
    );
    let run = update(&replay, &[s, "--refetch"], &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(papers(&snap).len(), 11, "8 kept, 3 from arXiv");
}

#[test]
fn wrong_usage_and_bad_snapshots() {
    let replay = Replay::start();
    let dir = scratch("usage");
    let snap = dir.join("papers.json");
    let s = snap.to_str().unwrap();
    let run = update(&replay, &[s], &[]);
    assert_eq!(run.status.code(), Some(1), "a snapshot that does not exist, without sources");
    let run = update(&replay, &[s, "--source", "hf-daily:2026-02-30"], &[]);
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("\"2026-02-30\" is not a YYYY-MM-DD date"));
    std::fs::write(&snap, r#"{"format":"paperdeck-snapshot","version":1,"papers":[]}"#).unwrap();
    let run = update(&replay, &[s], &[]);
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("has no sources: give --source SPEC"));
    std::fs::write(&snap, r#"{"format":"paperdeck-snapshot","version":1,"sources":["rss:x"],"papers":[]}"#)
        .unwrap();
    let run = update(&replay, &[s], &[]);
    assert_eq!(run.status.code(), Some(1));
    assert!(stderr(&run).contains("sources[0]: source \"rss:x\": unknown kind"), "{}", stderr(&run));
    std::fs::write(&snap, r#"{"format":"paperdeck-snapshot","version":1,"sources":["arxiv:x"],"papers":[{"id":"a","title":""}]}"#).unwrap();
    let run = update(&replay, &[s], &[]);
    assert_eq!(run.status.code(), Some(1));
    assert!(stderr(&run).contains("updating it would drop them"), "{}", stderr(&run));
    assert!(replay.requests().is_empty(), "nothing is fetched for a snapshot that cannot be updated");
}

#[test]
fn the_help_text_is_the_one_docs_updating_md_quotes() {
    let help = Command::new(env!("CARGO_BIN_EXE_paperdeck")).args(["update", "--help"]).output().unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/updating.md")).unwrap();
    assert!(
        doc.contains(&format!("```\n{}```", help)),
        "docs/updating.md quotes `paperdeck update --help` verbatim:\n{help}"
    );
}

/// `make bench`-style figure for docs/performance.md: a snapshot of the 10,049 real papers
/// but one day's gains that day. Needs ../shared/data; run with
/// `cargo test --release -p paperdeck-cli --test update -- --ignored --nocapture`.
#[test]
#[ignore = "needs ../shared/data/hf-daily-papers-api.json.gz"]
fn a_ten_thousand_paper_snapshot_gains_one_day() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/hf-daily-papers-api.json.gz");
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path).unwrap()).read_to_string(&mut text).unwrap();
    let all: Vec<Value> = serde_json::from_str(&text).unwrap();
    let (day, rest): (Vec<Value>, Vec<Value>) =
        all.into_iter().partition(|o| o["publishedAt"].as_str().unwrap().starts_with("2026-08-04"));
    let dir = scratch("10k");
    let (input, snap) = (dir.join("rest.json"), dir.join("papers.json"));
    std::fs::write(&input, json(&rest)).unwrap();
    let import = Command::new(env!("CARGO_BIN_EXE_paperdeck"))
        .args(["import", input.to_str().unwrap(), "-o", snap.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(import.status.success());
    let replay = Replay::start();
    replay.route(&hf_path("2026-08-04", 0), vec![Reply::ok(json(&day))]);
    let started = std::time::Instant::now();
    let run = update(&replay, &[snap.to_str().unwrap(), "--source", "hf-daily:2026-08-04..2026-08-04"], &[]);
    let took = started.elapsed();
    let err = stderr(&run);
    assert!(run.status.success(), "{err}");
    println!("{} -> {}", err.lines().next().unwrap(), papers(&snap).len());
    println!("update of a {}-paper snapshot gaining {} papers of one day: {took:?}", rest.len(), day.len());
    assert!(took < Duration::from_secs(2), "{took:?}");
}
