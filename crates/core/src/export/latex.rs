//! LaTeX-safe text for BibTeX values.

/// `text` as a BibTeX value reads it back: the ten characters LaTeX treats specially
/// escaped (`\% \# \_`, `\&{}`, `\textdollar{}`, `\textbraceleft{}`, `\textbraceright{}`
/// (no brace, so an unbalanced one cannot break the entry), `\textasciitilde{}`,
/// `\textasciicircum{}`, `\textbackslash{}`; the spellings `paperdeck import` reads as
/// written, where it reads others as LaTeX that a tool escaped), every line break, tab or other control character made a space
/// (BibTeX has no line break), `--` written `-{}-` (else TeX reads a dash: `--` is
/// "–"), `''` as `\textquotesingle{}'` and each `` ` `` as `\textasciigrave{}` (else TeX
/// reads quotes: ``` `` ``` is "“"), and everything else, non-ASCII included, kept as UTF-8.
pub fn escape_latex(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_escaped(&mut out, text);
    out
}

/// [`escape_latex`] of `text`, appended to `out`: runs of plain characters are copied
/// whole.
pub(super) fn push_escaped(out: &mut String, text: &str) {
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let escape: &str = match c {
            '-' if next == Some('-') => "-{}",
            '\'' if next == Some('\'') => "\\textquotesingle{}",
            '`' => "\\textasciigrave{}",
            '%' => "\\%",
            '#' => "\\#",
            '_' => "\\_",
            '&' => "\\&{}",
            '{' => "\\textbraceleft{}",
            '}' => "\\textbraceright{}",
            '$' => "\\textdollar{}",
            '~' => "\\textasciitilde{}",
            '^' => "\\textasciicircum{}",
            '\\' => "\\textbackslash{}",
            c if c.is_control() => " ",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        out.push_str(escape);
        start = i + c.len_utf8();
    }
    out.push_str(&text[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specials_are_escaped_and_unicode_kept() {
        assert_eq!(
            escape_latex("{a}%&$#_~^\\ Wölflein\nx\ty --- - ''`"),
            "\\textbraceleft{}a\\textbraceright{}\\%\\&{}\\textdollar{}\\#\\_\\textasciitilde{}\\textasciicircum{}\\textbackslash{} Wölflein x y -{}-{}- - \\textquotesingle{}'\\textasciigrave{}"
        );
    }
}
