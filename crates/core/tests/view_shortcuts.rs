//! Keyboard shortcuts: which key does what where, what Esc undoes, how j and k move.

use paperdeck_core::{escape_step, step_card, takes_text, EscapeStep, KeyContext, OpenNow, Shortcut};

#[test]
fn keys_and_where_they_fire() {
    let page = KeyContext::default();
    let list = KeyContext { in_list: true, ..page };
    let card = KeyContext { in_list: true, on_card: true, ..page };
    let typing = KeyContext { typing: true, ..page };
    let command = KeyContext { command: true, ..page };
    let cases = [
        ("/", page, Some(Shortcut::FocusSearch)),
        ("j", page, Some(Shortcut::NextCard)),
        ("k", page, Some(Shortcut::PreviousCard)),
        ("ArrowDown", page, None),
        ("ArrowDown", list, Some(Shortcut::NextCard)),
        ("ArrowUp", list, Some(Shortcut::PreviousCard)),
        ("o", list, Some(Shortcut::Open)),
        ("Enter", page, None),
        ("Enter", list, None),
        ("Enter", card, Some(Shortcut::Open)),
        ("c", card, Some(Shortcut::Cite)),
        ("Escape", page, Some(Shortcut::Escape)),
        ("?", page, Some(Shortcut::Help)),
        ("J", page, None),
        ("x", page, None),
        // Typing in a field types; Ctrl, Meta and Alt are the browser's.
        ("j", typing, None),
        ("/", typing, None),
        ("?", typing, None),
        ("Escape", typing, None),
        ("k", command, None),
        ("/", command, None),
    ];
    for (key, at, want) in cases {
        assert_eq!(Shortcut::for_key(key, at), want, "{key:?} in {at:?}");
    }
}

#[test]
fn which_elements_take_text() {
    let cases = [
        ("input", "search", false, true),
        ("input", "text", false, true),
        ("input", "", false, true),
        ("input", "number", false, true),
        ("input", "checkbox", false, false),
        ("input", "Radio", false, false),
        ("textarea", "", false, true),
        ("select", "", false, true),
        ("button", "", false, false),
        ("a", "", false, false),
        ("div", "", true, true),
        ("article", "", false, false),
    ];
    for (tag, kind, editable, want) in cases {
        assert_eq!(takes_text(tag, kind, editable), want, "{tag} {kind} {editable}");
    }
}

#[test]
fn escape_closes_then_clears() {
    use EscapeStep::*;
    let all = OpenNow { help: true, menu: true, paper: true, narrowed: true };
    assert_eq!(escape_step(all), Some(CloseHelp));
    assert_eq!(escape_step(OpenNow { help: false, ..all }), Some(CloseMenu));
    assert_eq!(escape_step(OpenNow { help: false, menu: false, ..all }), Some(ClosePaper));
    // A menu open over a narrowed view closes first; the search stays.
    assert_eq!(escape_step(OpenNow { menu: true, narrowed: true, ..OpenNow::default() }), Some(CloseMenu));
    assert_eq!(escape_step(OpenNow { narrowed: true, ..OpenNow::default() }), Some(ClearSearchAndFilters));
    assert_eq!(escape_step(OpenNow::default()), None);
}

#[test]
fn j_and_k_move_one_card_and_stop_at_the_ends() {
    let cases = [
        (None, 5, true, Some(0)),
        (None, 5, false, Some(0)),
        (Some(0), 5, true, Some(1)),
        (Some(4), 5, true, Some(4)),
        (Some(0), 5, false, Some(0)),
        (Some(3), 5, false, Some(2)),
        (Some(9), 5, false, Some(3)),
        (None, 0, true, None),
    ];
    for (current, len, forward, want) in cases {
        assert_eq!(step_card(current, len, forward), want, "{current:?} of {len}, forward {forward}");
    }
}

#[test]
fn the_help_panel_lists_every_shortcut_once() {
    let keys: Vec<String> = Shortcut::ALL.iter().map(|s| s.keys().join(" ")).collect();
    assert_eq!(keys, ["/", "j ↓", "k ↑", "o Enter", "c", "Esc", "?"]);
    assert!(Shortcut::ALL.iter().all(|s| !s.label().is_empty()));
}
