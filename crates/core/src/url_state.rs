//! The URL contract (docs/url-parameters.md): the only module that knows parameter names.
//! Encoding is canonical (defaults left out, keys in a fixed order, unknown parameters kept
//! as written); decoding is lenient (a bad value is ignored and reported, never fatal).

use crate::date::PartialDate;
use crate::filter::{CountRange, Has, HasSet};
use crate::model::is_valid_id;
use crate::sort::SortOrder;
use crate::url::is_http_url;
use crate::view::{Theme, ViewMode, ViewState};

/// The parameters, in canonical order.
pub const PARAMETERS: [&str; 11] =
    ["q", "from", "to", "authors", "upvotes", "has", "sort", "view", "paper", "theme", "data"];

/// A parameter that was ignored, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UrlNotice {
    pub param: String,
    pub message: String,
}

impl std::fmt::Display for UrlNotice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.param, self.message)
    }
}

/// Reads a query string (with or without the leading `?`). Never fails: each bad value is
/// left at its default and reported.
pub fn decode(query_string: &str) -> (ViewState, Vec<UrlNotice>) {
    let mut state = ViewState::default();
    let mut notices = Vec::new();
    let qs = query_string.strip_prefix('?').unwrap_or(query_string);
    for piece in qs.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = piece.split_once('=').unwrap_or((piece, ""));
        let key = decode_component(raw_key);
        let value = decode_component(raw_value);
        let mut bad = |message: String| notices.push(UrlNotice { param: key.clone(), message });
        match key.as_str() {
            "q" => state.query = value,
            "from" | "to" => match PartialDate::parse(&value) {
                Some(d) if key == "from" => state.from = Some(d),
                Some(d) => state.to = Some(d),
                None => bad(format!("{value:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")),
            },
            "authors" | "upvotes" => match CountRange::parse(&value) {
                Some(r) if key == "authors" => state.authors = r,
                Some(r) => state.upvotes = r,
                None => bad(format!("{value:?} is not a count or range (N, N-M, N- or -M)")),
            },
            "has" => {
                state.has = HasSet::EMPTY;
                for name in value.split(',').filter(|n| !n.is_empty()) {
                    match Has::from_name(name) {
                        Some(h) => state.has.insert(h),
                        None => bad(format!("{name:?} is not one of code, project, pdf, abstract")),
                    }
                }
            }
            "sort" => match SortOrder::from_name(&value) {
                Some(s) => state.sort = Some(s),
                None => bad(format!(
                    "{value:?} is not an order ({})",
                    SortOrder::ALL.map(SortOrder::name).join(", ")
                )),
            },
            "view" => match value.as_str() {
                "cards" => state.view = ViewMode::Cards,
                "list" => state.view = ViewMode::List,
                _ => bad(format!("{value:?} is not cards or list")),
            },
            "paper" => {
                if is_valid_id(&value) {
                    state.paper = Some(value);
                } else {
                    bad(format!("{value:?} is not a paper id"));
                }
            }
            "theme" => match value.as_str() {
                "auto" => state.theme = Theme::Auto,
                "light" => state.theme = Theme::Light,
                "dark" => state.theme = Theme::Dark,
                _ => bad(format!("{value:?} is not auto, light or dark")),
            },
            "data" => {
                if is_snapshot_url(&value) {
                    state.data = Some(value);
                } else {
                    bad(format!("{value:?} is not a relative or http(s) URL"));
                }
            }
            "embed" | "controls" | "bg" => match value.as_str() {
                "1" | "0" => {
                    let on = value == "1";
                    match key.as_str() {
                        "embed" => state.embed = on,
                        "controls" => state.hide_controls = !on,
                        _ => state.opaque_background = on,
                    }
                }
                _ => bad(format!("{value:?} is not 1 or 0")),
            },
            "limit" => match value.parse::<u32>() {
                Ok(n) if n >= 1 && value.bytes().all(|b| b.is_ascii_digit()) => state.limit = Some(n),
                _ => bad(format!("{value:?} is not a whole number ≥ 1")),
            },
            _ => state.extra.push(piece.to_string()),
        }
    }
    state.normalize();
    (state, notices)
}

/// The canonical query string of a view, without the leading `?` (empty for the default
/// view).
pub fn encode(state: &ViewState) -> String {
    let state = state.clone().normalized();
    let mut pairs: Vec<String> = Vec::new();
    let mut put = |key: &str, value: &str| pairs.push(format!("{key}={}", encode_component(value)));
    if !state.query.is_empty() {
        put("q", &state.query);
    }
    if let Some(d) = state.from {
        put("from", &d.to_string());
    }
    if let Some(d) = state.to {
        put("to", &d.to_string());
    }
    if !state.authors.is_any() {
        put("authors", &state.authors.to_string());
    }
    if !state.upvotes.is_any() {
        put("upvotes", &state.upvotes.to_string());
    }
    if !state.has.is_empty() {
        let names: Vec<&str> = state.has.iter().map(Has::name).collect();
        put("has", &names.join(","));
    }
    if let Some(s) = state.sort {
        put("sort", s.name());
    }
    if state.view == ViewMode::List {
        put("view", "list");
    }
    if let Some(p) = &state.paper {
        put("paper", p);
    }
    match state.theme {
        Theme::Auto => {}
        Theme::Light => put("theme", "light"),
        Theme::Dark => put("theme", "dark"),
    }
    if let Some(d) = &state.data {
        put("data", d);
    }
    if state.embed {
        put("embed", "1");
    }
    if state.hide_controls {
        put("controls", "0");
    }
    if let Some(n) = state.limit {
        put("limit", &n.to_string());
    }
    if state.opaque_background {
        put("bg", "1");
    }
    pairs.extend(state.extra.iter().cloned());
    pairs.join("&")
}

/// A snapshot location a shared link may name: an absolute http(s) URL, or a relative
/// path without a scheme (`papers-2024.json`, `data/lab.json`). Never `javascript:`,
/// `data:` or a protocol-relative `//host`.
pub fn is_snapshot_url(s: &str) -> bool {
    if is_http_url(s) {
        return true;
    }
    let before_path = s.split(['/', '?', '#']).next().unwrap_or("");
    !s.is_empty()
        && !s.starts_with("//")
        && !s.starts_with('\\')
        && !before_path.contains(':')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b',' | b':' | b'/' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(v) => {
                        out.push(v);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<PartialDate> {
        PartialDate::parse(s)
    }

    #[test]
    fn decodes_every_parameter() {
        let (s, notices) = decode(
            "?q=lora+%22low+rank%22&from=2024&to=2024-06&authors=2-5&upvotes=10-&has=code,pdf&sort=oldest&view=list&paper=2406.18540&theme=dark&data=https://lab.example/p.json",
        );
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(s.query, "lora \"low rank\"");
        assert_eq!((s.from, s.to), (date("2024"), date("2024-06")));
        assert_eq!(s.authors, CountRange { min: Some(2), max: Some(5) });
        assert_eq!(s.upvotes, CountRange { min: Some(10), max: None });
        assert_eq!(s.has, HasSet::from_iter([Has::Code, Has::Pdf]));
        assert_eq!(s.sort, Some(SortOrder::Oldest));
        assert_eq!(s.view, ViewMode::List);
        assert_eq!(s.paper.as_deref(), Some("2406.18540"));
        assert_eq!(s.theme, Theme::Dark);
        assert_eq!(s.data.as_deref(), Some("https://lab.example/p.json"));
    }

    #[test]
    fn embed_parameters() {
        let (s, notices) = decode("q=lora&embed=1&controls=0&limit=5&bg=1");
        assert!(notices.is_empty(), "{notices:?}");
        assert!(s.embed && s.hide_controls && s.opaque_background);
        assert_eq!(s.limit, Some(5));
        assert_eq!(encode(&s), "q=lora&embed=1&controls=0&limit=5&bg=1");
        assert_eq!(encode(&s.outside_embed()), "q=lora");
        let (d, _) = decode("embed=0&controls=1&bg=0");
        assert_eq!(encode(&d), "", "defaults are left out");
        for bad in ["embed=yes", "controls=false", "limit=0", "limit=-3", "limit=many", "limit=+5", "bg=2"] {
            let (s, notices) = decode(bad);
            assert_eq!(notices.len(), 1, "{bad}");
            assert_eq!(s, ViewState::default(), "{bad}");
        }
    }

    #[test]
    fn encodes_canonically() {
        let mut s = ViewState {
            query: "  lora adapters ".into(),
            has: HasSet::from_iter([Has::Pdf, Has::Code]),
            ..Default::default()
        };
        s.extra.push("utm_source=news%20letter".into());
        s.authors = CountRange { min: Some(3), max: Some(3) };
        s.set_sort(SortOrder::Relevance);
        assert_eq!(encode(&s), "q=lora+adapters&authors=3&has=code,pdf&utm_source=news%20letter");
        assert_eq!(encode(&ViewState::default()), "");
        let mut newest = ViewState::default();
        newest.set_sort(SortOrder::Newest);
        assert_eq!(encode(&newest), "", "the default order is left out");
        newest.query = "x".into();
        newest.sort = Some(SortOrder::Newest);
        assert_eq!(encode(&newest), "q=x&sort=newest", "newest is not the default with a query");
    }

    #[test]
    fn keys_come_out_in_the_documented_order_whatever_the_input_order() {
        let (s, _) = decode("theme=light&utm_medium=x&sort=title&q=a&has=abstract&from=2020");
        assert_eq!(encode(&s), "q=a&from=2020&has=abstract&sort=title&theme=light&utm_medium=x");
    }

    #[test]
    fn bad_values_are_ignored_and_reported() {
        let cases = [
            ("from=yesterday", "from"),
            ("to=2024-13", "to"),
            ("authors=lots", "authors"),
            ("upvotes=5-2", "upvotes"),
            ("has=code,video", "has"),
            ("sort=random", "sort"),
            ("view=grid", "view"),
            ("paper=a%20b", "paper"),
            ("theme=pink", "theme"),
            ("data=javascript:alert(1)", "data"),
            ("data=//evil.example/x.json", "data"),
        ];
        for (qs, param) in cases {
            let (s, notices) = decode(qs);
            assert_eq!(notices.len(), 1, "{qs}: {notices:?}");
            assert_eq!(notices[0].param, param);
            if param != "has" {
                assert_eq!(s, ViewState::default(), "{qs}");
            }
        }
        let (s, _) = decode("has=code,video");
        assert_eq!(s.has, HasSet::only(Has::Code), "the good values of a list are kept");
    }

    #[test]
    fn malformed_encoding_never_panics() {
        for qs in ["%", "q=%", "q=%zz", "q=%e2%82", "=", "&&&", "q", "q=a=b", "%ff%fe=1", "q=%F0%9F%98%80"] {
            let (s, _) = decode(qs);
            let again = decode(&encode(&s)).0;
            assert_eq!(again, s, "{qs}");
        }
        assert_eq!(decode("q=a=b").0.query, "a=b");
        assert_eq!(decode("q=%F0%9F%98%80").0.query, "😀");
    }

    #[test]
    fn relative_and_http_snapshot_urls_only() {
        for ok in ["papers.json", "data/lab.json", "../x.json?v=2", "https://lab.example/p.json"] {
            assert!(is_snapshot_url(ok), "{ok}");
        }
        for bad in
            ["javascript:alert(1)", "data:application/json,{}", "//evil.example", "", "a b.json", "ftp://x/y"]
        {
            assert!(!is_snapshot_url(bad), "{bad}");
        }
    }
}
