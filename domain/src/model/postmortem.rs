//! The postmortem fields the best incident templates share, all optional: how severe it was,
//! how it was detected, who responded in which role. "Why we were surprised" is a header
//! register beside them (`Retrospective::surprise`).

use crate::i18n::tr;
use crate::model::choice::choice;
use crate::model::clock::{Clock, Register};
use crate::model::record::record;

crate::model::order::positioned!(Responder);

choice! {
    /// How bad it was, on the four-level scale most teams use.
    Severity {
        Sev1 => ("sev1", "SEV 1 — Critical"),
        Sev2 => ("sev2", "SEV 2 — Major"),
        Sev3 => ("sev3", "SEV 3 — Minor"),
        Sev4 => ("sev4", "SEV 4 — Low"),
    }
}

impl Severity {
    /// One line saying what the level means, shown beside the picker so the room agrees on
    /// the level by the impact rather than by how the incident felt.
    pub fn definition(self) -> &'static str {
        match self {
            Severity::Sev1 => tr("Most people cannot use a core service, data is lost, or safety or security is at stake."),
            Severity::Sev2 => tr("A core function is degraded for many people, or a key feature is unavailable."),
            Severity::Sev3 => tr("A limited part of the service is degraded or a small group is affected; a workaround exists."),
            Severity::Sev4 => tr("Little or no impact on people: a near miss, an internal tool, a cosmetic fault."),
        }
    }
}

choice! {
    /// How the incident came to someone's attention.
    Detection {
        Alert => ("alert", "An alert"),
        CustomerReport => ("customer_report", "A customer report"),
        SomeoneNoticed => ("someone_noticed", "Someone noticed"),
        AutomatedCheck => ("automated_check", "An automated check or test"),
        ThirdParty => ("third_party", "A partner or provider told us"),
        Other => ("other", "Another way"),
    }
}

choice! {
    /// The part someone played in the response.
    ResponderRole {
        IncidentLead => ("incident_lead", "Incident lead"),
        Communications => ("communications", "Communications"),
        Operations => ("operations", "Operations"),
        Scribe => ("scribe", "Scribe"),
        SubjectExpert => ("subject_expert", "Subject-matter expert"),
        Other => ("other", "Other role"),
    }
}

record! {
    /// One role in the response, and who held it. The name is optional: the role is what the
    /// review learns from.
    pub struct Responder {
        ;
        /// The role.
        role: ResponderRole => Role,
        /// Who held it, if the team wants it written down.
        name: String => Name,
        /// Its place in the list.
        position: f64,
    }
    /// One field of a responder, as an edit.
    pub enum ResponderField;
}

impl Responder {
    /// A new responder at `position`: the incident lead first, then operations.
    pub fn new(role: ResponderRole, position: f64, clock: Clock) -> Self {
        Responder { role: Register::new(role, clock), name: Register::new(String::new(), clock), position: Register::new(position, clock) }
    }
}
