//! Paperdeck's browser app: a thin Leptos UI over `paperdeck-core`.

mod app;
mod components;
mod crash_panel;
mod download;
mod embed_height;
mod keyboard;
mod load;
mod next_task;
mod root_attributes;
mod scoped_memo;
mod seen_store;
mod state;
mod static_page;

fn main() {
    crash_panel::install();
    leptos::mount::mount_to_body(app::App);
}
