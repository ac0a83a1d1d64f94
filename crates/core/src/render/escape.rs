//! The one escaping function for text and attribute values in HTML and XML.

/// `s` as the text of an element or the value of a quoted attribute, in HTML and in XML
/// 1.0 alike: `&`, `<`, `>`, `"` and `'` become references, and the characters XML 1.0
/// forbids (C0 controls but tab, newline and carriage return; U+FFFE, U+FFFF) and the
/// C1 controls HTML reports as errors are left out. Nothing in the result can end an
/// element, an attribute or a comment, or start markup.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_characters_become_references() {
        assert_eq!(
            escape(r#"<script>alert("x" & 'y')</script>"#),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
        assert_eq!(escape("--><!--"), "--&gt;&lt;!--");
    }

    #[test]
    fn characters_xml_forbids_are_left_out() {
        assert_eq!(escape("a\u{0}b\u{1b}c\u{7f}d\u{85}e\u{FFFE}f\u{FFFF}g"), "abcdefg");
        assert_eq!(escape("tab\tnew\nline\r"), "tab\tnew\nline\r");
        assert_eq!(escape("Wölflein 😀 数"), "Wölflein 😀 数");
    }
}
