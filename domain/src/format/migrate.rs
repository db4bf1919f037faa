//! Migrations: bringing a document of an older schema up to [`SCHEMA`], one version at a
//! time, on the parsed tree before it becomes the model.

use super::document::SCHEMA;
use super::error::FormatError;
use serde_json::{Map, Value};

/// Brings an older document up to [`SCHEMA`], one version at a time. Each bump adds a step
/// here and a fixture of the old version under `tests/fixtures/`.
pub(super) fn migrate(object: &mut Map<String, Value>, from: u64) -> Result<(), FormatError> {
    let mut version = from;
    while version < SCHEMA {
        match version {
            1 => migrate_1_to_2(object),
            2 => migrate_2_to_3(object),
            3 => migrate_3_to_4(object),
            4 => migrate_4_to_5(object),
            5 => migrate_5_to_6(object),
            6 => migrate_6_to_7(object),
            7 => migrate_7_to_8(object),
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
            "votes_per_person": {"v": crate::model::settings::DEFAULT_VOTES_PER_PERSON, "c": zero},
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

/// Schema 4 gives a retrospective its own time zone, people's accounts and open questions. A
/// schema-3 document had no zone: its times were read in each browser's zone, which is what the
/// empty zone means; and it had no accounts or questions.
fn migrate_3_to_4(object: &mut Map<String, Value>) {
    object.entry("accounts").or_insert_with(|| serde_json::json!({}));
    object.entry("questions").or_insert_with(|| serde_json::json!({}));
    object.entry("time_zone").or_insert_with(|| serde_json::json!({"v": "", "c": [0, "0000000000000000"]}));
}

/// Schema 5 adds the postmortem fields (severity, detection, why we were surprised, responders),
/// themes, a short- or long-term mark on actions, an explicit decision and source passages on
/// factors, and the *internal* mark on every item the write-ups can show. A schema-4 document
/// had none of them: each reads as unset, with clock zero so that any real write wins.
fn migrate_4_to_5(object: &mut Map<String, Value>) {
    for (field, value) in [("severity", Value::Null), ("detection", Value::Null), ("surprise", Value::from(""))] {
        object.entry(field).or_insert_with(|| unset(value));
    }
    object.entry("responders").or_insert_with(|| serde_json::json!({}));
    object.entry("themes").or_insert_with(|| serde_json::json!({}));
    let new_registers: [(&str, &[(&str, Value)]); 5] = [
        ("timeline", &[("internal", Value::Bool(false))]),
        ("factors", &[("decision", Value::String(String::new())), ("sources", Value::Array(vec![])), ("internal", Value::Bool(false))]),
        ("actions", &[("horizon", Value::Null), ("internal", Value::Bool(false))]),
        ("learnings", &[("internal", Value::Bool(false))]),
        ("questions", &[("internal", Value::Bool(false))]),
    ];
    for (map, registers) in new_registers {
        if let Some(Value::Object(items)) = object.get_mut(map) {
            for item in items.values_mut() {
                if let Value::Object(item) = item {
                    for (field, value) in registers {
                        item.entry(*field).or_insert_with(|| unset(value.clone()));
                    }
                }
            }
        }
    }
}

/// Schema 6 adds tags on a retrospective and, on factors, links to the same factor in earlier
/// retrospectives. A schema-5 document has neither: both read as empty, with clock zero.
fn migrate_5_to_6(object: &mut Map<String, Value>) {
    object.entry("tags").or_insert_with(|| unset(Value::Array(vec![])));
    if let Some(Value::Object(factors)) = object.get_mut("factors") {
        for factor in factors.values_mut() {
            if let Value::Object(f) = factor {
                f.entry("recurs").or_insert_with(|| unset(Value::Array(vec![])));
            }
        }
    }
}

/// Schema 7 lets a retrospective carry the own template it was made from. A schema-6 document
/// was made from a built-in kind: none.
fn migrate_6_to_7(object: &mut Map<String, Value>) {
    object.entry("own_template").or_insert(Value::Null);
}

/// Schema 8 adds the live meeting to how a retrospective is run: who facilitates, each step's
/// silent writing, the notes written in it, and each person's own dots. A schema-7 document
/// had nobody leading, never wrote silently and had only the scribe's votes.
fn migrate_7_to_8(object: &mut Map<String, Value>) {
    if let Some(Value::Object(facilitation)) = object.get_mut("facilitation") {
        facilitation.entry("facilitator").or_insert_with(|| unset(Value::Null));
        for map in ["writing", "silent", "dots"] {
            facilitation.entry(map).or_insert_with(|| serde_json::json!({}));
        }
    }
}

/// A register holding `value` at clock zero, so that any real write wins.
fn unset(value: Value) -> Value {
    serde_json::json!({"v": value, "c": [0, "0000000000000000"]})
}
