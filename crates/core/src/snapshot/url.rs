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
    // Byte searches for ASCII bytes, which never occur inside a longer UTF-8 character: a
    // link is checked for every paper of a snapshot as it loads.
    let authority =
        &rest.as_bytes()[..rest.bytes().position(|b| matches!(b, b'/' | b'?' | b'#')).unwrap_or(rest.len())];
    let host = authority.rsplit(|&b| b == b'@').next().unwrap_or_default();
    !host.is_empty() && !host.starts_with(b":") && !has_refused(s)
}

/// Whether `s` holds a [`refused`] character: its ASCII start byte by byte, the rest (from
/// its first byte that needs a closer look) character by character.
fn has_refused(s: &str) -> bool {
    let plain = |b: &u8| matches!(b, b'!'..=b'~') && !matches!(b, b'"' | b'<' | b'>' | b'\\');
    match s.bytes().position(|b| !plain(&b)) {
        None => false,
        Some(i) => s[i..].chars().any(refused),
    }
}

/// A character no link may hold: whitespace, a control character, or one that would end
/// an HTML attribute or tag.
fn refused(c: char) -> bool {
    match c {
        // Most URLs are ASCII: decided by one comparison, without Unicode's tables.
        ' '..='~' => matches!(c, ' ' | '"' | '<' | '>' | '\\'),
        _ => c.is_whitespace() || c.is_control(),
    }
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
    fn refused_characters_are_the_rule_for_every_char() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let rule = c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\');
            assert_eq!(super::refused(c), rule, "{c:?}");
            assert_eq!(super::has_refused(&format!("ab{c}")), rule, "{c:?}");
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
