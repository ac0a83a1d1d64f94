//! Relative links, as Jekyll sites write them (al-folio's `pdf = {paper.pdf}`), joined to
//! the `--base-url` of the site's files the way a browser's `new URL(rel, base)` joins
//! them: `paper.pdf`, `sub/paper.pdf`, `../paper.pdf`, `/assets/paper.pdf`,
//! `//cdn.example/paper.pdf`, `?query` and `#fragment`.

/// True when `value` names no scheme (`paper.pdf`, `/assets/x.pdf`, `//host/x`), so that
/// it means a place relative to the page it is on. `javascript:…`, `data:…`, `mailto:…`
/// and `https://…` are not relative.
pub fn is_relative(value: &str) -> bool {
    let Some(colon) = value.find(':') else { return true };
    let scheme = &value[..colon];
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    // A colon after a `/`, `?` or `#` is no scheme's (`a/b:c.pdf`, `?t=1:2`).
    !is_scheme
}

/// `relative` joined to `base`, an absolute http(s) URL; `None` when `relative` is not
/// relative (it names a scheme). The caller keeps the result only when it is an http(s) URL.
pub fn join(base: &str, relative: &str) -> Option<String> {
    let relative = relative.trim();
    if !is_relative(relative) {
        return None;
    }
    let relative = escape(&relative.replace('\\', "/"));
    let (scheme, rest) = base.split_once("://")?;
    let base = rest.split('#').next().unwrap_or("");
    let authority_end = base.find(['/', '?']).unwrap_or(base.len());
    let (authority, path_and_query) = base.split_at(authority_end);
    let base_path = path_and_query.split('?').next().unwrap_or("");
    let base_path = if base_path.is_empty() { "/" } else { base_path };
    let origin = format!("{scheme}://{authority}");
    Some(if let Some(other) = relative.strip_prefix("//") {
        format!("{scheme}://{other}")
    } else if relative.starts_with('#') {
        format!("{origin}{path_and_query}{relative}")
    } else if relative.starts_with('?') {
        format!("{origin}{base_path}{relative}")
    } else {
        let end = relative.find(['?', '#']).unwrap_or(relative.len());
        let (path, tail) = relative.split_at(end);
        let merged = if path.starts_with('/') {
            path.to_string()
        } else {
            let dir = &base_path[..base_path.rfind('/').map_or(0, |i| i + 1)];
            format!("{dir}{path}")
        };
        format!("{origin}{}{tail}", remove_dot_segments(&merged))
    })
}

/// RFC 3986's `remove_dot_segments` of an absolute path: `/a/b/../c/./d` is `/a/c/d`.
fn remove_dot_segments(path: &str) -> String {
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let last = segments.len() - 1;
    let mut out: Vec<&str> = Vec::new();
    for (i, segment) in segments.into_iter().enumerate() {
        match segment {
            "." | ".." => {
                if segment == ".." {
                    out.pop();
                }
                if i == last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    format!("/{}", out.join("/"))
}

/// The characters a browser percent-encodes in a path: spaces, quotes, angle brackets.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '"' => out.push_str("%22"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '`' => out.push_str("%60"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_as_a_browser_does() {
        let base = "https://lab.example/assets/pdf/?v=1#top";
        for (relative, joined) in [
            ("paper.pdf", "https://lab.example/assets/pdf/paper.pdf"),
            ("./paper.pdf", "https://lab.example/assets/pdf/paper.pdf"),
            ("sub/paper.pdf", "https://lab.example/assets/pdf/sub/paper.pdf"),
            ("../img/x.png", "https://lab.example/assets/img/x.png"),
            ("../../../../x.png", "https://lab.example/x.png"),
            ("/files/x.pdf", "https://lab.example/files/x.pdf"),
            ("/files/../x.pdf", "https://lab.example/x.pdf"),
            ("//cdn.example/x.pdf", "https://cdn.example/x.pdf"),
            ("x.pdf?dl=1#page=2", "https://lab.example/assets/pdf/x.pdf?dl=1#page=2"),
            ("?other", "https://lab.example/assets/pdf/?other"),
            ("#p", "https://lab.example/assets/pdf/?v=1#p"),
            ("my paper.pdf", "https://lab.example/assets/pdf/my%20paper.pdf"),
            ("sub\\x.pdf", "https://lab.example/assets/pdf/sub/x.pdf"),
            ("sub/..", "https://lab.example/assets/pdf/"),
            ("a/b:c.pdf", "https://lab.example/assets/pdf/a/b:c.pdf"),
        ] {
            assert_eq!(join(base, relative).as_deref(), Some(joined), "{relative}");
        }
        // Without a trailing slash the last segment is a file, replaced, as in a browser.
        assert_eq!(
            join("https://lab.example/assets/pdf", "x.pdf").as_deref(),
            Some("https://lab.example/assets/x.pdf")
        );
        assert_eq!(join("http://lab.example", "x.pdf").as_deref(), Some("http://lab.example/x.pdf"));
        assert_eq!(
            join("https://lab.example:8080?q", "x.pdf").as_deref(),
            Some("https://lab.example:8080/x.pdf")
        );
    }

    #[test]
    fn values_with_a_scheme_are_not_relative() {
        for value in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,x",
            "mailto:a@b",
            "https://x.org/a",
        ] {
            assert!(!is_relative(value), "{value}");
            assert_eq!(join("https://lab.example/", value), None, "{value}");
        }
        for value in ["paper.pdf", "/a", "//h/a", "a/b:c", "1:2.pdf", ""] {
            assert!(is_relative(value), "{value}");
        }
    }
}
