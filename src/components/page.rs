//! The page around the results: the explorer (header, toolbar, filters, results), the
//! footer, the keyboard shortcuts' help panel, and what shows while the snapshot loads or when it cannot be used.

pub mod explorer;
pub mod feed_link;
pub mod load_error;
pub mod loading_state;
pub mod shortcut_help;
pub mod site_footer;
