//! Keyboard shortcuts: which key does what, where, and the help panel's list. The app
//! only reads the key and where it was pressed ([`KeyContext`]) and carries out the
//! [`Shortcut`] this module names.
//!
//! ```
//! use paperdeck_core::{KeyContext, Shortcut};
//! let page = KeyContext::default();
//! assert_eq!(Shortcut::for_key("j", page), Some(Shortcut::NextCard));
//! // Nothing fires while typing in a field.
//! let typing = KeyContext { typing: true, ..page };
//! assert_eq!(Shortcut::for_key("j", typing), None);
//! ```

/// Something the keyboard does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shortcut {
    FocusSearch,
    NextCard,
    PreviousCard,
    Open,
    Cite,
    Escape,
    Help,
}

/// Where a key was pressed, and with which modifiers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyContext {
    /// In a text field (an input that takes text, a textarea, a select, an editable
    /// element): no shortcut fires there, so typing `j` or `/` types it, and Esc is the
    /// field's own (a search box clears itself).
    pub typing: bool,
    /// On a card or a row of the result list (or inside one): the arrow keys and Enter
    /// are the list's there.
    pub in_list: bool,
    /// On the card or row itself, not on a link or button inside it (Enter on those is
    /// theirs).
    pub on_card: bool,
    /// Ctrl, Meta or Alt held: the browser's or the system's, never ours.
    pub command: bool,
}

/// What Esc does, given what is open: first the help panel, then an open menu (Export),
/// then the opened card, then the search and filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EscapeStep {
    CloseHelp,
    CloseMenu,
    ClosePaper,
    ClearSearchAndFilters,
}

/// What is open on the page when Esc is pressed, and whether the view is narrowed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OpenNow {
    /// The shortcuts' help panel.
    pub help: bool,
    /// A menu hanging from the toolbar (Export).
    pub menu: bool,
    /// A paper opened as a card (`paper=`).
    pub paper: bool,
    /// A search or a filter narrows the view.
    pub narrowed: bool,
}

impl Shortcut {
    /// Every shortcut, in the help panel's order.
    pub const ALL: [Shortcut; 7] = [
        Shortcut::FocusSearch,
        Shortcut::NextCard,
        Shortcut::PreviousCard,
        Shortcut::Open,
        Shortcut::Cite,
        Shortcut::Escape,
        Shortcut::Help,
    ];

    /// The keys as the help panel writes them.
    pub fn keys(self) -> &'static [&'static str] {
        match self {
            Shortcut::FocusSearch => &["/"],
            Shortcut::NextCard => &["j", "↓"],
            Shortcut::PreviousCard => &["k", "↑"],
            Shortcut::Open => &["o", "Enter"],
            Shortcut::Cite => &["c"],
            Shortcut::Escape => &["Esc"],
            Shortcut::Help => &["?"],
        }
    }

    /// What the help panel says it does.
    pub fn label(self) -> &'static str {
        match self {
            Shortcut::FocusSearch => "Search",
            Shortcut::NextCard => "Next paper (arrows: in the list)",
            Shortcut::PreviousCard => "Previous paper",
            Shortcut::Open => "Open or close the paper",
            Shortcut::Cite => "Cite the paper",
            Shortcut::Escape => "Close, then clear the search and filters",
            Shortcut::Help => "Show these shortcuts",
        }
    }

    /// The shortcut of `key` (a `KeyboardEvent.key`) pressed in `at`, if any.
    pub fn for_key(key: &str, at: KeyContext) -> Option<Shortcut> {
        if at.command || at.typing {
            return None;
        }
        Some(match key {
            "/" => Shortcut::FocusSearch,
            "j" => Shortcut::NextCard,
            "k" => Shortcut::PreviousCard,
            "ArrowDown" if at.in_list => Shortcut::NextCard,
            "ArrowUp" if at.in_list => Shortcut::PreviousCard,
            "o" => Shortcut::Open,
            "Enter" if at.on_card => Shortcut::Open,
            "c" => Shortcut::Cite,
            "Escape" => Shortcut::Escape,
            "?" => Shortcut::Help,
            _ => return None,
        })
    }
}

/// True for an element that takes typed text: `tag` its lower-case tag name, `input_type`
/// its `type` (for an input), `editable` its `isContentEditable`.
pub fn takes_text(tag: &str, input_type: &str, editable: bool) -> bool {
    editable
        || tag == "textarea"
        || tag == "select"
        || (tag == "input"
            && !matches!(
                input_type.to_ascii_lowercase().as_str(),
                "checkbox" | "radio" | "button" | "submit" | "reset" | "image" | "range" | "color" | "file"
            ))
}

/// What Esc does now: close the help panel first, then an open menu, then the opened
/// card, then clear a narrowed view; `None` when there is nothing left to undo. One step
/// per press, so a menu closed by Esc never also clears the search behind it.
pub fn escape_step(open: OpenNow) -> Option<EscapeStep> {
    if open.help {
        Some(EscapeStep::CloseHelp)
    } else if open.menu {
        Some(EscapeStep::CloseMenu)
    } else if open.paper {
        Some(EscapeStep::ClosePaper)
    } else if open.narrowed {
        Some(EscapeStep::ClearSearchAndFilters)
    } else {
        None
    }
}

/// The card `j` or `k` moves to among `len` cards on the page, from `current` (the card
/// holding the focus, if any): the next or previous one, staying at the ends; with no
/// current card, the first one (either key).
pub fn step_card(current: Option<usize>, len: usize, forward: bool) -> Option<usize> {
    let last = len.checked_sub(1)?;
    Some(match current {
        None => 0,
        Some(i) if forward => (i + 1).min(last),
        Some(i) => i.min(last).saturating_sub(1),
    })
}
