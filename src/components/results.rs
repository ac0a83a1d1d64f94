//! The results: the timeline, the summary line, "did you mean" suggestions, and the list of papers as
//! cards or rows, with the parts of a card.

pub mod abstract_text;
pub mod active_filters;
pub mod author_names;
pub mod cite_panel;
pub mod focus_memory;
pub mod highlighted_text;
pub mod paper_card;
pub mod paper_links;
pub mod paper_list;
pub mod paper_row;
pub mod related_papers;
pub mod related_summary;
pub mod result_summary;
pub mod slot_paper;
pub mod suggestions;
pub mod timeline;
