//! The arguments of `paperdeck export`: the snapshot, `--view`, `--format` and `-o`. A
//! wrong one is a message for the usage error.

use std::path::PathBuf;

use paperdeck_core::ExportFormat;

/// What `paperdeck export` was asked to do.
#[derive(Debug, PartialEq)]
pub struct ExportArgs {
    pub snapshot: PathBuf,
    /// The view's query string, as the page's URL writes it (`q=lora&from=2024`); empty
    /// for the default view.
    pub view: String,
    pub format: ExportFormat,
    /// `None` for `-o -`: standard output.
    pub output: Option<PathBuf>,
}

/// Reads the arguments after `export`. Without `--format`, the format is the output's
/// extension.
pub fn parse_export_args(args: &[String]) -> Result<ExportArgs, String> {
    let (mut snapshot, mut view, mut format, mut output) = (None, String::new(), None, None);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--view" => view = value("--view")?,
            "--format" => format = Some(format_named(&value("--format")?)?),
            "-o" | "--output" => output = Some(value("-o")?),
            flag if flag.starts_with('-') && flag.len() > 1 => return Err(format!("unknown option {flag}")),
            file if snapshot.is_none() => snapshot = Some(PathBuf::from(file)),
            file => return Err(format!("export reads one SNAPSHOT; {file:?} is a second one")),
        }
    }
    let snapshot = snapshot.ok_or("a SNAPSHOT file is required")?;
    let output = output.ok_or("-o FILE is required (-o - writes to standard output)")?;
    let format = match format {
        Some(f) => f,
        None => format_of_file(&output)
            .ok_or(format!("cannot tell the format of {output} from its name; pass --format"))?,
    };
    let output = (output != "-").then(|| PathBuf::from(output));
    Ok(ExportArgs { snapshot, view: view.trim().trim_start_matches('?').to_string(), format, output })
}

fn format_named(name: &str) -> Result<ExportFormat, String> {
    let names: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.name()).collect();
    ExportFormat::from_name(name).ok_or(format!("unknown format {name:?}; known: {}", names.join(", ")))
}

/// The format an output file's extension names.
fn format_of_file(name: &str) -> Option<ExportFormat> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    ExportFormat::ALL.into_iter().find(|f| f.extension() == ext)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<ExportArgs, String> {
        parse_export_args(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn snapshot_view_format_and_output() {
        let a = args(&["p.json", "--view", "?q=lora&from=2024", "--format", "ris", "-o", "out.txt"]).unwrap();
        assert_eq!(
            a,
            ExportArgs {
                snapshot: "p.json".into(),
                view: "q=lora&from=2024".into(),
                format: ExportFormat::Ris,
                output: Some("out.txt".into())
            }
        );
        let a = args(&["p.json", "-o", "x.BIB"]).unwrap();
        assert_eq!((a.format, a.view.as_str()), (ExportFormat::Bibtex, ""));
        assert_eq!(args(&["p.json", "--format", "csv", "-o", "-"]).unwrap().output, None);
        for bad in [
            &["p.json", "-o", "x.txt"][..],
            &["p.json", "--format", "xml", "-o", "x.bib"],
            &["p.json", "q.json", "-o", "x.bib"],
            &["-o", "x.bib"],
            &["p.json", "--format", "bib"],
            &["p.json", "--limit", "3", "-o", "x.bib"],
        ] {
            assert!(args(bad).is_err(), "{bad:?}");
        }
    }
}
