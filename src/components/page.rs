//! The page around the results: the explorer (header, toolbar, filters, results), the
//! footer, and what shows while the snapshot loads or when it cannot be used.

pub mod explorer;
pub mod feed_link;
pub mod load_error;
pub mod loading_state;
pub mod site_footer;
