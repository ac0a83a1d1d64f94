//! Dismissible notices above the results: URL parameters that were ignored, records of the
//! snapshot that were skipped.

pub mod load_notice;
pub mod url_notice;
