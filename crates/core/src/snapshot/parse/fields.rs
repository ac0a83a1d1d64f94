//! One record of a snapshot's `papers` read in one pass into its known fields, each the
//! JSON value found there. The record is never built as a map: no key is allocated, and
//! a field the format does not know is checked as JSON but not built, so nothing that
//! only building refuses (depth beyond the parser's limit, an escaped lone surrogate, a
//! number beyond `f64`) costs the record.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

/// A record as read: an object's known fields, or what kind of value it was instead.
pub(crate) enum RawRecord {
    Object(Box<RecordFields>),
    /// Not an object: `"a string"`, `"a list"`, …, as [`super::record`] quotes kinds.
    Not(&'static str),
}

/// The value of each field of the format that the record has (`None`: absent; a JSON
/// `null` is `Some(Value::Null)`). A key given twice keeps its last value, as a JSON
/// object read into a map does.
#[derive(Default)]
pub(crate) struct RecordFields {
    pub(crate) id: Option<Value>,
    pub(crate) title: Option<Value>,
    pub(crate) published: Option<Value>,
    pub(crate) authors: Option<Value>,
    pub(crate) author_count: Option<Value>,
    pub(crate) authors_incomplete: Option<Value>,
    pub(crate) upvotes: Option<Value>,
    pub(crate) abstract_text: Option<Value>,
    pub(crate) venue: Option<Value>,
    pub(crate) venue_short: Option<Value>,
    pub(crate) kind: Option<Value>,
    pub(crate) citations: Option<Value>,
    pub(crate) summary: Option<Value>,
    pub(crate) bibtex: Option<Value>,
    pub(crate) thumbnail: Option<Value>,
    pub(crate) tags: Option<Value>,
    pub(crate) links: Option<Value>,
}

impl RecordFields {
    /// The slot of a field.
    fn slot(&mut self, name: Name) -> &mut Option<Value> {
        match name {
            Name::Id => &mut self.id,
            Name::Title => &mut self.title,
            Name::Published => &mut self.published,
            Name::Authors => &mut self.authors,
            Name::AuthorCount => &mut self.author_count,
            Name::AuthorsIncomplete => &mut self.authors_incomplete,
            Name::Upvotes => &mut self.upvotes,
            Name::Abstract => &mut self.abstract_text,
            Name::Venue => &mut self.venue,
            Name::VenueShort => &mut self.venue_short,
            Name::Kind => &mut self.kind,
            Name::Citations => &mut self.citations,
            Name::Summary => &mut self.summary,
            Name::Bibtex => &mut self.bibtex,
            Name::Thumbnail => &mut self.thumbnail,
            Name::Tags => &mut self.tags,
            Name::Links => &mut self.links,
        }
    }
}

impl<'de> Deserialize<'de> for RawRecord {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RecordVisitor)
    }
}

struct RecordVisitor;

impl<'de> Visitor<'de> for RecordVisitor {
    type Value = RawRecord;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawRecord, A::Error> {
        let mut fields = Box::<RecordFields>::default();
        while let Some(Key(name)) = map.next_key()? {
            match name {
                Some(name) => *fields.slot(name) = Some(map.next_value()?),
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(RawRecord::Object(fields))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<RawRecord, A::Error> {
        // Built, so a list nested too deeply to build is refused as before.
        Value::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
        Ok(RawRecord::Not("a list"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<RawRecord, E> {
        Ok(RawRecord::Not("null"))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<RawRecord, E> {
        Ok(RawRecord::Not("a boolean"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<RawRecord, E> {
        Ok(RawRecord::Not("a number"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<RawRecord, E> {
        Ok(RawRecord::Not("a number"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<RawRecord, E> {
        Ok(RawRecord::Not("a number"))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<RawRecord, E> {
        Ok(RawRecord::Not("a string"))
    }
}

/// The fields of the format, by name.
#[derive(Clone, Copy)]
enum Name {
    Id,
    Title,
    Published,
    Authors,
    AuthorCount,
    AuthorsIncomplete,
    Upvotes,
    Abstract,
    Venue,
    VenueShort,
    Kind,
    Citations,
    Summary,
    Bibtex,
    Thumbnail,
    Tags,
    Links,
}

/// An object's key: a field of the format, or `None` for a name it does not have. Read
/// without allocating, whether the key is borrowed from the text or unescaped.
struct Key(Option<Name>);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(Key(Some(match key {
            "id" => Name::Id,
            "title" => Name::Title,
            "published" => Name::Published,
            "authors" => Name::Authors,
            "author_count" => Name::AuthorCount,
            "authors_incomplete" => Name::AuthorsIncomplete,
            "upvotes" => Name::Upvotes,
            "abstract" => Name::Abstract,
            "venue" => Name::Venue,
            "venue_short" => Name::VenueShort,
            "kind" => Name::Kind,
            "citations" => Name::Citations,
            "summary" => Name::Summary,
            "bibtex" => Name::Bibtex,
            "thumbnail" => Name::Thumbnail,
            "tags" => Name::Tags,
            "links" => Name::Links,
            _ => return Ok(Key(None)),
        })))
    }
}
