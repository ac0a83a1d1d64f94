//! The arguments of `paperdeck import`: the inputs with their formats, `-o`, and the
//! options. A wrong one is a message for the usage error.

use std::path::PathBuf;

use paperdeck_cli::import::readers::csv_table;
use paperdeck_cli::import::{ImportOptions, SourceFormat};
use paperdeck_core::is_http_url;

/// What `paperdeck import` was asked to do.
pub struct ImportArgs {
    /// Each input with its format.
    pub inputs: Vec<(PathBuf, SourceFormat)>,
    pub output: PathBuf,
    pub options: ImportOptions,
}

/// Reads the arguments after `import`.
pub fn parse_import_args(args: &[String]) -> Result<ImportArgs, String> {
    let mut output = None;
    let mut from = None;
    let mut inputs = Vec::new();
    let mut options = ImportOptions::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--from" => from = Some(format_named(&value("--from")?)?),
            "-o" | "--output" => output = Some(PathBuf::from(value("-o")?)),
            "--year" => options.year = Some(year(&value("--year")?)?),
            "--title" => options.title = Some(value("--title")?),
            "--allow-undated" => options.allow_undated = true,
            "--map" => options.column_map.push(column_mapping(&value("--map")?)?),
            "--base-url" => options.base_url = Some(base_url("--base-url", &value("--base-url")?)?),
            "--preview-base-url" => {
                options.preview_base_url =
                    Some(base_url("--preview-base-url", &value("--preview-base-url")?)?)
            }
            "--highlight" => add_highlight(&mut options.highlight_authors, &value("--highlight")?)?,
            flag if flag.starts_with('-') && flag.len() > 1 => return Err(format!("unknown option {flag}")),
            file => inputs.push((PathBuf::from(file), format_of(file, from)?)),
        }
    }
    if inputs.is_empty() {
        return Err("an input FILE is required".into());
    }
    Ok(ImportArgs { inputs, output: output.ok_or("-o OUT.json is required")?, options })
}

/// The format `--from` names.
fn format_named(name: &str) -> Result<SourceFormat, String> {
    let names: Vec<&str> = SourceFormat::ALL.iter().map(|f| f.name()).collect();
    SourceFormat::from_name(name).ok_or(format!("unknown format {name:?}; known: {}", names.join(", ")))
}

/// A file's format: the last `--from` before it, else its extension.
fn format_of(file: &str, from: Option<SourceFormat>) -> Result<SourceFormat, String> {
    match from {
        Some(f) => Ok(f),
        None => SourceFormat::from_file_name(file)
            .ok_or(format!("cannot tell the format of {file} from its name; put --from FORMAT before it")),
    }
}

/// The value of `--year`: four digits.
fn year(y: &str) -> Result<u16, String> {
    y.parse().ok().filter(|y| (1000..=9999).contains(y)).ok_or(format!("--year {y:?} is not a year"))
}

/// The value of `--base-url`: an absolute http(s) URL.
fn base_url(flag: &str, url: &str) -> Result<String, String> {
    let url = url.trim();
    if is_http_url(url) {
        Ok(url.to_string())
    } else {
        Err(format!("{flag} {url:?} is not an absolute http(s) URL"))
    }
}

/// Adds the name of a `--highlight` unless it was given already (spaces trimmed).
fn add_highlight(names: &mut Vec<String>, name: &str) -> Result<(), String> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err("--highlight needs a name".into());
    }
    if !names.contains(&name) {
        names.push(name);
    }
    Ok(())
}

/// The value of `--map`: `COLUMN=FIELD` with a known field, as (column, field).
fn column_mapping(pair: &str) -> Result<(String, String), String> {
    let (column, field) = pair
        .split_once('=')
        .filter(|(c, f)| !c.trim().is_empty() && !f.trim().is_empty())
        .ok_or(format!("--map {pair:?} is not COLUMN=FIELD"))?;
    let field = field.trim().to_lowercase();
    if !csv_table::FIELDS.iter().any(|(f, _)| *f == field) {
        let fields: Vec<&str> = csv_table::FIELDS.iter().map(|(f, _)| *f).collect();
        return Err(format!("--map {pair:?}: unknown field {field:?}; fields: {}", fields.join(", ")));
    }
    Ok((column.trim().to_string(), field))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<ImportArgs, String> {
        parse_import_args(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn highlight_names_in_order_each_once() {
        let a = args(&[
            "a.bib",
            "--highlight",
            "Ada Lovelace",
            "--highlight",
            " Alan  Turing ",
            "--highlight",
            "Ada Lovelace",
            "-o",
            "out.json",
        ])
        .unwrap();
        assert_eq!(a.options.highlight_authors, ["Ada Lovelace", "Alan Turing"]);
        assert_eq!(args(&["a.bib", "-o", "o.json"]).unwrap().options.highlight_authors, Vec::<String>::new());
        assert!(args(&["a.bib", "--highlight", " ", "-o", "o.json"]).is_err());
        assert!(args(&["a.bib", "-o", "o.json", "--highlight"]).is_err());
    }

    #[test]
    fn base_url_is_an_absolute_http_url() {
        let a = args(&["a.bib", "--base-url", "https://lab.example/assets/pdf/", "-o", "o.json"]).unwrap();
        assert_eq!(a.options.base_url.as_deref(), Some("https://lab.example/assets/pdf/"));
        for bad in ["/assets/pdf/", "lab.example", "javascript:alert(1)", "file:///tmp/"] {
            let e = args(&["a.bib", "--base-url", bad, "-o", "o.json"]).err().unwrap();
            assert!(e.contains("not an absolute http(s) URL"), "{bad}: {e}");
        }
    }
}
