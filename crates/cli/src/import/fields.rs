//! Field readers that several source formats share: arXiv ids and DOIs, dates and month
//! names in many languages, author names, LaTeX in text, links written into abstracts,
//! the rules for link fields and relative links, kinds of publication, citation counts,
//! and tags. Each turns text as sources write it into the
//! value a paper keeps; none knows which format it came from.

pub mod abstract_links;
pub mod counts;
pub mod dates;
pub mod identifiers;
pub mod kinds;
pub mod latex_text;
pub mod links;
pub mod month_names;
pub mod names;
pub mod relative_links;
pub mod tags;
