//! The UI, one component per file, grouped by where it sits on the page. Components read
//! the view and the results from [`crate::state`] and change the view only through its
//! named operations; a component imports another only to place it.
//!
//! - [`page`]: the explorer page itself, its footer, and the loading and error states.
//! - [`toolbar`]: search, order, layout, theme, "Copy link", "Embed".
//! - [`filters`]: the filter panel and its facets.
//! - [`results`]: the result summary, suggestions, and the list of cards or rows.
//! - [`notices`]: dismissible notices about the URL and the snapshot.
//! - [`embed`]: embed mode, and the "Embed this view" dialog.
//! - [`widgets`]: small controls used in several places.

pub mod embed;
pub mod filters;
pub mod notices;
pub mod page;
pub mod results;
pub mod toolbar;
pub mod widgets;
