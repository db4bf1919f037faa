//! The chat and log import against `tests/fixtures/chat/`: one invented incident (a checkout
//! outage on the night of 30–31 March 2024 in Berlin) told by six tools. Each file is told
//! from its text alone, read in full, and its times land where the README says.
#![cfg(not(target_arch = "wasm32"))]

use retrace_domain::import::{detect, parse, preview, Format, ZoneTable};
use retrace_domain::{Date, Id, LocalDateTime, Replica, Retrospective, Template, Writer};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/../tests/fixtures/chat/{name}", env!("CARGO_MANIFEST_DIR"))).expect("the fixture is there")
}

/// Berlin as a browser reports it around the change of 31 March 2024 (01:00 UTC: +60 → +120).
fn berlin() -> ZoneTable {
    let utc = |t: &str| LocalDateTime::parse(t).unwrap().minutes() * 60_000;
    ZoneTable::from_samples("Europe/Berlin", vec![(utc("2024-03-01T00:00"), 60), (utc("2024-03-31T01:00"), 120)])
}

#[test]
fn every_fixture_is_told_from_its_text_and_read_in_full() {
    let retro = Retrospective::new(Id::from_random([1; 16]), Template::Incident, "Checkout outage", &Writer::new(Replica(1), 0));
    let day = Date::parse("2024-03-30").unwrap();
    // (file, format, real messages, first and last time in Berlin)
    let cases = [
        ("irc.log", Format::Irc, 34, "2024-03-30T23:36", "2024-03-31T01:30"),
        ("app.log", Format::Timestamped, 34, "2024-03-30T23:36", "2024-03-31T03:30"),
        ("slack-copy.txt", Format::SlackCopy, 33, "2024-03-30T23:36", "2024-03-31T01:30"),
        ("teams-copy.txt", Format::TeamsCopy, 31, "2024-03-30T23:36", "2024-03-31T01:30"),
        ("slack-day.json", Format::SlackExport, 31, "2024-03-30T23:36", "2024-03-31T01:30"),
        ("matrix.json", Format::Matrix, 31, "2024-03-30T23:36", "2024-03-31T01:30"),
    ];
    for (file, format, messages, first, last) in cases {
        let text = fixture(file);
        let found = detect(&text, 2024).unwrap_or_else(|| panic!("{file}: no format"));
        assert_eq!((found.format, found.sure), (format, true), "{file}");
        let lines = parse(&text, format, 2024).unwrap();
        assert_eq!(lines.iter().filter(|l| !l.noise).count(), messages, "{file}: messages");
        let rows = preview(&retro, lines, &berlin(), &berlin(), day);
        let times: Vec<String> = rows.iter().filter(|r| !r.line.noise).filter_map(|r| r.when.map(|w| w.to_string())).collect();
        assert_eq!((times.first().map(String::as_str), times.last().map(String::as_str)), (Some(first), Some(last)), "{file}: first and last");
        assert!(rows.iter().all(|r| !r.line.text.contains("<@") && !r.line.text.contains(":fire:")), "{file}: markup is read");
    }
}

#[test]
fn threads_keep_their_parent() {
    let slack = parse(&fixture("slack-day.json"), Format::SlackExport, 2024).unwrap();
    assert_eq!(slack.iter().filter(|l| l.thread_of.is_some()).count(), 2, "two replies");
    let parents: Vec<&str> = slack.iter().filter_map(|l| l.thread_of.as_deref()).collect();
    assert!(parents.iter().all(|p| slack.iter().any(|l| l.source == *p)), "each reply names a message of the file");
    let matrix = parse(&fixture("matrix.json"), Format::Matrix, 2024).unwrap();
    let reply = matrix.iter().find(|l| l.thread_of.is_some()).expect("a reply");
    assert!(matrix.iter().any(|l| Some(l.source.as_str()) == reply.thread_of.as_deref()));
}

#[test]
fn the_slack_workspace_zip_reads_like_its_channels_day_files() {
    use retrace_domain::import::slack_zip::{channel_lines, open};
    let dir = format!("{}/../tests/fixtures/chat/slack-export", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(format!("{dir}.zip")).expect("the zip is there");
    // The zip is made from the folder (make-slack-export.py): the two must agree.
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut unpacked = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut unpacked).unwrap();
        assert_eq!(unpacked, std::fs::read(format!("{dir}/{name}")).unwrap(), "{name} is as in the folder");
    }
    let workspace = open(&bytes).unwrap();
    let names: Vec<&str> = workspace.channels.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["general", "incident-4812"]);
    let incident = workspace.likely_channel();
    assert_eq!(names[incident], "incident-4812");
    assert_eq!(workspace.channels[incident].span(), ("2024-03-30", "2024-03-31"));
    let lines = channel_lines(&bytes, &workspace, incident).unwrap();
    // The same conversation as the day file, whose messages carry their authors' profiles; in the
    // zip they don't, and users.json names them.
    let day = parse(&fixture("slack-day.json"), Format::SlackExport, 2024).unwrap();
    assert_eq!(lines, day);
}
