//! Time zones from the browser's own data (`Intl`), handed to the domain as plain tables: no
//! zone database is bundled. The domain does the arithmetic (`domain::import::zone`); this
//! only asks the browser what a clock in a zone showed at given instants.

use crate::domain::import::ZoneTable;
use crate::domain::Date;
use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

const HOUR_MS: i64 = 3_600_000;
/// Zones change their offset at most a few times a year and never twice within this, so
/// samples this far apart see every change; a bisection then finds its minute.
const SAMPLE_MS: i64 = 6 * HOUR_MS;
/// The longest span a table covers.
const MAX_SPAN_MS: i64 = 800 * 24 * HOUR_MS;

/// The IANA name of this browser's zone ("Europe/Berlin"), or "UTC" when it reports none.
pub fn browser_zone_name() -> String {
    let options = Intl::DateTimeFormat::new(&Array::new(), &Object::new()).resolved_options();
    Reflect::get(&options, &"timeZone".into()).ok().and_then(|v| v.as_string()).unwrap_or_else(|| "UTC".into())
}

thread_local! {
    static KNOWN: std::cell::OnceCell<std::sync::Arc<[String]>> = const { std::cell::OnceCell::new() };
}

/// Every zone this browser knows, by IANA name, in its order (`Intl.supportedValuesOf`); asked
/// once per page.
pub fn known_zones() -> std::sync::Arc<[String]> {
    KNOWN.with(|known| known.get_or_init(|| ask_known_zones().into()).clone())
}

fn ask_known_zones() -> Vec<String> {
    let intl: JsValue = Reflect::get(&js_sys::global(), &"Intl".into()).unwrap_or(JsValue::UNDEFINED);
    let list = Reflect::get(&intl, &"supportedValuesOf".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&intl, &"timeZone".into()).ok())
        .map(|list| Array::from(&list));
    let mut zones: Vec<String> = list.map(|a| a.iter().filter_map(|v| v.as_string()).collect()).unwrap_or_default();
    if !zones.iter().any(|z| z == "UTC") {
        zones.insert(0, "UTC".into());
    }
    zones
}

/// Whether this browser's `Intl` takes zone `name` (a name from a document is checked before
/// it is used, because `Intl` throws on one it does not know). Aliases count: Chromium lists
/// "Asia/Calcutta" and takes "Asia/Kolkata" too.
pub fn is_known_zone(name: &str) -> bool {
    if name.is_empty() {
        return false;
    }
    let options = Object::new();
    let _ = Reflect::set(&options, &"timeZone".into(), &name.into());
    let constructor: js_sys::Function = Intl::DateTimeFormat::new(&Array::new(), &Object::new()).constructor();
    Reflect::construct(&constructor, &Array::of2(&"en-US".into(), &options)).is_ok()
}

/// The zone a retrospective's times are in: its own when it names one this browser knows,
/// else this browser's.
pub fn zone_or_browser(name: &str) -> String {
    if !name.is_empty() && is_known_zone(name) {
        name.to_string()
    } else {
        browser_zone_name()
    }
}

/// A clock in one zone, asked through `Intl`.
struct ZoneClock(Intl::DateTimeFormat);

impl ZoneClock {
    /// `zone` must be one [`is_known_zone`] accepts.
    fn new(zone: &str) -> ZoneClock {
        let options = Object::new();
        for (key, value) in [
            ("timeZone", zone),
            ("hourCycle", "h23"),
            ("year", "numeric"),
            ("month", "numeric"),
            ("day", "numeric"),
            ("hour", "numeric"),
            ("minute", "numeric"),
        ] {
            let _ = Reflect::set(&options, &key.into(), &value.into());
        }
        ZoneClock(Intl::DateTimeFormat::new(&Array::of1(&"en-US".into()), &options))
    }

    /// Minutes east of UTC at a UTC instant: what the clock showed, less the instant.
    fn offset_at(&self, utc_ms: i64) -> i32 {
        let parts = self.0.format_to_parts(&js_sys::Date::new(&JsValue::from_f64(utc_ms as f64)));
        let mut field = [0i64; 5];
        for part in parts.iter() {
            let get = |key: &str| Reflect::get(&part, &key.into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
            let slot = match get("type").as_str() {
                "year" => 0,
                "month" => 1,
                "day" => 2,
                "hour" => 3,
                "minute" => 4,
                _ => continue,
            };
            field[slot] = get("value").parse().unwrap_or(0);
        }
        let [y, mo, d, h, mi] = field;
        let shown = Date::from_ymd(y, mo, d).map_or(0, |day| day.days() * 1440 + (h % 24) * 60 + mi);
        (shown - utc_ms.div_euclid(60_000)) as i32
    }
}

/// The offsets of zone `name` from `from_ms` to `to_ms` (clamped to a little over two years),
/// for the domain. `name` must be one [`is_known_zone`] accepts.
pub fn zone_table(name: &str, from_ms: i64, to_ms: i64) -> ZoneTable {
    if name == "UTC" {
        return ZoneTable::fixed("UTC", 0);
    }
    let clock = ZoneClock::new(name);
    let to_ms = to_ms.clamp(from_ms, from_ms + MAX_SPAN_MS);
    let mut samples = vec![(from_ms, clock.offset_at(from_ms))];
    let mut at = from_ms;
    while at < to_ms {
        let next = (at + SAMPLE_MS).min(to_ms);
        let (before, after) = (samples.last().map_or(0, |s| s.1), clock.offset_at(next));
        if before != after {
            // Bisect to the minute the offset changed (zones change on whole minutes).
            let (mut lo, mut hi) = (at.div_euclid(60_000), next.div_euclid(60_000) + 1);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if clock.offset_at(mid * 60_000) == before {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            samples.push((hi * 60_000, after));
        }
        at = next;
    }
    ZoneTable::from_samples(name, samples)
}

/// The day it was in zone `name` (one [`zone_or_browser`] gave) at Unix time `ms`.
pub fn day_in(name: &str, ms: i64) -> Date {
    Date::from_unix_ms(ms, i64::from(zone_table(name, ms, ms).offset_at(ms)))
}
