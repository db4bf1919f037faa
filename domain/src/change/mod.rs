//! What can happen to a document: edits people make ([`edit`]), copies meeting ([`merge`]),
//! and typed lines that become timeline entries ([`quick_entry`]).

pub mod accounts;
pub mod edit;
pub mod merge;
pub mod quick_entry;
pub mod restore;
