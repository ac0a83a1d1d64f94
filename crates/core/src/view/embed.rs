//! Snippets that put a view on another site: the `embed.js` script form and the plain
//! iframe form (README "Embed on your site").

use crate::view::state::{Theme, ViewState};
use crate::view::url::encode;

/// What the "Embed this view" dialog lets a person choose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EmbedOptions {
    pub limit: Option<u32>,
    pub controls: bool,
    /// The timeline above the cards (`timeline=0` when off).
    pub timeline: bool,
    pub theme: Theme,
}

impl Default for EmbedOptions {
    fn default() -> Self {
        Self { limit: Some(5), controls: true, timeline: true, theme: Theme::Auto }
    }
}

/// The view an embed shows: the explorer's view (filters, order, opened paper) with the
/// chosen options, in embed mode.
pub fn embed_view(view: &ViewState, options: &EmbedOptions) -> ViewState {
    ViewState {
        embed: true,
        hide_controls: !options.controls,
        // Without the toolbar an embed has no timeline anyway (docs/url-parameters.md).
        hide_timeline: options.controls && !options.timeline,
        limit: options.limit,
        theme: options.theme,
        opaque_background: false,
        ..view.clone()
    }
    .normalized()
}

/// `<script src="BASE/embed.js" data-view="…" async></script>`; `base` is the explorer's
/// address ending in `/`. `data-view` leaves out `embed=1`, which embed.js adds.
pub fn script_snippet(base: &str, embed: &ViewState) -> String {
    let view = encode(&ViewState { embed: false, ..embed.clone() });
    format!("<script src=\"{}embed.js\" data-view=\"{}\" async></script>", attr(base), attr(&view))
}

/// A plain iframe of the embed, for sites that allow no scripts. It cannot resize itself.
pub fn iframe_snippet(base: &str, embed: &ViewState) -> String {
    format!(
        "<iframe src=\"{}?{}\" title=\"Papers\" loading=\"lazy\" style=\"width:100%;height:640px;border:0\"></iframe>",
        attr(base),
        attr(&encode(embed))
    )
}

/// Escapes text for a double-quoted HTML attribute.
fn attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::url::decode;

    #[test]
    fn snippets_carry_the_view_and_the_options() {
        let (view, _) = decode("q=lora+adapters&from=2024&sort=newest&utm_source=x");
        let options = EmbedOptions { limit: Some(3), controls: false, timeline: true, theme: Theme::Dark };
        let embed = embed_view(&view, &options);
        assert_eq!(
            script_snippet("https://lab.example/papers/", &embed),
            "<script src=\"https://lab.example/papers/embed.js\" data-view=\"q=lora+adapters&amp;from=2024&amp;sort=newest&amp;theme=dark&amp;controls=0&amp;limit=3&amp;utm_source=x\" async></script>"
        );
        assert_eq!(
            iframe_snippet("https://lab.example/papers/", &embed),
            "<iframe src=\"https://lab.example/papers/?q=lora+adapters&amp;from=2024&amp;sort=newest&amp;theme=dark&amp;embed=1&amp;controls=0&amp;limit=3&amp;utm_source=x\" title=\"Papers\" loading=\"lazy\" style=\"width:100%;height:640px;border:0\"></iframe>"
        );
    }

    #[test]
    fn the_timeline_option_decides_timeline_0_whatever_the_explorer_shows() {
        let (view, _) = decode("q=lora&timeline=0");
        let shown = embed_view(&view, &EmbedOptions::default());
        assert!(!encode(&shown).contains("timeline"), "{}", encode(&shown));
        let hidden =
            embed_view(&ViewState::default(), &EmbedOptions { timeline: false, ..Default::default() });
        assert_eq!(encode(&hidden), "embed=1&timeline=0&limit=5");
        assert_eq!(decode(&encode(&hidden)).0, hidden, "the snippet's view reads back the same");
        let bare =
            embed_view(&view, &EmbedOptions { controls: false, timeline: false, ..Default::default() });
        assert_eq!(encode(&bare), "q=lora&embed=1&controls=0&limit=5", "no toolbar: timeline=0 says nothing");
    }

    #[test]
    fn defaults_give_a_short_snippet() {
        let embed = embed_view(&ViewState::default(), &EmbedOptions { limit: None, ..Default::default() });
        assert_eq!(
            script_snippet("http://127.0.0.1:8080/", &embed),
            "<script src=\"http://127.0.0.1:8080/embed.js\" data-view=\"\" async></script>"
        );
    }

    #[test]
    fn attribute_text_is_escaped() {
        assert_eq!(attr("a\"b<c>&"), "a&quot;b&lt;c&gt;&amp;");
    }
}
