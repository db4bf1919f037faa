//! Themes: patterns across contributing factors ("alerts nobody owns", "changes outside the
//! pipeline"). They leave the meeting beside actions and open questions.

use crate::model::clock::{Clock, Register};
use crate::model::ids::Id;
use crate::model::record::record;
use std::collections::BTreeSet;

crate::model::order::positioned!(Theme);

record! {
    /// One pattern the group sees across factors.
    pub struct Theme {
        ;
        /// The pattern, in a few words.
        name: String => Name,
        /// The factors it runs through.
        factors: BTreeSet<Id> => Factors,
        /// Kept out of the customer note.
        internal: bool => Internal,
        /// Its place in the list.
        position: f64,
    }
    /// One field of a theme, as an edit.
    pub enum ThemeField;
}

impl Theme {
    /// A new, unnamed theme at `position`.
    pub fn new(position: f64, clock: Clock) -> Self {
        Theme {
            name: Register::new(String::new(), clock),
            factors: Register::new(BTreeSet::new(), clock),
            internal: Register::new(false, clock),
            position: Register::new(position, clock),
        }
    }
}
