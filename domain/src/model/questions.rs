//! Open questions: what the review could not settle, and who could find out. They leave the
//! meeting beside the actions, often from a difference between two accounts.

use crate::model::accounts::PassageRef;
use crate::model::clock::{Clock, Register};
use crate::model::record::record;

crate::model::order::positioned!(OpenQuestion);

record! {
    /// One thing that is still unclear.
    pub struct OpenQuestion {
        ;
        /// The question.
        question: String => Question,
        /// Who could find out (a role or a name; optional).
        follow_up: String => FollowUp,
        /// The passages of accounts it came from.
        sources: Vec<PassageRef> => Sources,
        /// Kept out of the customer note.
        internal: bool => Internal,
        /// Its place in the list.
        position: f64,
    }
    /// One field of an open question, as an edit.
    pub enum QuestionField;
}

impl OpenQuestion {
    /// A new, empty question at `position`, from `sources`.
    pub fn new(position: f64, sources: Vec<PassageRef>, clock: Clock) -> Self {
        OpenQuestion {
            question: Register::new(String::new(), clock),
            follow_up: Register::new(String::new(), clock),
            sources: Register::new(sources, clock),
            internal: Register::new(false, clock),
            position: Register::new(position, clock),
        }
    }
}
