//! Gunzipping a `.gz` input: every member of the file (`cat a.gz b.gz`, bgzip files are
//! several gzip members one after the other, and each is part of the text), and no more
//! than a set size, so that a small file cannot expand to fill the memory (a 10 MB gzip
//! bomb expands to some 10 GB).

use std::io::Read;

use flate2::read::MultiGzDecoder;

/// The most a `.gz` input may expand to: 1 GiB, some million papers.
pub const MAX_GUNZIPPED_BYTES: u64 = 1 << 30;

/// Why a `.gz` input could not be gunzipped.
#[derive(Debug)]
pub enum GunzipError {
    /// Not gzip, or cut short.
    Io(std::io::Error),
    /// It expands to more than the limit, in bytes.
    TooLarge(u64),
}

/// The text of every member of a gzip file, in order, as long as it expands to at most
/// `limit` bytes.
pub fn gunzip(compressed: &[u8], limit: u64) -> Result<Vec<u8>, GunzipError> {
    let mut plain = Vec::new();
    MultiGzDecoder::new(compressed)
        .take(limit.saturating_add(1))
        .read_to_end(&mut plain)
        .map_err(GunzipError::Io)?;
    if plain.len() as u64 > limit {
        return Err(GunzipError::TooLarge(limit));
    }
    Ok(plain)
}

/// A size in bytes as people read it: `1 GiB`, `64 KiB`, `1000 bytes`.
pub fn readable_size(bytes: u64) -> String {
    let units = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    match units.iter().find(|(unit, _)| bytes >= *unit && bytes.is_multiple_of(*unit)) {
        Some((unit, name)) => format!("{} {name}", bytes / unit),
        None => format!("{bytes} bytes"),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use flate2::write::GzEncoder;
    use flate2::Compression;

    use super::*;

    fn gzip(text: &[u8]) -> Vec<u8> {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
        encoder.write_all(text).unwrap();
        encoder.finish().unwrap()
    }

    /// A file of two gzip members used to be cut after the first, and called a success.
    #[test]
    fn every_member_of_a_multi_member_file_is_read() {
        let file = [gzip(b"first member\n"), gzip(b"second member\n")].concat();
        assert_eq!(gunzip(&file, 1000).unwrap(), b"first member\nsecond member\n");
    }

    /// A small file that expands without bound used to be read whole.
    #[test]
    fn an_expansion_over_the_limit_is_refused() {
        let bomb = gzip(&vec![b' '; 10_000]);
        assert!(bomb.len() < 100);
        assert!(matches!(gunzip(&bomb, 9_999), Err(GunzipError::TooLarge(9_999))));
        assert_eq!(gunzip(&bomb, 10_000).unwrap().len(), 10_000, "exactly the limit is fine");
    }

    #[test]
    fn data_that_is_not_gzip_is_an_error() {
        assert!(matches!(gunzip(b"plain text", 1000), Err(GunzipError::Io(_))));
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(readable_size(MAX_GUNZIPPED_BYTES), "1 GiB");
        assert_eq!(readable_size(64 << 10), "64 KiB");
        assert_eq!(readable_size(1000), "1000 bytes");
    }
}
