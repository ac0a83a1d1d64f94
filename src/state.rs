//! The app's state, and the only code that changes it.
//!
//! - [`view`]: the [`ViewContext`]: the view every component reads as a read-only signal,
//!   changed only through its named operations, which apply the history rules (typing
//!   replaces the history entry, discrete changes push one, an embed never pushes), and
//!   the notices about ignored URL parameters.
//! - [`results`]: the `Results` context: the loaded collection and the core's answer to
//!   the current view, computed once per change of the view.
//! - [`location`]: the browser's address and history, touched nowhere else.
//! - [`shortcuts`]: the keyboard's state (the help panel, the card `c` cites).
//! - [`new_papers`]: the papers new since this browser's last visit, and "Mark all as
//!   seen" (stored by `crate::seen_store`).
//!
//! Components get both contexts with [`use_view`] and [`use_results`]; no component
//! imports another component's file for state.

mod location;
mod new_papers;
mod results;
mod shortcuts;
mod view;

pub use location::{current_url, origin as page_origin, shared_url, TYPING_PAUSE};
pub use new_papers::{provide_new_papers, use_new_papers};
pub use results::{provide_results, results_after_paint, use_results, Results};
pub use shortcuts::{provide_shortcuts, use_shortcuts, Shortcuts};
pub use view::{href_for, use_view, DateBound, ViewContext};
