//! The toolbar above the results: search, order, layout, theme, "Copy link" and "Embed".

pub mod export_menu;
pub mod group_select;
pub mod search_box;
pub mod sort_select;
pub mod theme_select;
pub mod view_toggle;

use leptos::prelude::*;

use self::export_menu::ExportMenu;
use self::group_select::GroupSelect;
use self::search_box::SearchBox;
use self::sort_select::SortSelect;
use self::theme_select::ThemeSelect;
use self::view_toggle::ViewToggle;
use super::embed::embed_dialog::EmbedDialog;
use super::widgets::copy_button::CopyButton;
use crate::state::shared_url;

/// Search, order and display controls above the results.
#[component]
pub fn Toolbar() -> impl IntoView {
    view! {
        <div class="toolbar" role="search">
            <SearchBox/>
            // Two groups, the menus and the actions: a row each on a phone (style/main.css).
            <div class="toolbar-controls">
                <div class="toolbar-menus">
                    <SortSelect/>
                    <GroupSelect/>
                    <ThemeSelect/>
                </div>
                <div class="toolbar-actions">
                    <ViewToggle/>
                    // The canonical URL of the current view; shown for copying by hand where
                    // the clipboard is not available.
                    <div class="copy-link">
                        <CopyButton
                            text=Signal::derive(shared_url)
                            label="Copy link"
                            copied_label="Copied"
                            testid="copy-link"
                            fallback_label="Link to this view"
                            announcement="Link to this view copied"
                        />
                    </div>
                    <ExportMenu/>
                    <EmbedDialog/>
                </div>
            </div>
        </div>
    }
}
