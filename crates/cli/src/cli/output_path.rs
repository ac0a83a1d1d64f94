//! Where `-o OUT` writes: never over one of the inputs (`paperdeck import refs.bib -o
//! refs.bib` would replace the user's BibTeX with JSON), and through a symlink to the file
//! it points to, so the link stays a link.

use std::io;
use std::path::{Path, PathBuf};

/// Why the output cannot be written where it was asked.
pub enum OutputError {
    /// The output is this input (wrong usage).
    IsAnInput(PathBuf),
    /// Its symlinks cannot be followed.
    Io(io::Error),
}

/// The file `-o output` replaces: `output` itself, or the file it points to when it is a
/// symlink (followed to the end, even to a file that does not exist yet). Refused when
/// that file is one of the `inputs` (compared as canonical paths, so `./refs.bib` and a
/// symlink to it are `refs.bib` too); an output that does not exist is no input.
pub fn output_target(output: &Path, inputs: &[PathBuf]) -> Result<PathBuf, OutputError> {
    let target = follow_symlinks(output).map_err(OutputError::Io)?;
    if let Ok(canonical) = std::fs::canonicalize(&target) {
        if let Some(input) = inputs.iter().find(|i| std::fs::canonicalize(i).is_ok_and(|c| c == canonical)) {
            return Err(OutputError::IsAnInput(input.clone()));
        }
    }
    Ok(target)
}

/// The most symlinks followed one after the other (as Linux does).
const MAX_SYMLINKS: usize = 40;

/// The path a chain of symlinks ends at: the first path that is not a symlink (a file, a
/// directory, or nothing yet). A relative link is read from the link's directory.
fn follow_symlinks(path: &Path) -> io::Result<PathBuf> {
    let mut path = path.to_path_buf();
    for _ in 0..MAX_SYMLINKS {
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = std::fs::read_link(&path)?;
                path = path.parent().map_or_else(|| link.clone(), |dir| dir.join(&link));
            }
            _ => return Ok(path),
        }
    }
    Err(io::Error::other(format!("more than {MAX_SYMLINKS} symlinks in a row")))
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::symlink;

    use super::*;
    use crate::cli::scratch::Scratch;

    fn scratch(name: &str) -> Scratch {
        Scratch::new(&format!("output-{name}"))
    }

    fn target(output: &Path, inputs: &[&Path]) -> Result<PathBuf, String> {
        let inputs: Vec<PathBuf> = inputs.iter().map(|i| i.to_path_buf()).collect();
        output_target(output, &inputs).map_err(|e| match e {
            OutputError::IsAnInput(input) => format!("input {}", input.display()),
            OutputError::Io(e) => e.to_string(),
        })
    }

    #[test]
    fn an_output_that_is_an_input_is_refused_however_it_is_spelled() {
        let dir = scratch("same");
        let bib = dir.join("refs.bib");
        std::fs::write(&bib, "@misc{a}").unwrap();
        symlink(&bib, dir.join("link.bib")).unwrap();
        let dotted = dir.join(".").join("refs.bib");
        for output in [bib.clone(), dotted, dir.join("link.bib")] {
            assert_eq!(target(&output, &[&bib]), Err(format!("input {}", bib.display())));
            assert!(target(&bib, &[&output]).is_err(), "{}", output.display());
        }
    }

    #[test]
    fn a_new_output_or_another_file_is_written_where_named() {
        let dir = scratch("new");
        let bib = dir.join("refs.bib");
        std::fs::write(&bib, "@misc{a}").unwrap();
        let out = dir.join("papers.json");
        assert_eq!(target(&out, &[&bib]), Ok(out.clone()));
        std::fs::write(&out, "{}").unwrap();
        assert_eq!(target(&out, &[&bib]), Ok(out));
    }

    #[test]
    fn a_symlinked_output_writes_the_file_it_points_to() {
        let dir = scratch("link");
        std::fs::create_dir(dir.join("site")).unwrap();
        symlink("site/papers.json", dir.join("papers.json")).unwrap();
        symlink("papers.json", dir.join("again.json")).unwrap();
        let expected = dir.join("site/papers.json");
        assert_eq!(target(&dir.join("papers.json"), &[]), Ok(expected.clone()), "dangling: created");
        assert_eq!(target(&dir.join("again.json"), &[]), Ok(expected), "a chain");
    }

    #[test]
    fn a_symlink_loop_is_an_error() {
        let dir = scratch("loop");
        symlink("b.json", dir.join("a.json")).unwrap();
        symlink("a.json", dir.join("b.json")).unwrap();
        assert!(target(&dir.join("a.json"), &[]).unwrap_err().contains("symlinks"));
    }
}
