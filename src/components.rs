//! One component per file.

pub mod abstract_text;
pub mod explorer;
pub mod load_error;
pub mod load_notice;
pub mod loading_state;
pub mod paper_card;
pub mod paper_links;
pub mod paper_list;
pub mod site_footer;
