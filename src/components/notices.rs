//! Notices above the results: URL parameters that were ignored, records of the snapshot
//! that were skipped (both dismissible), papers that come from another site (lasting), and
//! papers new since this browser's last visit.

pub mod foreign_source;
pub mod load_notice;
pub mod new_papers_notice;
pub mod url_notice;
