//! Author names as lab files write them, made into display names: `Last, First` becomes
//! `First Last`, whitespace runs become one space, co-first-author markers (`Wu*`,
//! `Smith†`) go, and names written all in capitals (`SATO, TAKAMI`) get ordinary case.
//! Markers of an incomplete list (`others`, `et al.`, `…`) are recognised by
//! [`is_more_authors`].

/// The display name of one author as written, or `None` when nothing is left.
pub fn display_name(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let name = match raw.split_once(',') {
        // `Last, First` and `Last, Jr., First`.
        Some((last, rest)) => match rest.split_once(',') {
            Some((jr, first)) => format!("{} {} {}", first.trim(), last.trim(), jr.trim()),
            None => format!("{} {}", rest.trim(), last.trim()),
        },
        None => raw.to_string(),
    };
    clean(&name)
}

/// Collapses whitespace, drops footnote markers and fixes all-capital names.
pub fn clean(name: &str) -> Option<String> {
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| w.trim_matches(|c| matches!(c, '*' | '†' | '‡' | '§')))
        .enumerate()
        // Stray punctuation before a name (`.M Netravathi`).
        .map(|(k, w)| if k == 0 { w.trim_start_matches(['.', ',', ';', ':']) } else { w })
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect();
    if words.is_empty() {
        return None;
    }
    let shouting =
        !name.chars().any(char::is_lowercase) && name.chars().filter(|c| c.is_uppercase()).count() > 3;
    let words: Vec<String> = if shouting {
        // `SATO TAKAMI` → `Sato Takami`; short words may be initials (`WR`), so they stay.
        words.iter().map(|w| if w.chars().count() >= 3 { capitalize(w) } else { w.clone() }).collect()
    } else {
        words
    };
    Some(words.join(" "))
}

/// True for what stands for further, unlisted authors.
pub fn is_more_authors(name: &str) -> bool {
    let n = name.trim().trim_end_matches('.').to_lowercase();
    matches!(n.as_str(), "others" | "et al" | "et. al" | "…" | "..." | "and others")
}

/// Splits an author list at `separator`, giving display names and whether the list ends
/// in a marker of further authors (or is cut with `…`).
pub fn split_list(list: &str, separator: char, last_first: bool) -> (Vec<String>, bool) {
    let mut names = Vec::new();
    let mut incomplete = false;
    for part in list.split(separator) {
        let mut part = part.trim();
        if let Some(cut) = part.strip_suffix('…').or_else(|| part.strip_suffix("...")) {
            incomplete = true;
            part = cut.trim();
        }
        if part.is_empty() {
            continue;
        }
        if is_more_authors(part) {
            incomplete = true;
            continue;
        }
        let name = if last_first { display_name(part) } else { clean(part) };
        names.extend(name);
    }
    (names, incomplete)
}

fn capitalize(word: &str) -> String {
    // Each part of a hyphenated name: `GARCIA-LOPEZ` → `Garcia-Lopez`.
    word.split('-')
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_as_lab_files_write_them() {
        for (raw, expect) in [
            ("Nagendra, Ravindra P.", "Ravindra P. Nagendra"),
            ("Wu*, Qingyuan", "Qingyuan Wu"),
            ("SATO, TAKAMI", "Takami Sato"),
            ("Omar S. M.  El Nahhas", "Omar S. M. El Nahhas"),
            ("WR Tobler", "WR Tobler"),
            ("King, Jr., Martin Luther", "Martin Luther King Jr."),
            ("GARCIA-LOPEZ, JOSE", "Jose Garcia-Lopez"),
            ("Gérardy, Jürgen", "Jürgen Gérardy"),
            (".M Netravathi", "M Netravathi"),
        ] {
            assert_eq!(display_name(raw).as_deref(), Some(expect), "{raw}");
        }
        assert_eq!(display_name("  "), None);
        assert_eq!(display_name("*"), None);
    }

    #[test]
    fn lists_and_their_ends() {
        assert_eq!(
            split_list("Nagendra, Ravindra P.; Kutty, Bindu M.", ';', true),
            (vec!["Ravindra P. Nagendra".to_string(), "Bindu M. Kutty".to_string()], false)
        );
        assert_eq!(
            split_list("Q Yang, J Snyder, W Tobler", ',', false),
            (vec!["Q Yang".to_string(), "J Snyder".to_string(), "W Tobler".to_string()], false)
        );
        assert_eq!(
            split_list("A Smith, B Jones, …", ',', false),
            (vec!["A Smith".into(), "B Jones".into()], true)
        );
        assert_eq!(split_list("A Smith, B Jo…", ',', false), (vec!["A Smith".into(), "B Jo".into()], true));
        assert_eq!(split_list("A Smith; et al.", ';', true), (vec!["A Smith".into()], true));
        assert_eq!(split_list("", ';', true), (vec![], false));
    }
}
