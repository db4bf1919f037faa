//! A Slack workspace export: the `.zip` Slack gives a workspace admin, holding `users.json` and
//! one folder per channel of day files (`incident-4812/2024-03-31.json`). [`open`] lists the
//! channels; [`channel_lines`] reads one channel's days, in date order, as one conversation.
//!
//! A zip is read bounded, so a hostile one cannot exhaust the tab: at most [`MAX_ZIP_BYTES`]
//! packed and [`MAX_ENTRIES`] entries; no entry unpacks to more than [`MAX_RATIO`] times its
//! packed size (a zip bomb's ratio is in the thousands; JSON packs about tenfold); and what one
//! import unpacks, all entries together, stays under [`MAX_IMPORT_BYTES`]. The sizes a zip
//! declares are not trusted: reading stops at the limit whatever its header says.

use super::json::{slack_day, slack_messages, DayFile};
use super::line::{ChatLine, ImportError};
use super::MAX_IMPORT_BYTES;
use crate::i18n::{fill, tr};
use crate::tf;
use rawzip::{CompressionMethod, ZipArchive, ZipArchiveEntryWayfinder, ZipSliceArchive, ZipVerification};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

/// Largest zip file an import opens.
pub const MAX_ZIP_BYTES: usize = 200 * 1024 * 1024;
/// Most entries a zip may list.
pub const MAX_ENTRIES: u64 = 50_000;
/// Most an entry may unpack to, as a multiple of its packed size.
pub const MAX_RATIO: u64 = 100;
/// Entries this small may unpack to more than [`MAX_RATIO`] allows (a tiny file packs badly).
const RATIO_FLOOR_BYTES: u64 = 64 * 1024;

/// One entry of the zip, as its central directory lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    name: String,
    /// Where its data is.
    at: ZipArchiveEntryWayfinder,
    method: CompressionMethod,
    /// The size it claims to unpack to.
    claimed: u64,
}

/// One channel (or private channel, or direct message) of the export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Channel {
    /// The folder's name, which is the channel's name.
    pub name: String,
    /// Its day files, in date order.
    days: Vec<Entry>,
}

impl Channel {
    /// The first and last day it has messages on, as the day files name them.
    pub fn span(&self) -> (&str, &str) {
        fn day(entry: Option<&Entry>) -> &str {
            entry.and_then(|e| day_of(&e.name)).unwrap_or_default()
        }
        (day(self.days.first()), day(self.days.last()))
    }

    /// How many day files it has.
    pub fn day_count(&self) -> usize {
        self.days.len()
    }
}

/// What [`open`] found in the zip.
#[derive(Clone, Debug, PartialEq)]
pub struct Workspace {
    /// Its channels, by name.
    pub channels: Vec<Channel>,
    /// People's names by Slack user id, from `users.json`, for mentions and authors.
    names: HashMap<String, String>,
}

impl Workspace {
    /// The channel an incident review most likely wants: one whose name says incident, else the
    /// one with the latest messages.
    pub fn likely_channel(&self) -> usize {
        let incident = |c: &Channel| {
            let name = c.name.to_lowercase();
            name.contains("incident") || name.starts_with("inc-") || name.starts_with("inc_")
        };
        let latest = |c: &&Channel| (incident(c), c.span().1.to_string());
        self.channels.iter().enumerate().max_by_key(|(_, c)| latest(c)).map_or(0, |(i, _)| i)
    }
}

/// Whether `bytes` start like a zip file.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// The day a day file's name gives: `incident/2024-03-31.json` → `2024-03-31`.
fn day_of(entry: &str) -> Option<&str> {
    let file = entry.rsplit('/').next()?;
    let day = file.strip_suffix(".json")?;
    let b = day.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (b.len() == 10 && b[4] == b'-' && b[7] == b'-' && digits(0..4) && digits(5..7) && digits(8..10)).then_some(day)
}

/// A zip that cannot be read as it should; `what` says what is wrong, as a whole clause.
fn damaged(what: String) -> ImportError {
    ImportError::Damaged(what)
}

type Archive<'a> = ZipSliceArchive<&'a [u8]>;

/// Every file entry of the zip, by its normalised name ("a/../b" is "b"; none leaves the zip).
fn entries(bytes: &[u8]) -> Result<(Archive<'_>, Vec<Entry>), ImportError> {
    if bytes.len() > MAX_ZIP_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let archive = ZipArchive::from_slice(bytes).map_err(|e| damaged(tf!("this zip file cannot be read ({error})", error = e)))?;
    let too_many = || damaged(tf!("this zip file lists more than {max} entries, more than a Slack export Retrace reads", max = MAX_ENTRIES));
    if archive.entries_hint() > MAX_ENTRIES {
        return Err(too_many());
    }
    let mut found = Vec::new();
    let mut listed = archive.entries();
    while let Some(record) = listed.next_entry().map_err(|e| damaged(tf!("this zip file has a damaged list of its contents ({error})", error = e)))? {
        if found.len() as u64 >= MAX_ENTRIES {
            return Err(too_many());
        }
        if record.is_dir() {
            continue;
        }
        let path = record.file_path().try_normalize().map_err(|e| damaged(tf!("this zip file names an entry it cannot give ({error})", error = e)))?;
        let name = AsRef::<str>::as_ref(&path).to_string();
        found.push(Entry { name, at: record.wayfinder(), method: record.compression_method(), claimed: record.uncompressed_size_hint() });
    }
    Ok((archive, found))
}

/// The CRC-32 (IEEE) a zip records of each entry. rawzip has one too, but its sixteen tables
/// are 16 KB of incompressible wasm; one table built on first use is as exact and costs none,
/// at a speed (a few hundred MB/s) far beyond what an import unpacks.
fn crc32(bytes: &[u8]) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = [0u32; 256];
        for (i, slot) in table.iter_mut().enumerate() {
            *slot = (0..8).fold(i as u32, |c, _| if c & 1 == 1 { (c >> 1) ^ 0xEDB8_8320 } else { c >> 1 });
        }
        table
    });
    !bytes.iter().fold(!0u32, |c, b| (c >> 8) ^ table[((c ^ u32::from(*b)) & 0xFF) as usize])
}

/// The text of `entry`, taking what it unpacks to from `budget`.
fn unpack(archive: &Archive<'_>, entry: &Entry, budget: &mut u64) -> Result<String, ImportError> {
    let name = &entry.name;
    let data = archive.get_entry(entry.at).map_err(|e| damaged(tf!("this zip file is cut short at {name} ({error})", name = name, error = e)))?;
    let packed = data.data().len() as u64;
    let limit = packed.saturating_mul(MAX_RATIO).max(RATIO_FLOOR_BYTES).min(*budget);
    let too_big = || {
        if limit == *budget {
            damaged(tf!("this zip file unpacks to more than {size} MB, more than Retrace imports at once", size = MAX_IMPORT_BYTES / 1_048_576))
        } else {
            damaged(fill(
                tr("this zip file has an entry, {name}, that unpacks to over {ratio} times its packed size, as zip bombs do"),
                &[("name", name), ("ratio", &MAX_RATIO)],
            ))
        }
    };
    if entry.claimed > limit {
        return Err(too_big());
    }
    // The claimed size is not trusted: the unpacking itself stops at the limit.
    let out = match entry.method {
        CompressionMethod::STORE if packed > limit => return Err(too_big()),
        CompressionMethod::STORE => data.data().to_vec(),
        CompressionMethod::DEFLATE => miniz_oxide::inflate::decompress_to_vec_with_limit(data.data(), limit as usize).map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => too_big(),
            _ => damaged(tf!("this zip file is damaged at {name} (its packed data does not unpack)", name = name)),
        })?,
        other => {
            let text = tr("this zip file packs {name} in a way Retrace does not read (method {method}); Slack's exports use deflate");
            return Err(damaged(fill(text, &[("name", name), ("method", &other)])));
        }
    };
    data.claim_verifier()
        .valid(ZipVerification { crc: crc32(&out), uncompressed_size: out.len() as u64 })
        .map_err(|e| damaged(tf!("this zip file is damaged at {name} ({error})", name = name, error = e)))?;
    *budget -= out.len() as u64;
    String::from_utf8(out).map_err(|_| damaged(tf!("this zip file holds {name}, which is not text", name = name)))
}

/// The channels of a Slack workspace export, and the names of its people.
pub fn open(bytes: &[u8]) -> Result<Workspace, ImportError> {
    let (archive, entries) = entries(bytes)?;
    let mut by_channel: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
    let mut users = None;
    for entry in entries {
        if entry.name.starts_with("__MACOSX/") {
            continue;
        }
        let parts: Vec<&str> = entry.name.split('/').collect();
        match parts.as_slice() {
            // At the top, or one folder down when someone zipped the unpacked folder again.
            ["users.json"] | [_, "users.json"] => users = Some(entry),
            [.., channel, _] if day_of(&entry.name).is_some() && !channel.is_empty() => {
                let channel = channel.to_string();
                by_channel.entry(channel).or_default().push(entry);
            }
            _ => {}
        }
    }
    if by_channel.is_empty() {
        return Err(ImportError::Damaged(
            tr("this zip is not a Slack export: it has no channel folders of day files (such as incident/2024-03-31.json)").into(),
        ));
    }
    let mut budget = MAX_IMPORT_BYTES as u64;
    let names = match users {
        Some(users) => user_names(&unpack(&archive, &users, &mut budget)?)?,
        None => HashMap::new(),
    };
    let channels = by_channel
        .into_iter()
        .map(|(name, mut days)| {
            crate::sorting::sort_by(&mut days, |a, b| day_of(&a.name).cmp(&day_of(&b.name)));
            Channel { name, days }
        })
        .collect();
    Ok(Workspace { channels, names })
}

/// Names by user id from `users.json`: the display name people chose, else their real name.
fn user_names(text: &str) -> Result<HashMap<String, String>, ImportError> {
    let users = slack_day(text, DayFile::Users)?;
    let name = |u: &Value| {
        [&u["profile"]["display_name"], &u["profile"]["real_name"], &u["real_name"], &u["name"]]
            .into_iter()
            .find_map(|v| v.as_str().filter(|s| !s.trim().is_empty()).map(str::to_string))
    };
    Ok(users.iter().filter_map(|u| Some((u["id"].as_str()?.to_string(), name(u)?))).collect())
}

/// The messages of channel `channel` of `workspace` (as [`open`] read it from `bytes`), day by
/// day, as one conversation: a thread reply on a later day still names its parent.
pub fn channel_lines(bytes: &[u8], workspace: &Workspace, channel: usize) -> Result<Vec<ChatLine>, ImportError> {
    let channel = workspace.channels.get(channel).ok_or_else(|| ImportError::Damaged(tr("the export has no such channel").into()))?;
    let archive = ZipArchive::from_slice(bytes).map_err(|e| damaged(tf!("this zip file cannot be read ({error})", error = e)))?;
    let mut budget = MAX_IMPORT_BYTES as u64;
    let mut messages = Vec::new();
    for day in &channel.days {
        let text = unpack(&archive, day, &mut budget)?;
        messages.extend(slack_day(&text, DayFile::Named(&day.name))?);
    }
    Ok(slack_messages(&messages, &workspace.names))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::zone::Stamp;
    use std::io::{Cursor, Write};
    use zip::write::SimpleFileOptions;
    use zip::CompressionMethod;

    fn zip_of(files: &[(&str, &[u8])], method: CompressionMethod) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in files {
            w.start_file(*name, SimpleFileOptions::default().compression_method(method)).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    const USERS: &str = r#"[{"id":"U1","name":"sam","real_name":"Sam Lee","profile":{"display_name":"","real_name":"Sam Lee"}},
        {"id":"U2","name":"kai","profile":{"display_name":"kai","real_name":"Kai Müller"}}]"#;
    const DAY_1: &str = r#"[{"type":"message","user":"U1","text":"<@U2> 5xx alert fired","ts":"1711839480.000100","thread_ts":"1711839480.000100"}]"#;
    const DAY_2: &str = r#"[{"type":"message","user":"U2","text":"rolled back","ts":"1711843200.000200","thread_ts":"1711839480.000100"},
        {"type":"message","subtype":"channel_leave","user":"U2","text":"<@U2> has left the channel","ts":"1711843300.000300"}]"#;

    fn export() -> Vec<u8> {
        zip_of(
            &[
                ("users.json", USERS.as_bytes()),
                ("channels.json", b"[]"),
                ("incident-4812/2024-03-31.json", DAY_2.as_bytes()),
                ("incident-4812/2024-03-30.json", DAY_1.as_bytes()),
                ("random/2024-04-02.json", b"[]"),
                ("__MACOSX/random/._2024-04-02.json", b"junk"),
            ],
            CompressionMethod::Deflated,
        )
    }

    #[test]
    fn the_crc_is_the_one_zips_record() {
        for data in [&b""[..], b"a", b"123456789", USERS.as_bytes()] {
            assert_eq!(crc32(data), rawzip::crc32(data));
        }
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926, "the CRC-32 check value");
    }

    #[test]
    fn an_export_lists_its_channels_and_reads_one_day_by_day() {
        let bytes = export();
        assert!(is_zip(&bytes));
        let ws = open(&bytes).unwrap();
        let names: Vec<&str> = ws.channels.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["incident-4812", "random"]);
        assert_eq!(ws.likely_channel(), 0, "the incident channel, though #random is later");
        assert_eq!(ws.channels[0].span(), ("2024-03-30", "2024-03-31"));
        let lines = channel_lines(&bytes, &ws, 0).unwrap();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0].text, "@kai 5xx alert fired");
        assert_eq!(lines[0].author.as_deref(), Some("Sam Lee"), "named from users.json");
        assert_eq!(lines[0].stamp, Stamp::Utc(1_711_839_480_000));
        assert_eq!(lines[1].thread_of.as_deref(), Some("Slack message 1711839480.000100"), "a reply a day later keeps its parent");
        assert!(lines[2].noise);
    }

    #[test]
    fn a_zip_re_zipped_in_its_folder_reads_the_same() {
        let bytes = zip_of(&[("export/users.json", USERS.as_bytes()), ("export/incident-4812/2024-03-30.json", DAY_1.as_bytes())], CompressionMethod::Stored);
        let ws = open(&bytes).unwrap();
        assert_eq!(channel_lines(&bytes, &ws, 0).unwrap()[0].author.as_deref(), Some("Sam Lee"));
    }

    #[test]
    fn damaged_and_foreign_zips_say_what_is_wrong() {
        let bytes = export();
        let message = |r: Result<Workspace, ImportError>| r.unwrap_err().to_string();
        assert!(message(open(&bytes[..bytes.len() / 2])).contains("cannot be read"));
        assert!(message(open(b"PK\x03\x04 not really")).contains("cannot be read"));
        let foreign = zip_of(&[("report.pdf", b"%PDF"), ("notes/readme.txt", b"hi")], CompressionMethod::Deflated);
        assert!(message(open(&foreign)).contains("not a Slack export"));
        let broken_day = zip_of(&[("incident/2024-03-30.json", b"[{\"ts\":")], CompressionMethod::Deflated);
        let ws = open(&broken_day).unwrap();
        assert!(channel_lines(&broken_day, &ws, 0).unwrap_err().to_string().contains("incident/2024-03-30.json is not valid JSON"));
    }

    #[test]
    fn a_zip_bomb_is_refused_before_it_is_unpacked() {
        // 16 MB of one byte packs to a few KB: a ratio in the thousands.
        let bomb = vec![b' '; 16 * 1024 * 1024];
        let bytes = zip_of(&[("incident/2024-03-30.json", &bomb)], CompressionMethod::Deflated);
        assert!(bytes.len() < 100_000);
        let ws = open(&bytes).unwrap();
        let error = channel_lines(&bytes, &ws, 0).unwrap_err().to_string();
        assert!(error.contains("100 times its packed size"), "{error}");
    }

    #[test]
    fn a_zip_that_understates_its_sizes_is_stopped_at_the_limit_anyway() {
        let bomb = vec![b' '; 16 * 1024 * 1024];
        let mut bytes = zip_of(&[("incident/2024-03-30.json", &bomb)], CompressionMethod::Deflated);
        // Claim 1,000 bytes unpacked, in the local header (offset 22) and the central one (24).
        let local = bytes.windows(4).position(|w| w == b"PK\x03\x04").unwrap();
        let central = bytes.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
        for at in [local + 22, central + 24] {
            bytes[at..at + 4].copy_from_slice(&1_000u32.to_le_bytes());
        }
        let ws = open(&bytes).unwrap();
        let error = channel_lines(&bytes, &ws, 0).unwrap_err().to_string();
        assert!(error.contains("100 times its packed size"), "{error}");
    }

    #[test]
    fn what_one_import_unpacks_is_bounded_across_entries() {
        // Six stored days of 4 MB each: each is fine alone, together over 20 MB.
        let day = format!("[{}]", vec![r#"{"ts":"1711839480.000100","text":"x"}"#; 100_000].join(","));
        let files: Vec<(String, &[u8])> = (1..=6).map(|d| (format!("incident/2024-03-0{d}.json"), day.as_bytes())).collect();
        let files: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), *b)).collect();
        let bytes = zip_of(&files, CompressionMethod::Stored);
        let ws = open(&bytes).unwrap();
        let error = channel_lines(&bytes, &ws, 0).unwrap_err().to_string();
        assert!(error.contains("more than 20 MB"), "{error}");
    }
}
