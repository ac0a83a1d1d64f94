//! Round trips, the test of "nothing lost" (docs/exporting.md): every real fixture and the
//! bundled snapshot, exported as BibTeX, RIS, CSV and JSON and imported again, give the
//! same papers (titles, author lists, dates at their precision, venue, kind, links, tags,
//! arXiv ids, DOIs), except for exactly what docs/exporting.md says a format cannot carry,
//! which [`expected`] applies.

use std::path::{Path, PathBuf};

use paperdeck_cli::import::{import, ImportOptions, Input, SourceFormat};
use paperdeck_core::{
    export_view, parse_snapshot, Catalog, ExportFormat, LinkKind, Paper, PaperKind, PartialDate, Snapshot,
    ViewState,
};
use unicode_normalization::UnicodeNormalization;

const FIXTURES: [(&str, bool); 9] = [
    ("bibtex-strings-accents-wolflein.bib", false),
    ("bibtex-large-mixed-nu-ideas.bib", false),
    ("bibtex-large-mixed-nu-ideas.bib", true),
    ("bibtex-awkward-jabref-ari.bib", false),
    ("bibtex-awkward-crlf-crossref-3dpl.bib", false),
    ("arxiv-atom-legacy-2016-del-maestro.xml", false),
    ("arxiv-atom-2026-transformer-search.xml", false),
    ("csv-zotero-lab-publications.csv", false),
    ("csv-publish-or-perish-gscholar.csv", false),
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn imported(name: &str, format: SourceFormat, text: &str, options: &ImportOptions) -> Snapshot {
    let input = Input { name, format, text };
    import(&[input], options).unwrap_or_else(|(_, e)| panic!("{name}: {e}")).snapshot
}

/// The source format that reads an export back.
fn reader_of(format: ExportFormat) -> SourceFormat {
    match format {
        ExportFormat::Bibtex => SourceFormat::Bibtex,
        ExportFormat::Ris => SourceFormat::Ris,
        ExportFormat::Csv => SourceFormat::Csv,
        ExportFormat::Json => SourceFormat::Snapshot,
    }
}

/// What the round trips compare of a paper.
#[derive(Debug, PartialEq)]
struct Carried {
    title: String,
    authors: Option<Vec<String>>,
    author_count: u32,
    authors_incomplete: bool,
    published: PartialDate,
    venue: Option<String>,
    venue_short: Option<String>,
    kind: Option<PaperKind>,
    links: Vec<(LinkKind, String)>,
    tags: Vec<String>,
    abstract_text: Option<String>,
}

fn carried(p: &Paper) -> Carried {
    Carried {
        title: p.title.clone(),
        authors: p.authors.clone(),
        author_count: p.author_count,
        authors_incomplete: p.authors_incomplete,
        published: p.published,
        venue: p.venue.clone(),
        venue_short: p.venue_short.clone(),
        kind: p.kind,
        links: p.links.iter().map(|(k, u)| (k, u.to_string())).collect(),
        tags: p.tags.clone(),
        abstract_text: p.abstract_text.clone(),
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Tags as a `keywords` field or a CSV cell reads them back: split at `,` and `;`, each
/// part made `each`, each once (case ignored).
fn split_tags(tags: &[String], each: impl Fn(&str) -> String) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in tags.iter().flat_map(|t| t.split([',', ';'])).map(each).filter(|t| !t.is_empty()) {
        if !out.iter().any(|o| o.to_lowercase() == part.to_lowercase()) {
            out.push(part);
        }
    }
    out
}

/// The arXiv PDF link an importer adds to a paper with an arXiv id and no PDF.
fn with_arxiv_pdf(p: &Paper, mut links: Vec<(LinkKind, String)>) -> Vec<(LinkKind, String)> {
    if let (Some(arxiv), None) = (&p.links.arxiv, &p.links.pdf) {
        let id = arxiv.rsplit_once("/abs/").unwrap().1;
        links.push((LinkKind::Pdf, format!("https://arxiv.org/pdf/{id}")));
        links.sort();
    }
    links
}

/// What a paper is after a round trip through `format` (docs/exporting.md, "What each
/// format carries").
fn expected(format: ExportFormat, p: &Paper) -> Carried {
    let mut c = carried(p);
    c.title = one_line(&p.title);
    c.abstract_text = p.abstract_text.as_deref().map(one_line);
    c.venue = p.venue.as_deref().map(one_line);
    match format {
        ExportFormat::Json => return carried(p),
        ExportFormat::Bibtex if p.bibtex.is_some() => {
            // The paper's own entry: what the site's fields gave is not in it.
            c.venue_short = None;
            c.tags.retain(|t| t != "selected");
            return c;
        }
        ExportFormat::Bibtex => {
            // The reader composes accents (NFC), and reads a name with `=` in BibLaTeX's
            // extended name format (`family=…`), so such a name is lost.
            let nfc = |s: &str| s.nfc().collect::<String>();
            c.title = nfc(&c.title);
            c.abstract_text = c.abstract_text.as_deref().map(nfc);
            c.venue = c.venue.as_deref().map(nfc);
            if let Some(names) = &mut c.authors {
                names.retain(|n| !n.contains('='));
                c.author_count = names.len() as u32;
            }
            c.venue_short = None;
            c.tags = split_tags(&p.tags, |t| nfc(&one_line(t)));
            c.kind = Some(match p.kind {
                Some(PaperKind::Preprint | PaperKind::Talk | PaperKind::Other) | None
                    if p.links.arxiv.is_some() =>
                {
                    PaperKind::Preprint
                }
                Some(PaperKind::Preprint | PaperKind::Talk | PaperKind::Other) | None => PaperKind::Other,
                Some(k) => k,
            });
            c.links = with_arxiv_pdf(p, c.links);
        }
        ExportFormat::Ris => {
            c.authors_incomplete = false;
            c.kind = Some(p.kind.unwrap_or(PaperKind::Other));
            c.links.retain(|(k, _)| {
                matches!(
                    k,
                    LinkKind::Url
                        | LinkKind::Arxiv
                        | LinkKind::Code
                        | LinkKind::Hf
                        | LinkKind::Pdf
                        | LinkKind::Doi
                )
            });
            c.links = with_arxiv_pdf(p, c.links);
            c.tags = p.tags.iter().map(|t| one_line(t)).collect();
        }
        ExportFormat::Csv => {
            c.tags = split_tags(&p.tags, |t| t.trim().to_string());
            c.links = with_arxiv_pdf(p, c.links);
        }
    }
    if p.authors.is_none() && format != ExportFormat::Csv {
        c.author_count = 0;
    }
    c
}

/// Exports `snapshot`'s default view in every format, imports each again with `options`,
/// and compares paper by paper.
fn round_trips(label: &str, snapshot: Snapshot, options: &ImportOptions) {
    let catalog = Catalog::new(snapshot);
    let view = ViewState::default();
    let order: Vec<&Paper> = catalog.search(&view).ids.iter().map(|&i| catalog.paper(i)).collect();
    for format in ExportFormat::ALL {
        let text = export_view(&catalog, &view, format);
        let name = format!("{label}.{}", format.extension());
        let back = imported(&name, reader_of(format), &text, options);
        assert_eq!(back.papers.len(), order.len(), "{name}: as many papers");
        let mut wrong = Vec::new();
        for (before, after) in order.iter().zip(&back.papers) {
            let (got, want) = (fields(&carried(after)), fields(&expected(format, before)));
            if got != want {
                let lines: Vec<String> = got
                    .iter()
                    .zip(&want)
                    .filter(|(g, w)| g != w)
                    .map(|((f, g), (_, w))| {
                        let (g, w) = around_difference(g, w);
                        format!("    {f}: got  {g}\n    {f}: want {w}")
                    })
                    .collect();
                wrong.push(format!("  {:?}\n{}", short(&before.title), lines.join("\n")));
            }
        }
        assert!(wrong.is_empty(), "{name}: {} papers differ:\n{}", wrong.len(), wrong.join("\n"));
        if format == ExportFormat::Json {
            let again: Vec<Paper> = order.iter().map(|p| (*p).clone()).collect();
            assert_eq!(back.papers, again, "{name}: a snapshot reads back whole");
        }
    }
}

fn fields(c: &Carried) -> Vec<(&'static str, String)> {
    vec![
        ("title", format!("{:?}", c.title)),
        ("authors", format!("{:?}", c.authors)),
        ("author_count", format!("{:?}", c.author_count)),
        ("authors_incomplete", format!("{:?}", c.authors_incomplete)),
        ("published", c.published.to_string()),
        ("venue", format!("{:?}", c.venue)),
        ("venue_short", format!("{:?}", c.venue_short)),
        ("kind", format!("{:?}", c.kind)),
        ("links", format!("{:?}", c.links)),
        ("tags", format!("{:?}", c.tags)),
        ("abstract", format!("{:?}", c.abstract_text)),
    ]
}

/// The two texts from a little before where they first differ.
fn around_difference(a: &str, b: &str) -> (String, String) {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let at = a.iter().zip(&b).take_while(|(x, y)| x == y).count().saturating_sub(40);
    let part = |s: &[char]| s[at.min(s.len())..].iter().take(120).collect::<String>();
    (part(&a), part(&b))
}

fn short(s: &str) -> String {
    s.chars().take(160).collect()
}

#[test]
fn every_fixture_round_trips_in_every_format() {
    for (name, allow_undated) in FIXTURES {
        let text = std::fs::read_to_string(root().join("crates/cli/tests/data/fixtures").join(name)).unwrap();
        let options = ImportOptions { allow_undated, ..Default::default() };
        let snapshot = imported(name, SourceFormat::from_file_name(name).unwrap(), &text, &options);
        round_trips(name, snapshot, &options);
    }
}

#[test]
fn the_bundled_snapshots_round_trip_in_every_format() {
    for path in ["public/papers.json", "public/examples/wolflein-publications.json"] {
        let loaded = parse_snapshot(&std::fs::read_to_string(root().join(path)).unwrap()).unwrap();
        assert!(loaded.is_clean());
        let options = ImportOptions {
            base_url: Some("https://georg-wolflein.github.io/assets/pdf/".into()),
            ..Default::default()
        };
        round_trips(path, loaded.snapshot, &options);
    }
}

/// Text that breaks naive writers: TeX specials, braces (balanced or not), quotes, TeX
/// ligatures, commas and semicolons, line breaks, tabs and non-ASCII.
const HOSTILE: [&str; 12] = [
    r"Braces {kept} and {unbalanced",
    r"closing} first {then",
    r"50% & $5 and $10 #1 a_b ~x^y",
    r"back\slash \'e \textbf{x} \\ end\",
    r#""double" 'single' ''two'' ``three`` `one`"#,
    "dashes -- and --- and -",
    "line\nbreak\r\nand\ttab  double  space",
    "comma, semicolon; colon: [brackets] (parens) <angle>",
    "Wölflein — 深度学习 — ÆØÅ — e\u{301} — \u{a0}nbsp",
    "@article{x, title = {injected}}",
    "TY  - JOUR\nER  - ",
    "=HYPERLINK(\"https://evil.example\")",
];

fn hostile_paper(i: usize, text: &str) -> Paper {
    let mut p = Paper::new(format!("h{i}"), text, 0, PartialDate::ymd(2024, 1 + (i % 12) as u8, 2).unwrap());
    p.authors = Some(vec![
        "Ada Lovelace".into(),
        // A name with `,` or `;` is another name (or two) in RIS and CSV: see the docs.
        one_line(&format!("Grace {}", text.replace([',', ';'], " "))),
    ]);
    p.author_count = 2;
    p.abstract_text = Some(format!("{text}\n\nSecond paragraph."));
    p.venue = Some(format!("Venue {text}"));
    p.tags = vec![format!("tag {text}"), "plain".into()];
    p.kind = Some(PaperKind::Article);
    p
}

/// What the hostile text is after a round trip, by docs/exporting.md: white space (line
/// breaks, tabs, runs of spaces) is one space in every format but JSON; the rest is read
/// back unchanged.
#[test]
fn hostile_text_reads_back_in_every_format() {
    let mut papers: Vec<Paper> = HOSTILE.iter().enumerate().map(|(i, t)| hostile_paper(i, t)).collect();
    let long = "Long title ".repeat(2_000) + "end";
    papers.push(hostile_paper(12, &long));
    papers[12].published = PartialDate::y(2000).unwrap();
    let snapshot = Snapshot { papers, ..Default::default() };
    round_trips("hostile", snapshot, &ImportOptions::default());
}

/// Tags a RIS record may use here, and the types.
const RIS_TAGS: [&str; 15] =
    ["TY", "TI", "AU", "PY", "DA", "T2", "J2", "AB", "KW", "DO", "UR", "L1", "ER", "N1", "ID"];
const RIS_TYPES: [&str; 9] = ["JOUR", "CPAPER", "UNPB", "THES", "BOOK", "CHAP", "RPRT", "SLIDE", "GEN"];

/// The RIS specification, strictly: `TAG  - value` lines ending in CR LF, records from
/// `TY` (a known type) to `ER`, a blank line between them, no other text.
fn check_ris(text: &str, papers: usize, label: &str) {
    assert!(
        !text.contains('\n') || text.split("\r\n").all(|l| !l.contains(['\n', '\r'])),
        "{label}: CR LF only"
    );
    let mut records = 0;
    let mut open = false;
    for line in text.split("\r\n") {
        if line.is_empty() {
            assert!(!open, "{label}: a blank line inside a record");
            continue;
        }
        let (tag, rest) = line.split_at(2);
        assert!(RIS_TAGS.contains(&tag) && rest.starts_with("  - "), "{label}: {line:?}");
        let value = &rest[4..];
        match tag {
            "TY" => {
                assert!(!open && RIS_TYPES.contains(&value), "{label}: {line:?}");
                open = true;
            }
            "ER" => {
                assert!(open && value.is_empty(), "{label}: {line:?}");
                open = false;
                records += 1;
            }
            _ => assert!(open && !value.is_empty() && value.trim() == value, "{label}: {line:?}"),
        }
    }
    assert!(!open && records == papers, "{label}: {records} records for {papers} papers");
}

/// BibTeX, as the `biblatex` crate and BibTeX's own brace counting (which counts escaped
/// braces too) read it: every entry parses, keys are unique, braces balance.
fn check_bibtex(text: &str, papers: usize, label: &str) {
    let bibliography = biblatex::Bibliography::parse(text).unwrap_or_else(|e| panic!("{label}: {e:?}"));
    assert_eq!(bibliography.len(), papers, "{label}: one entry a paper, each key once");
    let mut depth = 0i64;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        assert!(depth >= 0, "{label}: a '}}' closes nothing");
    }
    assert_eq!(depth, 0, "{label}: braces balance");
}

#[test]
fn bibtex_and_ris_pass_strict_checks() {
    let mut sources: Vec<(String, Snapshot)> = Vec::new();
    for (name, allow_undated) in FIXTURES {
        let text = std::fs::read_to_string(root().join("crates/cli/tests/data/fixtures").join(name)).unwrap();
        let options = ImportOptions { allow_undated, ..Default::default() };
        sources.push((
            name.into(),
            imported(name, SourceFormat::from_file_name(name).unwrap(), &text, &options),
        ));
    }
    let hostile: Vec<Paper> = HOSTILE.iter().enumerate().map(|(i, t)| hostile_paper(i, t)).collect();
    sources.push(("hostile".into(), Snapshot { papers: hostile, ..Default::default() }));
    for (label, snapshot) in sources {
        let n = snapshot.papers.len();
        let catalog = Catalog::new(snapshot);
        check_bibtex(&export_view(&catalog, &ViewState::default(), ExportFormat::Bibtex), n, &label);
        check_ris(&export_view(&catalog, &ViewState::default(), ExportFormat::Ris), n, &label);
    }
}
