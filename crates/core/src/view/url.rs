//! The URL contract (docs/url-parameters.md): the only module that knows parameter names.
//! Encoding is canonical (defaults left out, keys in a fixed order, unknown parameters kept
//! as written); decoding is lenient (a bad value is ignored and reported, never fatal).

use crate::search::filter::{CountRange, Has, HasSet, KindSet};
use crate::search::grouping::GroupBy;
use crate::search::sort::SortOrder;
use crate::search::value_facet::ValueFacet;
use crate::snapshot::date::PartialDate;
use crate::snapshot::kind::PaperKind;
use crate::snapshot::model::is_valid_id;
use crate::snapshot::url::is_http_url;
use crate::view::state::{Theme, ViewMode, ViewState};

/// A URL parameter of the contract. [`Param::ALL`] is the one table of keys: decoding
/// looks keys up in it and encoding writes them in its order, the canonical one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Param {
    Query,
    From,
    To,
    Authors,
    Upvotes,
    Citations,
    Has,
    Tag,
    Venue,
    Kind,
    Author,
    Sort,
    Group,
    View,
    Paper,
    Theme,
    Data,
    Embed,
    Controls,
    Timeline,
    Limit,
    Background,
    Related,
    New,
}

impl Param {
    /// Every parameter, in canonical order (the order of docs/url-parameters.md).
    pub const ALL: [Param; 24] = [
        Param::Query,
        Param::From,
        Param::To,
        Param::Authors,
        Param::Upvotes,
        Param::Citations,
        Param::Has,
        Param::Tag,
        Param::Venue,
        Param::Kind,
        Param::Author,
        Param::Sort,
        Param::Group,
        Param::View,
        Param::Paper,
        Param::Theme,
        Param::Data,
        Param::Embed,
        Param::Controls,
        Param::Timeline,
        Param::Limit,
        Param::Background,
        Param::Related,
        Param::New,
    ];

    /// The key as written in a URL.
    pub const fn key(self) -> &'static str {
        match self {
            Param::Query => "q",
            Param::From => "from",
            Param::To => "to",
            Param::Authors => "authors",
            Param::Upvotes => "upvotes",
            Param::Citations => "citations",
            Param::Has => "has",
            Param::Tag => "tag",
            Param::Venue => "venue",
            Param::Kind => "kind",
            Param::Author => "author",
            Param::Sort => "sort",
            Param::Group => "group",
            Param::View => "view",
            Param::Paper => "paper",
            Param::Theme => "theme",
            Param::Data => "data",
            Param::Embed => "embed",
            Param::Controls => "controls",
            Param::Timeline => "timeline",
            Param::Limit => "limit",
            Param::Background => "bg",
            Param::Related => "related",
            Param::New => "new",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }

    /// The facet a repeatable parameter (`tag=a&tag=b`) chooses values of.
    fn value_facet(self) -> Option<ValueFacet> {
        match self {
            Param::Tag => Some(ValueFacet::Tag),
            Param::Venue => Some(ValueFacet::Venue),
            Param::Author => Some(ValueFacet::Author),
            _ => None,
        }
    }
}

/// The parameters, in canonical order (the same table as [`Param::ALL`]).
pub const PARAMETERS: [Param; 24] = Param::ALL;

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
        let Some(param) = Param::from_key(&key) else {
            state.extra.push(piece.to_string());
            continue;
        };
        let value = decode_component(raw_value);
        let mut bad = |message: String| notices.push(UrlNotice { param: key.clone(), message });
        if param == Param::Has {
            read_has(&mut state, &value, &mut bad);
        } else if param == Param::Kind {
            read_kinds(&mut state.kinds, &value, &mut bad);
        } else if let Err(message) = read_value(&mut state, param, value) {
            bad(message);
        }
    }
    state.normalize();
    (state, notices)
}

/// A `has` list: its good names are kept, each bad one reported.
fn read_has(state: &mut ViewState, value: &str, bad: &mut impl FnMut(String)) {
    state.has = HasSet::EMPTY;
    for name in value.split(',').filter(|n| !n.is_empty()) {
        match Has::from_name(name) {
            Some(h) => state.has.insert(h),
            None => bad(format!("{name:?} is not one of {}", Has::ALL.map(Has::name).join(", "))),
        }
    }
}

/// A `kind` value: a kind, or a comma list of them; each adds to the kinds chosen by
/// earlier `kind` parameters, and each bad name is reported.
fn read_kinds(kinds: &mut KindSet, value: &str, bad: &mut impl FnMut(String)) {
    for name in value.split(',').filter(|n| !n.is_empty()) {
        match PaperKind::from_name(name) {
            Some(k) => kinds.insert(k),
            None => bad(format!("{name:?} is not one of {}", PaperKind::ALL.map(PaperKind::name).join(", "))),
        }
    }
}

/// Sets `param` of `state` from its decoded `value`, or says why the value is not one.
fn read_value(state: &mut ViewState, param: Param, value: String) -> Result<(), String> {
    let not_a_date = |value: &str| format!("{value:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    let not_a_range = |value: &str| format!("{value:?} is not a count or range (N, N-M, N- or -M)");
    let switch = |value: &str| match value {
        "1" => Ok(true),
        "0" => Ok(false),
        _ => Err(format!("{value:?} is not 1 or 0")),
    };
    match param {
        Param::Query => state.query = value,
        Param::From => state.from = Some(PartialDate::parse(&value).ok_or_else(|| not_a_date(&value))?),
        Param::To => state.to = Some(PartialDate::parse(&value).ok_or_else(|| not_a_date(&value))?),
        Param::Authors => state.authors = CountRange::parse(&value).ok_or_else(|| not_a_range(&value))?,
        Param::Upvotes => state.upvotes = CountRange::parse(&value).ok_or_else(|| not_a_range(&value))?,
        Param::Citations => state.citations = CountRange::parse(&value).ok_or_else(|| not_a_range(&value))?,
        Param::Has => read_has(state, &value, &mut |_| {}),
        Param::Kind => read_kinds(&mut state.kinds, &value, &mut |_| {}),
        Param::Tag | Param::Venue | Param::Author => {
            if value.trim().is_empty() {
                return Err("is empty".to_string());
            }
            let facet = param.value_facet().expect("a value parameter");
            if !state.has_value(facet, &value) {
                state.toggle_value(facet, &value);
            }
        }
        Param::Group => {
            state.group = GroupBy::from_name(&value)
                .ok_or_else(|| format!("{value:?} is not {}", GroupBy::ALL.map(GroupBy::name).join(", ")))?
        }
        Param::Sort => {
            state.sort = Some(SortOrder::from_name(&value).ok_or_else(|| {
                format!("{value:?} is not an order ({})", SortOrder::ALL.map(SortOrder::name).join(", "))
            })?)
        }
        Param::View => {
            state.view = ViewMode::from_name(&value).ok_or_else(|| {
                format!("{value:?} is not {}", ViewMode::ALL.map(ViewMode::name).join(" or "))
            })?
        }
        Param::Paper if is_valid_id(&value) => state.paper = Some(value),
        Param::Paper => return Err(format!("{value:?} is not a paper id")),
        Param::Related if is_valid_id(&value) => state.related = Some(value),
        Param::Related => return Err(format!("{value:?} is not a paper id")),
        Param::New => state.new_only = switch(&value)?,
        Param::Theme => {
            state.theme = Theme::from_name(&value).ok_or_else(|| {
                let [auto, light, dark] = Theme::ALL.map(Theme::name);
                format!("{value:?} is not {auto}, {light} or {dark}")
            })?
        }
        Param::Data if is_snapshot_url(&value) => state.data = Some(value),
        Param::Data => return Err(format!("{value:?} is not a relative or http(s) URL")),
        Param::Embed => state.embed = switch(&value)?,
        Param::Controls => state.hide_controls = !switch(&value)?,
        Param::Timeline => state.hide_timeline = !switch(&value)?,
        Param::Background => state.opaque_background = switch(&value)?,
        Param::Limit => match value.parse::<u32>() {
            Ok(n) if n >= 1 && value.bytes().all(|b| b.is_ascii_digit()) => state.limit = Some(n),
            _ => return Err(format!("{value:?} is not a whole number ≥ 1")),
        },
    }
    Ok(())
}

/// The values `param` of a normalized `state` is written with: none at its default (left
/// out of the URL), one, or for a repeatable parameter one per value.
fn write_values(state: &ViewState, param: Param) -> Vec<String> {
    match param.value_facet() {
        Some(facet) => state.values(facet).to_vec(),
        None => write_value(state, param).into_iter().collect(),
    }
}

/// The value of a parameter that is written once, or `None` at its default.
fn write_value(state: &ViewState, param: Param) -> Option<String> {
    let on = |b: bool| b.then(|| "1".to_string());
    match param {
        Param::Query => (!state.query.is_empty()).then(|| state.query.clone()),
        Param::From => state.from.map(|d| d.to_string()),
        Param::To => state.to.map(|d| d.to_string()),
        Param::Authors => (!state.authors.is_any()).then(|| state.authors.to_string()),
        Param::Upvotes => (!state.upvotes.is_any()).then(|| state.upvotes.to_string()),
        Param::Has => {
            (!state.has.is_empty()).then(|| state.has.iter().map(Has::name).collect::<Vec<_>>().join(","))
        }
        Param::Citations => (!state.citations.is_any()).then(|| state.citations.to_string()),
        Param::Kind => (!state.kinds.is_empty())
            .then(|| state.kinds.iter().map(PaperKind::name).collect::<Vec<_>>().join(",")),
        Param::Tag | Param::Venue | Param::Author => None,
        Param::Sort => state.sort.map(|s| s.name().to_string()),
        Param::Group => (state.group != GroupBy::default()).then(|| state.group.name().to_string()),
        Param::View => (state.view != ViewMode::default()).then(|| state.view.name().to_string()),
        Param::Paper => state.paper.clone(),
        Param::Theme => (state.theme != Theme::default()).then(|| state.theme.name().to_string()),
        Param::Data => state.data.clone(),
        Param::Embed => on(state.embed),
        Param::Controls => state.hide_controls.then(|| "0".to_string()),
        Param::Timeline => state.hide_timeline.then(|| "0".to_string()),
        Param::Limit => state.limit.map(|n| n.to_string()),
        Param::Background => on(state.opaque_background),
        Param::Related => state.related.clone(),
        Param::New => on(state.new_only),
    }
}

/// The canonical query string of a view, without the leading `?` (empty for the default
/// view).
pub fn encode(state: &ViewState) -> String {
    let state = state.clone().normalized();
    let mut out = String::new();
    write_params(&state, Param::ALL.iter().copied(), &mut out);
    for extra in &state.extra {
        push_pair(&mut out, extra);
    }
    out
}

/// Appends `key=value` of each of `params` that is not at its default.
fn write_params(state: &ViewState, params: impl Iterator<Item = Param>, out: &mut String) {
    for param in params {
        for value in write_values(state, param) {
            push_pair(out, &format!("{}={}", param.key(), encode_component(&value)));
        }
    }
}

fn push_pair(out: &mut String, pair: &str) {
    if !out.is_empty() {
        out.push('&');
    }
    out.push_str(pair);
}

/// The query strings of one view with each card's paper opened, built once per change of
/// the view and then per card by concatenation: [`PaperUrlTemplate::with_paper`]`(id)` is
/// exactly `encode(&ViewState { paper: Some(id), ..view })`, whatever the query says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PaperUrlTemplate {
    /// The pairs before `paper`, ending in `paper=` (with a `&` before it when needed).
    before: String,
    /// The pairs after `paper`, starting with `&` when there are any.
    after: String,
    /// The view with no paper opened.
    without: String,
}

impl PaperUrlTemplate {
    pub fn new(view: &ViewState) -> Self {
        let state = ViewState { paper: None, ..view.clone() }.normalized();
        let at = Param::ALL.iter().position(|p| *p == Param::Paper).unwrap_or(Param::ALL.len());
        let mut before = String::new();
        write_params(&state, Param::ALL[..at].iter().copied(), &mut before);
        push_pair(&mut before, &format!("{}=", Param::Paper.key()));
        let mut rest = String::new();
        write_params(&state, Param::ALL[at..].iter().copied(), &mut rest);
        for extra in &state.extra {
            push_pair(&mut rest, extra);
        }
        let after = if rest.is_empty() { rest.clone() } else { format!("&{rest}") };
        let without = encode(&state);
        Self { before, after, without }
    }

    /// The query string of the view with paper `id` opened.
    pub fn with_paper(&self, id: &str) -> String {
        format!("{}{}{}", self.before, encode_component(id), self.after)
    }

    /// The query string of the view with no paper opened (empty for the default view).
    pub fn without_paper(&self) -> &str {
        &self.without
    }
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
        // Browsers read `\` as `/` in http(s) URLs: `/\evil.example` is another host.
        && !s.contains('\\')
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

/// The value of an ASCII hex digit.
fn hex_value(digit: u8) -> u8 {
    match digit {
        b'0'..=b'9' => digit - b'0',
        b'a'..=b'f' => digit - b'a' + 10,
        _ => digit - b'A' + 10,
    }
}

pub(crate) fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            // As browsers do: `%` and exactly two hex digits, else a plain `%` (so `%+A`
            // stays as typed, never a newline).
            b'%' if i + 2 < bytes.len()
                && bytes[i + 1].is_ascii_hexdigit()
                && bytes[i + 2].is_ascii_hexdigit() =>
            {
                out.push(hex_value(bytes[i + 1]) << 4 | hex_value(bytes[i + 2]));
                i += 3;
                continue;
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
    fn percent_takes_exactly_two_hex_digits_as_browsers_do() {
        for (qs, query) in [
            ("q=%+A", "% A"),
            ("q=%-1", "%-1"),
            ("q=%0", "%0"),
            ("q=%4c", "L"),
            ("q=%4C%6f", "Lo"),
            ("q=%%41", "%A"),
            ("q=100%", "100%"),
        ] {
            assert_eq!(decode(qs).0.query, query, "{qs}");
        }
    }

    #[test]
    fn relative_and_http_snapshot_urls_only() {
        for ok in ["papers.json", "data/lab.json", "../x.json?v=2", "https://lab.example/p.json"] {
            assert!(is_snapshot_url(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "data:application/json,{}",
            "//evil.example",
            "/\\evil.example/p.json",
            "\\\\evil.example/p.json",
            "",
            "a b.json",
            "ftp://x/y",
        ] {
            assert!(!is_snapshot_url(bad), "{bad}");
        }
    }
}
