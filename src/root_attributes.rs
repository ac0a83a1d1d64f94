//! Attributes on `<html>` that follow the view, so the whole page (and its scrollbars)
//! follow: `data-theme` (absent for the system's choice, which style/main.css reads from
//! `prefers-color-scheme`), and
//! `data-embed` / `data-bg` in embed mode (a transparent background unless `bg=1`).

use leptos::prelude::*;
use paperdeck_core::{Theme, ViewState};

/// Keeps the attributes in step with `view`.
pub fn follow_view(view: ReadSignal<ViewState>) {
    Effect::new(move |_| {
        let theme = view.with(|v| v.theme);
        set(
            "data-theme",
            match theme {
                Theme::Auto => None,
                chosen => Some(chosen.name()),
            },
        );
    });
    Effect::new(move |_| {
        let (embed, opaque) = view.with(|v| (v.embed, v.opaque_background));
        set("data-embed", embed.then_some(""));
        set("data-bg", (embed && opaque).then_some(""));
    });
}

/// Sets attribute `name` of `<html>` to `value`, or removes it for `None`.
fn set(name: &str, value: Option<&str>) {
    if let Some(root) = document().document_element() {
        let _ = match value {
            Some(v) => root.set_attribute(name, v),
            None => root.remove_attribute(name),
        };
    }
}
