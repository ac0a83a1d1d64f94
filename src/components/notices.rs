//! Notices above the results: URL parameters that were ignored, records of the snapshot
//! that were skipped (both dismissible), and papers that come from another site (lasting).

pub mod foreign_source;
pub mod load_notice;
pub mod url_notice;
