//! Captured in the summary: what went well, and where we got lucky.

use super::choice::choice;
use super::clock::{Clock, Register};
use serde::{Deserialize, Serialize};

super::order::positioned!(Learning);

choice! {
    LearningList {
        WentWell => ("went_well", "What went well"),
        Lucky => ("lucky", "Where we got lucky"),
    }
}

#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
pub struct Learning {
    /// Fixed at creation.
    pub list: LearningList,
    pub text: Register<String>,
    pub position: Register<f64>,
}

impl Learning {
    pub fn new(list: LearningList, position: f64, clock: Clock) -> Self {
        Learning { list, text: Register::new(String::new(), clock), position: Register::new(position, clock) }
    }

    pub fn merge(&mut self, other: &Self) -> bool {
        let a = self.text.merge(&other.text);
        let b = self.position.merge(&other.position);
        a | b
    }
}
