//! A set of the values of a small enum, as two bytes: the fields a query term searches
//! ([`FieldSet`](super::field::FieldSet)) and what the `has` filter asks for
//! ([`HasSet`](super::filter::HasSet)).

use std::fmt;
use std::marker::PhantomData;

/// An enum of at most 16 values that a [`FlagSet`] can hold.
pub trait Flag: Copy + 'static {
    /// Every value, in the order a set lists them.
    const ALL: &'static [Self];
    /// The value's bit position, below 16 and distinct for each value.
    fn position(self) -> u8;
}

/// A set of [`Flag`] values.
pub struct FlagSet<T> {
    bits: u16,
    kind: PhantomData<T>,
}

impl<T: Flag> FlagSet<T> {
    pub const EMPTY: Self = Self { bits: 0, kind: PhantomData };

    /// Every value of `T`.
    pub fn all() -> Self {
        T::ALL.iter().copied().collect()
    }

    /// The set of one value.
    pub fn only(value: T) -> Self {
        Self { bits: 1 << value.position(), kind: PhantomData }
    }

    pub fn contains(self, value: T) -> bool {
        self.bits & (1 << value.position()) != 0
    }

    /// True when every value of `other` is in this set.
    pub fn contains_all(self, other: Self) -> bool {
        self.bits & other.bits == other.bits
    }

    pub fn is_empty(self) -> bool {
        self.bits == 0
    }

    pub fn insert(&mut self, value: T) {
        self.bits |= 1 << value.position();
    }

    /// Adds `value` if it is missing, removes it if it is there.
    pub fn toggle(&mut self, value: T) {
        self.bits ^= 1 << value.position();
    }

    /// The values in the set, in [`Flag::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = T> {
        T::ALL.iter().copied().filter(move |v| self.contains(*v))
    }
}

impl<T: Flag> FromIterator<T> for FlagSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(values: I) -> Self {
        let mut set = Self::EMPTY;
        values.into_iter().for_each(|v| set.insert(v));
        set
    }
}

// Written out rather than derived: a derive would require `T` itself to be Clone, Eq, ….
impl<T> Clone for FlagSet<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for FlagSet<T> {}

impl<T> PartialEq for FlagSet<T> {
    fn eq(&self, other: &Self) -> bool {
        self.bits == other.bits
    }
}

impl<T> Eq for FlagSet<T> {}

impl<T> std::hash::Hash for FlagSet<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.bits.hash(state);
    }
}

impl<T: Flag> Default for FlagSet<T> {
    fn default() -> Self {
        Self::EMPTY
    }
}

impl<T: Flag + fmt::Debug> fmt::Debug for FlagSet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy, Debug, PartialEq)]
    enum Color {
        Red,
        Green,
        Blue,
    }

    impl Flag for Color {
        const ALL: &'static [Self] = &[Color::Red, Color::Green, Color::Blue];
        fn position(self) -> u8 {
            self as u8
        }
    }

    #[test]
    fn insert_toggle_contain_and_list_in_order() {
        let mut set = FlagSet::<Color>::EMPTY;
        assert!(set.is_empty());
        set.insert(Color::Blue);
        set.toggle(Color::Red);
        assert_eq!(set.iter().collect::<Vec<_>>(), [Color::Red, Color::Blue]);
        assert!(set.contains_all(FlagSet::only(Color::Blue)));
        assert!(!set.contains_all(FlagSet::all()));
        set.toggle(Color::Red);
        assert_eq!(set, FlagSet::only(Color::Blue));
        assert_eq!(format!("{:?}", FlagSet::<Color>::all()), "{Red, Green, Blue}");
    }
}
