//! What can happen to a document: edits people make ([`edit`]), copies meeting ([`merge`]),
//! typed lines that become timeline entries ([`quick_entry`]), and retrospectives started from
//! an own template and saved as one ([`templates`]).

pub mod accounts;
pub mod edit;
pub mod merge;
pub mod quick_entry;
pub mod restore;
pub mod templates;
