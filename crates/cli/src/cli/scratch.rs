//! A test's own folder under the system's temporary directory, removed when the test is done
//! with it (also when the test fails: dropping runs while a panic unwinds). Shared by the
//! CLI's unit tests and, with `#[path] mod scratch;`, its integration tests.

use std::ops::Deref;
use std::path::{Path, PathBuf};

/// An empty folder named after the process and `name`, so parallel tests and runs never
/// share one; it derefs to its `Path`.
pub struct Scratch(PathBuf);

impl Scratch {
    pub fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("paperdeck-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
