//! Replacing a file so that it is, at every moment and whatever fails, either the old
//! file whole or the new one whole: the new text goes to a temporary file of a name no
//! other file has, in the same directory, is flushed to the disk, and is then renamed over
//! the old file; on any failure the temporary file is removed and the old file is left as
//! it was.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Writes `contents` to `path` atomically. `path` is a file's path (not a symlink: the
/// caller resolves one to the file it points to); the file keeps its permissions.
pub fn write_atomically(path: &Path, contents: &str) -> io::Result<()> {
    replace_file(path, |file| file.write_all(contents.as_bytes()))
}

/// Replaces the file at `path` with what `fill` writes into a new temporary file.
fn replace_file(path: &Path, fill: impl FnOnce(&mut File) -> io::Result<()>) -> io::Result<()> {
    let (mut file, mut tmp) = create_temporary(path)?;
    let written = fill(&mut file)
        .and_then(|()| keep_permissions(path, &file))
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::rename(&tmp.path, path));
    drop(file);
    tmp.renamed = written.is_ok();
    drop(tmp);
    written?;
    sync_directory(path);
    Ok(())
}

/// A temporary file, removed when dropped unless it was renamed into place.
struct Temporary {
    path: PathBuf,
    renamed: bool,
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if !self.renamed {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// A new file next to `path` with a name no file had (`.OUT.paperdeck-PID-N.tmp`), so two
/// runs never share one and no existing file is overwritten.
fn create_temporary(path: &Path) -> io::Result<(File, Temporary)> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = path.file_name().ok_or_else(|| io::Error::other("the output is not a file name"))?;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
    for _ in 0..100 {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(
            ".{}.paperdeck-{}-{nanos:x}-{n}.tmp",
            name.to_string_lossy(),
            std::process::id()
        ));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(file) => return Ok((file, Temporary { path: tmp, renamed: false })),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(io::ErrorKind::AlreadyExists, "no free name for a temporary file"))
}

/// Gives the new file the permissions of the file it replaces, if there is one.
fn keep_permissions(path: &Path, file: &File) -> io::Result<()> {
    match std::fs::metadata(path) {
        Ok(old) if old.is_file() => file.set_permissions(old.permissions()),
        _ => Ok(()),
    }
}

/// Flushes the rename to the disk where the system allows it (best effort: the file is in
/// place either way).
fn sync_directory(path: &Path) {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::scratch::Scratch;

    fn scratch(name: &str) -> Scratch {
        Scratch::new(&format!("atomic-{name}"))
    }

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_replace_the_file_and_leave_no_temporary_file() {
        let dir = scratch("twice");
        let out = dir.join("papers.json");
        write_atomically(&out, "first").unwrap();
        write_atomically(&out, "second").unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "second");
        assert_eq!(names_in(&dir), ["papers.json"]);
    }

    #[test]
    fn a_file_named_like_the_old_temporary_file_is_left_alone() {
        let dir = scratch("old-tmp");
        let out = dir.join("papers.json");
        std::fs::write(dir.join("papers.json.tmp"), "mine").unwrap();
        write_atomically(&out, "new").unwrap();
        assert_eq!(std::fs::read_to_string(dir.join("papers.json.tmp")).unwrap(), "mine");
    }

    #[test]
    fn a_failed_write_keeps_the_old_file_and_removes_the_temporary_file() {
        let dir = scratch("fails");
        let out = dir.join("papers.json");
        std::fs::write(&out, "old").unwrap();
        let failed = replace_file(&out, |file| {
            file.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        });
        assert_eq!(failed.unwrap_err().to_string(), "disk full");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "old");
        assert_eq!(names_in(&dir), ["papers.json"]);
    }

    #[test]
    fn a_failed_rename_keeps_the_old_directory_and_removes_the_temporary_file() {
        let dir = scratch("rename");
        let out = dir.join("papers.json");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("inside"), "kept").unwrap();
        assert!(write_atomically(&out, "new").is_err());
        assert_eq!(std::fs::read_to_string(out.join("inside")).unwrap(), "kept");
        assert_eq!(names_in(&dir), ["papers.json"]);
    }

    #[cfg(unix)]
    #[test]
    fn the_replaced_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = scratch("mode");
        let out = dir.join("papers.json");
        std::fs::write(&out, "old").unwrap();
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&out, "new").unwrap();
        assert_eq!(std::fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o640);
    }
}
