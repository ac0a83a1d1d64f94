//! Links written into abstracts ("Code is at `https://github.com/x/y`."), which many sources
//! only have there.

use paperdeck_core::{is_http_url, Links};

/// The http(s) URLs in `text`, in order, including bare `github.com/...` ones (given
/// `https://`), with trailing sentence punctuation and unbalanced closing brackets removed.
pub fn urls_in(text: &str) -> Vec<String> {
    let mut urls = Vec::new();
    // Only a token with a '/' can hold a URL; most words are skipped before any allocation.
    for token in text.split_whitespace().filter(|t| t.len() > 8 && t.contains('/')) {
        let lower = token.to_ascii_lowercase();
        let candidate = if let Some(i) = lower.find("https://").or_else(|| lower.find("http://")) {
            token[i..].to_string()
        } else if let Some(i) = lower.find("github.com/").filter(|&i| {
            i == 0 || !token.as_bytes()[i - 1].is_ascii_alphanumeric() && token.as_bytes()[i - 1] != b'.'
        }) {
            format!("https://{}", &token[i..])
        } else {
            continue;
        };
        let url = trim_trailing(&candidate);
        if is_http_url(url) && !urls.iter().any(|u| u == url) {
            urls.push(url.to_string());
        }
    }
    urls
}

fn trim_trailing(url: &str) -> &str {
    let mut end = url.len();
    loop {
        let s = &url[..end];
        let Some(last) = s.chars().last() else { return s };
        let unbalanced =
            |open: char, close: char| last == close && s.matches(open).count() < s.matches(close).count();
        if matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | '*')
            || unbalanced('(', ')')
            || unbalanced('[', ']')
            || unbalanced('{', '}')
        {
            end -= last.len_utf8();
        } else {
            return s;
        }
    }
}

/// True when the URL points at a repository host (GitHub, GitLab, Bitbucket).
pub fn is_code_host(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("").to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    matches!(host, "github.com" | "gitlab.com" | "bitbucket.org")
}

/// Links found in an abstract: the first repository URL as `code`, the first other URL as
/// `project`.
pub fn links_from_abstract(text: &str) -> Links {
    let mut links = Links::default();
    for url in urls_in(text) {
        if is_code_host(&url) {
            links.code.get_or_insert(url);
        } else {
            links.project.get_or_insert(url);
        }
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_urls_and_trims_sentence_punctuation() {
        for (text, expect) in [
            (
                "available at https://github.com/eachsheep/shortcutsbench.",
                vec!["https://github.com/eachsheep/shortcutsbench"],
            ),
            ("at~https://github.com/rabeehk/compacter.", vec!["https://github.com/rabeehk/compacter"]),
            ("code: github.com/edwardjhu/TP4.", vec!["https://github.com/edwardjhu/TP4"]),
            ("(https://gomes.andrew.cmu.edu/iron-mind),", vec!["https://gomes.andrew.cmu.edu/iron-mind"]),
            ("see https://en.wikipedia.org/wiki/Foo_(bar).", vec!["https://en.wikipedia.org/wiki/Foo_(bar)"]),
            (
                "https://www.jenmusic.ai/research#DreamStyler.",
                vec!["https://www.jenmusic.ai/research#DreamStyler"],
            ),
            (
                "https://microsoft.github.io/Trace and https://step-law.github.io/",
                vec!["https://microsoft.github.io/Trace", "https://step-law.github.io/"],
            ),
            ("no links, notgithub.com/x or ftp://x.example", vec![]),
            ("twice https://a.example/x https://a.example/x", vec!["https://a.example/x"]),
        ] {
            assert_eq!(urls_in(text), expect, "text {text:?}");
        }
    }

    #[test]
    fn repository_hosts_are_code_others_project() {
        let links = links_from_abstract(
            "Project page https://namgyukang.github.io/PIG/ and code https://github.com/a/b. Also https://github.com/c/d.",
        );
        assert_eq!(links.code.as_deref(), Some("https://github.com/a/b"));
        assert_eq!(links.project.as_deref(), Some("https://namgyukang.github.io/PIG/"));
        assert!(is_code_host("https://bitbucket.org/paladinanalytics/workspace/projects/OP"));
        assert!(!is_code_host("https://microsoft.github.io/Trace"));
    }
}
