//! One table per rule of docs/search.md, on a small corpus.

mod support;

use paperdeck_core::{
    decode_url, parse_snapshot, Catalog, CountRange, DatePreset, Has, PartialDate, SortOrder, ViewState,
};
use support::check;

const CORPUS: &str = r#"{"format":"paperdeck-snapshot","version":1,"papers":[
 {"id":"lora","title":"LoRA: Low-Rank Adaptation of Large Language Models","abstract":"We propose low-rank adaptation for fine-tuning.","authors":["Edward Hu","Yelong Shen","Phillip Wallis"],"published":"2021-06-17","upvotes":120,"links":{"code":"https://github.com/microsoft/LoRA","pdf":"https://arxiv.org/pdf/2106.09685"}},
 {"id":"qlora","title":"QLoRA: Efficient Finetuning of Quantized LLMs","abstract":"An efficient approach that reduces memory usage enough to fine-tune a 65B model.","authors":["Tim Dettmers","Artidoro Pagnoni","Ari Holtzman","Luke Zettlemoyer"],"published":"2023-05-23","upvotes":80,"links":{"code":"https://github.com/artidoro/qlora"}},
 {"id":"survey","title":"Parameter-Efficient Fine-Tuning for Large Models: A Comprehensive Survey","abstract":"A survey of PEFT methods such as LoRA and adapters.","author_count":5,"published":"2024-03","upvotes":3},
 {"id":"gpt35","title":"Evaluating GPT-3.5 on Reasoning","abstract":"Jane Doe studies reasoning.","authors":["Jane Doe"],"published":"2024","upvotes":0,"links":{"project":"https://gpt.example"}},
 {"id":"wolf","title":"Histopathology with Foundation Models","abstract":"Whole-slide images.","authors":["Georg Wölflein","Jane Smith"],"published":"2024-11-02","upvotes":7,"tags":["pathology"],"venue":"MICCAI"},
 {"id":"doe","title":"Doe Jane: A Name Collision","authors":["John Doe","Jane Roe"],"published":"2022-01-05","upvotes":1},
 {"id":"many","title":"A Very Large Collaboration","abstract":"Thirteen authors.","author_count":13,"published":"2025-01-10","upvotes":50},
 {"id":"tie-b","title":"Same Title","author_count":2,"published":"2023-05-23","upvotes":80},
 {"id":"tie-a","title":"Same Title","author_count":2,"published":"2023-05-23","upvotes":80},
 {"id":"undated","title":"An Undated Preprint","authors":["Ann Other","Bo Rest"],"authors_incomplete":true,"upvotes":2}
]}"#;

fn catalog() -> Catalog {
    Catalog::new(parse_snapshot(CORPUS).unwrap().snapshot)
}

/// The ids a URL query string shows, in order.
fn ids(c: &Catalog, qs: &str) -> Vec<String> {
    let (view, notices) = decode_url(qs);
    assert!(notices.is_empty(), "{qs}: {notices:?}");
    c.search(&view).ids.iter().map(|&i| c.paper(i).id.clone()).collect()
}

fn check_set(c: &Catalog, qs: &str, expect: &[&str]) {
    let mut got = ids(c, qs);
    got.sort();
    let mut want: Vec<String> = expect.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(got, want, "query string {qs:?}");
}

#[test]
fn words_match_as_prefixes_in_default_fields() {
    let c = catalog();
    check_set(&c, "q=lor", &["lora", "survey"]); // not qlora: prefixes of words, not substrings
    check_set(&c, "q=LoRA", &["lora", "survey"]);
    check_set(&c, "q=qlo", &["qlora"]);
    check_set(&c, "q=zettle", &["qlora"]); // authors
    check_set(&c, "q=patho", &["wolf"]); // tags
    check_set(&c, "q=miccai", &["wolf"]); // venue
    check_set(&c, "q=wolflein", &["wolf"]); // folded
    check_set(&c, "q=W%C3%B6lf", &["wolf"]); // typed with the umlaut
    check_set(&c, "q=ora", &[]); // prefixes, not substrings
}

#[test]
fn every_positive_term_must_match() {
    let c = catalog();
    check_set(&c, "q=lora+survey", &["survey"]);
    check_set(&c, "q=fine+lora", &["lora", "survey"]);
    check_set(&c, "q=lora+nothinglikethis", &[]);
}

#[test]
fn hyphenated_and_quoted_terms_are_phrases() {
    let c = catalog();
    check_set(&c, "q=fine-tuning", &["lora", "survey"]); // qlora says "fine-tune"
    check_set(&c, "q=fine-tun", &["lora", "survey", "qlora"]);
    check_set(&c, "q=%22low+rank%22", &["lora"]);
    check_set(&c, "q=%22rank+low%22", &[]);
    check_set(&c, "q=%22low+ra%22", &["lora"]); // last word is a prefix
    check_set(&c, "q=%22lo+rank%22", &[]); // other words are whole
    check_set(&c, "q=gpt-3.5", &["gpt35"]);
    check_set(&c, "q=%22gpt+3+5%22", &["gpt35"]);
}

#[test]
fn phrases_stay_within_one_field_value() {
    let c = catalog();
    // "Jane Doe" is one author of gpt35; doe has "John Doe" then "Jane Roe": "doe jane"
    // spans two authors there, but is in doe's title.
    check_set(&c, "q=author:%22jane+doe%22", &["gpt35"]);
    check_set(&c, "q=author:%22doe+jane%22", &[]);
    check_set(&c, "q=%22doe+jane%22", &["doe"]);
}

#[test]
fn a_phrase_is_found_at_any_occurrence_of_its_first_word() {
    let c = Catalog::new(
        parse_snapshot(
            r#"{"format":"paperdeck-snapshot","version":1,"papers":[
 {"id":"rep","title":"Deep nets, deep trees and deep learning","abstract":"Deep deep deep.","author_count":1,"published":"2024"},
 {"id":"once","title":"Deep learning","author_count":1,"published":"2024"},
 {"id":"two","title":"Deep nets and deep trees","abstract":"Trees, deep","author_count":1,"published":"2024"}
]}"#,
        )
        .unwrap()
        .snapshot,
    );
    check_set(&c, "q=%22deep+learning%22", &["rep", "once"]); // the third "deep" of rep's title
    check_set(&c, "q=%22deep+tr%22", &["rep", "two"]); // the second
    check_set(&c, "q=%22deep+deep+deep%22", &["rep"]);
    check_set(&c, "q=%22deep+deep+deep+deep%22", &[]);
    check_set(&c, "q=%22and+deep%22", &["rep", "two"]);
    check_set(&c, "q=%22deep+zebra%22", &[]);
    check_set(&c, "q=%22trees+deep%22", &["two"]); // the phrase ends its field
    check_set(&c, "q=%22deep+deep+tr%22", &[]);
}

#[test]
fn exclusions_remove_matches() {
    let c = catalog();
    check_set(&c, "q=lora+-survey", &["lora"]);
    check_set(&c, "q=lora+-%22comprehensive+survey%22", &["lora"]);
    check_set(&c, "q=lora+-%22survey+comprehensive%22", &["lora", "survey"]);
    check_set(&c, "q=-lora", &["qlora", "gpt35", "wolf", "doe", "many", "tie-a", "tie-b", "undated"]);
}

#[test]
fn field_restrictions() {
    let c = catalog();
    check_set(&c, "q=title:lora", &["lora"]);
    check_set(&c, "q=title:qlora", &["qlora"]);
    check_set(&c, "q=abstract:lora", &["survey"]);
    check_set(&c, "q=author:jane", &["gpt35", "wolf", "doe"]);
    check_set(&c, "q=title:jane", &["doe"]);
    check_set(&c, "q=author:doe+-title:doe", &["gpt35"]);
}

#[test]
fn relevance_ranks_title_above_authors_above_abstract() {
    let c = catalog();
    // "jane": in doe's title and authors, in gpt35's authors and abstract, in wolf's
    // authors only.
    check(
        &c,
        "q=jane",
        "ids: doe gpt35 wolf
         order: relevance
         years: 2025 0, 2024 2, 2023 0, 2022 1, 2021 0
         has: code 0, project 1, pdf 0, abstract 2
         authors: 1 1, 2–3 2, 4–6 0, 7–10 0, 11+ 0
         suggestions:",
    );
    // A title match before an abstract match.
    assert_eq!(ids(&c, "q=lora"), ["lora", "survey"]);
    // A whole word ("adaptation" starts with "adapt" in both, but lora has it in its
    // title) and a query make relevance the default order.
    let (view, _) = decode_url("q=adapt");
    assert_eq!(view.effective_sort(), SortOrder::Relevance);
    assert_eq!(ids(&c, "q=adapt"), ["lora", "survey"]);
}

#[test]
fn relevance_ties_break_by_date_then_id() {
    let c = catalog();
    assert_eq!(ids(&c, "q=same"), ["tie-a", "tie-b"]);
}

#[test]
fn date_range_bounds_cover_their_periods() {
    let c = catalog();
    check_set(&c, "from=2024", &["survey", "gpt35", "wolf", "many"]);
    check_set(&c, "to=2023", &["lora", "qlora", "doe", "tie-a", "tie-b"]);
    check_set(&c, "from=2024-03&to=2024-03", &["survey"]);
    check_set(&c, "from=2024-03-02&to=2024-12", &["wolf"]); // survey is 2024-03 = March 1st
    check_set(&c, "from=2024&to=2024", &["survey", "gpt35", "wolf"]);
    // An undated paper matches no date bound, and is counted under no year.
    check_set(&c, "to=2099", &["lora", "qlora", "doe", "tie-a", "tie-b", "survey", "gpt35", "wolf", "many"]);
    check_set(&c, "q=undated", &["undated"]);
    check(
        &c,
        "",
        "ids: many wolf survey gpt35 qlora tie-a tie-b doe lora undated
         order: newest
         years: 2025 1, 2024 3, 2023 3, 2022 1, 2021 1
         has: code 2, project 1, pdf 1, abstract 6
         authors: 1 1, 2–3 6, 4–6 2, 7–10 0, 11+ 1
         suggestions:",
    );
}

#[test]
fn count_filters_and_has() {
    let c = catalog();
    check_set(&c, "authors=1", &["gpt35"]);
    // Two names "and others" are at least three authors.
    check_set(&c, "authors=3", &["lora", "undated"]);
    check_set(&c, "authors=4-", &["qlora", "survey", "many"]);
    check_set(&c, "authors=-2", &["gpt35", "wolf", "doe", "tie-a", "tie-b"]);
    check_set(&c, "upvotes=80-", &["lora", "qlora", "tie-a", "tie-b"]);
    check_set(&c, "has=code", &["lora", "qlora"]);
    check_set(&c, "has=code,pdf", &["lora"]);
    check_set(&c, "has=project", &["gpt35"]);
    check_set(&c, "has=abstract&authors=2-3", &["lora", "wolf"]);
    check_set(&c, "q=lora&has=code&upvotes=100-", &["lora"]);
    // Each "Has" count is the number of papers that filter keeps.
    let facets = c.search(&ViewState::default()).facets;
    for h in Has::ALL {
        let (view, _) = decode_url(&format!("has={}", h.name()));
        assert_eq!(facets.has_count(h) as usize, c.search(&view).ids.len(), "{h:?}");
    }
    // The "Has" filter offers what some paper has.
    assert!(Has::ALL.into_iter().all(|h| c.offers_has(h)));
    let no_links = Catalog::new(
        parse_snapshot(r#"{"papers":[{"id":"a","title":"A","abstract":"Text.","author_count":1,"links":{"code":"https://c.example"}}]}"#)
            .unwrap()
            .snapshot,
    );
    let offered: Vec<Has> = Has::ALL.into_iter().filter(|h| no_links.offers_has(*h)).collect();
    assert_eq!(offered, [Has::Code, Has::Abstract]);
    assert_eq!(no_links.has_options(&ViewState::default()), [Has::Code, Has::Abstract]);
    // One a link asks for stays, to be unticked.
    let (asked, _) = decode_url("has=pdf");
    assert_eq!(no_links.has_options(&asked), [Has::Code, Has::Pdf, Has::Abstract]);
}

#[test]
fn each_sort_order_with_its_tie_breaks() {
    let c = catalog();
    // "undated" has no date (last in both date orders) and two names of at least three
    // authors (counted as three).
    assert_eq!(
        ids(&c, ""),
        ["many", "wolf", "survey", "gpt35", "qlora", "tie-a", "tie-b", "doe", "lora", "undated"]
    );
    assert_eq!(
        ids(&c, "sort=oldest"),
        ["lora", "doe", "qlora", "tie-a", "tie-b", "gpt35", "survey", "wolf", "many", "undated"]
    );
    assert_eq!(
        ids(&c, "sort=most-authors"),
        ["many", "survey", "qlora", "lora", "undated", "wolf", "tie-a", "tie-b", "doe", "gpt35"]
    );
    assert_eq!(
        ids(&c, "sort=fewest-authors"),
        ["gpt35", "wolf", "tie-a", "tie-b", "doe", "lora", "undated", "qlora", "survey", "many"]
    );
    assert_eq!(
        ids(&c, "sort=most-upvoted"),
        ["lora", "qlora", "tie-a", "tie-b", "many", "wolf", "survey", "undated", "doe", "gpt35"]
    );
    assert_eq!(
        ids(&c, "sort=title"),
        ["many", "undated", "doe", "gpt35", "wolf", "lora", "survey", "qlora", "tie-a", "tie-b"]
    );
}

#[test]
fn facets_are_disjunctive() {
    let c = catalog();
    // Years ignore the date filter but apply has=abstract (2022's doe has no abstract);
    // has counts ignore has=abstract but apply the date filter; author buckets apply
    // both. Every year of the snapshot is listed, newest first.
    check(
        &c,
        "from=2024&has=abstract",
        "ids: many wolf survey gpt35
         order: newest
         years: 2025 1, 2024 3, 2023 1, 2022 0, 2021 1
         has: code 0, project 1, pdf 0, abstract 4
         authors: 1 1, 2–3 1, 4–6 1, 7–10 0, 11+ 1
         suggestions:",
    );
}

#[test]
fn suggestions_for_a_query_that_matches_nothing() {
    let c = catalog();
    let nothing = |suggestions: &str| {
        format!(
            "ids:
             order: relevance
             years: 2025 0, 2024 0, 2023 0, 2022 0, 2021 0
             has: code 0, project 0, pdf 0, abstract 0
             authors: 1 0, 2–3 0, 4–6 0, 7–10 0, 11+ 0
             suggestions: {suggestions}"
        )
    };
    // Two neighbouring letters swapped are one edit: `qlroa` is one from `qlora`, two
    // from `lora`.
    check(&c, "q=qlroa", &nothing(r#""qlora", "lora""#));
    check(&c, "q=lroa", &nothing(r#""lora", "low", "qlora""#));
    check(&c, "q=efficient+finetunng", &nothing(r#""efficient finetuning""#));
    // Nothing within 2 edits, for a word alone or beside one that matches.
    check(&c, "q=xyzzyplugh", &nothing(""));
    check(&c, "q=lora+xyzzyplugh", &nothing(""));
    // More than 3 words that match nothing are not a typo: no vocabulary scan, nothing.
    check(&c, "q=qlroa+efficiant+finetunng+modle", &nothing(""));
    // Only when nothing matches.
    assert_eq!(c.search(&decode_url("q=lora").0).suggestions, Vec::<String>::new());
    // Every word is an author's, but not side by side in one name: the phrase's words as
    // separate terms of its field, which match.
    let split = |qs: &str| c.search(&decode_url(qs).0).suggestions;
    assert_eq!(split("q=author:%22doe+jane%22"), ["author:doe author:jane"]);
    assert!(!ids(&c, "q=author:doe+author:jane").is_empty());
    // Unless those do not match either.
    assert_eq!(split("q=author:%22doe+jane%22+title:undated"), Vec::<String>::new());
}

#[test]
fn date_presets_from_the_newest_paper() {
    let c = catalog();
    let newest = c.newest_date().unwrap();
    assert_eq!(newest, PartialDate::parse("2025-01-10").unwrap());
    let view = ViewState { from: Some(DatePreset::Last12Months.from_bound(newest)), ..Default::default() };
    let got: Vec<&str> = c.search(&view).ids.iter().map(|&i| c.paper(i).id.as_str()).collect();
    assert_eq!(got, ["many", "wolf", "survey"], "from 2024-01-12; survey's 2024-03 counts as March 1st");
    assert_eq!(CountRange::parse("1").unwrap(), paperdeck_core::AUTHOR_BUCKETS[0]);
    assert_eq!(Has::from_name("pdf"), Some(Has::Pdf));
}

#[test]
fn a_link_to_a_paper_the_collection_lacks_is_named() {
    let c = catalog();
    let (held, _) = decode_url("q=lora&paper=qlora");
    assert!(c.link_notices(&held).is_empty(), "a paper it holds");
    assert!(c.link_notices(&ViewState::default()).is_empty(), "no paper asked for");
    let (missing, _) = decode_url("q=lora&paper=nope");
    let notices: Vec<String> = c.link_notices(&missing).iter().map(ToString::to_string).collect();
    assert_eq!(notices, ["paper: \"nope\" is not a paper of this collection, so none is opened"]);
    // The rest of the link still applies.
    assert_eq!(ids(&c, "q=lora&paper=nope"), ids(&c, "q=lora"));
}

#[test]
fn a_rare_misspelling_in_the_papers_is_not_offered_beside_the_common_word() {
    // 25 papers say "diffusion", one misspells it "dbfusion", two say "fusion": each one
    // or two edits from "difusion". The misspelling, 25 times rarer than the best fix, is
    // not offered; "fusion", not that much rarer, still is.
    let mut papers: Vec<String> = (0..25)
        .map(|i| {
            format!(
                r#"{{"id":"d{i}","title":"Diffusion model {i}","author_count":1,"published":"2024-01-01"}}"#
            )
        })
        .collect();
    papers
        .push(r#"{"id":"typo","title":"A dbfusion model","author_count":1,"published":"2024-01-01"}"#.into());
    papers.extend((0..2).map(|i| {
        format!(r#"{{"id":"f{i}","title":"Fusion {i}","author_count":1,"published":"2024-01-01"}}"#)
    }));
    let text = format!(r#"{{"format":"paperdeck-snapshot","version":1,"papers":[{}]}}"#, papers.join(","));
    let c = Catalog::new(parse_snapshot(&text).unwrap().snapshot);
    assert_eq!(c.search(&decode_url("q=difusion").0).suggestions, ["diffusion", "fusion"]);
    assert_eq!(c.search(&decode_url("q=difusion+modle").0).suggestions, ["diffusion model"]);
}
