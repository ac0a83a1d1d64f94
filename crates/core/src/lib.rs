//! Paperdeck's pure core: everything the explorer knows about papers, with no I/O and no
//! dependency on the browser.
//!
//! The principal types are [`Snapshot`] and [`Paper`] (the data model of snapshot format v1,
//! see `docs/snapshot-format.md`) and [`PartialDate`] (a date of year, month or day
//! precision). [`parse_snapshot`] turns snapshot JSON into a [`LoadedSnapshot`]: fatal
//! problems (not JSON, wrong format or version) are an error, while a bad record is skipped
//! and reported, so one broken paper never hides the others.
//!
//! ```
//! let json = r#"{"format":"paperdeck-snapshot","version":1,"papers":[
//!   {"id":"a","title":"A paper","author_count":2,"published":"2024-06"},
//!   {"id":"b","title":"","author_count":1,"published":"2024"}]}"#;
//! let loaded = paperdeck_core::parse_snapshot(json).unwrap();
//! assert_eq!(loaded.snapshot.papers.len(), 1);
//! assert_eq!(loaded.skipped(), 1);
//! ```

mod export;
pub mod render;
mod search;
mod snapshot;

pub mod view;

pub use export::{
    bibtex_entry, cite_key_base, escape_latex, export_papers, export_view, file_name as export_file_name,
    permalink, reference, ris_type, to_bibtex, to_csv, to_ris, to_snapshot_json, view_papers, view_title,
    CiteKeys, ExportFormat, CSV_COLUMNS,
};
pub use search::bitset::BitSet;
pub use search::catalog::{
    AwaitingIndex, Catalog, CatalogLoader, FacetEntries, FacetEntry, Facets, IndexToFinish, LoadedCatalog,
    SearchResult,
};
pub use search::field::{Field, FieldSet};
pub use search::filter::{CountRange, DatePreset, Has, HasSet, KindSet, AUTHOR_BUCKETS};
pub use search::flag_set::{Flag, FlagSet};
pub use search::grouping::{Group, GroupBy};
pub use search::highlight::{highlight_ranges, highlight_segments, match_ranges, split_marked, Terms};
pub use search::index::{SearchIndex, TextTokenizer};
pub use search::query::{Query, Term, MAX_PHRASE_WORDS, MAX_TERMS as MAX_QUERY_TERMS};
pub use search::sort::SortOrder;
pub use search::text::{fold, words};
pub use search::timeline::{
    month_number, MonthCounts, TimeUnit, Timeline, TimelineBar, TimelineKey, MAX_MONTH_BARS,
};
pub use search::value_facet::ValueFacet;
pub use snapshot::date::PartialDate;
pub use snapshot::id::{slug_id, IdAllocator};
pub use snapshot::kind::PaperKind;
pub use snapshot::links::{LinkKind, Links};
pub use snapshot::model::{Paper, Snapshot, FORMAT_NAME, FORMAT_VERSION};
pub use snapshot::names::{PersonName, PersonSet};
pub use snapshot::parse::{parse_snapshot, LoadedSnapshot, SnapshotError, SnapshotReader};
pub use snapshot::problem::{Problem, ProblemKind};
pub use snapshot::serialize::to_json;
pub use snapshot::url::is_http_url;
pub use view::{
    active_filters, data_origin, decode as decode_url, embed_view, encode as encode_url, iframe_snippet,
    is_snapshot_url, page_href, positive_count, script_snippet, ActiveFilter, CardReuse, DataOrigin,
    EmbedOptions, Paging, PaperUrlTemplate, Param, Theme, UrlNotice, ViewMode, ViewState, MAX_SNAPSHOT_BYTES,
    PAGE_SIZE, PARAMETERS,
};
pub use view::{display, labels, seen};
pub use view::{escape_step, step_card, takes_text, EscapeStep, KeyContext, OpenNow, Shortcut};
