//! The keyboard's state: whether the shortcuts' help panel is open, and which card `c`
//! asked to cite (its Cite panel opens itself). Neither is part of the view: a shared
//! link never opens them.

use leptos::prelude::*;

/// Provided by the explorer; read by the help panel, the Cite panels and the key
/// listener (`crate::keyboard`).
#[derive(Clone, Copy)]
pub struct Shortcuts {
    pub help_open: RwSignal<bool>,
    /// The paper (by index) whose Cite panel `c` opens.
    pub cite_request: RwSignal<Option<u32>>,
}

pub fn provide_shortcuts() -> Shortcuts {
    let shortcuts = Shortcuts { help_open: RwSignal::new(false), cite_request: RwSignal::new(None) };
    provide_context(shortcuts);
    shortcuts
}

/// The explorer's shortcuts, or `None` where there are none (embeds).
pub fn use_shortcuts() -> Option<Shortcuts> {
    use_context::<Shortcuts>()
}
