//! The usage text `paperdeck --help` and `paperdeck import --help` print, and the answer
//! to wrong usage (exit status 2). docs/importing.md quotes the text verbatim
//! (`tests/cli.rs` checks it).

use std::process::ExitCode;

pub const USAGE: &str = "\
usage:
  paperdeck import [--from FORMAT] FILE... [options] -o OUT.json
  paperdeck export SNAPSHOT [--view QUERY] [--format FORMAT] -o FILE
  paperdeck check FILE.json
  paperdeck update SNAPSHOT.json [--source SPEC]... [options]   (paperdeck update --help)
  paperdeck render SNAPSHOT.json --into PAGE.html | --fragment -o OUT.html   (--help)
  paperdeck feed SNAPSHOT.json [--view QS] -o OUT.xml   (paperdeck feed --help)

import   reads every FILE and writes one snapshot (format v1) to OUT.json. Papers found
         in several entries or files (same arXiv id, same DOI, or same title and year)
         are merged into one. The report lists each merge and each entry that could not
         be used, with FILE:LINE and the reason; a malformed FILE writes nothing.
         FILE may be gzip-compressed (.gz).
         --from FORMAT applies to the FILEs after it; without it a FILE's format comes
         from its extension (.bib .xml .csv .json .txt .ris):
           bibtex      BibTeX / BibLaTeX (.bib)
           arxiv-atom  a response of the arXiv API (export.arxiv.org/api/query) (.xml)
           csv         a table with a header: Zotero or Publish or Perish exports, or
                       columns named title, authors, date, abstract, url, ... (.csv)
           hf-api      Hugging Face daily_papers API responses, JSON arrays (.json)
           hf-page     a Hugging Face papers page saved as text (.txt)
           ris         RIS, as Zotero, Mendeley and EndNote export it (.ris)
           snapshot    a Paperdeck snapshot (a .json file whose format field is
                       paperdeck-snapshot is read as one)
options  --title TITLE       the snapshot's title
         --allow-undated     keep entries without a year, as undated papers (sorted last)
         --map COLUMN=FIELD  csv: read COLUMN as FIELD (repeatable; FIELD ignore drops it)
         --base-url URL      bibtex: join relative pdf, slides, poster, supp and preview
                             links to URL (the folder of the site's files, ending in /)
         --preview-base-url URL  bibtex: join relative preview images to URL instead
         --highlight NAME    a lab member whose name cards show in bold (repeatable)
         --year YYYY         hf-page: the year of dates written without one
export   writes every paper of a view of SNAPSHOT, in the view's order, to FILE (- for
         standard output): the same bytes as the page's Export menu downloads.
         --view QUERY     the view as the page's URL writes it after '?'
                          (q=lora&from=2024); empty or left out: the default view
         --format FORMAT  bib (BibTeX), ris (RIS), csv (the generic header import
                          reads) or json (a snapshot); by default FILE's extension
check    validates a snapshot and lists each problem with the paper's index and id.

exit status: 0 success, 1 invalid input, 2 wrong usage";

/// Prints the usage text: exit status 0.
pub fn help() -> ExitCode {
    println!("{USAGE}");
    ExitCode::SUCCESS
}

/// Says what was wrong and prints the usage text: exit status 2.
pub fn usage_error(message: &str) -> ExitCode {
    eprintln!("paperdeck: {message}\n\n{USAGE}");
    ExitCode::from(2)
}
