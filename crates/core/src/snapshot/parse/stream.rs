//! Reading a snapshot while it downloads: each record of `papers` is read as soon as its
//! last byte has arrived, so parsing overlaps the network instead of following it.
//!
//! The result is exactly [`parse_snapshot`]'s for the same bytes. The scan below finds
//! where the records start and end; each record's own text is checked by its parse, the
//! text around the array by a parse of that text alone (the array replaced by `[]`), and
//! what lies between the records (commas and whitespace only) by the scan itself. Anything
//! it cannot vouch for (a record that is not JSON, a top-level key that is escaped or
//! given twice, a top level that is not an object, brackets that do not match, anything
//! but a comma between records) makes [`SnapshotReader::finish`] read the whole text again
//! with [`parse_snapshot`], which then says what is wrong and where.
//!
//! A [`forgetful`](SnapshotReader::forgetful) reader drops each record's bytes once it is
//! read, so a large snapshot's text is not held beside its papers; when it then cannot
//! vouch for the result, [`finish_or_read_again`](SnapshotReader::finish_or_read_again)
//! asks for the whole text instead.

use serde::de::IgnoredAny;

use super::fields::RawRecord;
use super::{parse_snapshot, LoadedSnapshot, Records, SnapshotError};
use crate::snapshot::model::Paper;

/// A snapshot read chunk by chunk: [`push`](Self::push) each chunk as it arrives, then
/// [`finish`](Self::finish).
pub struct SnapshotReader {
    bytes: Vec<u8>,
    /// Bytes of read records dropped from `bytes` (a forgetful reader); positions below
    /// are in `bytes` as it is now.
    forgotten: usize,
    /// Forgetful: how many bytes of read records to gather before dropping them.
    forget_after: Option<usize>,
    /// Where the scan goes on when more bytes arrive.
    pos: usize,
    depth: u32,
    in_string: bool,
    /// The previous byte was a backslash inside a string.
    escaped: bool,
    /// Whether the top level has begun (with its first `{`).
    begun: bool,
    /// At depth 1, the next string is a key.
    expect_key: bool,
    /// The string being scanned is a top-level key, which starts at this byte.
    key_start: Option<usize>,
    /// The last top-level key was `papers`.
    after_papers_key: bool,
    papers: Papers,
    records: Records,
    /// The scan cannot vouch for the result: `finish` reads the whole text again.
    unsure: bool,
}

/// Where the scan is with regard to the `papers` array.
enum Papers {
    Ahead,
    /// Inside the array, which opened at byte `open`; the record being scanned began at
    /// `record`.
    Inside {
        open: usize,
        record: Option<usize>,
    },
    /// The array is `open..end`.
    Read {
        open: usize,
        end: usize,
    },
}

impl Default for SnapshotReader {
    fn default() -> Self {
        Self::with_capacity(0)
    }
}

impl SnapshotReader {
    /// A reader expecting about `bytes` bytes (a response's Content-Length, say).
    pub fn with_capacity(bytes: usize) -> Self {
        Self {
            bytes: Vec::with_capacity(bytes),
            forgotten: 0,
            forget_after: None,
            pos: 0,
            depth: 0,
            in_string: false,
            escaped: false,
            begun: false,
            expect_key: false,
            key_start: None,
            after_papers_key: false,
            papers: Papers::Ahead,
            records: Records::with_capacity(0),
            unsure: false,
        }
    }

    /// A reader that keeps only the bytes it may still need: the text around `papers` and
    /// the record being read. Finish it with [`finish_or_read_again`](Self::finish_or_read_again).
    pub fn forgetful() -> Self {
        Self::forgetful_after(256 << 10)
    }

    /// A [`forgetful`](Self::forgetful) reader that drops read records once they add up to
    /// `at_least` bytes (tests make it forget at every chance with 0).
    pub fn forgetful_after(at_least: usize) -> Self {
        Self { forget_after: Some(at_least), ..Self::with_capacity(0) }
    }

    /// The next bytes of the text; every record they complete is read now.
    pub fn push(&mut self, chunk: &[u8]) {
        self.bytes.extend_from_slice(chunk);
        self.scan();
        if let Some(at_least) = self.forget_after {
            self.forget_read_records(at_least);
        }
    }

    /// How many bytes have been pushed.
    pub fn bytes_read(&self) -> usize {
        self.bytes.len() + self.forgotten
    }

    /// How many of them are kept.
    pub fn bytes_kept(&self) -> usize {
        self.bytes.len()
    }

    /// Drops the records read since the array opened, with the commas and whitespace
    /// between them (which the scan has checked), once there are enough to be worth the
    /// move of the bytes after them.
    fn forget_read_records(&mut self, at_least: usize) {
        let Papers::Inside { open, record } = &mut self.papers else {
            return;
        };
        let (from, to) = (*open + 1, record.unwrap_or(self.pos));
        if self.unsure || to <= from || to - from < at_least {
            return;
        }
        self.bytes.drain(from..to);
        if let Some(start) = record {
            *start -= to - from;
        }
        self.pos -= to - from;
        self.forgotten += to - from;
    }

    /// [`finish`](Self::finish) for a [`forgetful`](Self::forgetful) reader: `None` when
    /// the whole text must be read again (with [`parse_snapshot`]) because the reader
    /// cannot vouch for it and has forgotten some of it. A file that is not a snapshot, or
    /// has a record that is not JSON, is the usual cause.
    pub fn finish_or_read_again(self) -> Option<(Result<LoadedSnapshot, SnapshotError>, bool)> {
        match self.forgotten {
            0 => Some(self.finish_telling()),
            _ => self.finish_streamed().map(|loaded| (Ok(loaded), true)),
        }
    }

    /// How many records of `papers` have been read so far (valid or not).
    pub fn records_read(&self) -> usize {
        self.records.len()
    }

    /// The snapshot, exactly as [`parse_snapshot`] reads the whole text (with invalid
    /// UTF-8 replaced by U+FFFD).
    ///
    /// # Panics
    /// On a [`forgetful`](Self::forgetful) reader that has forgotten bytes, which finishes
    /// with [`finish_or_read_again`](Self::finish_or_read_again) instead.
    pub fn finish(self) -> Result<LoadedSnapshot, SnapshotError> {
        self.finish_telling().0
    }

    /// The papers read so far, in file order.
    pub(crate) fn papers(&self) -> &[Paper] {
        self.records.papers()
    }

    /// [`finish`](Self::finish), and whether its papers are the ones [`papers`](Self::papers)
    /// gave (false when the whole text was read again).
    pub(crate) fn finish_telling(mut self) -> (Result<LoadedSnapshot, SnapshotError>, bool) {
        // Not only in debug builds: read without the forgotten bytes, a broken file's error
        // would point to the wrong place, or a file whose late record is invalid UTF-8 would
        // load without the forgotten papers.
        assert_eq!(self.forgotten, 0, "a forgetful reader finishes with finish_or_read_again");
        let bytes = std::mem::take(&mut self.bytes);
        match self.finish_streamed_from(&bytes) {
            Some(loaded) => (Ok(loaded), true),
            None => (parse_snapshot(&String::from_utf8_lossy(&bytes)), false),
        }
    }

    fn finish_streamed(mut self) -> Option<LoadedSnapshot> {
        let bytes = std::mem::take(&mut self.bytes);
        self.finish_streamed_from(&bytes)
    }

    /// The snapshot from the records read, when the scan vouches for them and the text
    /// around the array is a snapshot.
    fn finish_streamed_from(self, bytes: &[u8]) -> Option<LoadedSnapshot> {
        let whole = self.depth == 0 && !self.in_string && !self.unsure;
        let (true, Papers::Read { open, end }) = (whole, &self.papers) else {
            return None;
        };
        // Everything but the records, which were read already: the top level's own
        // checks, and its syntax (a trailing comma after the array, say).
        let mut rest = Vec::with_capacity(bytes.len() - (end - open) + 2);
        rest.extend_from_slice(&bytes[..*open]);
        rest.extend_from_slice(b"[]");
        rest.extend_from_slice(&bytes[*end..]);
        let top = parse_snapshot(&String::from_utf8(rest).ok()?).ok()?;
        Some(self.records.into_loaded(top.snapshot, top.notes))
    }

    fn scan(&mut self) {
        let n = self.bytes.len();
        let mut i = self.pos;
        while i < n && !self.unsure {
            if self.in_string {
                if self.escaped {
                    self.escaped = false;
                    i += 1;
                    continue;
                }
                match quote_or_backslash(&self.bytes[i..]) {
                    None => i = n,
                    Some(k) if self.bytes[i + k] == b'\\' => {
                        // An escaped key might spell `papers`: leave it to the whole parse.
                        self.unsure |= self.key_start.is_some();
                        self.escaped = true;
                        i += k + 1;
                    }
                    Some(k) => {
                        self.in_string = false;
                        if let Some(start) = self.key_start.take() {
                            self.key_ends(start, i + k);
                        }
                        i += k + 1;
                    }
                }
                continue;
            }
            match self.bytes[i] {
                // A pretty-printed snapshot's indentation comes in runs (at 10k papers,
                // 3 MB of its 26), skipped here in a loop of their own.
                b' ' | b'\t' | b'\n' | b'\r' => {
                    while i + 1 < n && matches!(self.bytes[i + 1], b' ' | b'\t' | b'\n' | b'\r') {
                        i += 1;
                    }
                }
                // Between a key and its value; never between records.
                b':' => self.unsure |= self.depth == 2 && matches!(self.papers, Papers::Inside { .. }),
                b'"' => {
                    self.value_starts(i);
                    self.in_string = true;
                    if self.depth == 1 && self.expect_key {
                        self.expect_key = false;
                        self.key_start = Some(i + 1);
                    }
                }
                open @ (b'{' | b'[') => {
                    if self.depth == 0 {
                        // Only one top-level value, and only an object is a snapshot.
                        self.unsure |= self.begun || open != b'{';
                        self.begun = true;
                        self.expect_key = true;
                    } else if self.depth == 1 && open == b'[' && self.after_papers_key {
                        self.papers = Papers::Inside { open: i, record: None };
                    } else {
                        self.value_starts(i);
                    }
                    self.depth += 1;
                }
                close @ (b'}' | b']') => {
                    if self.depth == 2 && matches!(self.papers, Papers::Inside { .. }) {
                        self.unsure |= close != b']';
                        self.array_ends(i);
                    }
                    match self.depth.checked_sub(1) {
                        Some(d) => self.depth = d,
                        None => self.unsure = true,
                    }
                }
                b',' => match self.depth {
                    1 => {
                        self.expect_key = true;
                        self.after_papers_key = false;
                    }
                    2 => self.record_ends(i),
                    _ => {}
                },
                // A number, `true`, `false`, `null`, or a mistake the record's parse finds.
                _ => self.value_starts(i),
            }
            i += 1;
        }
        self.pos = i;
    }

    fn key_ends(&mut self, start: usize, end: usize) {
        self.after_papers_key = &self.bytes[start..end] == b"papers";
        // A second `papers` replaces the first in the whole parse: leave it to that.
        self.unsure |= self.after_papers_key && !matches!(self.papers, Papers::Ahead);
    }

    /// A value begins at byte `i`: in the array, a record.
    fn value_starts(&mut self, i: usize) {
        if let (2, Papers::Inside { record: record @ None, .. }) = (self.depth, &mut self.papers) {
            *record = Some(i);
        }
    }

    /// A comma in the array at byte `i`: the record before it is whole.
    fn record_ends(&mut self, i: usize) {
        let Papers::Inside { record, .. } = &mut self.papers else {
            return;
        };
        match record.take() {
            Some(start) => self.read_record(start, i),
            // `[,` or `,,`: not JSON.
            None => self.unsure = true,
        }
    }

    /// The array's `]` at byte `i`.
    fn array_ends(&mut self, i: usize) {
        let Papers::Inside { open, record } = self.papers else {
            return;
        };
        match record {
            Some(start) => self.read_record(start, i),
            // `,]`: not JSON; `[]` is.
            None => self.unsure |= self.records.len() > 0,
        }
        self.papers = Papers::Read { open, end: i + 1 };
    }

    fn read_record(&mut self, start: usize, end: usize) {
        let mut end = end;
        // JSON's whitespace only: a form feed, say, is a mistake for the parse to find.
        while matches!(self.bytes[end - 1], b' ' | b'\t' | b'\n' | b'\r') {
            end -= 1;
        }
        let raw = &self.bytes[start..end];
        // Checked as UTF-8 once, whole, then read as text: `from_slice` checks each string
        // on its own, which cost 4 % of a load. Bytes that are not UTF-8 go to `from_slice`,
        // whose error is the one a record always had.
        let read = match std::str::from_utf8(raw) {
            Ok(text) => serde_json::from_str::<RawRecord>(text),
            Err(_) => serde_json::from_slice::<RawRecord>(raw),
        };
        match read {
            Ok(value) => self.records.push(Ok(value)),
            // Valid JSON nested too deeply to build: the record is skipped with that reason,
            // as in the whole parse (which checks the syntax without building, as here).
            Err(e) if is_too_deep(&e) && serde_json::from_slice::<IgnoredAny>(raw).is_ok() => {
                self.records.push(Err(e))
            }
            // Not JSON: the whole parse says where.
            Err(_) => self.unsure = true,
        }
    }
}

/// serde_json's error for a value nested deeper than it builds.
fn is_too_deep(e: &serde_json::Error) -> bool {
    e.to_string().starts_with("recursion limit exceeded")
}

/// Where the first `"` or `\\` of `bytes` is: eight bytes at a time, as this runs over
/// every byte of every string of the snapshot.
fn quote_or_backslash(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let has_zero = |w: u64| w.wrapping_sub(ONES) & !w & HIGHS;
    let mut words = bytes.chunks_exact(8);
    let mut at = 0;
    for word in words.by_ref() {
        let w = u64::from_ne_bytes(word.try_into().expect("eight bytes"));
        // Whether the word holds either byte is exact; which byte it is, the loop below finds.
        if has_zero(w ^ u64::from_ne_bytes([b'"'; 8])) | has_zero(w ^ u64::from_ne_bytes([b'\\'; 8])) != 0 {
            break;
        }
        at += 8;
    }
    bytes[at..].iter().position(|&b| b == b'"' || b == b'\\').map(|k| at + k)
}
