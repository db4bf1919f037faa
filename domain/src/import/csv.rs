//! A CSV with a time column and a text column: which is which comes from the header when it
//! says so ("time", "timestamp", "message"…), else from the cells; the preview lets a person
//! choose when neither is clear.

use super::line::{ChatLine, ImportError};
use super::stamps::cell_stamp;
use super::zone::Stamp;

/// The columns a CSV import reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Columns {
    /// The column holding the time.
    pub time: usize,
    /// The column holding the text.
    pub text: usize,
    /// The column holding the author, if there is one.
    pub author: Option<usize>,
    /// Whether the first row is a header.
    pub header: bool,
}

/// Splits CSV text into rows of cells (RFC 4180: quotes, doubled quotes, line breaks inside
/// quotes). `;` is the separator when the first line has more of them than commas.
pub fn rows(text: &str) -> Vec<Vec<String>> {
    let first = text.lines().next().unwrap_or("");
    let sep = if first.matches(';').count() > first.matches(',').count() { ';' } else { ',' };
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            c if c == sep && !quoted => row.push(std::mem::take(&mut cell)),
            '\n' if !quoted => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            '\r' if !quoted => {}
            c => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows.retain(|r| r.iter().any(|c| !c.trim().is_empty()));
    rows
}

/// The columns to read, when the header or the cells make them plain.
pub fn guess_columns(rows: &[Vec<String>], year: i64) -> Option<Columns> {
    let first = rows.first()?;
    let named = |names: &[&str]| first.iter().position(|c| names.contains(&c.trim().to_ascii_lowercase().as_str()));
    let time = named(&["time", "timestamp", "date", "datetime", "ts", "when", "created", "created_at", "@timestamp", "time (utc)"]);
    let text = named(&["text", "message", "msg", "body", "content", "what", "event", "description", "log"]);
    let author = named(&["author", "user", "sender", "from", "who", "name", "username"]);
    if let (Some(time), Some(text)) = (time, text) {
        return Some(Columns { time, text, author, header: true });
    }
    // No telling header: the column whose cells are times, and the longest other one.
    let body = &rows[usize::from(rows.len() > 1)..];
    let width = first.len();
    let time = (0..width).find(|&c| body.iter().filter(|r| r.get(c).and_then(|cell| cell_stamp(cell, year)).is_some()).count() * 10 >= body.len() * 8)?;
    let text = (0..width).filter(|&c| c != time).max_by_key(|&c| body.iter().map(|r| r.get(c).map_or(0, String::len)).sum::<usize>())?;
    let header = cell_stamp(first.get(time)?, year).is_none();
    Some(Columns { time, text, author: None, header })
}

/// The lines of a CSV, read with `columns`.
pub fn lines(text: &str, columns: Columns, year: i64) -> Result<Vec<ChatLine>, ImportError> {
    let rows = rows(text);
    let mut out = Vec::new();
    for (n, row) in rows.iter().enumerate().skip(usize::from(columns.header)) {
        let stamp = row.get(columns.time).and_then(|cell| cell_stamp(cell, year)).unwrap_or(Stamp::None);
        let Some(text) = row.get(columns.text).map(|t| t.trim()).filter(|t| !t.is_empty()) else { continue };
        let author = columns.author.and_then(|a| row.get(a)).map(|a| a.trim()).filter(|a| !a.is_empty());
        out.push(ChatLine::message(stamp, author, text, format!("CSV, row {}", n + 1)));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_cells_and_headers_are_read() {
        let csv =
            "timestamp,author,message\n2024-03-04T14:02:00Z,sam,\"pool exhausted, retrying\"\n2024-03-04T14:05:00Z,kai,\"said \"\"rolling back\"\"\nnow\"\n";
        let rows = rows(csv);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[2][2], "said \"rolling back\"\nnow");
        let columns = guess_columns(&rows, 2024).unwrap();
        assert_eq!(columns, Columns { time: 0, text: 2, author: Some(1), header: true });
        let lines = lines(csv, columns, 2024).unwrap();
        assert_eq!((lines[0].author.as_deref(), lines[0].text.as_str()), (Some("sam"), "pool exhausted, retrying"));
    }

    #[test]
    fn columns_are_found_from_the_cells_when_the_header_does_not_say() {
        let csv = "level;when it happened;what\ninfo;1709560931;deploy 4812 started\nerror;1709561000;5xx above 2%\n";
        let rows = rows(csv);
        assert_eq!(guess_columns(&rows, 2024), Some(Columns { time: 1, text: 2, author: None, header: true }));
    }
}
