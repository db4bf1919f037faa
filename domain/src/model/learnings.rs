//! Captured in the summary: what went well, and where we got lucky.

use crate::model::choice::choice;
use crate::model::clock::{Clock, Register};
use crate::model::record::record;

crate::model::order::positioned!(Learning);

choice! {
    /// The two lists of the summary a learning can go in.
    LearningList {
        WentWell => ("went_well", "What went well"),
        Lucky => ("lucky", "Where we got lucky"),
    }
}

record! {
    /// One thing the group noted in the summary.
    pub struct Learning {
        /// Which list it is in; fixed at creation.
        pub list: LearningList,
        ;
        /// What was noted.
        text: String => Text,
        /// Kept out of the customer note.
        internal: bool => Internal,
        /// Its place in its list.
        position: f64,
    }
    /// One field of a learning, as an edit.
    pub enum LearningField;
}

impl Learning {
    /// A new, empty learning in `list` at `position`.
    pub fn new(list: LearningList, position: f64, clock: Clock) -> Self {
        Learning { list, text: Register::new(String::new(), clock), internal: Register::new(false, clock), position: Register::new(position, clock) }
    }
}
