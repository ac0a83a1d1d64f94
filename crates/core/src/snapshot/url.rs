//! The one rule for links taken from data: absolute http(s) URLs only.

/// True for an absolute `http://` or `https://` URL with a host and no whitespace or
/// control characters. Anything else (`javascript:`, relative paths, `data:`) is refused, so
/// nothing from a snapshot can run script when clicked.
pub fn is_http_url(s: &str) -> bool {
    let lower = s.get(..8).map(str::to_ascii_lowercase).unwrap_or_default();
    let rest = if lower.starts_with("https://") {
        &s[8..]
    } else if lower.starts_with("http://") {
        &s[7..]
    } else {
        return false;
    };
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..host_end];
    let host = authority.rsplit('@').next().unwrap_or("");
    !host.is_empty()
        && !host.starts_with(':')
        && !s
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>' || c == '\\')
}

#[cfg(test)]
mod tests {
    use super::is_http_url;

    #[test]
    fn accepts_absolute_http_urls() {
        for ok in [
            "https://github.com/eachsheep/shortcutsbench",
            "http://example.org",
            "HTTPS://EXAMPLE.ORG/a?b=c#d",
            "https://user@host.example/path",
            "https://host.example:8080/",
        ] {
            assert!(is_http_url(ok), "{ok}");
        }
    }

    #[test]
    fn refuses_everything_else() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "//example.org/x",
            "/relative/path",
            "ftp://example.org",
            "https://",
            "https:///path",
            "https://:80/",
            "https://exa mple.org",
            "https://example.org/\"onmouseover=\"x",
            "https://example.org/\n",
            "",
        ] {
            assert!(!is_http_url(bad), "{bad}");
        }
    }
}
