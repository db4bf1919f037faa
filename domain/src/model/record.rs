//! Records of registers: one declaration gives an item kind its struct, the enum of its
//! editable fields, `set`, `merge` and the clock walk, so none of them is written by hand per
//! kind and none can forget a field.
//!
//! [`record!`] has two forms. The first declares an item kind (a timeline entry, a factor…):
//! fixed fields, then registers, each with the variant that edits it, if any. The second adds
//! the same methods, under names of its choosing, for the registers of a struct that holds
//! more than registers (the document's header, the facilitation settings).

use super::clock::Clock;

/// What every record of registers can do, whatever its fields.
pub trait Record {
    /// Keeps the later write of every register (see [`Register::merge`](super::clock::Register::merge)).
    /// Returns true when `self` changed.
    fn merge(&mut self, other: &Self) -> bool;

    /// Calls `found` with the clock of every register of `self` that is newer than the same
    /// register of `mine`; with no `mine`, with every register's clock.
    fn newer_clocks(&self, mine: Option<&Self>, found: &mut dyn FnMut(Clock));
}

/// Declares a record of registers; see the module documentation.
///
/// ```ignore
/// record! {
///     /// A doc comment for the struct.
///     pub struct Entry {
///         /// Fixed at creation, not a register.
///         pub list: List,
///         ;
///         /// A register, edited through `EntryField::Text`.
///         text: String => Text,
///         /// A register without an edit of its own (moves set it).
///         position: f64,
///     }
///     /// The edits of an entry.
///     pub enum EntryField;
/// }
/// ```
macro_rules! record {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fixed_meta:meta])* pub $fixed:ident : $fixed_ty:ty, )*
            ;
            $( $(#[$reg_meta:meta])* $reg:ident : $reg_ty:ty $(=> $variant:ident)?, )*
        }
        $(#[$enum_meta:meta])*
        pub enum $field:ident;
    ) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Debug, serde::Serialize, serde::Deserialize)]
        pub struct $name {
            $( $(#[$fixed_meta])* pub $fixed: $fixed_ty, )*
            $( $(#[$reg_meta])* pub $reg: $crate::model::clock::Register<$reg_ty>, )*
        }

        $(#[$enum_meta])*
        #[derive(Clone, PartialEq, Debug)]
        pub enum $field {
            $($(
                #[doc = concat!("Sets `", stringify!($reg), "`.")]
                $variant($reg_ty),
            )?)*
        }

        impl $name {
            /// Applies an edit of one field; a write older than the field's is ignored.
            pub fn set(&mut self, field: $field, clock: $crate::model::clock::Clock) {
                match field {
                    $($( $field::$variant(value) => self.$reg.set(value, clock), )?)*
                }
            }
        }

        impl $crate::model::record::Record for $name {
            fn merge(&mut self, other: &Self) -> bool {
                let mut changed = false;
                $( changed |= self.$reg.merge(&other.$reg); )*
                changed
            }

            fn newer_clocks(&self, mine: Option<&Self>, found: &mut dyn FnMut($crate::model::clock::Clock)) {
                $( $crate::model::record::newer_clock(&self.$reg, mine.map(|m| &m.$reg), found); )*
            }
        }
    };
    (
        impl $name:ident {
            $(#[$enum_meta:meta])*
            enum $field:ident;
            fn $set:ident, $merge:ident, $clocks:ident;
        }
        { $( $reg:ident : $reg_ty:ty => $variant:ident, )* }
    ) => {
        $(#[$enum_meta])*
        #[derive(Clone, PartialEq, Debug)]
        pub enum $field {
            $(
                #[doc = concat!("Sets `", stringify!($reg), "`.")]
                $variant($reg_ty),
            )*
        }

        impl $name {
            #[doc = concat!("Applies a [`", stringify!($field), "`] edit; a write older than the field's is ignored.")]
            pub fn $set(&mut self, field: $field, clock: $crate::model::clock::Clock) {
                match field {
                    $( $field::$variant(value) => self.$reg.set(value, clock), )*
                }
            }

            #[doc = concat!("Merges the registers a [`", stringify!($field), "`] edits; true when `self` changed.")]
            pub fn $merge(&mut self, other: &Self) -> bool {
                let mut changed = false;
                $( changed |= self.$reg.merge(&other.$reg); )*
                changed
            }

            #[doc = concat!("The clock walk of [`Record::newer_clocks`](crate::model::record::Record::newer_clocks) over the registers a [`", stringify!($field), "`] edits.")]
            pub fn $clocks(&self, mine: Option<&Self>, found: &mut dyn FnMut($crate::model::clock::Clock)) {
                $( $crate::model::record::newer_clock(&self.$reg, mine.map(|m| &m.$reg), found); )*
            }
        }
    };
}
pub(crate) use record;

/// Reports `theirs`'s clock if it is newer than `mine`'s (or there is no `mine`).
pub fn newer_clock<T>(theirs: &super::clock::Register<T>, mine: Option<&super::clock::Register<T>>, found: &mut dyn FnMut(Clock)) {
    if mine.is_none_or(|m| theirs.clock > m.clock) {
        found(theirs.clock);
    }
}

/// The clock walk over an id-keyed map of records: every newer register of every item.
pub fn newer_clocks_in<K: Ord, R: Record>(theirs: &std::collections::BTreeMap<K, R>, mine: &std::collections::BTreeMap<K, R>, found: &mut dyn FnMut(Clock)) {
    for (key, record) in theirs {
        record.newer_clocks(mine.get(key), found);
    }
}

/// The clock walk over a map of plain registers (timers per step, names per profile).
pub fn newer_register_clocks<K: Ord, T>(
    theirs: &std::collections::BTreeMap<K, super::clock::Register<T>>,
    mine: Option<&std::collections::BTreeMap<K, super::clock::Register<T>>>,
    found: &mut dyn FnMut(Clock),
) {
    for (key, register) in theirs {
        newer_clock(register, mine.and_then(|m| m.get(key)), found);
    }
}
