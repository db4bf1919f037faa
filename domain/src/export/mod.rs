//! Ways a retrospective leaves the app as something else than its JSON document: a Markdown
//! report, a CSV of action items, an iCalendar file of due dates, issue-tracker links, and a
//! join link as a QR code.
//! All pure: they take the document and return text.

pub mod csv;
pub mod ics;
pub mod markdown;
pub mod qr;
pub mod tracker;
pub mod write_up;
