//! Reading inputs: gunzipped when named `.gz` (every member, up to a size limit), and
//! UTF-8 checked with the place of the first bad byte.

use std::path::Path;

use paperdeck_cli::import::ImportError;

use crate::cli::gunzip::{gunzip, GunzipError};

/// Why an input could not be read.
pub enum ReadError {
    Io(std::io::Error),
    /// A `.gz` input that expands to more than the limit, in bytes.
    TooLarge(u64),
    /// Text that is not UTF-8, at the first bad byte.
    Import(ImportError),
}

/// Reads a text file, gunzipping it when its name ends in `.gz` as long as it expands to
/// at most `gz_limit` bytes.
pub fn read_input(path: &Path, gz_limit: u64) -> Result<String, ReadError> {
    let mut bytes = std::fs::read(path).map_err(ReadError::Io)?;
    if path.extension().is_some_and(|e| e == "gz") {
        bytes = gunzip(&bytes, gz_limit).map_err(|e| match e {
            GunzipError::Io(e) => ReadError::Io(e),
            GunzipError::TooLarge(limit) => ReadError::TooLarge(limit),
        })?;
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..good]).into_owned();
        ReadError::Import(ImportError::at_offset(&text, good, "not UTF-8 text (save the file as UTF-8)"))
    })
}

/// The file name of a path, as the snapshot's `source` names inputs.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}
