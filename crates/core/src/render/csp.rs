//! The site's own origin in a built page's Content-Security-Policy. In a sandboxed frame
//! (an opaque origin) WebKit matches `'self'` against nothing, so a page whose policy says
//! only `'self'` loses its own stylesheet and scripts there; naming the origin the page is
//! served from, beside `'self'`, works in every engine and allows nothing more.

/// The origin (`https://lab.example`) of an http(s) URL, or `None`.
pub fn url_origin(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    let host_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..host_len];
    let valid = !host.is_empty()
        && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    valid.then(|| &url[..url.len() - rest.len() + host_len])
}

/// `page` with `origin` after every `'self'` of its `<meta http-equiv="Content-Security-Policy">`
/// (once: running it again changes nothing). `None` when the page has no such meta.
pub fn allow_origin(page: &str, origin: &str) -> Option<String> {
    const META: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"";
    let start = page.find(META)? + META.len();
    let len = page[start..].find('"')?;
    let policy = &page[start..start + len];
    let directives: Vec<String> = policy
        .split(';')
        .map(|directive| {
            let sources: Vec<&str> = directive.split_whitespace().collect();
            if sources.contains(&"'self'") && !sources.contains(&origin) {
                let at = sources.iter().position(|s| *s == "'self'").unwrap_or(0) + 1;
                let mut with = sources.clone();
                with.insert(at, origin);
                with.join(" ")
            } else {
                sources.join(" ")
            }
        })
        .collect();
    Some(format!("{}{}{}", &page[..start], directives.join("; "), &page[start + len..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' https: data:\" /></head>";

    #[test]
    fn the_origin_follows_every_self_once() {
        let once = allow_origin(PAGE, "https://lab.example").unwrap();
        assert_eq!(
            once,
            "<head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self' https://lab.example; script-src 'self' https://lab.example 'wasm-unsafe-eval'; img-src 'self' https://lab.example https: data:\" /></head>"
        );
        assert_eq!(allow_origin(&once, "https://lab.example").unwrap(), once);
        assert_eq!(allow_origin("<head></head>", "https://lab.example"), None);
    }

    #[test]
    fn origins_of_site_urls() {
        assert_eq!(url_origin("https://lab.example/papers/"), Some("https://lab.example"));
        assert_eq!(url_origin("http://127.0.0.1:8080/"), Some("http://127.0.0.1:8080"));
        assert_eq!(url_origin("https://lab.example"), Some("https://lab.example"));
        assert_eq!(url_origin("https://a.example?x"), Some("https://a.example"));
        assert_eq!(url_origin("ftp://lab.example/"), None);
        assert_eq!(url_origin("https:///x"), None);
        assert_eq!(url_origin("https://evil\"x/"), None);
    }
}
