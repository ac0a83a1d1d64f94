//! The search query language (docs/search.md): terms, `"phrases"`, `-exclusions` and
//! `title:` / `author:` / `abstract:` field restrictions.

use super::field::{Field, FieldSet};
use super::text::words;

/// A query uses at most this many terms; the rest are ignored, so no typed or pasted text
/// can make one keystroke cost more than this many term lookups.
pub const MAX_TERMS: usize = 32;
/// A phrase uses at most this many words; the rest are ignored.
pub const MAX_PHRASE_WORDS: usize = 16;

/// One term of a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// The folded words; one word is a prefix term, several a phrase.
    pub words: Vec<String>,
    /// Written in quotes (a one-word phrase is still a prefix match).
    pub quoted: bool,
    pub excluded: bool,
    /// The fields searched.
    pub fields: FieldSet,
}

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
}

impl Query {
    /// Parses a query. Never fails: unknown prefixes (`foo:bar`) are searched as words, an
    /// unclosed quote runs to the end, terms with no words are dropped, and terms past
    /// [`MAX_TERMS`] and phrase words past [`MAX_PHRASE_WORDS`] are ignored.
    pub fn parse(input: &str) -> Self {
        let chars: Vec<char> = input.chars().collect();
        let mut terms = Vec::new();
        let mut i = 0;
        while i < chars.len() && terms.len() < MAX_TERMS {
            if chars[i].is_whitespace() {
                i += 1;
                continue;
            }
            let mut excluded = false;
            if chars[i] == '-' && chars.get(i + 1).is_some_and(|c| !c.is_whitespace()) {
                excluded = true;
                i += 1;
            }
            let mut fields = FieldSet::all();
            if let Some((f, len)) = field_prefix(&chars[i..]) {
                fields = FieldSet::only(f);
                i += len;
            }
            let (text, quoted) = if chars.get(i) == Some(&'"') {
                let end = (i + 1..chars.len()).find(|&j| chars[j] == '"').unwrap_or(chars.len());
                let text: String = chars[i + 1..end].iter().collect();
                i = end + 1;
                (text, true)
            } else {
                let end = (i..chars.len()).find(|&j| chars[j].is_whitespace()).unwrap_or(chars.len());
                let text: String = chars[i..end].iter().collect();
                i = end;
                (text, false)
            };
            let mut words = words(&text);
            words.truncate(MAX_PHRASE_WORDS);
            if !words.is_empty() {
                terms.push(Term { words, quoted, excluded, fields });
            }
        }
        Self { terms }
    }

    pub fn positive(&self) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(|t| !t.excluded)
    }

    pub fn has_positive(&self) -> bool {
        self.positive().next().is_some()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The query with each phrase it asks for split into its words, each a term of the
    /// phrase's field (`author:"jakob kather"` → `author:jakob author:kather`), written as
    /// a query; excluded phrases stay phrases. `None` when it asks for no phrase of two
    /// words or more. For a search that matches nothing only because its words are not
    /// side by side ("Jakob Nikolas Kather").
    pub fn with_phrases_split(&self) -> Option<String> {
        let splits = |t: &Term| !t.excluded && t.words.len() > 1;
        if !self.terms.iter().any(splits) {
            return None;
        }
        let mut out: Vec<String> = Vec::new();
        for t in &self.terms {
            let prefix = format!("{}{}", if t.excluded { "-" } else { "" }, field_name(t.fields));
            if splits(t) {
                out.extend(t.words.iter().map(|w| format!("{prefix}{w}")));
            } else if t.words.len() > 1 || t.quoted {
                out.push(format!("{prefix}\"{}\"", t.words.join(" ")));
            } else {
                out.push(format!("{prefix}{}", t.words[0]));
            }
        }
        Some(out.join(" "))
    }
}

/// A field restriction as it is typed: `title:`, `author:`, `abstract:`, or nothing for
/// every field.
fn field_name(fields: FieldSet) -> &'static str {
    [(Field::Title, "title:"), (Field::Authors, "author:"), (Field::Abstract, "abstract:")]
        .into_iter()
        .find(|(f, _)| fields == FieldSet::only(*f))
        .map_or("", |(_, name)| name)
}

fn field_prefix(chars: &[char]) -> Option<(Field, usize)> {
    for (name, field) in
        [("title:", Field::Title), ("author:", Field::Authors), ("abstract:", Field::Abstract)]
    {
        let n = name.chars().count();
        if chars.len() > n && chars[..n].iter().copied().eq(name.chars()) && !chars[n].is_whitespace() {
            return Some((field, n));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(words: &[&str], quoted: bool, excluded: bool, fields: FieldSet) -> Term {
        Term { words: words.iter().map(|w| w.to_string()).collect(), quoted, excluded, fields }
    }

    #[test]
    fn phrases_split_into_words_of_their_field() {
        let split = |q: &str| Query::parse(q).with_phrases_split();
        assert_eq!(split("author:\"Jakob Kather\"").as_deref(), Some("author:jakob author:kather"));
        assert_eq!(
            split("\"low rank\" -\"large language\" title:lora fine-tuning").as_deref(),
            Some("low rank -\"large language\" title:lora fine tuning")
        );
        assert_eq!(split("abstract:\"x y\" \"one\"").as_deref(), Some("abstract:x abstract:y \"one\""));
        // Nothing to split: no suggestion.
        assert_eq!(split("lora \"adapter\" -\"large language\""), None);
        // What it writes reads back as the split terms.
        let q = Query::parse(&split("author:\"jakob kather\" -survey").unwrap());
        assert_eq!(
            q.terms,
            vec![
                t(&["jakob"], false, false, FieldSet::only(Field::Authors)),
                t(&["kather"], false, false, FieldSet::only(Field::Authors)),
                t(&["survey"], false, true, FieldSet::all()),
            ]
        );
    }

    #[test]
    fn parses_each_form() {
        let a = FieldSet::all();
        let cases: Vec<(&str, Vec<Term>)> = vec![
            ("lora", vec![t(&["lora"], false, false, a)]),
            ("LoRA  Adapters", vec![t(&["lora"], false, false, a), t(&["adapters"], false, false, a)]),
            ("fine-tuning", vec![t(&["fine", "tuning"], false, false, a)]),
            ("\"low rank\"", vec![t(&["low", "rank"], true, false, a)]),
            ("-survey", vec![t(&["survey"], false, true, a)]),
            ("-\"large language\"", vec![t(&["large", "language"], true, true, a)]),
            ("title:lora", vec![t(&["lora"], false, false, FieldSet::only(Field::Title))]),
            ("author:\"jane doe\"", vec![t(&["jane", "doe"], true, false, FieldSet::only(Field::Authors))]),
            ("-abstract:gpt", vec![t(&["gpt"], false, true, FieldSet::only(Field::Abstract))]),
            ("Wölflein", vec![t(&["wolflein"], false, false, a)]),
            ("\"unclosed phrase", vec![t(&["unclosed", "phrase"], true, false, a)]),
            ("foo:bar", vec![t(&["foo", "bar"], false, false, a)]),
            ("- -- \"\" title:", vec![t(&["title"], false, false, a)]),
            ("", vec![]),
        ];
        for (input, expect) in cases {
            assert_eq!(Query::parse(input).terms, expect, "input {input:?}");
        }
    }

    #[test]
    fn a_query_of_thousands_of_terms_is_cut_to_the_limit() {
        let typed: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        let query = Query::parse(&typed.join(" "));
        let kept: Vec<&str> = query.terms.iter().map(|t| t.words[0].as_str()).collect();
        let expect: Vec<String> = (0..MAX_TERMS).map(|i| format!("w{i}")).collect();
        assert_eq!(kept, expect);
        let phrase = format!("\"{}\"", typed.join(" "));
        let query = Query::parse(&phrase);
        assert_eq!(query.terms.len(), 1);
        assert_eq!(query.terms[0].words, expect[..MAX_PHRASE_WORDS]);
    }
}
