//! Reading a document. Checks, in order: size, that it is JSON, the `format` marker, the
//! `schema` version (migrating older ones), the limits, and only then the types. Every failure
//! is a [`FormatError`]; nothing here panics on input.

use super::document::{encode, FORMAT, SCHEMA};
use super::error::FormatError;
use super::limits::{scan, Limits};
use super::migrate::migrate;
use crate::model::retrospective::Retrospective;
use serde_json::{Map, Value};

/// Reads a document with the default limits.
pub fn decode(text: &str) -> Result<Retrospective, FormatError> {
    decode_with(text, &Limits::default())
}

/// Reads a document within `limits`. A current-schema document within the limits, in exactly
/// the form this build writes, is checked in one pass over its text and parsed straight into
/// the model ([`read_as_written`]). Any other goes through [`decode_through_value`]: the same
/// result, only slower, and its errors are the ones people see.
pub fn decode_with(text: &str, limits: &Limits) -> Result<Retrospective, FormatError> {
    check_size(text, limits)?;
    match read_as_written(text, limits) {
        Some(retro) => Ok(retro),
        None => decode_through_value(text, limits),
    }
}

/// The fast way in: the text scanned once, then parsed straight into the model — kept only if
/// writing the model back gives the very same text. "Exactly the form this build writes" is
/// what makes the result the reference reader's: no key repeated, no id spelled another way,
/// nothing unknown, any of which a parsed tree and a straight parse could resolve differently.
/// `None` when the text is anything else. Every document this build saves takes this way; a
/// test holds the encoder to that.
pub fn read_as_written(text: &str, limits: &Limits) -> Option<Retrospective> {
    let found = scan(text, limits).ok()?;
    let usual = found.object && found.format.as_deref() == Some(FORMAT) && found.schema == Some(SCHEMA) && found.violation.is_none();
    if !usual {
        return None;
    }
    let mut retro = serde_json::from_str::<Retrospective>(text).ok()?;
    if encode(&retro) != text {
        return None;
    }
    retro.repair_counter();
    Some(retro)
}

/// Reads a document through `serde_json::Value`: the marker and schema checks on the parsed
/// tree, migrations of older schemas, the limits, then the model. The reference for
/// [`decode_with`], which tests hold to it.
pub fn decode_through_value(text: &str, limits: &Limits) -> Result<Retrospective, FormatError> {
    check_size(text, limits)?;
    let mut object = parse_object(text)?;
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
    within_limits(text, limits)?;
    object.remove("format");
    object.remove("schema");
    migrate(&mut object, schema)?;
    let mut retro = into_model(object)?;
    retro.repair_counter();
    Ok(retro)
}

/// Reads a document written by a *newer* schema as far as this build understands it, for a
/// read-only view. Fields this build does not know are ignored; the result must never be saved
/// over the original, which would lose them.
pub fn decode_newer_for_reading(text: &str) -> Result<Retrospective, FormatError> {
    let limits = Limits::default();
    check_size(text, &limits)?;
    let mut object = parse_object(text)?;
    if object.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(FormatError::NotRetrace { found: None });
    }
    within_limits(text, &limits)?;
    object.remove("format");
    object.remove("schema");
    into_model(object)
}

fn parse_object(text: &str) -> Result<Map<String, Value>, FormatError> {
    match serde_json::from_str(text).map_err(|e| FormatError::NotJson(e.to_string()))? {
        Value::Object(object) => Ok(object),
        _ => Err(FormatError::NotRetrace { found: None }),
    }
}

/// Whether a text already known to be JSON keeps the limits; the first one it breaks if not.
fn within_limits(text: &str, limits: &Limits) -> Result<(), FormatError> {
    let found = scan(text, limits).map_err(|e| FormatError::NotJson(e.to_string()))?;
    match found.violation {
        Some(what) => Err(FormatError::OverLimit(what)),
        None => Ok(()),
    }
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

fn check_size(text: &str, limits: &Limits) -> Result<(), FormatError> {
    if text.len() > limits.max_bytes {
        return Err(FormatError::TooLarge { bytes: text.len(), limit: limits.max_bytes });
    }
    Ok(())
}

fn truncate(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::edit::Edit;
    use crate::model::ids::{Id, Replica};
    use crate::model::retrospective::Writer;
    use crate::model::template::Template;

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
        assert!(text.starts_with(&format!(r#"{{"format":"retrace.retrospective","schema":{SCHEMA},"#)), "{text}");
        assert_eq!(decode(&text).unwrap(), r);
    }

    #[test]
    fn each_kind_of_bad_input_gets_its_own_error() {
        let good = encode(&sample());
        assert!(matches!(decode(&good[..good.len() - 3]), Err(FormatError::NotJson(_))));
        assert_eq!(decode("[1,2]"), Err(FormatError::NotRetrace { found: None }));
        assert_eq!(decode(r#"{"format":"other.thing","schema":1}"#), Err(FormatError::NotRetrace { found: Some("other.thing".into()) }));
        let current = format!(r#""schema":{SCHEMA}"#);
        let newer = good.replacen(&current, r#""schema":99"#, 1);
        assert_eq!(decode(&newer), Err(FormatError::NewerSchema { found: 99 }));
        let no_schema = good.replacen(&current, r#""schema":"one""#, 1);
        assert_eq!(decode(&no_schema), Err(FormatError::BadSchema));
        let wrong_type = good.replacen(r#""counter":"#, r#""counter":"x","was":"#, 1);
        assert!(matches!(decode(&wrong_type), Err(FormatError::Invalid(_))), "{:?}", decode(&wrong_type));
        let small = Limits { max_bytes: 10, ..Limits::default() };
        assert!(matches!(decode_with(&good, &small), Err(FormatError::TooLarge { .. })));
    }

    #[test]
    fn a_newer_document_can_still_be_read_for_viewing() {
        let r = sample();
        let next = SCHEMA + 1;
        let newer = encode(&r).replacen(&format!(r#""schema":{SCHEMA}"#), &format!(r#""schema":{next},"something_new":{{"x":1}}"#), 1);
        assert_eq!(decode(&newer), Err(FormatError::NewerSchema { found: next }));
        assert_eq!(decode_newer_for_reading(&newer).unwrap(), r);
    }

    #[test]
    fn limits_bound_strings_lists_and_nesting() {
        let r = sample();
        let long = encode(&r).replacen(r#""Outage""#, &format!("\"{}\"", "x".repeat(30_000)), 1);
        assert!(matches!(decode(&long), Err(FormatError::OverLimit(_))));
        let deep = format!(r#"{{"format":"{FORMAT}","schema":{SCHEMA},"extra":{}{}}}"#, "[".repeat(40), "]".repeat(40));
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
