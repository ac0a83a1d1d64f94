//! "New since your last visit": which papers this browser has not seen before, kept in
//! the browser only (the app stores [`Visit::record`] in `localStorage` under
//! [`storage_key`]; nothing leaves the machine). Everything here is pure: what is new
//! given a stored record and the snapshot, and what to store after a visit.
//!
//! A visit is a run of page loads less than [`VISIT_GAP_MS`] apart. The record holds the
//! papers seen before the current visit and those new in it, so reloading the page keeps
//! the "New" marks; the next visit counts the current one's papers as seen. On a first
//! visit (no record, an unreadable one, or no storage at all) nothing is new.
//!
//! The stored form is one line of text, versioned, and anything else (garbage, another
//! version, a record cut short) reads as no record:
//!
//! ```text
//! paperdeck-seen 1 <last load, ms since 1970> <newest date then> <newest date of the seen papers> <seen> <new>
//! ```
//!
//! (dates `YYYY-MM-DD`, or `-`), where `<seen>` (the papers seen before that load's visit)
//! and `<new>` (those new in it) are sorted 32-bit FNV-1a hashes of paper ids, 4 bytes each
//! big-endian, in unpadded base64url (`-` for none): about 5.3 characters per paper.

use crate::search::bitset::BitSet;
use crate::search::catalog::Catalog;
pub use crate::search::new_papers::NewPapers;
use crate::snapshot::date::PartialDate;

/// Page loads closer together than this (an hour) are one visit.
pub const VISIT_GAP_MS: u64 = 60 * 60 * 1000;

const MAGIC: &str = "paperdeck-seen";
const VERSION: &str = "1";

/// One page load's answer: what is new, and what to store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Visit {
    pub new: NewPapers,
    /// The newest paper's date when the papers counted as seen were recorded.
    pub newest_then: Option<PartialDate>,
    /// What to store in place of the record read, written out by [`Visit::record`].
    to_store: Record,
}

impl Visit {
    /// The record to store now, in place of the one read: its text is written only when
    /// asked for (about 5.3 characters per paper), so a page can store it after its first
    /// view is on screen.
    pub fn record(&self) -> String {
        self.to_store.write()
    }
}

/// The storage key of a snapshot's record: one per snapshot, by its absolute URL.
pub fn storage_key(snapshot_url: &str) -> String {
    format!("{MAGIC}:{snapshot_url}")
}

/// A page load at `now_ms` of `catalog`, with the record stored for its snapshot (if any
/// could be read).
pub fn begin_visit(catalog: &Catalog, stored: Option<&str>, now_ms: u64) -> Visit {
    let hashes = paper_hashes(catalog);
    let newest = catalog.newest_date();
    let Some(record) = stored.and_then(Record::parse) else {
        // A first visit: every paper is seen from now on, none is new.
        let record =
            Record { at: now_ms, newest, seen_newest: newest, seen: sorted(hashes), new: Vec::new() };
        return Visit { new: NewPapers::unknown(), newest_then: None, to_store: record };
    };
    let same_visit = now_ms >= record.at && now_ms - record.at < VISIT_GAP_MS;
    let (seen, seen_newest) = if same_visit {
        (record.seen, record.seen_newest)
    } else {
        // A new visit: the last one's papers, new then, are seen now.
        (sorted([record.seen, record.new].concat()), record.newest)
    };
    let mut set = BitSet::empty(catalog.len());
    let (mut kept, mut new) = (Vec::new(), Vec::new());
    for (i, h) in hashes.into_iter().enumerate() {
        if seen.binary_search(&h).is_ok() {
            kept.push(h);
        } else {
            set.insert(i as u32);
            new.push(h);
        }
    }
    // Papers no longer in the snapshot are forgotten, so the record never outgrows it.
    let record = Record { at: now_ms, newest, seen_newest, seen: sorted(kept), new: sorted(new) };
    Visit { new: NewPapers::from_set(set), newest_then: seen_newest, to_store: record }
}

/// "Mark all as seen" at `now_ms`: nothing is new, and the record says so.
pub fn mark_all_seen(catalog: &Catalog, now_ms: u64) -> Visit {
    let newest = catalog.newest_date();
    let seen = sorted(paper_hashes(catalog));
    let record = Record { at: now_ms, newest, seen_newest: newest, seen, new: Vec::new() };
    Visit { new: NewPapers::from_set(BitSet::empty(catalog.len())), newest_then: newest, to_store: record }
}

/// A stored record, read.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Record {
    /// The last page load.
    at: u64,
    /// The newest paper's date at the last page load.
    newest: Option<PartialDate>,
    /// The newest paper's date when the papers in `seen` were seen.
    seen_newest: Option<PartialDate>,
    /// The papers seen before the visit of the last page load.
    seen: Vec<u32>,
    /// The papers new in that visit.
    new: Vec<u32>,
}

impl Record {
    fn parse(text: &str) -> Option<Self> {
        let mut parts = text.trim().split(' ');
        if parts.next()? != MAGIC || parts.next()? != VERSION {
            return None;
        }
        let at = parts.next()?.parse::<u64>().ok()?;
        let mut date = || match parts.next()? {
            "-" => Some(None),
            d => PartialDate::parse(d).map(Some),
        };
        let (newest, seen_newest) = (date()?, date()?);
        let seen = sorted(read_hashes(parts.next()?)?);
        let new = sorted(read_hashes(parts.next()?)?);
        parts.next().is_none().then_some(Self { at, newest, seen_newest, seen, new })
    }

    fn write(&self) -> String {
        let date = |d: Option<PartialDate>| d.map_or_else(|| "-".to_string(), |d| d.to_string());
        format!(
            "{MAGIC} {VERSION} {} {} {} {} {}",
            self.at,
            date(self.newest),
            date(self.seen_newest),
            write_hashes(&self.seen),
            write_hashes(&self.new)
        )
    }
}

fn paper_hashes(catalog: &Catalog) -> Vec<u32> {
    catalog.papers().iter().map(|p| fnv1a(&p.id)).collect()
}

fn sorted(mut v: Vec<u32>) -> Vec<u32> {
    v.sort_unstable();
    v.dedup();
    v
}

/// 32-bit FNV-1a of the id's UTF-8 bytes: part of the stored form, never to change.
fn fnv1a(id: &str) -> u32 {
    id.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn write_hashes(hashes: &[u32]) -> String {
    if hashes.is_empty() {
        return "-".to_string();
    }
    let bytes: Vec<u8> = hashes.iter().flat_map(|h| h.to_be_bytes()).collect();
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 3);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for k in 0..=chunk.len() {
            out.push(BASE64URL[(n >> (18 - 6 * k) & 63) as usize] as char);
        }
    }
    out
}

fn read_hashes(text: &str) -> Option<Vec<u32>> {
    if text == "-" {
        return Some(Vec::new());
    }
    let sextets: Vec<u8> = text
        .bytes()
        .map(|c| BASE64URL.iter().position(|&a| a == c).map(|p| p as u8))
        .collect::<Option<_>>()?;
    let mut bytes = Vec::with_capacity(sextets.len() * 3 / 4);
    for chunk in sextets.chunks(4) {
        if chunk.len() == 1 {
            return None;
        }
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &s)| n | u32::from(s) << (18 - 6 * i));
        bytes.extend((0..chunk.len() - 1).map(|i| (n >> (16 - 8 * i)) as u8));
    }
    if bytes.len() % 4 != 0 {
        return None;
    }
    Some(bytes.chunks(4).map(|c| u32::from_be_bytes([c[0], c[1], c[2], c[3]])).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_round_trip_through_base64url() {
        for hashes in [vec![], vec![0], vec![u32::MAX], vec![1, 2, 3], (0..1000).map(|i| i * 7919).collect()]
        {
            assert_eq!(read_hashes(&write_hashes(&hashes)), Some(hashes.clone()), "{hashes:?}");
        }
        assert_eq!(fnv1a(""), 0x811c_9dc5);
        assert_eq!(fnv1a("a"), 0xe40c_292c, "the published FNV-1a value");
    }

    #[test]
    fn garbage_reads_as_no_record() {
        for bad in [
            "",
            "paperdeck-seen",
            "paperdeck-seen 2 0 - - - -",
            "paperdeck-seen 1 x - - - -",
            "paperdeck-seen 1 0 2024-13 - - -",
            "paperdeck-seen 1 0 - - A -",
            "paperdeck-seen 1 0 - - AAAA -",
            "paperdeck-seen 1 0 - - *** -",
            "paperdeck-seen 1 0 - - - - extra",
            "{\"json\": true}",
        ] {
            assert_eq!(Record::parse(bad), None, "{bad:?}");
        }
        let good = Record {
            at: 5,
            newest: PartialDate::parse("2024-06"),
            seen_newest: None,
            seen: vec![1, 9],
            new: vec![],
        };
        assert_eq!(Record::parse(&good.write()), Some(good));
    }
}
