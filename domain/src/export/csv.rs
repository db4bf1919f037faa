//! Action items as CSV (RFC 4180): one row per action, every field quoted when it needs to be,
//! CRLF line ends, so spreadsheets and issue-tracker importers read it as written.

use crate::facilitation::checks::short_name;
use crate::i18n::tr;
use crate::Retrospective;

/// Quotes a field when it holds a comma, quote, CR or LF (doubling inner quotes). A field that
/// a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab) gets a leading apostrophe.
pub fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_string() };
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The action items in list order, one row each under a header row (in the active language),
/// with the factors each addresses.
pub fn actions_csv(r: &Retrospective) -> String {
    let head = [tr("Action"), tr("Owner"), tr("Due"), tr("Priority"), tr("Kind"), tr("Status"), tr("Addresses"), tr("Retrospective")];
    let mut out = head.map(field).join(",");
    out.push_str("\r\n");
    for id in r.action_order() {
        let a = &r.actions[&id];
        let factors: Vec<String> = a.factor_links.value.iter().filter_map(|f| r.factors.get(f)).map(|f| short_name(&f.statement.value, 80)).collect();
        let row = [
            a.description.value.trim().to_string(),
            a.owner.value.trim().to_string(),
            a.due.value.map(|d| d.to_string()).unwrap_or_default(),
            a.priority.value.label().to_string(),
            a.kind.value.label().to_string(),
            a.status.value.label().to_string(),
            factors.join("; "),
            r.display_title().to_string(),
        ];
        out.push_str(&row.iter().map(|f| field(f)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::*;

    /// A minimal RFC 4180 reader, to check that what we write reads back as the same fields.
    fn parse(csv: &str) -> Vec<Vec<String>> {
        let (mut rows, mut row, mut cell, mut quoted, mut chars) = (vec![], vec![], String::new(), false, csv.chars().peekable());
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    cell.push('"');
                    chars.next();
                }
                (true, '"') => quoted = false,
                (true, c) => cell.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut cell)),
                (false, '\r') => {}
                (false, '\n') => {
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => cell.push(c),
            }
        }
        rows
    }

    #[test]
    fn hostile_fields_round_trip_through_an_rfc_4180_reader() {
        let w = Writer::new(Replica(1), 0);
        let id = |n: u8| Id::from_random([n; 16]);
        let mut r = Retrospective::new(id(1), Template::Incident, "Outage, \"big\" one", &w);
        let nasty = "Fix it, \"properly\"\nwith a second line";
        r.apply(Edit::AddAction { id: id(2) }, &w);
        r.apply(Edit::Action(id(2), ActionField::Description(nasty.into())), &w);
        r.apply(Edit::Action(id(2), ActionField::Owner("=HYPERLINK(\"http://x\")".into())), &w);
        r.apply(Edit::Action(id(2), ActionField::Due(Date::parse("2026-12-01"))), &w);
        let csv = actions_csv(&r);
        assert!(csv.ends_with("\r\n"));
        let rows = parse(&csv);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].len(), 8);
        assert_eq!(rows[1][0], nasty);
        assert_eq!(rows[1][1], "'=HYPERLINK(\"http://x\")", "formulas are defused");
        assert_eq!(rows[1][2], "2026-12-01");
        assert_eq!(rows[1][7], "Outage, \"big\" one");
    }

    #[test]
    fn plain_fields_stay_unquoted() {
        assert_eq!(field("Platform team"), "Platform team");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("-1"), "'-1");
    }
}
