//! Where the files `paperdeck render --pages` writes are, relative to the explorer's page:
//! each paper's own page and the list pages after the first.

/// The folder, beside the explorer's page, that holds the papers' own pages.
pub const PAPER_PAGES_DIR: &str = "papers";

/// The folder, beside the explorer's page, of the list pages.
pub const LIST_PAGES_DIR: &str = "list";

/// Papers on the explorer's page and on each list page.
pub const STATIC_PAGE_SIZE: usize = 100;

/// The file name of a paper's page inside [`PAPER_PAGES_DIR`]. Ids are of `A-Z a-z 0-9 .
/// _ -` only (docs/snapshot-format.md), so the name never leaves the folder.
pub fn paper_page_file(id: &str) -> String {
    format!("{id}.html")
}

/// The href of a paper's page from the explorer's page.
pub fn paper_page_href(id: &str) -> String {
    format!("{PAPER_PAGES_DIR}/{}", paper_page_file(id))
}

/// The href of list page `n` (2 or more) from the explorer's page.
pub fn list_page_href(n: usize) -> String {
    format!("{LIST_PAGES_DIR}/{n}.html")
}

/// How many pages (the explorer's included) a list of `total` papers takes.
pub fn list_page_count(total: usize) -> usize {
    total.div_ceil(STATIC_PAGE_SIZE).max(1)
}
