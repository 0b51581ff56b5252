//! Typed indices: a report's entities, a sentence's mentions and tokens are all
//! counted from zero, and a number of one kind used as another is a bug the compiler
//! can catch.

use std::fmt;
use std::marker::PhantomData;
use std::ops::{Index, IndexMut};

macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub(crate) struct $name(usize);

        // Not every kind of index is stepped through or made from a number.
        #[allow(dead_code)]
        impl $name {
            pub(crate) const fn new(i: usize) -> Self {
                Self(i)
            }

            pub(crate) const fn index(self) -> usize {
                self.0
            }

            /// The one after this.
            pub(crate) const fn next(self) -> Self {
                Self(self.0 + 1)
            }

            /// The one before this, none before the first.
            pub(crate) const fn prev(self) -> Option<Self> {
                match self.0.checked_sub(1) {
                    Some(i) => Some(Self(i)),
                    None => None,
                }
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}{}", stringify!($name), self.0)
            }
        }

        impl From<usize> for $name {
            fn from(i: usize) -> Self {
                Self(i)
            }
        }
    };
}

index_type!(
    /// An actor of one report: a place in its entity table.
    EntityIx
);
index_type!(
    /// An actor mention of one sentence, in order.
    MentionIx
);

/// A vector that only its own kind of index reads.
#[derive(Clone)]
pub(crate) struct IndexVec<I, T> {
    items: Vec<T>,
    kind: PhantomData<fn(I) -> I>,
}

impl<I: From<usize> + Copy, T> IndexVec<I, T> {
    pub(crate) fn push(&mut self, item: T) -> I {
        self.items.push(item);
        I::from(self.items.len() - 1)
    }

    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }

    pub(crate) fn iter(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }

    /// Every index, in order.
    pub(crate) fn indices(&self) -> impl DoubleEndedIterator<Item = I> + use<I, T> {
        (0..self.items.len()).map(I::from)
    }

    pub(crate) fn position(&self, pred: impl FnMut(&T) -> bool) -> Option<I> {
        self.items.iter().position(pred).map(I::from)
    }

    pub(crate) fn rposition(&self, pred: impl FnMut(&T) -> bool) -> Option<I> {
        self.items.iter().rposition(pred).map(I::from)
    }

    pub(crate) fn first(&self) -> Option<&T> {
        self.items.first()
    }
}

impl<I, T> Default for IndexVec<I, T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            kind: PhantomData,
        }
    }
}

impl<I, T> From<Vec<T>> for IndexVec<I, T> {
    fn from(items: Vec<T>) -> Self {
        Self {
            items,
            kind: PhantomData,
        }
    }
}

impl<I, T> FromIterator<T> for IndexVec<I, T> {
    fn from_iter<It: IntoIterator<Item = T>>(iter: It) -> Self {
        Vec::from_iter(iter).into()
    }
}

impl<I, T: fmt::Debug> fmt::Debug for IndexVec<I, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.items.fmt(f)
    }
}

macro_rules! index_by {
    ($name:ident) => {
        impl<T> Index<$name> for IndexVec<$name, T> {
            type Output = T;
            fn index(&self, i: $name) -> &T {
                &self.items[i.0]
            }
        }

        impl<T> IndexMut<$name> for IndexVec<$name, T> {
            fn index_mut(&mut self, i: $name) -> &mut T {
                &mut self.items[i.0]
            }
        }

        #[allow(dead_code)]
        impl<T> IndexVec<$name, T> {
            pub(crate) fn get(&self, i: $name) -> Option<&T> {
                self.items.get(i.0)
            }

            /// The items from `first` to `last`, both included.
            pub(crate) fn span(&self, first: $name, last: $name) -> &[T] {
                &self.items[first.0..=last.0]
            }
        }
    };
}

index_by!(EntityIx);
index_by!(MentionIx);

impl<'a, I, T> IntoIterator for &'a IndexVec<I, T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}
