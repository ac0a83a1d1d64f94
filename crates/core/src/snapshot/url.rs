//! The one rule for links taken from data: absolute http(s) URLs only.

/// True for an absolute `http://` or `https://` URL with a host and no whitespace or
/// control characters. Anything else (`javascript:`, relative paths, `data:`) is refused, so
/// nothing from a snapshot can run script when clicked.
pub fn is_http_url(s: &str) -> bool {
    // Compared as bytes: the scheme is ASCII, so slicing after it is on a char boundary
    // whatever follows (`http://é.example` has its 8th byte inside the `é`).
    let starts_with = |scheme: &str| {
        s.as_bytes().get(..scheme.len()).is_some_and(|b| b.eq_ignore_ascii_case(scheme.as_bytes()))
    };
    let rest = if starts_with("https://") {
        &s[8..]
    } else if starts_with("http://") {
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
            "http://é.example/",
            "http://ü",
            "https://例え.jp/パス",
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
            "http:/é",
            "httpé://x",
            "",
        ] {
            assert!(!is_http_url(bad), "{bad}");
        }
    }
}
