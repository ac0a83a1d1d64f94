//! One component per file.

pub mod abstract_text;
pub mod author_facet;
pub mod copy_link_button;
pub mod date_filter;
pub mod explorer;
pub mod filter_panel;
pub mod has_facet;
pub mod highlighted_text;
pub mod load_error;
pub mod load_notice;
pub mod loading_state;
pub mod paper_card;
pub mod paper_links;
pub mod paper_list;
pub mod paper_row;
pub mod result_summary;
pub mod search_box;
pub mod site_footer;
pub mod sort_select;
pub mod suggestions;
pub mod theme_select;
pub mod toolbar;
pub mod upvotes_filter;
pub mod url_notice;
pub mod view_toggle;
pub mod year_facet;
