//! The arguments of `paperdeck import`: the inputs with their formats, `-o`, and the
//! options. A wrong one is a message for the usage error.

use std::path::PathBuf;

use paperdeck_cli::import::readers::csv_table;
use paperdeck_cli::import::{ImportOptions, SourceFormat};

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
