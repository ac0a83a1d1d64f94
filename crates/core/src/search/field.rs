//! The searchable fields of a paper, and sets of them (what a query term searches).

use super::flag_set::{Flag, FlagSet};

/// A searchable field of a paper.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Title = 0,
    Authors = 1,
    Abstract = 2,
    Tags = 3,
    Venue = 4,
}

impl Field {
    pub const ALL: [Field; 5] = [Field::Title, Field::Authors, Field::Abstract, Field::Tags, Field::Venue];
    pub const COUNT: usize = 5;
}

impl Flag for Field {
    const ALL: &'static [Self] = &Field::ALL;
    fn position(self) -> u8 {
        self as u8
    }
}

/// The fields a query term searches: all of them, or the one its prefix names.
pub type FieldSet = FlagSet<Field>;
