use leptos::prelude::*;

use super::copy_link_button::CopyLinkButton;
use super::embed_dialog::EmbedDialog;
use super::search_box::SearchBox;
use super::sort_select::SortSelect;
use super::theme_select::ThemeSelect;
use super::view_toggle::ViewToggle;

/// Search, order and display controls above the results.
#[component]
pub fn Toolbar() -> impl IntoView {
    view! {
        <div class="toolbar" role="search">
            <SearchBox/>
            <div class="toolbar-controls">
                <SortSelect/>
                <ViewToggle/>
                <ThemeSelect/>
                <CopyLinkButton/>
                <EmbedDialog/>
            </div>
        </div>
    }
}
