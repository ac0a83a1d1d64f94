//! A snapshot read and indexed while it downloads: each chunk's complete records are read
//! ([`SnapshotReader`]) and their papers added to the catalog being built
//! ([`CatalogBuilder`]), so that when the last byte arrives only what needs every paper
//! is left to do.

use super::builder::IndexToFinish;
use super::{Catalog, CatalogBuilder};
use crate::snapshot::parse::{skipped_records, LoadedSnapshot, SnapshotError, SnapshotReader};
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

    /// [`forgetful`](Self::forgetful), leaving tokenizing to another thread: each paper's
    /// searchable texts are written out ([`take_texts`](Self::take_texts)) for a
    /// [`TextTokenizer`](crate::TextTokenizer), whose word ids come back through
    /// [`add_tokenized`](Self::add_tokenized) (or [`IndexToFinish::add_tokenized`]).
    pub fn forgetful_indexing_elsewhere(bytes: usize) -> Self {
        Self { reader: SnapshotReader::forgetful(), builder: CatalogBuilder::indexing_elsewhere(bytes) }
    }

    /// The texts of the papers read since the last call, for a
    /// [`TextTokenizer`](crate::TextTokenizer); empty unless this loader tokenizes elsewhere.
    pub fn take_texts(&mut self) -> Vec<u8> {
        self.builder.take_texts()
    }

    /// For a loader [tokenizing elsewhere](Self::forgetful_indexing_elsewhere) whose other
    /// thread is gone or never came: from now on it tokenizes the papers itself, starting
    /// with those read so far. Nothing changes for one that already does.
    pub fn tokenize_here(&mut self) {
        let added = self.builder.len();
        self.builder.tokenize_here(&self.reader.papers()[..added]);
    }

    /// One batch of word ids from the [`TextTokenizer`](crate::TextTokenizer), in the order
    /// the texts were taken; an error refuses it and every later one, and the index is then
    /// built here when the catalog is finished.
    pub fn add_tokenized(&mut self, tokens: &[u8]) -> Result<(), String> {
        self.builder.add_tokenized(tokens)
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
        Ok(AwaitingIndex::new(self.builder, read)?.finish())
    }

    /// [`finish`](Self::finish) for a [`forgetful`](Self::forgetful) loader: `None` when
    /// the whole text must be read again, by a loader that keeps it
    /// ([`with_capacity`](Self::with_capacity)). Only a file that is broken or unusual
    /// (a record that is not JSON, an escaped top-level key) needs that.
    pub fn finish_or_read_again(self) -> Option<Result<LoadedCatalog, SnapshotError>> {
        Some(self.read_or_read_again()?.map(AwaitingIndex::finish))
    }

    /// [`finish_or_read_again`](Self::finish_or_read_again) but for the index, whose words a
    /// loader [tokenizing elsewhere](Self::forgetful_indexing_elsewhere) may still await.
    pub fn read_or_read_again(self) -> Option<Result<AwaitingIndex, SnapshotError>> {
        let read = self.reader.finish_or_read_again()?;
        Some(AwaitingIndex::new(self.builder, read))
    }
}

/// A snapshot read whole, its catalog built but for the index, whose papers' words may
/// still be on their way back from the thread that tokenizes them.
pub struct AwaitingIndex {
    loaded: LoadedCatalog,
    index: IndexToFinish,
}

impl AwaitingIndex {
    fn new(
        builder: CatalogBuilder,
        (read, streamed): (Result<LoadedSnapshot, SnapshotError>, bool),
    ) -> Result<Self, SnapshotError> {
        let loaded = read?;
        let skipped = skipped_records(&loaded.problems);
        let (catalog, index) = match streamed {
            true => builder.finish_but_index(loaded.snapshot),
            // Read again as a whole: its papers may not be the ones added.
            false => CatalogBuilder::default().finish_but_index(loaded.snapshot),
        };
        let loaded = LoadedCatalog { catalog, problems: loaded.problems, notes: loaded.notes, skipped };
        Ok(Self { loaded, index })
    }

    /// The catalog now, without its index, and the index to finish for it: a view without
    /// a search can be shown while the words are still on their way
    /// ([`Catalog::has_index`]).
    pub fn before_index(self) -> (LoadedCatalog, IndexToFinish) {
        (self.loaded, self.index)
    }

    /// The catalog with its index, built here from the papers when their words did not
    /// all come back from elsewhere.
    pub fn finish(self) -> LoadedCatalog {
        self.index.finish(&self.loaded.catalog);
        self.loaded
    }
}
