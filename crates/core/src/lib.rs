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

mod bitset;
mod catalog;
mod date;
mod filter;
mod fxhash;
mod highlight;
mod id;
mod index;
mod model;
mod parse;
mod problem;
mod query;
mod serialize;
mod sort;
mod text;
mod url;
pub mod view;

pub use bitset::BitSet;
pub use catalog::{Catalog, Facets, SearchResult};
pub use date::PartialDate;
pub use filter::{CountRange, DatePreset, Has, AUTHOR_BUCKETS};
pub use highlight::{highlight_ranges, highlight_segments};
pub use id::{slug_id, IdAllocator};
pub use index::SearchIndex;
pub use model::{Links, Paper, Snapshot, FORMAT_NAME, FORMAT_VERSION, LINK_KINDS};
pub use parse::{parse_snapshot, LoadedSnapshot, SnapshotError};
pub use problem::{Problem, ProblemKind};
pub use query::{Field, Query, Term};
pub use serialize::to_json;
pub use sort::SortOrder;
pub use text::{fold, words};
pub use url::is_http_url;
pub use view::{
    decode as decode_url, embed_view, encode as encode_url, iframe_snippet, is_snapshot_url, positive_count,
    script_snippet, EmbedOptions, Paging, PaperUrlTemplate, Param, Theme, UrlNotice, ViewMode, ViewState,
    PAGE_SIZE, PARAMETERS,
};
pub use view::{display, labels};
