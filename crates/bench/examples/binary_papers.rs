//! Papers in a compact binary file beside the JSON, weighed (issue #15, goal 1): the load
//! is bound by reading 25 MB of JSON on the page's thread (docs/performance.md, section
//! 4), so how much quicker would the same papers read from a binary layout that a
//! renderer could write beside `papers.json` (as the static list is written into
//! `index.html`)? A measuring prototype, not a format: every string as a varint length and
//! its UTF-8 (checked when read, as JSON's strings are), numbers as varints, a bit per
//! link kind. Reading it back checks what the JSON reading checks of each record (UTF-8,
//! ids valid and not repeated, titles not blank, links and thumbnails http(s) only,
//! dates, kinds) and must give the same papers.
//! Prints the sizes (raw and gzip) and, natively, medians of 5: reading the JSON as the app
//! does (`SnapshotReader`, 64 KiB chunks) against reading the binary.
//! `cargo run --release -p paperdeck-bench --example binary_papers -- SNAPSHOT.json`
#[path = "weighing/mod.rs"]
mod weighing;

use paperdeck_core::{is_http_url, parse_snapshot, LinkKind, Paper, PaperKind, PartialDate, SnapshotReader};
use weighing::{gzip_len, median_ms};

fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// An optional string: its length plus one, or 0 for none.
fn put_opt(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        None => out.push(0),
        Some(s) => {
            put_varint(out, s.len() as u64 + 1);
            out.extend_from_slice(s.as_bytes());
        }
    }
}

fn encode(papers: &[Paper]) -> Vec<u8> {
    let mut out = Vec::new();
    put_varint(&mut out, papers.len() as u64);
    for p in papers {
        put_str(&mut out, &p.id);
        put_str(&mut out, &p.title);
        put_opt(&mut out, p.abstract_text.as_deref());
        match &p.authors {
            None => out.push(0),
            Some(names) => {
                put_varint(&mut out, names.len() as u64 + 1);
                names.iter().for_each(|n| put_str(&mut out, n));
            }
        }
        put_varint(&mut out, p.author_count.into());
        let date = p.published;
        put_varint(&mut out, date.year().into());
        out.push(date.month().unwrap_or(0));
        out.push(date.day().unwrap_or(0));
        put_varint(&mut out, p.upvotes.into());
        put_varint(&mut out, p.citations.map_or(0, |c| u64::from(c) + 1));
        let kind = p.kind.map_or(0, |k| PaperKind::ALL.iter().position(|&x| x == k).expect("a kind") + 1);
        out.push(kind as u8 | (u8::from(p.authors_incomplete) << 7));
        put_varint(&mut out, p.tags.len() as u64);
        p.tags.iter().for_each(|t| put_str(&mut out, t));
        for s in [&p.venue, &p.venue_short, &p.thumbnail, &p.summary, &p.bibtex] {
            put_opt(&mut out, s.as_deref());
        }
        let mask = LinkKind::ALL
            .iter()
            .enumerate()
            .fold(0u16, |m, (i, &k)| m | u16::from(p.links.get(k).is_some()) << i);
        out.extend_from_slice(&mask.to_le_bytes());
        for (_, url) in p.links.iter() {
            put_str(&mut out, url);
        }
    }
    out
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, String> {
        let b = *self.bytes.get(self.at).ok_or("cut short")?;
        self.at += 1;
        Ok(b)
    }

    fn varint(&mut self) -> Result<u64, String> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(n);
            }
        }
        Err("a varint too long".into())
    }

    fn u32(&mut self) -> Result<u32, String> {
        u32::try_from(self.varint()?).map_err(|_| "a number too large".into())
    }

    fn text(&mut self, len: u64) -> Result<String, String> {
        let end = self.at.checked_add(len as usize).filter(|&e| e <= self.bytes.len()).ok_or("cut short")?;
        let s = std::str::from_utf8(&self.bytes[self.at..end]).map_err(|_| "not UTF-8")?;
        self.at = end;
        Ok(s.to_owned())
    }

    fn string(&mut self) -> Result<String, String> {
        let len = self.varint()?;
        self.text(len)
    }

    fn opt(&mut self) -> Result<Option<String>, String> {
        match self.varint()? {
            0 => Ok(None),
            n => self.text(n - 1).map(Some),
        }
    }

    fn list(&mut self, count: u64) -> Result<Vec<String>, String> {
        let mut items = Vec::with_capacity((count as usize).min(self.bytes.len() - self.at));
        for _ in 0..count {
            items.push(self.string()?);
        }
        Ok(items)
    }
}

fn decode(bytes: &[u8]) -> Result<Vec<Paper>, String> {
    let mut r = Reader { bytes, at: 0 };
    let count = r.varint()? as usize;
    let mut papers = Vec::with_capacity(count.min(bytes.len() / 8));
    let mut seen = std::collections::HashSet::with_capacity(count.min(bytes.len() / 8));
    for _ in 0..count {
        let id = r.string()?;
        let valid = !id.is_empty()
            && id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
        if !valid || !seen.insert(id.clone()) {
            return Err(format!("{id:?} is not a valid id, or repeats one"));
        }
        let title = r.string()?;
        if title.trim().is_empty() {
            return Err("a blank title".into());
        }
        let abstract_text = r.opt()?;
        let authors = match r.varint()? {
            0 => None,
            n => Some(r.list(n - 1)?),
        };
        let author_count = r.u32()?;
        let year = u16::try_from(r.varint()?).map_err(|_| "a year too large")?;
        let (month, day) = (r.byte()?, r.byte()?);
        let published = match (year, month, day) {
            (0, 0, 0) => Some(PartialDate::UNKNOWN),
            (y, 0, 0) => PartialDate::y(y),
            (y, m, 0) => PartialDate::ym(y, m),
            (y, m, d) => PartialDate::ymd(y, m, d),
        }
        .ok_or("not a date")?;
        let mut paper = Paper::new(id, title, author_count, published);
        paper.abstract_text = abstract_text;
        paper.authors = authors;
        paper.upvotes = r.u32()?;
        paper.citations = r.u32()?.checked_sub(1);
        let kind = r.byte()?;
        paper.authors_incomplete = kind & 0x80 != 0;
        paper.kind = match kind & 0x7f {
            0 => None,
            k => Some(*PaperKind::ALL.get(usize::from(k) - 1).ok_or("not a kind")?),
        };
        let tags = r.varint()?;
        paper.tags = r.list(tags)?;
        paper.venue = r.opt()?;
        paper.venue_short = r.opt()?;
        paper.thumbnail = r.opt()?.filter(|u| is_http_url(u));
        paper.summary = r.opt()?;
        paper.bibtex = r.opt()?;
        let mask = u16::from_le_bytes([r.byte()?, r.byte()?]);
        for (i, &kind) in LinkKind::ALL.iter().enumerate() {
            if mask & 1 << i != 0 {
                let url = r.string()?;
                if !is_http_url(&url) {
                    return Err("a link that is not http(s)".into());
                }
                paper.links.set(kind, url);
            }
        }
        papers.push(paper);
    }
    Ok(papers)
}

fn main() {
    let path = std::env::args().nth(1).expect("SNAPSHOT.json");
    let text = std::fs::read_to_string(path).expect("readable");
    let papers = parse_snapshot(&text).expect("valid").snapshot.papers;
    let binary = encode(&papers);
    assert!(decode(&binary).expect("its own bytes") == papers, "read back, the same papers");
    println!("{} papers", papers.len());
    println!("JSON:   {:>11} bytes, {:>10} gzip", text.len(), gzip_len(text.as_bytes()));
    println!("binary: {:>11} bytes, {:>10} gzip", binary.len(), gzip_len(&binary));
    let json_ms = median_ms(|| {
        let mut reader = SnapshotReader::forgetful();
        for chunk in text.as_bytes().chunks(64 << 10) {
            reader.push(chunk);
        }
        assert_eq!(reader.records_read(), papers.len());
    });
    let binary_ms = median_ms(|| assert_eq!(decode(&binary).expect("valid").len(), papers.len()));
    println!("reading the JSON as the app does (SnapshotReader, 64 KiB chunks): {json_ms:.1} ms");
    println!("reading the binary:                                               {binary_ms:.1} ms");
}
