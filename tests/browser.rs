//! Browser tests: the local-storage adapter against the real `localStorage`, and the app
//! mounted into the DOM. Run by `cargo xtask test` in headless Chromium.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use retrace::app::{App, MountOptions};
use retrace::domain::{ActionField, Edit, HeaderField, Id, Replica, Retrospective, Template, TimelineField, Writer};
use retrace::storage::local::LocalStore;
use retrace::storage::{KeyValueStore, Repository, SaveError, StoreError};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn unique_prefix(name: &str) -> String {
    format!("test-{name}-{}:", (js_sys::Math::random() * 1e9) as u64)
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn repository(prefix: &str) -> Repository {
    Repository::new(Rc::new(LocalStore::open().expect("local storage is available in the test page")), prefix)
}

fn writer() -> Writer {
    Writer::new(Replica(42), js_sys::Date::now() as i64)
}

fn retro(title: &str) -> Retrospective {
    let bytes: [u8; 16] = std::array::from_fn(|_| (js_sys::Math::random() * 256.0) as u8);
    Retrospective::new(Id::from_random(bytes), Template::Incident, title, &writer())
}

async fn next_tick(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
fn own_templates_live_in_local_storage_beside_the_retrospectives_and_a_retrospective_outlives_its_template() {
    let prefix = unique_prefix("templates");
    let repo = repository(&prefix);
    let mut template = retrace::domain::OwnTemplate::copy_of(Template::Incident, Id::from_random([3; 16]), 1);
    template.name = "Payments incident".into();
    template.agreement = "We look at the system, never at who is to blame.".into();
    template.starters.actions = vec!["Review the payment runbook".into()];
    repo.save_template(&template).unwrap();
    let raw = local_storage().get_item(&format!("{prefix}template:{}", template.id)).unwrap().unwrap();
    assert!(raw.starts_with("{\"format\":\"retrace.template\",\"schema\":1"), "{raw}");
    assert_eq!(repo.templates().unwrap().templates, vec![template.clone()]);

    let mut r = template.start(Id::from_random([4; 16]), "Card declines", &writer(), || Id::from_random([5; 16]));
    repo.save(&mut r).unwrap();
    repo.delete_template(template.id).unwrap();
    let back = repo.load(r.id).unwrap();
    assert_eq!(back.agreement(), "We look at the system, never at who is to blame.");
    assert_eq!(back.template_name(), "Payments incident");
    assert_eq!(repo.list().unwrap().retros[0].template_name(), "Payments incident");
    repo.delete(r.id, 0).unwrap();
}

#[wasm_bindgen_test]
fn the_adapter_saves_lists_loads_and_deletes_in_local_storage() {
    let prefix = unique_prefix("crud");
    let repo = repository(&prefix);
    let mut r = retro("Database failover");
    r.apply(Edit::AddTimelineEntry { id: Id::from_random([1; 16]) }, &writer());
    r.apply(Edit::Timeline(Id::from_random([1; 16]), TimelineField::What("Primary stopped answering".into())), &writer());
    repo.save(&mut r).unwrap();

    let raw = local_storage().get_item(&format!("{prefix}retro:{}", r.id)).unwrap().unwrap();
    assert!(raw.starts_with(&format!("{{\"format\":\"retrace.retrospective\",\"schema\":{}", retrace::domain::format::SCHEMA)));
    assert!(local_storage().get_item(&format!("{prefix}index")).unwrap().is_some());

    let listing = repo.list().unwrap();
    assert_eq!(listing.retros.len(), 1);
    assert_eq!(listing.retros[0].title(), "Database failover");
    assert_eq!(listing.retros[0].timeline, 1);
    assert_eq!(repo.load(r.id).unwrap(), r);

    repo.delete(r.id, 0).unwrap();
    assert!(repo.list().unwrap().retros.is_empty());
    assert!(local_storage().get_item(&format!("{prefix}retro:{}", r.id)).unwrap().is_none());
}

#[wasm_bindgen_test]
fn the_adapter_tells_a_values_length_as_javascript_counts_it_and_the_list_notices_a_change() {
    let prefix = unique_prefix("length");
    let store = LocalStore::open().unwrap();
    let key = format!("{prefix}x");
    store.set(&key, "naïve 日本 🚒").unwrap();
    assert_eq!(store.text_len(&key).unwrap(), Some(11));
    assert_eq!(store.text_len(&format!("{prefix}missing")).unwrap(), None);
    // Reading goes through the browser's encoder, not wasm-bindgen's conversion: same text back.
    assert_eq!(store.get(&key).unwrap().as_deref(), Some("naïve 日本 🚒"));
    let long = "ascii ".repeat(20_000) + "and then ü";
    store.set(&key, &long).unwrap();
    assert_eq!(store.get(&key).unwrap(), Some(long));
    store.set(&key, "").unwrap();
    assert_eq!(store.get(&key).unwrap().as_deref(), Some(""));
    assert_eq!(store.get(&format!("{prefix}missing")).unwrap(), None);
    // A lone surrogate (only JavaScript can store one) reads as U+FFFD, as any conversion would.
    let lone = js_sys::JsString::from("a").concat(&js_sys::JsString::from_char_code1(0xD800));
    let set_item: js_sys::Function = js_sys::Reflect::get(&local_storage(), &"setItem".into()).unwrap().unchecked_into();
    set_item.call2(&local_storage(), &key.clone().into(), &lone).unwrap();
    assert_eq!(store.get(&key).unwrap().as_deref(), Some("a\u{FFFD}"));

    // A value rewritten behind the index (another build, a crash between writes) is read again.
    let repo = repository(&prefix);
    let mut r = retro("Before");
    repo.save(&mut r).unwrap();
    let mut changed = r.clone();
    changed.apply(Edit::Header(HeaderField::Title("After, with a longer title".into())), &writer());
    store.set(&format!("{prefix}retro:{}", r.id), &retrace::domain::encode(&changed)).unwrap();
    assert_eq!(repo.list().unwrap().retros[0].title(), "After, with a longer title");
}

#[wasm_bindgen_test]
fn a_damaged_value_is_listed_and_never_overwritten() {
    let prefix = unique_prefix("damaged");
    let repo = repository(&prefix);
    let mut fine = retro("Fine");
    repo.save(&mut fine).unwrap();
    let mut broken = retro("Broken");
    let key = format!("{prefix}retro:{}", broken.id);
    let garbage = "{\"format\":\"retrace.retrospective\",\"schema\":1,\"id\":";
    local_storage().set_item(&key, garbage).unwrap();

    let listing = repo.list().unwrap();
    assert_eq!(listing.retros.len(), 1);
    assert_eq!(listing.damaged.len(), 1);
    assert_eq!(listing.damaged[0].key, key);
    assert!(listing.damaged[0].problem.contains("not valid JSON"), "{}", listing.damaged[0].problem);

    assert!(matches!(repo.save(&mut broken), Err(SaveError::WouldOverwriteUnreadable(_))));
    assert_eq!(local_storage().get_item(&key).unwrap().unwrap(), garbage);
}

/// Replaces `Storage.prototype.setItem` while `body` runs, then puts it back.
fn with_set_item(replacement: &js_sys::Function, body: impl FnOnce()) {
    let prototype = js_sys::Reflect::get(&js_sys::global(), &"Storage".into()).and_then(|storage| js_sys::Reflect::get(&storage, &"prototype".into())).unwrap();
    let original = js_sys::Reflect::get(&prototype, &"setItem".into()).unwrap();
    js_sys::Reflect::set(&prototype, &"setItem".into(), replacement).unwrap();
    body();
    js_sys::Reflect::set(&prototype, &"setItem".into(), &original).unwrap();
}

/// Not a check of speed (tests never time anything) but the figures `cargo xtask bench`
/// prints for BENCHMARKS.md: why `LocalStore::get` keeps its own binding of `getItem` instead
/// of the copying one gloo's `Storage` has. Both must read the same text.
#[wasm_bindgen_test]
fn bench_reading_a_large_value_both_ways() {
    let prefix = unique_prefix("read");
    let key = format!("{prefix}big");
    // A saved document's text is JSON and nearly all ASCII; the copy is slowest on ASCII.
    let text: String =
        (0..6_000).map(|n| format!("{{\"entry\":{n},\"what\":{{\"v\":\"checkout-api 5xx alert fired\",\"c\":[{n},\"00000000000000ab\"]}}}},")).collect();
    local_storage().set_item(&key, &text).unwrap();
    let store = LocalStore::open().unwrap();
    let now = || web_sys::window().unwrap().performance().unwrap().now();
    let mut figures = vec![];
    for round in ["first read", "tenth read"] {
        let repeats = if round == "first read" { 1 } else { 10 };
        let (mut copied, mut uncopied) = (0.0, 0.0);
        for _ in 0..repeats {
            let t0 = now();
            let a = <gloo_storage::LocalStorage as gloo_storage::Storage>::raw().get_item(&key).unwrap().unwrap();
            let t1 = now();
            let b = store.get(&key).unwrap().unwrap();
            let t2 = now();
            assert!(a == text && b == text, "both ways read the same text");
            (copied, uncopied) = (t1 - t0, t2 - t1);
        }
        figures.push(format!(
            "| reading a {} KB value, {round}: gloo's `getItem` / Retrace's uncopied one | {copied:.2} ms / {uncopied:.2} ms |",
            text.len() / 1024
        ));
    }
    local_storage().remove_item(&key).unwrap();
    for line in figures {
        console_log!("{line}");
    }
}

/// Figures for BENCHMARKS.md, as the read bench above: the coach per sentence in the browser.
#[wasm_bindgen_test]
fn bench_the_coach_per_sentence_in_the_browser() {
    use retrace::domain::coach::{review, score::parse};
    let mut sentences: Vec<&str> = vec![];
    for corpus in [include_str!("fixtures/coach-corpus.tsv"), include_str!("fixtures/coach-corpus-held-out.tsv")] {
        sentences.extend(parse(corpus).iter().map(|s| s.text));
    }
    let now = || web_sys::window().unwrap().performance().unwrap().now();
    let rounds = 20;
    let t0 = now();
    let mut findings = 0;
    for _ in 0..rounds {
        for s in &sentences {
            findings += review(s).len();
        }
    }
    let per_sentence = (now() - t0) * 1000.0 / (rounds * sentences.len()) as f64;
    assert!(findings > 0, "the coach found something in its corpus");
    console_log!("| browser: coach::review per sentence ({} sentences × {rounds}) | mean {per_sentence:.1} µs (budget ≤ 50 µs) |", sentences.len());
}

/// Figures for BENCHMARKS.md: a 10,000-message Slack day file and a 10,000-line IRC log read and
/// previewed in the browser (the preview draws at most 300 rows; a filter narrows the rest).
#[wasm_bindgen_test]
fn bench_importing_ten_thousand_messages() {
    use retrace::domain::import::{parse, preview, Format, ZoneTable};
    let slack: String = format!(
        "[{}]",
        (0..10_000)
            .map(|n| format!(r#"{{"type":"message","user":"U{}","text":"step {n}: checkout 5xx <@U1> :fire:","ts":"{}.000{n:03}","user_profile":{{"real_name":"Person {}"}}}}"#, n % 7, 1_709_560_000 + n * 6, n % 7))
            .collect::<Vec<_>>()
            .join(",")
    );
    let irc: String = (0..10_000).map(|n| format!("[{:02}:{:02}] <nick{}> line {n}: paged the db team\n", (n / 60) % 24, n % 60, n % 5)).collect();
    let retro = retro("Import bench");
    let zone = ZoneTable::fixed("UTC", 0);
    let now = || web_sys::window().unwrap().performance().unwrap().now();
    for (name, text, format) in [("Slack day file", slack, Format::SlackExport), ("IRC log", irc, Format::Irc)] {
        let t0 = now();
        let lines = parse(&text, format, 2024).unwrap();
        let rows = preview(&retro, lines, &zone, &zone, retrace::domain::Date::from_days(19_786));
        let took = now() - t0;
        assert_eq!(rows.len(), 10_000);
        console_log!(
            "| browser: import preview of a 10,000-message {name} ({} KB), read and previewed | {took:.0} ms (budget ≤ 300 ms with drawing) |",
            text.len() / 1024
        );
    }
}

/// Zones come from the browser's own data: Berlin's change to summer time on 31 March 2024 is
/// found to the minute, New York's offset is read, and a name `Intl` does not know is refused
/// before it could throw.
#[wasm_bindgen_test]
fn time_zones_are_read_from_intl_to_the_minute() {
    use retrace::domain::LocalDateTime;
    use retrace::ui::zones::{is_known_zone, known_zones, zone_table};
    let utc = |t: &str| LocalDateTime::parse(t).unwrap().minutes() * 60_000;
    let berlin = zone_table("Europe/Berlin", utc("2024-03-01T00:00"), utc("2024-04-30T00:00"));
    assert_eq!(berlin.offset_at(utc("2024-03-31T00:59")), 60);
    assert_eq!(berlin.offset_at(utc("2024-03-31T01:00")), 120);
    assert_eq!(berlin.local(utc("2024-03-31T01:00")).to_string(), "2024-03-31T03:00");
    let new_york = zone_table("America/New_York", utc("2024-07-01T00:00"), utc("2024-07-02T00:00"));
    assert_eq!(new_york.offset_at(utc("2024-07-01T12:00")), -240);
    assert!(known_zones().len() > 300 && known_zones().iter().any(|z| z == "UTC"));
    assert!(is_known_zone("Asia/Kolkata") && is_known_zone("Asia/Calcutta"), "a zone and its alias");
    assert!(is_known_zone("UTC"));
    assert!(!is_known_zone("Mars/Olympus_Mons"));
}

#[wasm_bindgen_test]
fn settings_are_typed_json_values_and_unreadable_ones_are_left_alone() {
    let prefix = unique_prefix("settings");
    let key = format!("{prefix}settings");
    let repo = repository(&prefix);
    assert_eq!(repo.profile(|| Replica(0xabc)).unwrap(), Replica(0xabc), "created on first use");
    assert_eq!(repository(&prefix).profile(|| Replica(7)).unwrap(), Replica(0xabc), "and read back by the next page load");
    let stored: serde_json::Value = serde_json::from_str(&local_storage().get_item(&key).unwrap().unwrap()).unwrap();
    assert_eq!((stored["format"].as_str(), stored["replica"].as_str()), (Some("retrace.settings"), Some("0000000000000abc")));
    local_storage().set_item(&key, "{not json").unwrap();
    assert_eq!(repository(&prefix).profile(|| Replica(9)).unwrap(), Replica(9), "a fresh id serves this session");
    assert_eq!(local_storage().get_item(&key).unwrap().as_deref(), Some("{not json"), "nothing is overwritten");
    local_storage().remove_item(&key).unwrap();
}

#[wasm_bindgen_test]
fn a_full_storage_becomes_a_quota_error_and_nothing_is_half_written() {
    let prefix = unique_prefix("quota");
    let repo = repository(&prefix);
    let mut r = retro("Too big for the quota");
    let full = js_sys::Function::new_with_args("key, value", "throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')");
    with_set_item(&full, || {
        assert_eq!(repo.save(&mut r), Err(SaveError::Store(StoreError::QuotaExceeded)));
    });
    assert!(repo.list().unwrap().retros.is_empty());
    repo.save(&mut r).unwrap();
    assert_eq!(repo.list().unwrap().retros.len(), 1);
}

#[wasm_bindgen_test]
fn a_store_that_throws_on_every_write_reports_it() {
    let prefix = unique_prefix("throws");
    let store = LocalStore::open().unwrap();
    let denied = js_sys::Function::new_with_args("key, value", "throw new DOMException('Access is denied for this document.', 'SecurityError')");
    with_set_item(&denied, || {
        let error = store.set(&format!("{prefix}x"), "y").unwrap_err();
        assert!(matches!(error, StoreError::Unavailable(ref m) if m.to_string().contains("SecurityError")), "{error:?}");
    });
}

fn query(root: &web_sys::Element, selector: &str) -> Option<web_sys::HtmlElement> {
    root.query_selector(selector).unwrap().map(|e| e.unchecked_into())
}

fn button_with_text(root: &web_sys::Element, text: &str) -> web_sys::HtmlElement {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|n| n.unchecked_into::<web_sys::HtmlElement>())
        .find(|b| b.text_content().unwrap_or_default().trim() == text)
        .unwrap_or_else(|| panic!("no button “{text}”"))
}

/// Mounts the whole app on a fresh element of the test page, with its storage under `prefix`
/// and no route in the address. Dropping the handle unmounts it.
fn mount_app(prefix: &str) -> (web_sys::HtmlElement, impl Sized) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let _ = web_sys::window().unwrap().location().set_hash("");
    let options = MountOptions { prefix: prefix.to_string(), ..MountOptions::default() };
    let handle = leptos::mount::mount_to(host.clone(), move || view! { <App options /> });
    (host, handle)
}

#[wasm_bindgen_test]
async fn the_app_mounts_creates_a_retrospective_and_saves_it() {
    let prefix = unique_prefix("app");
    let (host, handle) = mount_app(&prefix);

    let heading = query(&host, "h1").expect("the home screen has a heading");
    assert_eq!(heading.text_content().unwrap(), "Retrace");
    assert!(host.text_content().unwrap().contains("No retrospectives yet."));

    button_with_text(&host, "New retrospective").click();
    next_tick(20).await;
    let title: web_sys::HtmlInputElement = query(&host, "#new-title").expect("a title field").unchecked_into();
    title.set_value("Payment webhook backlog");
    title.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    let form: web_sys::HtmlFormElement = query(&host, "form.new-retro").unwrap().unchecked_into();
    form.request_submit().unwrap();
    next_tick(50).await;

    let stored: Vec<String> =
        (0..local_storage().length().unwrap()).filter_map(|i| local_storage().key(i).unwrap()).filter(|k| k.starts_with(&format!("{prefix}retro:"))).collect();
    assert_eq!(stored.len(), 1, "one retrospective stored under the prefix");
    assert_eq!(query(&host, "h1").unwrap().text_content().unwrap(), "Payment webhook backlog");
    let current = query(&host, "[aria-current=step]").expect("the stepper marks the current step");
    assert!(current.text_content().unwrap().contains("Set the stage"));

    // Typing into the impact field is saved after the debounce.
    let impact: web_sys::HtmlTextAreaElement = query(&host, "#stage-impact").unwrap().unchecked_into();
    impact.set_value("Webhooks delayed by up to 40 minutes");
    impact.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    next_tick(400).await;
    let raw = local_storage().get_item(&stored[0]).unwrap().unwrap();
    assert!(raw.contains("Webhooks delayed by up to 40 minutes"));

    drop(handle);
    host.remove();
    let _ = web_sys::window().unwrap().location().set_hash("");
}

#[wasm_bindgen_test]
async fn passphrase_links_round_trip_and_a_wrong_passphrase_is_refused() {
    use retrace::domain::format::link::{self, Payload};
    use retrace::ui::crypto::{decrypt, encrypt, CryptoError};
    let mut r = retro("Encrypted retro");
    r.apply(Edit::Header(HeaderField::Impact("Only the team should read this".into())), &writer());
    let plain = link::compress(&r);
    let (salt, iv, ciphertext) = encrypt(&plain, "correct horse battery staple").await.unwrap();
    assert_ne!(ciphertext, plain);
    let fragment = link::encrypted_fragment(&salt, &iv, &ciphertext).unwrap();
    let Payload::Encrypted { salt, iv, ciphertext } = link::parse(&fragment).unwrap() else { panic!("not encrypted") };
    let opened = decrypt(&salt, &iv, &ciphertext, "correct horse battery staple").await.unwrap();
    assert_eq!(link::decompress(&opened).unwrap(), r);
    assert_eq!(decrypt(&salt, &iv, &ciphertext, "wrong horse").await, Err(CryptoError::WrongPassphrase));
    let mut tampered = ciphertext.clone();
    tampered[0] ^= 1;
    assert_eq!(decrypt(&salt, &iv, &tampered, "correct horse battery staple").await, Err(CryptoError::WrongPassphrase));
}

#[wasm_bindgen_test]
async fn the_home_screen_lists_the_ten_most_urgent_open_actions_and_the_rest_on_request() {
    let prefix = unique_prefix("actions");
    let repo = repository(&prefix);
    let mut r = retro("Many loose ends");
    for n in 0..12u8 {
        let id = Id::from_random([100 + n; 16]);
        r.apply(Edit::AddAction { id }, &writer());
        r.apply(Edit::Action(id, ActionField::Description(format!("Loose end {n}"))), &writer());
    }
    repo.save(&mut r).unwrap();
    let (host, handle) = mount_app(&prefix);
    next_tick(20).await;

    let rows = || host.query_selector_all(".open-actions tbody tr").unwrap().length();
    assert_eq!(rows(), 10);
    let more = button_with_text(&host, "Show all 12 open actions");
    assert_eq!(more.get_attribute("aria-expanded").as_deref(), Some("false"));
    more.click();
    next_tick(20).await;
    assert_eq!(rows(), 12);
    let fewer = button_with_text(&host, "Show the first 10");
    assert_eq!(fewer.get_attribute("aria-expanded").as_deref(), Some("true"));
    fewer.click();
    next_tick(20).await;
    assert_eq!(rows(), 10);

    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn a_long_history_draws_a_screenful_of_cards_at_once_and_the_rest_frame_by_frame() {
    let prefix = unique_prefix("history");
    let repo = repository(&prefix);
    for n in 0..45 {
        repo.save(&mut retro(&format!("Retrospective {n}"))).unwrap();
    }
    let (host, handle) = mount_app(&prefix);
    let cards = || host.query_selector_all(".retro-list > li").unwrap().length();
    assert_eq!(cards(), 20, "the first frame holds the first twenty cards");
    next_tick(500).await;
    assert_eq!(cards(), 45, "the rest follow");

    // Once all are drawn the limit is gone: a retrospective added later shows at once.
    repo.save(&mut retro("Added later")).unwrap();
    web_sys::window().unwrap().dispatch_event(&web_sys::StorageEvent::new("storage").unwrap()).unwrap();
    next_tick(20).await;
    assert_eq!(cards(), 46);

    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
fn storage_use_counts_the_real_local_storage_and_digests_follow_a_change() {
    let prefix = unique_prefix("usage");
    let repo = repository(&prefix);
    let before = repo.usage().unwrap();
    let mut r = retro("Certificate expired on the API gateway");
    repo.save(&mut r).unwrap();
    let after = repo.usage().unwrap();
    let stored = local_storage().get_item(&repo.retro_key(r.id)).unwrap().unwrap();
    // The document, its key and the index (written with it) are counted, in UTF-16 units.
    assert!(after.ours >= before.ours + stored.encode_utf16().count() + repo.retro_key(r.id).len(), "{before:?} → {after:?}");
    assert_eq!(after.all - before.all, after.ours - before.ours, "nothing else changed on the page");
    assert_eq!(
        repo.digests().unwrap().retros.iter().find(|d| d.id == r.id).map(|d| d.title().to_string()),
        Some("Certificate expired on the API gateway".to_string())
    );
    let mut renamed = repo.load(r.id).unwrap();
    renamed.apply(Edit::Header(HeaderField::Title("Certificate expired on the gateway, again".into())), &writer());
    repository(&prefix).save(&mut renamed).unwrap();
    assert_eq!(
        repo.digests().unwrap().retros.iter().find(|d| d.id == r.id).map(|d| d.title().to_string()),
        Some("Certificate expired on the gateway, again".to_string()),
        "a digest taken before another writer's save is taken again"
    );
    repo.delete(r.id, 1).unwrap();
}
