//! Who is here (#32): each page with a team retrospective open keeps a small heartbeat file
//! in the space, `here-<retro>.<writer>.json`, rewritten every [`BEAT_MS`]. Whoever reads the
//! folder sees who is in the meeting.
//!
//! Laptops' clocks disagree, so freshness is never judged by the time written in a heartbeat:
//! a reader notes, on its own clock, when it last saw each heartbeat file *change*, and one
//! that has not changed for [`GONE_AFTER_MS`] is gone.

use crate::model::ids::Id;
use crate::sorting::sort_by;
use crate::sync::store::{Listed, Version};
use crate::tf;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How often a page rewrites its heartbeat.
pub const BEAT_MS: i64 = 20_000;
/// A heartbeat not changed for this long is someone who left (a closed laptop, a lost network).
pub const GONE_AFTER_MS: i64 = 60_000;
/// The marker of a heartbeat file.
pub const HERE_FORMAT: &str = "retrace.here";
/// The longest name kept, in characters.
pub const MAX_NAME: usize = 80;

/// The heartbeat file of `writer` (16 hex digits) in retrospective `retro`.
pub fn here_file_name(retro: Id, writer: &str) -> String {
    format!("here-{retro}.{writer}.json")
}

/// The retrospective and writer of a heartbeat file's name.
pub fn parse_here_name(name: &str) -> Option<(Id, String)> {
    let rest = name.strip_prefix("here-")?.strip_suffix(".json")?;
    let (retro, writer) = rest.split_once('.')?;
    let valid = writer.len() == 16 && writer.bytes().all(|b| b.is_ascii_hexdigit());
    valid.then(|| Some((Id::parse(retro)?, writer.to_ascii_lowercase()))).flatten()
}

/// What a heartbeat file holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heartbeat {
    /// Always [`HERE_FORMAT`].
    pub format: String,
    /// The retrospective.
    pub retro: Id,
    /// The page load, 16 hex digits.
    pub writer: String,
    /// The name its person gave, or empty.
    #[serde(default)]
    pub name: String,
    /// A counter that changes with every beat, so the file changes even where a folder's
    /// version is its size and a coarse modification time.
    pub beat: u64,
}

impl Heartbeat {
    /// The heartbeat of `writer` in `retro`, its `beat`-th.
    pub fn new(retro: Id, writer: &str, name: &str, beat: u64) -> Heartbeat {
        Heartbeat { format: HERE_FORMAT.into(), retro, writer: writer.into(), name: name.trim().chars().take(MAX_NAME).collect(), beat }
    }

    /// Its text in the space.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads the heartbeat file `name`; `None` for anything that is not one, is too long, or
    /// does not say the retrospective and writer its name says.
    pub fn read(name: &str, text: &str) -> Option<Heartbeat> {
        let (retro, writer) = parse_here_name(name)?;
        if text.len() > 2_048 {
            return None;
        }
        let beat: Heartbeat = serde_json::from_str(text).ok()?;
        (beat.format == HERE_FORMAT && beat.retro == retro && beat.writer == writer && beat.name.chars().count() <= MAX_NAME).then_some(beat)
    }
}

/// One person in the meeting, as shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Present {
    /// The page load.
    pub writer: String,
    /// Their name, or "Participant n".
    pub label: String,
    /// This page.
    pub me: bool,
}

#[derive(Clone, Debug)]
struct Seen {
    version: Version,
    changed_ms: i64,
    name: Option<String>,
}

/// What one page has seen of a retrospective's heartbeats.
#[derive(Clone, Debug, Default)]
pub struct Presence {
    seen: BTreeMap<String, Seen>,
}

impl Presence {
    /// Notes a listing of the space at `now_ms` (this page's clock); returns the heartbeat
    /// files of `retro` whose text is worth reading (new or changed).
    pub fn observe(&mut self, retro: Id, listing: &[Listed], now_ms: i64) -> Vec<String> {
        let mut to_read = vec![];
        for file in listing {
            let Some((of, writer)) = parse_here_name(&file.name) else { continue };
            if of != retro {
                continue;
            }
            match self.seen.get_mut(&writer) {
                Some(seen) if seen.version == file.version => {}
                Some(seen) => {
                    seen.version = file.version.clone();
                    seen.changed_ms = now_ms;
                    to_read.push(file.name.clone());
                }
                None => {
                    // First seen: count it as changed now, so a page that just opened shows
                    // everyone whose file is there; one that stops changing goes in a minute.
                    self.seen.insert(writer, Seen { version: file.version.clone(), changed_ms: now_ms, name: None });
                    to_read.push(file.name.clone());
                }
            }
        }
        // Files gone from the folder are people gone.
        self.seen.retain(|writer, _| listing.iter().any(|f| parse_here_name(&f.name).is_some_and(|(of, w)| of == retro && &w == writer)));
        to_read
    }

    /// Notes what a heartbeat file says (its name).
    pub fn read(&mut self, beat: &Heartbeat) {
        if let Some(seen) = self.seen.get_mut(&beat.writer) {
            seen.name = Some(beat.name.clone());
        }
    }

    /// Who is here at `now_ms`: the heartbeats that changed within [`GONE_AFTER_MS`], and this
    /// page (`me`) whatever the folder says. Named people first, then the others as
    /// "Participant n"; both in the order of their writer ids, so every page numbers alike.
    pub fn here(&self, me: &str, my_name: &str, now_ms: i64) -> Vec<Present> {
        let mut here: Vec<(String, String)> = self
            .seen
            .iter()
            .filter(|(w, s)| *w != me && now_ms - s.changed_ms <= GONE_AFTER_MS)
            .map(|(w, s)| (w.clone(), s.name.clone().unwrap_or_default()))
            .collect();
        here.push((me.to_string(), my_name.trim().to_string()));
        sort_by(&mut here, |a, b| a.0.cmp(&b.0));
        let mut unnamed = 0;
        let mut people: Vec<(bool, Present)> = here
            .into_iter()
            .map(|(writer, name)| {
                let named = !name.is_empty();
                let label = match named {
                    true => name,
                    false => {
                        unnamed += 1;
                        tf!("Participant {n}", n = unnamed)
                    }
                };
                (named, Present { me: writer == me, writer, label })
            })
            .collect();
        sort_by(&mut people, |a, b| b.0.cmp(&a.0));
        people.into_iter().map(|(_, p)| p).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id() -> Id {
        Id::from_random([4; 16])
    }

    fn listed(writer: &str, version: &str) -> Listed {
        Listed { name: here_file_name(id(), writer), version: Version(version.into()), size: Some(90), modified_ms: None }
    }

    const ME: &str = "00000000000000aa";
    const ANA: &str = "00000000000000bb";
    const BEN: &str = "00000000000000cc";

    #[test]
    fn heartbeats_expire_on_the_reader_s_clock_whatever_the_writer_s_says() {
        let mut p = Presence::default();
        assert_eq!(p.observe(id(), &[listed(ANA, "1"), listed(BEN, "1")], 0).len(), 2);
        p.read(&Heartbeat::new(id(), ANA, "Ana", 1));
        let here = p.here(ME, "", 1_000);
        assert_eq!(here.iter().map(|h| h.label.as_str()).collect::<Vec<_>>(), ["Ana", "Participant 1", "Participant 2"]);
        assert!(here.iter().any(|h| h.me && h.label == "Participant 1"), "this page is numbered like the others");
        // Ana beats on; Ben's file stops changing and is gone after a minute.
        assert_eq!(p.observe(id(), &[listed(ANA, "2"), listed(BEN, "1")], 50_000), vec![here_file_name(id(), ANA)]);
        assert_eq!(p.here(ME, "", 61_000).len(), 2);
        // A file removed from the folder is gone at once.
        p.observe(id(), &[listed(BEN, "1")], 62_000);
        assert_eq!(p.here(ME, "Me", 62_000).iter().map(|h| h.label.as_str()).collect::<Vec<_>>(), ["Me"]);
    }

    #[test]
    fn a_heartbeat_must_say_what_its_name_says() {
        let beat = Heartbeat::new(id(), ANA, "  Ana  ", 3);
        assert_eq!(beat.name, "Ana");
        assert_eq!(Heartbeat::read(&here_file_name(id(), ANA), &beat.encode()), Some(beat.clone()));
        assert_eq!(Heartbeat::read(&here_file_name(id(), BEN), &beat.encode()), None);
        assert_eq!(Heartbeat::read("here-x.json", &beat.encode()), None);
        assert_eq!(Heartbeat::read(&here_file_name(id(), ANA), &"x".repeat(3_000)), None);
        assert!(Heartbeat::new(id(), ANA, &"n".repeat(500), 1).name.chars().count() == MAX_NAME);
        assert_eq!(crate::sync::layout::parse_file_name(&here_file_name(id(), ANA)), None, "never taken for a retrospective");
    }
}
