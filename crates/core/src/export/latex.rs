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
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '-' if chars.peek() == Some(&'-') => out.push_str("-{}"),
            '\'' if chars.peek() == Some(&'\'') => out.push_str("\\textquotesingle{}"),
            '`' => out.push_str("\\textasciigrave{}"),
            '%' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '&' => out.push_str("\\&{}"),
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '$' => out.push_str("\\textdollar{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '\\' => out.push_str("\\textbackslash{}"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
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
