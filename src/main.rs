//! Paperdeck's browser app: a thin Leptos UI over `paperdeck-core`.

mod app;
mod components;
mod embed_height;
mod load;
mod root_attributes;
mod state;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
