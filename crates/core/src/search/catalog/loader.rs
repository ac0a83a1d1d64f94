//! A snapshot read and indexed while it downloads: each chunk's complete records are read
//! ([`SnapshotReader`]) and their papers added to the catalog being built
//! ([`CatalogBuilder`]), so that when the last byte arrives only what needs every paper
//! is left to do.

use super::{Catalog, CatalogBuilder};
use crate::snapshot::parse::{skipped_records, SnapshotError, SnapshotReader};
use crate::snapshot::problem::Problem;

/// [`push`](Self::push) each chunk of a snapshot as it arrives, then
/// [`finish`](Self::finish): the same catalog, problems and notes as
/// `Catalog::new(parse_snapshot(text)?.snapshot)` on the whole text.
#[derive(Default)]
pub struct CatalogLoader {
    reader: SnapshotReader,
    builder: CatalogBuilder,
}

/// A snapshot ready to explore, with what was wrong in it.
pub struct LoadedCatalog {
    pub catalog: Catalog,
    /// One entry per problem in a record (see [`crate::ProblemKind`]).
    pub problems: Vec<Problem>,
    /// Problems with the snapshot's own fields, which were ignored.
    pub notes: Vec<String>,
    /// How many records were left out.
    pub skipped: usize,
}

impl CatalogLoader {
    /// A loader expecting about `bytes` bytes (a response's Content-Length, say).
    pub fn with_capacity(bytes: usize) -> Self {
        Self { reader: SnapshotReader::with_capacity(bytes), builder: CatalogBuilder::for_bytes(bytes) }
    }

    /// A loader that drops each record's bytes once read ([`SnapshotReader::forgetful`]):
    /// a large snapshot's text is not held beside its catalog. Finish it with
    /// [`finish_or_read_again`](Self::finish_or_read_again).
    pub fn forgetful(bytes: usize) -> Self {
        Self { reader: SnapshotReader::forgetful(), builder: CatalogBuilder::for_bytes(bytes) }
    }

    /// [`forgetful`](Self::forgetful), dropping read records once they add up to
    /// `at_least` bytes ([`SnapshotReader::forgetful_after`]).
    pub fn forgetful_after(bytes: usize, at_least: usize) -> Self {
        Self { reader: SnapshotReader::forgetful_after(at_least), builder: CatalogBuilder::for_bytes(bytes) }
    }

    /// The next bytes of the snapshot; the papers they complete are read and indexed now.
    pub fn push(&mut self, chunk: &[u8]) {
        self.reader.push(chunk);
        for paper in &self.reader.papers()[self.builder.len()..] {
            self.builder.add(paper);
        }
    }

    /// How many records have been read so far (valid or not).
    pub fn records_read(&self) -> usize {
        self.reader.records_read()
    }

    /// The catalog, or why the text is not a snapshot.
    ///
    /// # Panics
    /// On a [`forgetful`](Self::forgetful) loader that has dropped bytes: finish it with
    /// [`finish_or_read_again`](Self::finish_or_read_again).
    pub fn finish(self) -> Result<LoadedCatalog, SnapshotError> {
        let read = self.reader.finish_telling();
        Self::catalog(self.builder, read)
    }

    /// [`finish`](Self::finish) for a [`forgetful`](Self::forgetful) loader: `None` when
    /// the whole text must be read again, by a loader that keeps it
    /// ([`with_capacity`](Self::with_capacity)). Only a file that is broken or unusual
    /// (a record that is not JSON, an escaped top-level key) needs that.
    pub fn finish_or_read_again(self) -> Option<Result<LoadedCatalog, SnapshotError>> {
        let read = self.reader.finish_or_read_again()?;
        Some(Self::catalog(self.builder, read))
    }

    fn catalog(
        builder: CatalogBuilder,
        (read, streamed): (Result<crate::LoadedSnapshot, SnapshotError>, bool),
    ) -> Result<LoadedCatalog, SnapshotError> {
        let loaded = read?;
        let skipped = skipped_records(&loaded.problems);
        let catalog = match streamed {
            true => builder.finish(loaded.snapshot),
            // Read again as a whole: its papers may not be the ones added.
            false => Catalog::new(loaded.snapshot),
        };
        Ok(LoadedCatalog { catalog, problems: loaded.problems, notes: loaded.notes, skipped })
    }
}
