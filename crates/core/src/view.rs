//! The view: everything a shared link reproduces, and how it reads.
//!
//! - [`state`]: [`ViewState`] and the named changes the UI makes to it (open a paper,
//!   choose a year, clear the search…), so every rule about the view lives here, tested
//!   natively.
//! - [`url`]: the URL contract, the only module that spells parameter names ([`Param`]).
//! - [`paging`]: how many cards a list shows, a page at a time, and an embed's limit.
//! - [`card_reuse`]: which card shows which paper from one answer to the next.
//! - [`page_link`]: links from the page to itself, relative to it.
//! - [`data_source`]: which origins a snapshot may come from, and how big it may be.
//! - [`embed`]: the "Embed this view" snippets.
//! - [`display`]: how a paper reads on a card.
//! - [`chips`]: the active filters, each removable.
//! - [`shortcuts`]: the keyboard shortcuts, and which key does what where.
//! - [`seen`]: which papers are new since this browser's last visit (`new=1`).
//! - [`labels`]: what the page says around the cards (counts, plurals, notices).

mod card_reuse;
mod chips;
mod data_source;
pub mod display;
mod embed;
pub mod labels;
mod page_link;
mod paging;
pub mod seen;
mod shortcuts;
mod state;
pub(crate) mod url;

pub use card_reuse::CardReuse;
pub use chips::{active_filters, ActiveFilter};
pub use data_source::{data_origin, DataOrigin, MAX_SNAPSHOT_BYTES};
pub use embed::{embed_view, iframe_snippet, script_snippet, EmbedOptions};
pub use page_link::page_href;
pub use paging::{Paging, PAGE_SIZE};
pub use shortcuts::{escape_step, step_card, takes_text, EscapeStep, KeyContext, OpenNow, Shortcut};
pub use state::{positive_count, Theme, ViewMode, ViewState};
pub use url::{decode, encode, is_snapshot_url, PaperUrlTemplate, Param, UrlNotice, PARAMETERS};
