//! `paperdeck feed`: an Atom feed of a saved view, written at build time.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use paperdeck_core::render::{atom_feed, FeedOptions};

use crate::cli::atomic_write::write_atomically;
use crate::cli::render_command::{load_catalog, read_view};

pub const FEED_USAGE: &str = "\
usage:
  paperdeck feed SNAPSHOT.json [--view QS] [--site-url URL] [--title TITLE] [--limit N] -o OUT.xml

Writes an Atom feed of the papers of a view (QS, a query string like the explorer's:
q=lora&sort=newest; default: every paper, newest first), one entry per paper with its
title, authors, dates, abstract and links. Put OUT.xml next to the explorer's index.html:
entry links are its permalinks (?paper=ID), relative to the feed.
--site-url  the explorer's address (https://lab.example/papers/): links and ids become
            absolute URLs of the site; without it ids are urn:uuid:s from the paper ids
--title     the feed's title (default: the snapshot's title)
--limit     at most N entries, the first in the view's order

exit status: 0 success, 1 invalid input, 2 wrong usage";

/// Runs `paperdeck feed` with the arguments after `feed`.
pub fn run_feed(args: &[String]) -> ExitCode {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{FEED_USAGE}");
        return ExitCode::SUCCESS;
    }
    let mut snapshot: Option<PathBuf> = None;
    let (mut view, mut site_url, mut title, mut limit, mut output) =
        (None, None, None, None, None::<PathBuf>);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let Some(value) = (match arg.as_str() {
            "--view" | "--site-url" | "--title" | "--limit" | "-o" | "--output" => it.next().cloned(),
            s if s.starts_with('-') => return usage(&format!("feed: unknown option {s}")),
            s if snapshot.is_none() => {
                snapshot = Some(s.into());
                continue;
            }
            s => return usage(&format!("feed: unexpected argument {s}")),
        }) else {
            return usage(&format!("{arg} needs a value"));
        };
        match arg.as_str() {
            "--view" => view = Some(value),
            "--site-url" => site_url = Some(value),
            "--title" => title = Some(value),
            "--limit" => match value.parse::<usize>() {
                Ok(n) if n > 0 => limit = Some(n),
                _ => return usage(&format!("--limit: {value} is not a positive number")),
            },
            _ => output = Some(value.into()),
        }
    }
    let (Some(snapshot), Some(output)) = (snapshot, output) else {
        return usage("feed needs a SNAPSHOT.json and -o OUT.xml");
    };
    if let Some(url) = &site_url {
        if !paperdeck_core::is_http_url(url) || !url.ends_with('/') {
            return usage("--site-url: an http(s) URL ending in / (https://lab.example/papers/)");
        }
    }
    let written = (|| {
        let catalog = load_catalog(&snapshot)?;
        let view = read_view(view.as_deref().unwrap_or(""))?;
        let href = output.file_name().and_then(|n| n.to_str()).unwrap_or("feed.xml").to_string();
        let options =
            FeedOptions { site_url: site_url.as_deref(), href: &href, title: title.as_deref(), limit };
        let xml = atom_feed(&catalog, &view, &options);
        write_atomically(Path::new(&output), &xml)
            .map_err(|e| format!("cannot write {}: {e}", output.display()))
    })();
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("paperdeck: {message}");
            ExitCode::FAILURE
        }
    }
}

fn usage(message: &str) -> ExitCode {
    eprintln!("paperdeck: {message}\n\n{FEED_USAGE}");
    ExitCode::from(2)
}
