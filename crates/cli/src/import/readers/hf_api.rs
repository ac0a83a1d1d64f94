//! Hugging Face `daily_papers` API responses (`--from hf-api`): JSON arrays of objects
//! `{paper: {id, title, summary, authors, publishedAt, upvotes, githubRepo?, projectPage?,
//! ai_summary?, ai_keywords?}, title, thumbnail?, …}`.
//!
//! The traps, and what this importer does about them:
//! - two `publishedAt` fields: the paper's (`paper.publishedAt`, the arXiv date) is used,
//!   not the day it was added to Daily Papers;
//! - hidden authors (`hidden: true`) are left out, as the website does;
//! - titles: the top-level one is a single line but keeps LaTeX (`$\textit{X}$`), which is
//!   turned into text; `paper.title` is the fallback;
//! - abstracts are hard-wrapped arXiv text: whitespace is collapsed and inline LaTeX turned
//!   into text; angle-bracket tokens such as `<think>` stay text;
//! - `projectPage` can have a leading space and is checked like every link.
//!
//! The arXiv id is the paper id, and every paper is of kind `preprint`. A paper listed twice (in several daily lists) is merged
//! into one by the shared pipeline (`merge.rs`), keeping the higher, more recent upvote
//! count.

use paperdeck_core::{is_http_url, Paper, PaperKind, PartialDate};
use serde_json::Value;

use crate::import::fields::abstract_links::links_from_abstract;
use crate::import::fields::identifiers::set_arxiv_links;
use crate::import::fields::latex_text::{latex_to_text, one_line};
use crate::import::parsed::{ImportError, Location, Parsed};
use crate::import::readers::set_authors;

/// Reads one API response (the text of a JSON array, or `{"data": [...]}`).
pub fn parse(text: &str) -> Result<Parsed, ImportError> {
    let mut parsed = Parsed::default();
    for (index, record) in parse_array(text)?.iter().enumerate() {
        parsed.push(Location::Record(index), paper_of(record));
    }
    Ok(parsed)
}

fn parse_array(text: &str) -> Result<Vec<Value>, ImportError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError {
        line: e.line(),
        column: Some(e.column()),
        message: format!("not valid JSON: {}", e.to_string().split(" at line ").next().unwrap_or("")),
    })?;
    match value {
        Value::Array(items) => Ok(items),
        // Some archives wrap a day's list as {"data": [...]}.
        Value::Object(mut o) if matches!(o.get("data"), Some(Value::Array(_))) => match o.remove("data") {
            Some(Value::Array(items)) => Ok(items),
            _ => unreachable!(),
        },
        _ => Err(ImportError {
            line: 1,
            column: Some(1),
            message: "expected a JSON array of daily paper objects".into(),
        }),
    }
}

fn text_field<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty())
}

fn paper_of(record: &Value) -> Result<Paper, String> {
    let p = record.get("paper").filter(|p| p.is_object()).ok_or("has no \"paper\" object")?;
    let id = text_field(p, "id").ok_or("paper.id is missing")?;
    if !id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-')) {
        return Err(format!("paper.id {id:?} is not an arXiv id"));
    }
    let raw_title = text_field(record, "title").or_else(|| text_field(p, "title")).ok_or("has no title")?;
    let title = latex_to_text(raw_title);
    if title.is_empty() {
        return Err("has an empty title".into());
    }
    let published = text_field(p, "publishedAt")
        .and_then(|d| d.get(..10))
        .and_then(PartialDate::parse)
        .ok_or_else(|| format!("paper {id}: paper.publishedAt is missing or not a date"))?;
    let authors: Vec<String> = p
        .get("authors")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter(|a| a.get("hidden") != Some(&Value::Bool(true)))
                .filter_map(|a| text_field(a, "name"))
                .map(one_line)
                .collect()
        })
        .unwrap_or_default();
    let mut paper = Paper::new(id, title, 0, published);
    set_authors(&mut paper, authors, false);
    paper.kind = Some(PaperKind::Preprint);
    paper.upvotes = p.get("upvotes").and_then(Value::as_u64).map_or(0, |n| n.min(u64::from(u32::MAX)) as u32);
    let abstract_text = text_field(p, "summary").map(latex_to_text).filter(|s| !s.is_empty());
    let from_abstract = abstract_text.as_deref().map(links_from_abstract).unwrap_or_default();
    let link = |key: &str| text_field(p, key).filter(|u| is_http_url(u)).map(str::to_string);
    paper.links.code = link("githubRepo").or(from_abstract.code);
    paper.links.project = link("projectPage").or(from_abstract.project);
    set_arxiv_links(&mut paper.links, id);
    paper.links.hf = Some(format!("https://hf.privai.fun/papers/{id}"));
    paper.abstract_text = abstract_text;
    paper.summary = text_field(p, "ai_summary").map(latex_to_text);
    paper.tags = p
        .get("ai_keywords")
        .and_then(Value::as_array)
        .map(|k| {
            k.iter()
                .filter_map(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    paper.thumbnail = text_field(record, "thumbnail").filter(|u| is_http_url(u)).map(str::to_string);
    Ok(paper)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SLICE: &str = include_str!("../../../tests/data/hf-api-slice.json");

    fn parsed() -> Parsed {
        parse(SLICE).unwrap()
    }

    fn paper(id: &str) -> Paper {
        parsed().records.into_iter().map(|r| r.paper).find(|p| p.id == id).unwrap()
    }

    #[test]
    fn every_real_object_imports() {
        let p = parsed();
        assert_eq!(p.records.len(), 11);
        assert!(p.skipped.is_empty());
    }

    #[test]
    fn uses_the_arxiv_date_not_the_daily_papers_date() {
        // On arXiv 2024-06-10; added to Daily Papers 2024-06-11.
        assert_eq!(paper("2406.06525").published.to_string(), "2024-06-10");
    }

    #[test]
    fn hidden_authors_are_left_out_and_order_kept() {
        let p = paper("2607.18227");
        let raw: Vec<Value> = serde_json::from_str(SLICE).unwrap();
        let obj = raw.iter().find(|o| o["paper"]["id"] == "2607.18227").unwrap();
        let visible: Vec<&str> = obj["paper"]["authors"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["hidden"] != true)
            .map(|a| a["name"].as_str().unwrap().trim())
            .collect();
        assert!(visible.len() < obj["paper"]["authors"].as_array().unwrap().len());
        assert_eq!(p.authors.as_deref().unwrap(), visible.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(p.author_count as usize, visible.len());
    }

    #[test]
    fn titles_and_abstracts_are_one_line_text() {
        let p = paper("2511.07080");
        assert!(!p.title.contains('\n'));
        assert_eq!(
            paper("2405.17258").title,
            "Trans-LoRA: towards data-free Transferable Parameter Efficient Finetuning"
        );
        assert!(!p.abstract_text.as_deref().unwrap().contains('\n'));
        let think = paper("2505.13379");
        assert!(think.abstract_text.unwrap().contains("<think>"), "angle-bracket tokens stay as text");
    }

    #[test]
    fn links_from_fields_trimmed_and_checked() {
        let p = paper("2505.16839");
        let project = p.links.project.unwrap();
        assert!(project.starts_with("https://"), "leading space trimmed: {project:?}");
        assert_eq!(p.links.arxiv.as_deref(), Some("https://arxiv.org/abs/2505.16839"));
        assert_eq!(p.links.pdf.as_deref(), Some("https://arxiv.org/pdf/2505.16839"));
        assert_eq!(p.links.hf.as_deref(), Some("https://hf.privai.fun/papers/2505.16839"));
        let gh = paper("2511.06221");
        assert!(gh.links.code.unwrap().starts_with("https://github.com/"));
    }

    #[test]
    fn a_paper_in_two_lists_is_kept_once_with_the_later_upvotes() {
        let raw: Vec<Value> = serde_json::from_str(SLICE).unwrap();
        let mut later = raw[0].clone();
        later["paper"]["upvotes"] = Value::from(999);
        let second = serde_json::to_string(&vec![later]).unwrap();
        let input =
            |text| crate::import::Input { name: "x.json", format: crate::import::SourceFormat::HfApi, text };
        let outcome = crate::import::import(&[input(SLICE), input(&second)], &Default::default()).unwrap();
        assert_eq!(outcome.snapshot.papers.len(), 11);
        assert_eq!(outcome.snapshot.papers[0].upvotes, 999);
        assert_eq!(outcome.merged.len(), 1);
        assert_eq!(outcome.merged[0].id, raw[0]["paper"]["id"].as_str().unwrap());
        assert_eq!(outcome.merged[0].sources, [(0, Location::Record(0)), (1, Location::Record(0))]);
    }

    #[test]
    fn broken_records_are_skipped_with_their_index_and_bad_json_is_an_error() {
        let text = r#"[{"paper": {"id": "2401.00001", "title": "T", "summary": "S", "authors": [],
            "publishedAt": "2024-01-02T00:00:00.000Z", "upvotes": 1}, "title": "T"},
            {"title": "no paper"}, {"paper": {"id": "bad id!", "title": "x", "publishedAt": "2024-01-01T00:00:00Z"}}]"#;
        let p = parse(text).unwrap();
        assert_eq!(p.records.len(), 1);
        assert_eq!(p.records[0].paper.author_count, 0);
        assert_eq!(
            p.skipped.iter().map(|s| s.at).collect::<Vec<_>>(),
            [Location::Record(1), Location::Record(2)]
        );
        let e = parse("[{\"paper\": }").unwrap_err();
        assert_eq!((e.line, e.column), (1, Some(12)));
    }
}
