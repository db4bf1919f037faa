//! Helping the facilitator run the meeting: the guide for each step and the checks shown in
//! *Prevention*. (Timers and templates are stored in the document, so they live in
//! [`crate::model`].)

pub mod checks;
pub mod guide;
pub mod publish;
pub mod side_by_side;
