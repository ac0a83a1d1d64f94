//! Giving papers back: a view's papers as BibTeX, RIS, CSV or snapshot JSON, one paper's
//! citation and plain-text reference (docs/exporting.md). Every function is pure and
//! returns the text; the browser downloads it from a Blob, the CLI writes it to a file, so
//! both give the same bytes.
//!
//! - `format.rs`: [`ExportFormat`] (name, extension, MIME type) and [`file_name`].
//! - `cite_key.rs`: the citation key rule, unique within an export ([`CiteKeys`]).
//! - `latex.rs`: LaTeX-safe escaping for BibTeX values.
//! - `bibtex.rs`, `ris.rs`, `csv.rs`, `json.rs`: one format each.
//! - `reference.rs`: the plain-text reference (ACM Reference Format) and the permalink.

mod bibtex;
mod cite_key;
mod csv;
mod format;
mod ids;
mod json;
mod latex;
mod reference;
mod ris;

pub use bibtex::{bibtex_entry, to_bibtex};
pub use cite_key::{cite_key_base, CiteKeys};
pub use csv::{to_csv, CSV_COLUMNS};
pub use format::{file_name, ExportFormat};
pub use json::{to_snapshot_json, view_title};
pub use latex::escape_latex;
pub use reference::{permalink, reference};
pub use ris::{ris_type, to_ris};

use crate::search::catalog::Catalog;
use crate::snapshot::model::Paper;
use crate::view::ViewState;

/// The papers of `view`, all of them (not only the cards shown; an embed's `limit` is
/// ignored), in the view's order.
pub fn view_papers<'a>(catalog: &'a Catalog, view: &ViewState) -> Vec<&'a Paper> {
    catalog.search(view).ids.iter().map(|&i| catalog.paper(i)).collect()
}

/// The papers of `view` in `format`: what the Export menu downloads and `paperdeck
/// export` writes.
pub fn export_view(catalog: &Catalog, view: &ViewState, format: ExportFormat) -> String {
    let papers = view_papers(catalog, view);
    export_papers(catalog, view, &papers, format)
}

/// `papers` (of `catalog`, chosen by `view`) in `format`.
pub fn export_papers(catalog: &Catalog, view: &ViewState, papers: &[&Paper], format: ExportFormat) -> String {
    match format {
        ExportFormat::Bibtex => to_bibtex(papers),
        ExportFormat::Ris => to_ris(papers),
        ExportFormat::Csv => to_csv(papers),
        ExportFormat::Json => to_snapshot_json(&catalog.snapshot, view, papers),
    }
}
