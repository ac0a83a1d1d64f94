//! Paperdeck's browser app: a thin Leptos UI over `paperdeck-core`.

mod after_paint;
mod app;
mod components;
mod crash_panel;
mod download;
mod embed_height;
mod keyboard;
mod load;
mod next_task;
mod page_title;
mod passing_note;
mod root_attributes;
mod scoped_memo;
mod seen_store;
mod state;
mod static_page;

fn main() {
    // In the index worker (`load::index_worker`), which runs this same wasm: nothing to show.
    if web_sys::window().is_none() {
        return;
    }
    crash_panel::install();
    leptos::mount::mount_to_body(app::App);
}
