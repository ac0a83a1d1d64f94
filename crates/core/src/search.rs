//! Search: the query language, the inverted index and its scoring, filters, facets, sort
//! orders and highlighting, brought together by [`catalog::Catalog`], which answers a
//! [`crate::ViewState`] with a [`catalog::SearchResult`].

pub(crate) mod bitset;
pub(crate) mod catalog;
pub(crate) mod field;
pub(crate) mod filter;
pub(crate) mod flag_set;
pub(crate) mod fxhash;
pub(crate) mod grouping;
pub(crate) mod highlight;
pub(crate) mod index;
pub(crate) mod joined_texts;
pub(crate) mod key_sort;
pub(crate) mod new_papers;
pub(crate) mod paper_keys;
pub(crate) mod query;
pub(crate) mod shared_sort;
pub(crate) mod sort;
pub(crate) mod text;
pub(crate) mod timeline;
pub(crate) mod value_facet;
