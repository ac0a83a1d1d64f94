//! `paperdeck render`: a snapshot's papers as static HTML, written into the built page at
//! its `<!-- paperdeck:static -->` marker (and the feeds' links at `<!-- paperdeck:head -->`),
//! or alone as a fragment for another site's page (`--fragment`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use paperdeck_core::labels::page_title;
use paperdeck_core::render::{
    allow_origin, citation_meta, feed_head_links, list_page, list_page_count, paper_page, paper_page_file,
    read_feed_link, replace_marked, sitemap, static_block, stylesheet_href, url_origin, with_title, FeedLink,
    HtmlOptions, PaperPageOptions, LIST_PAGES_DIR, PAPER_PAGES_DIR, STATIC_PAGE_SIZE,
};
use paperdeck_core::{decode_url, parse_snapshot, Catalog, PaperUrlTemplate, ViewState};

use crate::cli::atomic_write::write_atomically;

pub const RENDER_USAGE: &str = "\
usage:
  paperdeck render SNAPSHOT.json --into PAGE.html [--view QS] [--feed FILE[=QS]]...
                   [--pages] [--site-url URL] [--paper ID]
  paperdeck render SNAPSHOT.json --fragment [--view QS] [--explorer-url URL] -o OUT.html

Writes the papers of a view (QS, a query string like the explorer's: tag=selected&group=year;
default group=year, newest first) as HTML that needs no JavaScript: title, authors, date,
venue, abstract and links of each paper, its permalink ?paper=ID, schema.org microdata.
--into      writes it into a built page at its <!-- paperdeck:static --> marker (running it
            again replaces it); the app removes it when it starts
--feed      links an Atom feed written by `paperdeck feed` next to PAGE (FILE relative to
            PAGE) of the view QS (default: the default view): in the page's head, at its
            <!-- paperdeck:head --> marker, and in the list's note (repeatable)
--pages     also writes each paper's own page, papers/ID.html next to PAGE (its card,
            BibTeX and Highwire citation_* meta, for Google Scholar); titles link there
--site-url  the explorer's address (https://lab.example/papers/): adds its origin to
            PAGE's Content-Security-Policy (sandboxed embeds in WebKit need it), makes
            the pages' canonical and citation URLs absolute, and with --pages writes
            sitemap.xml next to PAGE
--paper     only paper ID, with its Highwire citation_* meta in the page's head
--fragment  only the list, for a Jekyll or Hugo page; permalinks go to --explorer-url

exit status: 0 success, 1 invalid input, 2 wrong usage";

#[derive(Default)]
struct RenderArgs {
    snapshot: Option<PathBuf>,
    into: Option<PathBuf>,
    output: Option<PathBuf>,
    fragment: bool,
    view: Option<String>,
    feeds: Vec<String>,
    paper: Option<String>,
    site_url: Option<String>,
    explorer_url: Option<String>,
    pages: bool,
}

/// Runs `paperdeck render` with the arguments after `render`.
pub fn run_render(args: &[String]) -> ExitCode {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{RENDER_USAGE}");
        return ExitCode::SUCCESS;
    }
    let a = match parse(args) {
        Ok(a) => a,
        Err(message) => return render_usage_error(&message),
    };
    match render(a) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("paperdeck: {message}");
            ExitCode::FAILURE
        }
    }
}

fn render_usage_error(message: &str) -> ExitCode {
    eprintln!("paperdeck: {message}\n\n{RENDER_USAGE}");
    ExitCode::from(2)
}

fn parse(args: &[String]) -> Result<RenderArgs, String> {
    let mut a = RenderArgs::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--into" => a.into = Some(value("--into")?.into()),
            "-o" | "--output" => a.output = Some(value("-o")?.into()),
            "--fragment" => a.fragment = true,
            "--pages" => a.pages = true,
            "--view" => a.view = Some(value("--view")?),
            "--feed" => a.feeds.push(value("--feed")?),
            "--paper" => a.paper = Some(value("--paper")?),
            "--site-url" => a.site_url = Some(value("--site-url")?),
            "--explorer-url" => a.explorer_url = Some(value("--explorer-url")?),
            s if s.starts_with('-') => return Err(format!("render: unknown option {s}")),
            s if a.snapshot.is_none() => a.snapshot = Some(s.into()),
            s => return Err(format!("render: unexpected argument {s}")),
        }
    }
    if a.snapshot.is_none() {
        return Err("render needs a SNAPSHOT.json".into());
    }
    match (a.fragment, &a.into, &a.output) {
        (false, Some(_), None) | (true, None, Some(_)) => {}
        (false, _, _) => {
            return Err("render writes into a page: --into PAGE.html (or --fragment -o OUT.html)".into())
        }
        (true, _, _) => return Err("render --fragment writes to -o OUT.html, not --into".into()),
    }
    if a.fragment && (!a.feeds.is_empty() || a.paper.is_some() || a.pages || a.site_url.is_some()) {
        return Err("--feed, --pages, --site-url and --paper are for a page (--into), not a fragment".into());
    }
    if a.pages && a.paper.is_some() {
        return Err("--pages writes every paper's page; --paper makes PAGE one paper's page".into());
    }
    if let Some(url) = &a.site_url {
        if url_origin(url).is_none() || !url.ends_with('/') {
            return Err("--site-url: an http(s) URL ending in / (https://lab.example/papers/)".into());
        }
    }
    Ok(a)
}

/// Reads a snapshot and indexes it; problems with single records are reported and skipped.
pub fn load_catalog(path: &Path) -> Result<Catalog, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let loaded = parse_snapshot(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    for problem in &loaded.problems {
        eprintln!("{}: {problem} (skipped)", path.display());
    }
    Ok(Catalog::new(loaded.snapshot))
}

/// A view from its query string; a value the explorer would not understand is an error
/// here, where nobody would see the explorer's notice.
pub fn read_view(qs: &str) -> Result<ViewState, String> {
    let (view, notices) = decode_url(qs.trim_start_matches('?'));
    match notices.first() {
        Some(n) => Err(format!("--view: {n}")),
        None => Ok(view),
    }
}

fn render(a: RenderArgs) -> Result<(), String> {
    let catalog = load_catalog(a.snapshot.as_deref().unwrap_or(Path::new("")))?;
    let view = read_view(a.view.as_deref().unwrap_or("group=year"))?;
    if let Some(id) = &a.paper {
        if catalog.position(id).is_none() {
            return Err(format!("--paper: no paper has the id {id}"));
        }
    }
    if a.fragment {
        let options = HtmlOptions {
            explorer_url: a.explorer_url.as_deref().unwrap_or(""),
            fragment: true,
            ..HtmlOptions::default()
        };
        let out = a.output.unwrap_or_default();
        return write_atomically(&out, &static_block(&catalog, &view, &options))
            .map_err(|e| format!("cannot write {}: {e}", out.display()));
    }
    let page_path = a.into.unwrap_or_default();
    let page = std::fs::read_to_string(&page_path)
        .map_err(|e| format!("cannot read {}: {e}", page_path.display()))?;
    let dir = page_path.parent().unwrap_or(Path::new(""));
    let mut feeds: Vec<FeedLink> = Vec::new();
    for spec in &a.feeds {
        let (href, qs) = spec.split_once('=').unwrap_or((spec, ""));
        if !dir.join(href).is_file() {
            return Err(format!(
                "--feed {href}: no such file next to {} (write it with paperdeck feed first)",
                page_path.display()
            ));
        }
        let title = match catalog.snapshot.title.as_deref() {
            Some(t) if qs.is_empty() => t.to_string(),
            Some(t) => format!("{t} ({qs})"),
            None => "Atom feed".to_string(),
        };
        read_view(qs)?;
        feeds.push(read_feed_link(href, qs, &title));
    }
    let default_feed = paperdeck_core::render::feed_for_view(&feeds, &view);
    let options = HtmlOptions {
        feed: default_feed,
        paper: a.paper.as_deref(),
        paper_pages: a.pages,
        page_size: Some(STATIC_PAGE_SIZE),
        ..HtmlOptions::default()
    };
    let block = static_block(&catalog, &view, &options);
    let mut page =
        replace_marked(&page, "static", &block).map_err(|e| format!("{}: {e}", page_path.display()))?;
    let mut head = feed_head_links(&feeds);
    if let Some(id) = &a.paper {
        let index = catalog.position(id).unwrap_or_default();
        let query = PaperUrlTemplate::new(&ViewState::default()).with_paper(id);
        let permalink = format!("{}?{query}", a.site_url.as_deref().unwrap_or(""));
        head = citation_meta(catalog.paper(index), &permalink) + head.trim_start_matches("\n    ");
    }
    if !feeds.is_empty() || a.paper.is_some() || page.contains("<!-- paperdeck:head:begin -->") {
        page = replace_marked(&page, "head", &head).map_err(|e| format!("{}: {e}", page_path.display()))?;
    }
    // The page's title names the collection (and the paper of `--paper`), as the app's
    // does once it runs; a template without a <title> keeps its head as it is.
    let opened =
        a.paper.as_deref().and_then(|id| catalog.position(id)).map(|i| catalog.paper(i).title.as_str());
    if let Some(titled) = with_title(&page, &page_title(catalog.snapshot.title.as_deref(), &view, opened)) {
        page = titled;
    }
    // A page without a policy of its own (another template) has nothing to widen.
    if let Some(with_origin) = a.site_url.as_deref().and_then(url_origin).and_then(|o| allow_origin(&page, o))
    {
        page = with_origin;
    }
    if a.pages {
        write_paper_pages(&catalog, &view, &page, dir, a.site_url.as_deref())?;
    }
    write_atomically(&page_path, &page).map_err(|e| format!("cannot write {}: {e}", page_path.display()))
}

/// Each paper of the view as `papers/ID.html` in `dir`, the view's papers after the first
/// page as `list/2.html`, … (and `sitemap.xml` with a site URL). Pages no longer in the
/// view are removed, so each folder is exactly the view's. These are build outputs,
/// written whole but without the sync of an atomic replace (10,000 syncs take minutes).
fn write_paper_pages(
    catalog: &Catalog,
    view: &ViewState,
    page: &str,
    dir: &Path,
    site_url: Option<&str>,
) -> Result<(), String> {
    let options = PaperPageOptions { stylesheet: stylesheet_href(page), site_url };
    let result = catalog.search(view);
    let papers = result
        .ids
        .iter()
        .map(|&index| (paper_page_file(&catalog.paper(index).id), paper_page(catalog, index, &options)));
    write_folder(&dir.join(PAPER_PAGES_DIR), papers)?;
    let lists = (2..=list_page_count(result.ids.len()))
        .map(|n| (format!("{n}.html"), list_page(catalog, &result, n, &options)));
    write_folder(&dir.join(LIST_PAGES_DIR), lists)?;
    if let Some(site) = site_url {
        let path = dir.join("sitemap.xml");
        write_atomically(&path, &sitemap(catalog, &result.ids, site))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

/// `pages` (file name, text) as the `.html` files of `folder`: other `.html` files there
/// are removed.
fn write_folder(folder: &Path, pages: impl Iterator<Item = (String, String)>) -> Result<(), String> {
    std::fs::create_dir_all(folder).map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    let mut written = std::collections::HashSet::new();
    for (name, text) in pages {
        let path = folder.join(&name);
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.insert(name);
    }
    let entries = std::fs::read_dir(folder).map_err(|e| format!("cannot read {}: {e}", folder.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".html") && !written.contains(&name) {
            std::fs::remove_file(entry.path()).map_err(|e| format!("cannot remove {name}: {e}"))?;
        }
    }
    Ok(())
}
