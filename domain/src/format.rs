//! The one serialised form of a retrospective: the storage value, the export file and the
//! share-link payload are all this JSON document.
//!
//! Reading checks, in order: size, that it is JSON, the `format` marker, the `schema` version
//! (migrating older ones), the model's limits, and only then the types. Every failure is a
//! [`FormatError`] whose message tells a person what to do; nothing here panics on input.

use super::format_scan;
use super::retrospective::Retrospective;
use serde::Serialize;
use serde_json::{Map, Value};
use std::fmt;

/// The `format` marker every Retrace retrospective document carries.
pub const FORMAT: &str = "retrace.retrospective";
/// The schema version this build writes and the newest it can read.
pub const SCHEMA: u64 = 3;

/// Bounds on what a document may hold, so a hostile file cannot exhaust memory or time.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub max_bytes: usize,
    pub max_depth: usize,
    /// Items of all kinds together, plus tombstones.
    pub max_items: usize,
    /// Characters in one string.
    pub max_string_chars: usize,
    /// Elements in one array (for example the links of one factor).
    pub max_array_len: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_bytes: 5 * 1024 * 1024, max_depth: 12, max_items: 20_000, max_string_chars: 20_000, max_array_len: 5_000 }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    TooLarge { bytes: usize, limit: usize },
    NotJson(String),
    NotRetrace { found: Option<String> },
    NewerSchema { found: u64 },
    BadSchema,
    OverLimit(String),
    Invalid(String),
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::TooLarge { bytes, limit } => {
                write!(f, "This file is {:.1} MB; Retrace reads retrospectives up to {:.0} MB.", *bytes as f64 / 1_048_576.0, *limit as f64 / 1_048_576.0)
            }
            FormatError::NotJson(detail) => write!(f, "This is not valid JSON ({detail}). It may be truncated or damaged."),
            FormatError::NotRetrace { found: Some(other) } => {
                write!(f, "This is a “{other}” document, not a Retrace retrospective.")
            }
            FormatError::NotRetrace { found: None } => write!(f, "This JSON is not a Retrace retrospective (it has no Retrace format marker)."),
            FormatError::NewerSchema { found } => write!(
                f,
                "This retrospective was saved by a newer version of Retrace (schema {found}; this version reads up to {SCHEMA}). Update Retrace to open it."
            ),
            FormatError::BadSchema => write!(f, "This retrospective has no valid schema version."),
            FormatError::OverLimit(what) => write!(f, "This retrospective is outside Retrace's limits: {what}."),
            FormatError::Invalid(detail) => write!(f, "This retrospective has a value Retrace cannot read: {detail}."),
        }
    }
}

impl std::error::Error for FormatError {}

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    schema: u64,
    #[serde(flatten)]
    retrospective: &'a Retrospective,
}

/// Writes the document. Compact, because it travels in links and fills local storage.
pub fn encode(retro: &Retrospective) -> String {
    serde_json::to_string(&Document { format: FORMAT, schema: SCHEMA, retrospective: retro })
        .expect("a retrospective always serialises: its map keys are strings and it holds no floats that are not finite")
}

/// Reads a document with the default limits.
pub fn decode(text: &str) -> Result<Retrospective, FormatError> {
    decode_with(text, &Limits::default())
}

/// Reads a document within `limits`. A current-schema document within the limits, in exactly
/// the form this build writes, is checked in one pass over its text and parsed straight into
/// the model (see `format_scan`). Any other goes through [`decode_through_value`]: the same
/// result, only slower, and its errors are the ones people see. "Exactly the form this build
/// writes" is what makes the two agree: no key repeated, no id spelled another way, nothing
/// unknown — any of which a parsed tree and a straight parse could resolve differently.
pub fn decode_with(text: &str, limits: &Limits) -> Result<Retrospective, FormatError> {
    check_size(text, limits)?;
    if let Ok(found) = format_scan::scan(text, limits) {
        let usual = found.object && found.format.as_deref() == Some(FORMAT) && found.schema == Some(SCHEMA) && !found.over_limit;
        if usual {
            if let Ok(mut retro) = serde_json::from_str::<Retrospective>(text) {
                if encode(&retro) == text {
                    repair_counter(&mut retro, found.max_clock);
                    return Ok(retro);
                }
            }
        }
    }
    decode_through_value(text, limits)
}

/// Reads a document through `serde_json::Value`: every check on the parsed tree, migrations
/// of older schemas, then the model. The reference for [`decode_with`], which tests hold to it.
pub fn decode_through_value(text: &str, limits: &Limits) -> Result<Retrospective, FormatError> {
    check_size(text, limits)?;
    let value: Value = serde_json::from_str(text).map_err(|e| FormatError::NotJson(e.to_string()))?;
    let Value::Object(mut object) = value else {
        return Err(FormatError::NotRetrace { found: None });
    };
    match object.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(Value::String(other)) => return Err(FormatError::NotRetrace { found: Some(truncate(other, 60)) }),
        _ => return Err(FormatError::NotRetrace { found: None }),
    }
    let schema = object.get("schema").and_then(Value::as_u64).ok_or(FormatError::BadSchema)?;
    if schema > SCHEMA {
        return Err(FormatError::NewerSchema { found: schema });
    }
    if schema == 0 {
        return Err(FormatError::BadSchema);
    }
    object.remove("format");
    object.remove("schema");
    migrate(&mut object, schema)?;
    let max_clock = check_limits(&object, limits)?;
    let mut retro = into_model(object)?;
    repair_counter(&mut retro, max_clock);
    Ok(retro)
}

/// Reads a document written by a *newer* schema as far as this build understands it, for a
/// read-only view. Fields this build does not know are ignored; the result must never be saved
/// over the original, which would lose them.
pub fn decode_newer_for_reading(text: &str) -> Result<Retrospective, FormatError> {
    let limits = Limits::default();
    check_size(text, &limits)?;
    let value: Value = serde_json::from_str(text).map_err(|e| FormatError::NotJson(e.to_string()))?;
    let Value::Object(mut object) = value else { return Err(FormatError::NotRetrace { found: None }) };
    if object.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(FormatError::NotRetrace { found: None });
    }
    object.remove("format");
    object.remove("schema");
    check_limits(&object, &limits)?;
    into_model(object)
}

/// The checked (and migrated) tree as the model. It is written out and parsed as text: the
/// fast path parses text into the model anyway, and reading from a `Value` as well would
/// put a second copy of every type's reading code into the module (about 24 KB gzipped).
fn into_model(object: Map<String, Value>) -> Result<Retrospective, FormatError> {
    let text = serde_json::to_string(&object).map_err(|e| FormatError::Invalid(e.to_string()))?;
    serde_json::from_str(&text).map_err(|e| {
        // Positions would point into this rewritten text, not the one the person has.
        let detail = e.to_string();
        let detail = detail.split(" at line ").next().unwrap_or(&detail);
        FormatError::Invalid(detail.to_string())
    })
}

/// Brings an older document up to [`SCHEMA`], one version at a time. Each bump adds a step
/// here and a fixture of the old version under `tests/fixtures/`.
fn migrate(object: &mut Map<String, Value>, from: u64) -> Result<(), FormatError> {
    let mut version = from;
    while version < SCHEMA {
        match version {
            1 => migrate_1_to_2(object),
            2 => migrate_2_to_3(object),
            _ => unreachable!("every version below SCHEMA has a migration"),
        }
        version += 1;
    }
    Ok(())
}

/// Schema 2 adds how the retrospective is facilitated (presenter mode, timers, voting set-up,
/// dismissed coach findings), factor merging, and contributors' display names. Old documents get the neutral defaults, with
/// clock zero so that any real write wins.
fn migrate_1_to_2(object: &mut Map<String, Value>) {
    let zero = serde_json::json!([0, "0000000000000000"]);
    object.entry("authors").or_insert_with(|| serde_json::json!({}));
    object.entry("facilitation").or_insert_with(|| {
        serde_json::json!({
            "presenter": {"v": false, "c": zero},
            "safe_to_share": {"v": false, "c": zero},
            "votes_per_person": {"v": crate::facilitation::DEFAULT_VOTES_PER_PERSON, "c": zero},
            "voters": {"v": 0, "c": zero},
            "timers": {},
            "dismissed": [],
        })
    });
    if let Some(Value::Object(factors)) = object.get_mut("factors") {
        for factor in factors.values_mut() {
            if let Value::Object(f) = factor {
                f.entry("merged_into").or_insert_with(|| serde_json::json!({"v": null, "c": zero}));
            }
        }
    }
}

/// Schema 3 writes each page load as its own replica and maps those replicas to the browser
/// profile behind them (`writers`). A schema-2 document has no such map: each of its replicas
/// was a profile, which is what an absent entry means.
fn migrate_2_to_3(object: &mut Map<String, Value>) {
    object.entry("writers").or_insert_with(|| serde_json::json!({}));
}

fn check_size(text: &str, limits: &Limits) -> Result<(), FormatError> {
    if text.len() > limits.max_bytes {
        return Err(FormatError::TooLarge { bytes: text.len(), limit: limits.max_bytes });
    }
    Ok(())
}

/// The top-level maps whose entries count towards [`Limits::max_items`].
pub(super) const ITEM_MAPS: [&str; 6] = ["timeline", "factors", "whys", "actions", "learnings", "deleted"];

/// Checks the document against `limits`. Returns the highest clock counter in it (registers are
/// `{"v": …, "c": [counter, replica]}`), found on the same walk.
fn check_limits(object: &Map<String, Value>, limits: &Limits) -> Result<u64, FormatError> {
    let items: usize = ITEM_MAPS.iter().filter_map(|k| object.get(*k).and_then(Value::as_object).map(Map::len)).sum();
    if items > limits.max_items {
        return Err(FormatError::OverLimit(format!("{items} items, more than {}", limits.max_items)));
    }
    let mut max_clock = 0;
    let mut stack: Vec<(&Value, usize)> = object.values().map(|v| (v, 1)).collect();
    while let Some((value, depth)) = stack.pop() {
        if depth > limits.max_depth {
            return Err(FormatError::OverLimit(format!("nested more than {} levels deep", limits.max_depth)));
        }
        match value {
            Value::String(s) => check_string(s, limits)?,
            Value::Array(items) => {
                if items.len() > limits.max_array_len {
                    return Err(FormatError::OverLimit(format!("a list of {} values, more than {}", items.len(), limits.max_array_len)));
                }
                stack.extend(items.iter().map(|v| (v, depth + 1)));
            }
            Value::Object(map) => {
                let clock = map.get("c").and_then(Value::as_array).and_then(|c| c.first()).and_then(Value::as_u64);
                max_clock = max_clock.max(clock.unwrap_or(0));
                for (key, v) in map {
                    check_string(key, limits)?;
                    stack.push((v, depth + 1));
                }
            }
            _ => {}
        }
    }
    Ok(max_clock)
}

pub(super) fn check_string(s: &str, limits: &Limits) -> Result<(), FormatError> {
    // Byte length bounds character count from above; count characters only when it matters.
    if s.len() > limits.max_string_chars && s.chars().count() > limits.max_string_chars {
        return Err(FormatError::OverLimit(format!("a text of more than {} characters", limits.max_string_chars)));
    }
    Ok(())
}

/// A copy edited by hand may carry clocks above its counter; new writes must still win.
/// `max_field` is the highest register clock in the text it was read from.
fn repair_counter(retro: &mut Retrospective, max_field: u64) {
    let max_deleted = retro.deleted.values().map(|c| c.counter()).max().unwrap_or(0);
    retro.counter = retro.counter.max(max_deleted).max(max_field);
}

fn truncate(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Edit;
    use crate::ids::{Id, Replica};
    use crate::retrospective::Writer;
    use crate::template::Template;

    fn sample() -> Retrospective {
        let w = Writer::new(Replica(3), 5);
        let mut r = Retrospective::new(Id::from_random([1; 16]), Template::Incident, "Outage", &w);
        r.apply(Edit::AddTimelineEntry { id: Id::from_random([2; 16]) }, &w);
        r
    }

    #[test]
    fn positions_come_back_exactly_however_many_digits_they_need() {
        // Moving items halves gaps between positions: values like 1 + 2^-33 need 17 digits,
        // and a reader that rounds twice would move them after a reload.
        let mut r = sample();
        let entry = Id::from_random([2; 16]);
        let positions = [1.0 + 2f64.powi(-33), 9.817_853_041_566_338, 0.1 + 0.2, f64::MIN_POSITIVE, 1e300 / 3.0];
        for (n, p) in positions.into_iter().enumerate() {
            r.timeline.get_mut(&entry).unwrap().position.value = p;
            let text = encode(&r);
            assert_eq!(decode(&text).unwrap().timeline[&entry].position.value.to_bits(), p.to_bits(), "position {n}: {p:e}");
            let limits = Limits::default();
            assert_eq!(decode_through_value(&text, &limits).unwrap().timeline[&entry].position.value.to_bits(), p.to_bits());
        }
    }

    #[test]
    fn documents_carry_the_marker_and_schema_and_round_trip() {
        let r = sample();
        let text = encode(&r);
        assert!(text.starts_with(r#"{"format":"retrace.retrospective","schema":3,"#), "{text}");
        assert_eq!(decode(&text).unwrap(), r);
    }

    #[test]
    fn each_kind_of_bad_input_gets_its_own_error() {
        let good = encode(&sample());
        assert!(matches!(decode(&good[..good.len() - 3]), Err(FormatError::NotJson(_))));
        assert_eq!(decode("[1,2]"), Err(FormatError::NotRetrace { found: None }));
        assert_eq!(decode(r#"{"format":"other.thing","schema":1}"#), Err(FormatError::NotRetrace { found: Some("other.thing".into()) }));
        let newer = good.replacen(r#""schema":3"#, r#""schema":99"#, 1);
        assert_eq!(decode(&newer), Err(FormatError::NewerSchema { found: 99 }));
        let no_schema = good.replacen(r#""schema":3"#, r#""schema":"one""#, 1);
        assert_eq!(decode(&no_schema), Err(FormatError::BadSchema));
        let wrong_type = good.replacen(r#""counter":"#, r#""counter":"x","was":"#, 1);
        assert!(matches!(decode(&wrong_type), Err(FormatError::Invalid(_))), "{:?}", decode(&wrong_type));
        let small = Limits { max_bytes: 10, ..Limits::default() };
        assert!(matches!(decode_with(&good, &small), Err(FormatError::TooLarge { .. })));
    }

    #[test]
    fn a_newer_document_can_still_be_read_for_viewing() {
        let r = sample();
        let newer = encode(&r).replacen(r#""schema":3"#, r#""schema":4,"something_new":{"x":1}"#, 1);
        assert_eq!(decode(&newer), Err(FormatError::NewerSchema { found: 4 }));
        assert_eq!(decode_newer_for_reading(&newer).unwrap(), r);
    }

    #[test]
    fn limits_bound_strings_lists_and_nesting() {
        let r = sample();
        let long = encode(&r).replacen(r#""Outage""#, &format!("\"{}\"", "x".repeat(30_000)), 1);
        assert!(matches!(decode(&long), Err(FormatError::OverLimit(_))));
        let deep = format!(r#"{{"format":"{FORMAT}","schema":3,"extra":{}{}}}"#, "[".repeat(40), "]".repeat(40));
        assert!(matches!(decode(&deep), Err(FormatError::OverLimit(_))), "{:?}", decode(&deep));
    }

    #[test]
    fn messages_are_sentences_for_people() {
        assert!(FormatError::NewerSchema { found: 2 }.to_string().contains("newer version"));
        assert!(FormatError::TooLarge { bytes: 6_000_000, limit: 5 * 1_048_576 }.to_string().contains("5 MB"));
    }

    #[test]
    fn counters_below_clocks_are_raised_on_read() {
        let r = sample();
        let text = encode(&r).replacen(&format!(r#""counter":{}"#, r.counter), r#""counter":0"#, 1);
        assert_eq!(decode(&text).unwrap().counter, r.counter);
    }
}
