//! Plain text from the bits of LaTeX that titles and abstracts carry
//! (`$\textit{Trans-LoRA}$`, `LLM$\times$MapReduce`, ``` ``quoted'' ```), keeping literal
//! dollar signs (`$60 GPUs`).

use unicode_normalization::UnicodeNormalization;

/// Commands whose braced argument is kept as text.
const WRAPPERS: &[&str] = &[
    "text",
    "textbf",
    "textit",
    "textsc",
    "texttt",
    "textrm",
    "textsf",
    "emph",
    "mathrm",
    "mathbf",
    "mathit",
    "mathcal",
    "mathsf",
    "mathtt",
    "mathbb",
    "operatorname",
    "underline",
    "url",
    "boldsymbol",
];

/// Commands that stand for a character.
const SYMBOLS: &[(&str, &str)] = &[
    ("times", "×"),
    ("nabla", "∇"),
    ("alpha", "α"),
    ("beta", "β"),
    ("gamma", "γ"),
    ("delta", "δ"),
    ("epsilon", "ε"),
    ("theta", "θ"),
    ("lambda", "λ"),
    ("mu", "μ"),
    ("pi", "π"),
    ("sigma", "σ"),
    ("tau", "τ"),
    ("phi", "φ"),
    ("omega", "ω"),
    ("infty", "∞"),
    ("rightarrow", "→"),
    ("to", "→"),
    ("leftarrow", "←"),
    ("approx", "≈"),
    ("leq", "≤"),
    ("geq", "≥"),
    ("pm", "±"),
    ("cdot", "·"),
    ("ldots", "…"),
    ("dots", "…"),
    ("eg", "e.g."),
    ("ie", "i.e."),
    ("etal", "et al."),
    ("ss", "ß"),
    ("o", "ø"),
    ("O", "Ø"),
    ("aa", "å"),
    ("AA", "Å"),
    ("ae", "æ"),
    ("AE", "Æ"),
    ("oe", "œ"),
    ("OE", "Œ"),
    ("l", "ł"),
    ("L", "Ł"),
    ("i", "ı"),
];

/// Accent commands and the combining characters they put on their argument:
/// `\'{e}` → é, `\"o` → ö, `\c{c}` → ç, `\v s` → š.
const ACCENTS: &[(&str, char)] = &[
    ("'", '\u{301}'),
    ("`", '\u{300}'),
    ("^", '\u{302}'),
    ("\"", '\u{308}'),
    ("~", '\u{303}'),
    ("=", '\u{304}'),
    (".", '\u{307}'),
    ("c", '\u{327}'),
    ("v", '\u{30C}'),
    ("u", '\u{306}'),
    ("H", '\u{30B}'),
    ("k", '\u{328}'),
    ("r", '\u{30A}'),
];

const SUPERSCRIPTS: &[(char, char)] = &[
    ('0', '⁰'),
    ('1', '¹'),
    ('2', '²'),
    ('3', '³'),
    ('4', '⁴'),
    ('5', '⁵'),
    ('6', '⁶'),
    ('7', '⁷'),
    ('8', '⁸'),
    ('9', '⁹'),
    ('+', '⁺'),
    ('-', '⁻'),
    ('n', 'ⁿ'),
];

/// Converts inline LaTeX to text and collapses whitespace (hard wraps) to single spaces.
pub fn latex_to_text(s: &str) -> String {
    // Most text has no command and no math: then only quotes and whitespace need work.
    if !s.contains(['$', '\\']) {
        return finish(s.to_string());
    }
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '$' if i > 0 && chars[i - 1] == '\\' => {}
            '$' => match math_end(&chars, i + 1) {
                Some(end) => {
                    out.push_str(&convert(&chars[i + 1..end], true));
                    i = end + 1;
                    continue;
                }
                None => out.push('$'),
            },
            _ => {
                // Copy up to the next '$' through `convert`, which handles commands.
                let end = (i..chars.len()).find(|&j| chars[j] == '$' && (j == 0 || chars[j - 1] != '\\'));
                let end = end.unwrap_or(chars.len());
                out.push_str(&convert(&chars[i..end], false));
                i = end;
                continue;
            }
        }
        i += 1;
    }
    finish(out)
}

/// TeX quotes to typographic ones, whitespace runs to one space, and accents composed
/// (`e` + U+0301 → `é`; only when a combining mark is there, which is rare).
fn finish(text: String) -> String {
    let quoted = if text.contains("``") || text.contains("''") {
        text.replace("``", "“").replace("''", "”")
    } else {
        text
    };
    let out = one_line(&quoted);
    if out.chars().any(|c| ('\u{300}'..='\u{36f}').contains(&c)) {
        out.nfc().collect()
    } else {
        out
    }
}

/// `s` as one line: runs of whitespace (hard wraps, tabs, no-break spaces) become one
/// space, and the ends are trimmed.
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// An accent command at `chars[i]` (a backslash): the accented character and the index
/// after the command, or `None` when it is no accent command.
fn accent(chars: &[char], i: usize) -> Option<(String, usize)> {
    let next = *chars.get(i + 1)?;
    let (combining, mut at) = if next.is_ascii_alphabetic() {
        // A letter accent (`\c{c}`, `\v s`) is one letter followed by a non-letter.
        let name_end = (i + 1..chars.len()).find(|&j| !chars[j].is_ascii_alphabetic()).unwrap_or(chars.len());
        if name_end != i + 2 {
            return None;
        }
        let &(_, c) = ACCENTS.iter().find(|(n, _)| n.len() == 1 && n.starts_with(next))?;
        (c, i + 2)
    } else {
        let &(_, c) = ACCENTS.iter().find(|(n, _)| n.starts_with(next))?;
        (c, i + 2)
    };
    while chars.get(at) == Some(&' ') && next.is_ascii_alphabetic() {
        at += 1;
    }
    let (base, end) = match chars.get(at)? {
        '{' => {
            let close = matching_brace(chars, at)?;
            let inner: String = chars[at + 1..close].iter().collect();
            // `\'{\i}`: the dotless i under an accent is a plain i.
            let inner = if inner == "\\i" { "i".to_string() } else { inner };
            (inner, close + 1)
        }
        c if c.is_alphabetic() => (c.to_string(), at + 1),
        _ => return None,
    };
    let mut out = String::new();
    out.push_str(&base);
    out.push(combining);
    Some((out, end))
}

/// The index of the `$` closing a math span that starts at `start`, if the span looks like
/// TeX (a command, a superscript or subscript, braces, or one symbol such as `$τ$`) rather
/// than two prices.
fn math_end(chars: &[char], start: usize) -> Option<usize> {
    let end = (start..chars.len()).find(|&j| chars[j] == '$' && chars[j - 1] != '\\')?;
    let body = &chars[start..end];
    if body.is_empty() {
        return None;
    }
    let tex = body.iter().any(|c| matches!(c, '\\' | '^' | '_' | '{'));
    let symbol = !body.iter().any(|c| c.is_whitespace()) && !body[0].is_ascii_digit();
    (tex || symbol).then_some(end)
}

fn convert(chars: &[char], math: bool) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && !math {
            if let Some((accented, end)) = accent(chars, i) {
                out.push_str(&accented);
                i = end;
                continue;
            }
        }
        if c == '\\' {
            let name_end =
                (i + 1..chars.len()).find(|&j| !chars[j].is_ascii_alphabetic()).unwrap_or(chars.len());
            let name: String = chars[i + 1..name_end].iter().collect();
            if name.is_empty() {
                // An escaped character: \$ \& \% \_ \# \{ \}.
                if let Some(&next) = chars.get(i + 1) {
                    out.push(next);
                }
                i += 2;
                continue;
            }
            if WRAPPERS.contains(&name.as_str()) && chars.get(name_end) == Some(&'{') {
                if let Some(close) = matching_brace(chars, name_end) {
                    out.push_str(&convert(&chars[name_end + 1..close], math));
                    i = close + 1;
                    continue;
                }
            }
            if let Some((_, sym)) = SYMBOLS.iter().find(|(n, _)| *n == name) {
                out.push_str(sym);
            } else if !math {
                // An unknown command in prose (\method, \ours): keep its name as a word.
                out.push_str(&name);
            }
            i = name_end;
            // A command's terminating space is not text.
            continue;
        }
        if math && (c == '^' || c == '_') {
            let (arg, next) = script_argument(chars, i + 1);
            let sup: Option<String> = (c == '^')
                .then(|| {
                    arg.chars().map(|a| SUPERSCRIPTS.iter().find(|(p, _)| *p == a).map(|(_, s)| *s)).collect()
                })
                .flatten();
            out.push_str(&sup.unwrap_or_else(|| convert(&arg.chars().collect::<Vec<_>>(), true)));
            i = next;
            continue;
        }
        if math && (c == '{' || c == '}') {
            i += 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

fn matching_brace(chars: &[char], open: usize) -> Option<usize> {
    let mut depth = 0;
    for (j, &c) in chars.iter().enumerate().skip(open) {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(j);
                }
            }
            _ => {}
        }
    }
    None
}

/// The argument of `^` or `_`: a braced group or one character.
fn script_argument(chars: &[char], at: usize) -> (String, usize) {
    match chars.get(at) {
        Some('{') => match matching_brace(chars, at) {
            Some(close) => (chars[at + 1..close].iter().collect(), close + 1),
            None => (String::new(), at + 1),
        },
        Some(c) => (c.to_string(), at + 1),
        None => (String::new(), at),
    }
}

#[cfg(test)]
mod tests {
    use super::latex_to_text;

    #[test]
    fn real_titles() {
        for (input, expect) in [
            ("$\\text{Transformer}^2$: Self-adaptive LLMs", "Transformer²: Self-adaptive LLMs"),
            (
                "LLM$\\times$MapReduce: Simplified Long-Sequence Processing",
                "LLM×MapReduce: Simplified Long-Sequence Processing",
            ),
            ("$\\textbf{Only-IF}$:Revealing the Decisive Effect", "Only-IF:Revealing the Decisive Effect"),
            (
                "$\\nabla^2$DFT: A Universal Quantum Chemistry Dataset",
                "∇²DFT: A Universal Quantum Chemistry Dataset",
            ),
            (
                "$\\textit{Trans-LoRA}$: towards data-free Transferable",
                "Trans-LoRA: towards data-free Transferable",
            ),
            (
                "AutoCoder: Enhancing Code Large Language Model with \\textsc{AIEV-Instruct}",
                "AutoCoder: Enhancing Code Large Language Model with AIEV-Instruct",
            ),
            (
                "DumpsterCluster: Serving LLaMA-70B on $60 GPUs",
                "DumpsterCluster: Serving LLaMA-70B on $60 GPUs",
            ),
            (
                "\\$OneMillion-Bench: How Far are Language Agents",
                "$OneMillion-Bench: How Far are Language Agents",
            ),
            ("from $5 to $10 a day", "from $5 to $10 a day"),
            (
                "Mixture-of-Depths: Dynamically allocating compute in transformer-based\n  language models",
                "Mixture-of-Depths: Dynamically allocating compute in transformer-based language models",
            ),
            ("$τ$-bench", "τ-bench"),
        ] {
            assert_eq!(latex_to_text(input), expect, "input {input:?}");
        }
    }

    #[test]
    fn abstract_markup() {
        assert_eq!(
            latex_to_text("we call it \\emph{X} and ``quote''\nwrapped"),
            "we call it X and “quote” wrapped"
        );
        assert_eq!(latex_to_text("tokens like <think> stay"), "tokens like <think> stay");
        assert_eq!(latex_to_text("an unclosed $ sign and \\"), "an unclosed $ sign and");
        assert_eq!(latex_to_text("V_{0.5} in prose"), "V_{0.5} in prose");
    }

    #[test]
    fn accents_and_special_letters() {
        for (input, expect) in [
            ("R\\'{e}nyi entropy", "Rényi entropy"),
            ("W\\\"{o}lflein and W\\\"olflein", "Wölflein and Wölflein"),
            ("Gar\\c{c}on, \\v Sediv\\'y", "Garçon, Šedivý"),
            ("Le{\\ss}mann and \\o{}rsted", "Le{ß}mann and ø{}rsted"),
            ("Fran\\c cois na\\\"{\\i}ve", "François naïve"),
            ("\\'", "'"),
            ("\\c", "c"),
        ] {
            assert_eq!(latex_to_text(input), expect, "input {input:?}");
        }
    }
}
