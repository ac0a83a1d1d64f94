//! Writing a view out as text for readers without the app: the static page and its
//! fragment (`html.rs`, semantic HTML with schema.org `ScholarlyArticle` microdata),
//! Highwire `citation_*` meta for one paper (`citation.rs`), a page of its own for each
//! paper (`paper_page.rs`), the static list in pages (`list_page.rs`) and a sitemap of
//! them (`sitemap.rs`), an Atom feed (`atom.rs`),
//! which feed belongs to which view (`feeds.rs`), the markers a built page holds them at
//! (`page.rs`) and the site's origin in the page's policy (`csp.rs`). Every string from the data goes through `escape.rs`, written once.
//!
//! The `paperdeck render` and `paperdeck feed` commands call these; docs/deploying.md
//! describes what they write.

mod atom;
mod cards;
mod citation;
mod csp;
mod escape;
mod feeds;
mod html;
mod list_page;
mod page;
mod paper_page;
mod shell;
mod site_paths;
mod sitemap;
mod static_timeline;
mod static_toolbar;

pub use atom::{atom_feed, FeedOptions};
pub use citation::citation_meta;
pub use csp::{allow_origin, url_origin};
pub use escape::escape;
pub use feeds::{feed_for_view, feed_head_links, feed_view_key, read_feed_link, FeedLink};
pub use html::{static_block, HtmlOptions, STATIC_ID};
pub use list_page::list_page;
pub use page::{replace_marked, stylesheet_href, with_title, MarkerError};
pub use paper_page::paper_page;
pub use shell::PaperPageOptions;
pub use site_paths::{
    list_page_count, list_page_href, paper_page_file, paper_page_href, LIST_PAGES_DIR, PAPER_PAGES_DIR,
    STATIC_PAGE_SIZE,
};
pub use sitemap::sitemap;
