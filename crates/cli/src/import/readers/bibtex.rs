//! BibTeX and BibLaTeX files (`--from bibtex`), parsed with the `biblatex` crate.
//!
//! The crate resolves `@string` macros, month macros (`nov`), LaTeX accents and escapes
//! (`W\"{o}lflein`, `{\ss}`, `\&`), brace-protected words, `Last, First` names and
//! `crossref`s. `@comment`, `@preamble` and text outside entries are ignored. On top of
//! it this importer:
//! - reads each entry on its own, so one bad entry (an undefined macro, a repeated key)
//!   is reported and the others kept; a syntax error that makes the file unreadable is
//!   reported with its line and column and nothing is written;
//! - dates a paper by `year` (or BibLaTeX `date`) and `month` (`nov`, `{06}`, `{Sep}`,
//!   `{04--06 Jun}`); without a year it is skipped, or undated with `--allow-undated`;
//! - keeps `and others` as an incomplete author list, and drops co-first markers (`Wu*`);
//! - finds the arXiv id in `eprint` (+ `archivePrefix`), `arxiv`, an arXiv DOI, an
//!   arxiv.org `url`, `note = {arXiv:…}` or DBLP's `volume = {abs/…}`;
//! - turns `doi`, `url`, `pdf`, `code`, `website`/`project`, `html` and al-folio's
//!   `slides`, `poster`, `video`, `blog`, `supp`, `data` into links (http(s) only; `pdf`,
//!   `slides`, `poster`, `supp` and the `preview` thumbnail may be relative, joined to
//!   `--base-url`), `keywords` into tags, `journal`/`booktitle` into the venue, `abbr`
//!   into its short form, `selected = {true}` into the tag `selected`, and the entry type
//!   into the paper's kind (`@inproceedings`: conference);
//! - keeps the entry itself as the paper's `bibtex`, for exports (`original.rs`): minus
//!   the fields only a web page uses, its macros resolved, relative links joined.
//!
//! `entries.rs` reads the entries, `paper.rs` makes each a paper, `links.rs` its links,
//! `original.rs` the entry it keeps; `escapes.rs` reads escaped special characters once.

mod entries;
mod escapes;
mod links;
mod original;
mod paper;

use std::collections::HashSet;

use biblatex::Entry;
use paperdeck_core::Paper;

use crate::import::parsed::{ImportError, Location, Note, Parsed};
use crate::import::source::ImportOptions;
use entries::{cross_referenced, read_each, read_syntax, ReadEntry};

/// Entry types that are volumes other entries cross-reference, not papers.
const VOLUME_TYPES: [&str; 6] =
    ["proceedings", "mvproceedings", "book", "mvbook", "collection", "mvcollection"];

/// Reads a BibTeX file.
pub fn parse(text: &str, options: &ImportOptions) -> Result<Parsed, ImportError> {
    let dashes = escapes::protect_url_dashes(text);
    let protected = escapes::protect(&dashes);
    let text = protected.as_ref();
    let raw = read_syntax(text)?;
    let mut parsed = Parsed::default();
    let (read, together) = read_each(text, &raw, options.base_url.as_deref(), &mut parsed);
    let together = together.resolve(&read, &mut parsed.notes);
    let volumes = cross_referenced(&read);
    for entry in &read {
        let at = Location::Line(entry.line);
        let resolved = together.as_ref().and_then(|b| b.get(&entry.alone.key)).unwrap_or(&entry.alone);
        let paper = paper_unless_volume(entry, resolved, &volumes, options, at, &mut parsed.notes);
        parsed.push(
            at,
            paper.map(|mut p| {
                escapes::unprotect_paper(&mut p);
                p
            }),
        );
    }
    for note in &mut parsed.notes {
        note.message = escapes::unprotect(&note.message);
    }
    for skipped in &mut parsed.skipped {
        skipped.reason = escapes::unprotect(&skipped.reason);
    }
    parsed.skipped.sort_by_key(|s| s.at);
    Ok(parsed)
}

/// The paper of an entry (`resolved`: with what it cross-references), unless it is a
/// volume that other entries cross-reference: their fields, not a paper.
fn paper_unless_volume(
    entry: &ReadEntry,
    resolved: &Entry,
    volumes: &HashSet<String>,
    options: &ImportOptions,
    at: Location,
    notes: &mut Vec<Note>,
) -> Result<Paper, String> {
    let key = &resolved.key;
    let kind = resolved.entry_type.to_string().to_lowercase();
    if VOLUME_TYPES.contains(&kind.as_str()) && volumes.contains(&key.to_lowercase()) {
        return Err(format!(
            "@{kind} {key:?} is a volume that other entries cross-reference; its fields were given to them"
        ));
    }
    let mut paper = paper::paper_of(resolved, entry.raw_keywords.as_deref(), options, at, notes)?;
    paper.bibtex = entry.original.clone();
    Ok(paper)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::test_render;

    /// Reads `bib` and compares all it made of it, rendered as text, with `expect`.
    fn check(bib: &str, options: &ImportOptions, expect: &str) {
        assert_eq!(test_render::parsed(&parse(bib, options).unwrap()), expect);
    }

    fn one(bib: &str) -> Paper {
        let parsed = parse(bib, &ImportOptions::default()).unwrap();
        assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
        assert_eq!(parsed.records.len(), 1);
        parsed.records.into_iter().next().unwrap().paper
    }

    #[test]
    fn macros_accents_names_and_others() {
        let p = one(
            "@string{CVPR = {Computer Vision and Pattern Recognition}}\n\
             @inproceedings{k, title = {{HoechstGAN}: Virtual \\& Real}, author = {W\\\"{o}lflein, Georg and Le{\\ss}mann, M. and Wu*, Q. and others},\n\
             booktitle = CVPR, year = 2023, month = jan, keywords = {a, b; c}}",
        );
        assert_eq!(p.title, "HoechstGAN: Virtual & Real");
        assert_eq!(p.authors.as_deref().unwrap(), ["Georg Wölflein", "M. Leßmann", "Q. Wu"]);
        assert!(p.authors_incomplete);
        assert_eq!(p.venue.as_deref(), Some("Computer Vision and Pattern Recognition"));
        assert_eq!(p.published.to_string(), "2023-01");
        assert_eq!(p.tags, ["a", "b", "c"]);
    }

    #[test]
    fn arxiv_ids_from_every_field_that_carries_them() {
        for (fields, id) in [
            ("eprint = {1810.06936}, archivePrefix = {arXiv}", "1810.06936"),
            ("arxiv = {2311.11772v5}", "2311.11772"),
            ("doi = {10.48550/arXiv.2203.01261}", "2203.01261"),
            ("url = {https://arxiv.org/abs/2406.16087}", "2406.16087"),
            ("note = {arXiv:2203.01261 [cs]}", "2203.01261"),
            ("journal = {CoRR}, volume = {abs/1704.06857}", "1704.06857"),
        ] {
            let p = one(&format!("@article{{k, title = {{T}}, year = {{2020}}, {fields}}}"));
            assert_eq!(p.links.arxiv, Some(format!("https://arxiv.org/abs/{id}")), "{fields}");
            assert_eq!(p.links.pdf, Some(format!("https://arxiv.org/pdf/{id}")), "{fields}");
        }
        let p = one("@misc{k, title = {T}, year = 2020, eprint = {hep-th/9901001}, archivePrefix = {other}}");
        assert_eq!(p.links.arxiv, None, "an eprint of another archive is not an arXiv id");
    }

    #[test]
    fn links_are_http_only_and_code_hosts_are_code() {
        let bib = "@article{k, title = {T}, year = 2020, url = {-}, url = {https://github.com/a/b},\n\
                   pdf = {paper.pdf}, website = {https://lab.example/p}, doi = {https://doi.org/10.1000/x.1}}";
        let parsed = parse(bib, &ImportOptions::default()).unwrap();
        let p = &parsed.records[0].paper;
        assert_eq!(p.links.code.as_deref(), Some("https://github.com/a/b"));
        assert_eq!(p.links.project.as_deref(), Some("https://lab.example/p"));
        assert_eq!(p.links.doi.as_deref(), Some("https://doi.org/10.1000/x.1"));
        assert_eq!(p.links.pdf, None);
        assert!(parsed.notes.iter().any(|n| n.message.contains("\"paper.pdf\"")), "{:?}", parsed.notes);
    }

    fn with_base(bib: &str, base_url: Option<&str>) -> Parsed {
        let options = ImportOptions { base_url: base_url.map(String::from), ..Default::default() };
        parse(bib, &options).unwrap()
    }

    #[test]
    fn entry_types_give_kinds() {
        for (entry, kind) in [
            ("@article{k, title = {T}, year = 2020, journal = {Nature}}", "article"),
            (
                "@Article{k, title = {T}, year = 2020, journal = {arXiv preprint arXiv:2206.01775}}",
                "preprint",
            ),
            ("@inproceedings{k, title = {T}, year = 2020}", "conference"),
            ("@conference{k, title = {T}, year = 2020}", "conference"),
            ("@incollection{k, title = {T}, year = 2020}", "chapter"),
            ("@inbook{k, title = {T}, year = 2020}", "chapter"),
            ("@book{k, title = {T}, year = 2020}", "book"),
            ("@phdthesis{k, title = {T}, year = 2020}", "thesis"),
            ("@mastersthesis{k, title = {T}, year = 2020}", "thesis"),
            ("@thesis{k, title = {T}, year = 2020, type = {phdthesis}}", "thesis"),
            ("@techreport{k, title = {T}, year = 2020}", "report"),
            ("@report{k, title = {T}, year = 2020}", "report"),
            ("@presentation{k, title = {T}, year = 2020}", "talk"),
            ("@talk{k, title = {T}, year = 2020}", "talk"),
            (
                "@misc{k, title = {T}, year = 2020, eprint = {2001.00001}, archivePrefix = {arXiv}}",
                "preprint",
            ),
            (
                "@misc{k, title = {T}, year = 2020, eprint = {2020.01.01.123456}, eprinttype = {bioRxiv}}",
                "preprint",
            ),
            (
                "@unpublished{k, title = {T}, year = 2020, url = {https://arxiv.org/abs/2001.00001}}",
                "preprint",
            ),
            ("@online{k, title = {T}, year = 2020, doi = {10.48550/arXiv.2001.00001}}", "preprint"),
            ("@www{k, title = {T}, year = 2020, arxiv = {2001.00001}}", "preprint"),
            ("@preprint{k, title = {T}, year = 2020, eprint = {2001.00001}}", "preprint"),
            ("@misc{k, title = {T}, year = 2020, howpublished = {Blog}}", "other"),
            ("@unpublished{k, title = {T}, year = 2020}", "other"),
            ("@online{k, title = {T}, year = 2020, url = {https://lab.example}}", "other"),
            ("@manual{k, title = {T}, year = 2020}", "other"),
        ] {
            assert_eq!(one(entry).kind.map(|k| k.name()), Some(kind), "{entry}");
        }
    }

    #[test]
    fn abbr_is_the_short_venue_and_selected_a_tag() {
        let p = one(
            "@string{CVPR_SHORT = {CVPR}}\n@inproceedings{k, title = {T}, year = 2020, abbr = CVPR_SHORT,\n\
                     keywords = {vision, Selected}, selected = {true}}",
        );
        assert_eq!(p.venue_short.as_deref(), Some("CVPR"));
        assert_eq!(p.tags, ["vision", "Selected"], "the tag once, whatever its case");
        for (value, selected) in [
            ("{true}", true),
            ("{Yes}", true),
            ("{1}", true),
            ("1", true),
            ("{false}", false),
            ("{no}", false),
        ] {
            let p = one(&format!("@article{{k, title = {{T}}, year = 2020, selected = {value}}}"));
            assert_eq!(p.tags.contains(&"selected".to_string()), selected, "{value}");
        }
        assert_eq!(one("@article{k, title = {T}, year = 2020, abbr = {}}").venue_short, None);
    }

    #[test]
    fn each_al_folio_link_field_gives_its_link() {
        for (field, kind) in [
            ("pdf", "pdf"),
            ("code", "code"),
            ("html", "url"),
            ("url", "url"),
            ("website", "project"),
            ("project", "project"),
            ("slides", "slides"),
            ("poster", "poster"),
            ("video", "video"),
            ("blog", "blog"),
            ("supp", "supplement"),
            ("supplement", "supplement"),
            ("data", "data"),
            ("dataset", "data"),
        ] {
            let url = format!("https://lab.example/{field}");
            let p = one(&format!("@article{{k, title = {{T}}, year = 2020, {field} = {{{url}}}}}"));
            let links: Vec<(&str, &str)> = p.links.iter().map(|(k, u)| (k.name(), u)).collect();
            assert_eq!(links, [(kind, url.as_str())], "{field}");
        }
        let p = one("@article{k, title = {T}, year = 2020, preview = {https://lab.example/p.png}}");
        assert_eq!(p.thumbnail.as_deref(), Some("https://lab.example/p.png"));
        assert!(p.links.is_empty());
        // `url` is read before `html`: the first link of a kind wins.
        let p = one("@article{k, title = {T}, year = 2020, html = {https://pub.example/h}, url = {https://pub.example/u}}");
        assert_eq!(p.links.url.as_deref(), Some("https://pub.example/u"));
        let p = one("@article{k, title = {T}, year = 2020, html = {https://github.com/lab/x}}");
        assert_eq!(p.links.code.as_deref(), Some("https://github.com/lab/x"), "html at a code host is code");
    }

    #[test]
    fn relative_links_are_joined_to_the_base_url_or_left_out() {
        let bib = "@inproceedings{k, title = {T}, year = 2020, pdf = {paper.pdf}, slides = {talks/s.pdf},\n\
                   poster = {/files/poster.pdf}, supp = {../supp/x.zip}, preview = {p.png}, code = {repo},\n\
                   html = {page.html}, video = {javascript:alert(1)}, blog = {data:text/html,x}}";
        let parsed = with_base(bib, Some("https://lab.example/assets/pdf/"));
        assert_eq!(
            test_render::parsed(&parsed),
            r#"line 1: "T" 2020
  authors 0 []
  kind "conference"
  thumbnail "https://lab.example/assets/pdf/p.png"
  pdf https://lab.example/assets/pdf/paper.pdf
  slides https://lab.example/assets/pdf/talks/s.pdf
  poster https://lab.example/files/poster.pdf
  supplement https://lab.example/assets/supp/x.zip
note line 1: html "page.html" is not an absolute http(s) URL; left out
note line 1: code "repo" is not an absolute http(s) URL; left out
note line 1: video "javascript:alert(1)" is not an absolute http(s) URL; left out
note line 1: blog "data:text/html,x" is not an absolute http(s) URL; left out
"#
        );
        let parsed = with_base(bib, None);
        assert_eq!(
            test_render::parsed(&parsed),
            r#"line 1: "T" 2020
  authors 0 []
  kind "conference"
note line 1: html "page.html" is not an absolute http(s) URL; left out
note line 1: pdf "paper.pdf" is a relative link; left out (pass --base-url to keep it)
note line 1: code "repo" is not an absolute http(s) URL; left out
note line 1: slides "talks/s.pdf" is a relative link; left out (pass --base-url to keep it)
note line 1: poster "/files/poster.pdf" is a relative link; left out (pass --base-url to keep it)
note line 1: video "javascript:alert(1)" is not an absolute http(s) URL; left out
note line 1: blog "data:text/html,x" is not an absolute http(s) URL; left out
note line 1: supp "../supp/x.zip" is a relative link; left out (pass --base-url to keep it)
note line 1: preview "p.png" is a relative link; left out (pass --base-url to keep it)
"#
        );
        // A value with a scheme is never joined: only http(s) is kept.
        for value in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:application/pdf;base64,AAAA",
            "file:///x.pdf",
        ] {
            let bib = format!(
                "@article{{k, title = {{T}}, year = 2020, pdf = {{{value}}}, preview = {{{value}}}}}"
            );
            let parsed = with_base(&bib, Some("https://lab.example/"));
            let p = &parsed.records[0].paper;
            assert_eq!((p.links.pdf.as_deref(), p.thumbnail.as_deref()), (None, None), "{value}");
            assert_eq!(parsed.notes.len(), 2, "{value}: {:?}", parsed.notes);
        }
    }

    #[test]
    fn keywords_one_a_line_through_the_parser() {
        // Through the parser, which folds line breaks in what it reads.
        let p = one("---\n---\n[a markdown line](https://x.org)\n@article{k, title = {T}, year = 2020,\n  keywords = {Animals\n*Cocaine/administration \\& dosage\nPolymorphism, Single Nucleotide\nW{\\\"o}rds}}");
        assert_eq!(
            p.tags,
            ["Animals", "Cocaine/administration & dosage", "Polymorphism, Single Nucleotide", "Wörds"]
        );
    }

    #[test]
    fn html_in_url_fields_gives_the_link_inside() {
        let p = one("@article{k, title = {T}, year = 2024, url = {doi:<a href=\"https://doi.org/10.1016/j.cma.2024.117485\">10.1016/j.cma.2024.117485</a>}}");
        assert_eq!(p.links.doi.as_deref(), Some("https://doi.org/10.1016/j.cma.2024.117485"));
        assert_eq!(p.links.url, None);
        let p =
            one("@article{k, title = {T}, year = 2024, url = {<a href='https://lab.example/p'>paper</a>}}");
        assert_eq!(p.links.url.as_deref(), Some("https://lab.example/p"));
    }

    #[test]
    fn tex_escapes_in_urls_and_dois() {
        let p = one("@misc{k, title = {T}, year = 2020, url = {https://x.org/a\\_b\\%20c?d=1\\&e=2}, doi = {10.1000/a\\_b}}");
        assert_eq!(p.links.url.as_deref(), Some("https://x.org/a_b%20c?d=1&e=2"));
        assert_eq!(p.links.doi.as_deref(), Some("https://doi.org/10.1000/a_b"));
    }

    #[test]
    fn entries_without_year_or_title_are_reported_and_the_rest_kept() {
        let bib = "% a comment line\r\n@comment{jabref-meta: x;}\r\n@article{a, title = {Kept}, year = 2021}\r\n\
                   @article{b, title = {No year}}\r\n@article{c, year = 2020}\r\n@article{a, title = {Again}, year = 2020}\r\n\
                   @article{d, title = {Bad macro}, journal = NOWHERE, year = 2020}";
        check(
            bib,
            &ImportOptions::default(),
            r#"line 3: "Kept" 2021
  authors 0 []
  kind "article"
line 7: "Bad macro" 2020
  authors 0 []
  venue "NOWHERE"
  kind "article"
skipped line 4: entry "b" has no year (pass --allow-undated to keep it as an undated paper)
skipped line 5: entry "c" has no title
skipped line 6: repeats the citation key "a" of the entry at line 3
note line 7: @string macro "NOWHERE" is not defined; its name is used as text
"#,
        );
        // Notes on reading the entries come before notes on their papers.
        check(
            bib,
            &ImportOptions { allow_undated: true, ..Default::default() },
            r#"line 3: "Kept" 2021
  authors 0 []
  kind "article"
line 4: "No year" undated
  authors 0 []
  kind "article"
line 7: "Bad macro" 2020
  authors 0 []
  venue "NOWHERE"
  kind "article"
skipped line 5: entry "c" has no title
skipped line 6: repeats the citation key "a" of the entry at line 3
note line 7: @string macro "NOWHERE" is not defined; its name is used as text
note line 4: has no year; kept as undated
"#,
        );
    }

    #[test]
    fn a_syntax_error_names_line_and_column() {
        let e = parse(
            "@article{a, title = {T}, year = 2020}\n@article{b, title = {T}, year = 2020\n",
            &ImportOptions::default(),
        )
        .unwrap_err();
        assert_eq!(e.line, 3, "{e}");
        let e = parse("@article{a, title = {T} year = 2020}\n", &ImportOptions::default()).unwrap_err();
        assert_eq!((e.line, e.column), (1, Some(25)), "{e}");
    }

    #[test]
    fn referenced_volumes_give_their_fields_and_are_not_papers() {
        let bib = "@inproceedings{p, title = {Paper}, author = {A B}, crossref = {conf}}\n\
                   @proceedings{conf, title = {Proceedings of X}, booktitle = {Proceedings of X}, year = 2017}";
        check(
            bib,
            &ImportOptions::default(),
            r#"line 1: "Paper" 2017
  authors 1 [A B]
  venue "Proceedings of X"
  kind "conference"
skipped line 2: @proceedings "conf" is a volume that other entries cross-reference; its fields were given to them
"#,
        );
    }
}
