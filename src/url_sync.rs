//! Keeps the address bar and the view state in step. The parameter names live in the core
//! (`paperdeck_core::encode_url` / `decode_url`); this file only moves query strings
//! between the browser's history and the `view` signal.

use leptos::prelude::*;
use paperdeck_core::{decode_url, encode_url, UrlNotice, ViewState};

/// How a change enters the browser history.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum History {
    /// Typing: replace the current entry, so Back skips keystrokes.
    Replace,
    /// A discrete change (sort, filter, paper): a new entry, so Back returns to it.
    Push,
}

/// The view state every component reads, and notices about ignored URL parameters.
#[derive(Clone, Copy)]
pub struct ViewContext {
    pub view: RwSignal<ViewState>,
    pub url_notices: RwSignal<Vec<UrlNotice>>,
    /// Computed once per change of the view for every card's link: the canonical query
    /// string with `paper` set to [`PAPER_PLACEHOLDER`], and the one without `paper`.
    open_template: Memo<String>,
    without_paper: Memo<String>,
}

/// A valid paper id standing for "this card's id" in [`ViewContext::open_template`]. Ids
/// are URL-safe, so substituting one into the encoded string gives its canonical URL.
const PAPER_PLACEHOLDER: &str = "PAPERDECK-CARD-ID";

impl ViewContext {
    /// Reads the view from the current URL.
    pub fn from_location() -> Self {
        let (state, notices) = decode_url(&location_search());
        let view = RwSignal::new(state);
        let open_template = Memo::new(move |_| {
            view.with(|v| encode_url(&ViewState { paper: Some(PAPER_PLACEHOLDER.into()), ..v.clone() }))
        });
        let without_paper =
            Memo::new(move |_| view.with(|v| encode_url(&ViewState { paper: None, ..v.clone() })));
        Self { view, url_notices: RwSignal::new(notices), open_template, without_paper }
    }

    /// The link that opens paper `id` in the current view (`?q=lora&paper=ID`), or, for the
    /// opened paper, the link that closes it.
    pub fn href_toggling(&self, id: &str, opened: bool) -> String {
        if opened {
            let qs = self.without_paper.get();
            if qs.is_empty() {
                location_path()
            } else {
                format!("?{qs}")
            }
        } else {
            format!("?{}", self.open_template.with(|t| t.replacen(PAPER_PLACEHOLDER, id, 1)))
        }
    }

    /// Changes the view and records it in the history.
    pub fn update(&self, mode: History, change: impl FnOnce(&mut ViewState)) {
        self.view.update(change);
        write_history(&self.view.get_untracked(), mode);
    }

    /// Follows Back and Forward: the URL is the truth.
    pub fn restore_from_location(&self) {
        let (state, notices) = decode_url(&location_search());
        self.view.set(state);
        self.url_notices.set(notices);
    }

    /// The canonical URL of `state`, relative to this page (`?q=lora&sort=newest`, or the
    /// page itself for the default view).
    pub fn href_for(state: &ViewState) -> String {
        let qs = encode_url(state);
        if qs.is_empty() {
            location_path()
        } else {
            format!("?{qs}")
        }
    }
}

pub fn use_view() -> ViewContext {
    expect_context::<ViewContext>()
}

fn location_search() -> String {
    window().location().search().unwrap_or_default()
}

fn location_path() -> String {
    window().location().pathname().unwrap_or_else(|_| "./".into())
}

/// The absolute canonical URL of the current view, for "Copy link".
pub fn current_url() -> String {
    window().location().href().unwrap_or_default()
}

fn write_history(state: &ViewState, mode: History) {
    // Inside another site's page, a pushed entry would take over that page's Back button:
    // an embed only keeps its own URL current.
    let mode = if state.embed { History::Replace } else { mode };
    let qs = encode_url(state);
    let target = if qs.is_empty() { String::new() } else { format!("?{qs}") };
    if location_search() == target {
        return;
    }
    let location = window().location();
    let url = format!("{}{}{}", location_path(), target, location.hash().unwrap_or_default());
    if let Ok(history) = window().history() {
        let _ = match mode {
            History::Replace => history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
            History::Push => history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
        };
    }
}
