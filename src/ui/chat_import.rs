//! *What happened* → **Import from chat or log**: paste a chat or a log, or choose a file; every
//! line becomes a row with its time (in this browser's zone), a suggested kind and its text;
//! pick rows and add them as timeline entries in one step. Nothing changes until then, and a
//! row an earlier import added is not added again. The reading is the domain's
//! (`domain::import`); this only asks and shows.

use crate::domain::change::quick_entry::quick_entry_day;
use crate::domain::import::{detect, new_entries, parse, preview, Format, PreviewRow, Stamp, ZoneTable};
use crate::domain::{Date, Edit, EntryKind, TimelineField};
use crate::ui::context::uid;
use crate::ui::platform::{new_id, utc_offset_minutes};
use crate::ui::session::RetroSession;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// Rows drawn at once; a filter narrows the rest (a 10,000-line log still previews at once).
const ROWS_SHOWN: usize = 300;
const HOUR_MS: i64 = 3_600_000;

/// This browser's zone as the domain needs it: its offsets, hour by hour, over the span the
/// import's times cover (as `Date::getTimezoneOffset` reports them, which follows `Intl`'s zone).
fn browser_zone(from_ms: i64, to_ms: i64) -> ZoneTable {
    let span = (to_ms - from_ms).clamp(0, 400 * 24 * HOUR_MS);
    let samples = (0..=span / HOUR_MS)
        .map(|h| {
            let at = from_ms + h * HOUR_MS;
            (at, -(js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at as f64)).get_timezone_offset() as i32))
        })
        .collect();
    let name = js_sys::Reflect::get(&js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new()).resolved_options(), &"timeZone".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "this browser's time zone".into());
    ZoneTable::from_samples(&name, samples)
}

/// Where times without an offset were written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ReadIn {
    Browser,
    Utc,
}

/// The preview, or why there is none.
type Preview = Result<(Format, bool, Vec<PreviewRow>), String>;

#[component]
pub fn ChatImport(dialog: NodeRef<leptos::html::Dialog>) -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let text = RwSignal::new(String::new());
    let chosen = RwSignal::new(None::<Format>);
    let read_in = RwSignal::new(ReadIn::Browser);
    let keep_authors = RwSignal::new(false);
    let filter = RwSignal::new(String::new());
    let picked = RwSignal::new(BTreeSet::<usize>::new());
    let last_clicked = StoredValue::new(None::<usize>);

    let rows: Memo<Option<Preview>> = Memo::new(move |_| {
        let text = text.get();
        if text.trim().is_empty() {
            return None;
        }
        let first_day = s.doc.with_untracked(|retro| {
            quick_entry_day(
                retro.timeline.values().filter_map(|e| e.when.value).max(),
                retro.incident_start.value,
                Date::from_unix_ms(retro.created_at, utc_offset_minutes()),
            )
        });
        let year = first_day.ymd().0;
        let (format, sure) = match chosen.get() {
            Some(format) => (format, true),
            None => match detect(&text, year) {
                Some(d) => (d.format, d.sure),
                None => return Some(Err(crate::domain::import::ImportError::NoFormat.to_string())),
            },
        };
        let lines = match parse(&text, format, year) {
            Ok(lines) => lines,
            Err(e) => return Some(Err(e.to_string())),
        };
        let instants: Vec<i64> = lines.iter().filter_map(|l| if let Stamp::Utc(ms) = l.stamp { Some(ms) } else { None }).collect();
        let day_ms = first_day.days() * 24 * HOUR_MS;
        let from = instants.iter().copied().min().unwrap_or(day_ms).min(day_ms) - 48 * HOUR_MS;
        let to = instants.iter().copied().max().unwrap_or(day_ms).max(day_ms) + 30 * 24 * HOUR_MS;
        let here = browser_zone(from, to);
        let source_zone = match read_in.get() {
            ReadIn::Browser => here.clone(),
            ReadIn::Utc => ZoneTable::fixed("UTC", 0),
        };
        Some(Ok((format, sure, s.doc.with_untracked(|retro| preview(retro, lines, &source_zone, &here, first_day)))))
    });
    // A new preview starts with every message picked that is not noise and not in already.
    Effect::new(move |_| {
        let fresh: BTreeSet<usize> = rows.with(|r| match r {
            Some(Ok((_, _, rows))) => rows.iter().enumerate().filter(|(_, r)| !r.line.noise && !r.already_added).map(|(i, _)| i).collect(),
            _ => BTreeSet::new(),
        });
        picked.set(fresh);
        last_clicked.set_value(None);
    });
    let shown = Memo::new(move |_| {
        let needle = filter.get().to_lowercase();
        rows.with(|r| match r {
            Some(Ok((_, _, rows))) => {
                rows.iter().enumerate().filter(|(_, r)| needle.is_empty() || r.line.text.to_lowercase().contains(&needle)).map(|(i, _)| i).collect()
            }
            _ => Vec::new(),
        })
    });
    let visible = Memo::new(move |_| shown.with(|v| v.iter().copied().take(ROWS_SHOWN).collect::<Vec<usize>>()));
    let row = move |i: usize| {
        rows.with_untracked(|r| match r {
            Some(Ok((_, _, rows))) => rows.get(i).cloned(),
            _ => None,
        })
    };
    // Whether row `i` can be picked: it exists and an earlier import did not add it.
    let addable = move |i: usize| {
        rows.with_untracked(|r| match r {
            Some(Ok((_, _, rows))) => rows.get(i).is_some_and(|r| !r.already_added),
            _ => false,
        })
    };
    let toggle = move |i: usize, shift: bool| {
        let anchor = last_clicked.get_value();
        picked.update(|p| {
            let on = !p.contains(&i);
            let range = match anchor.filter(|_| shift) {
                Some(a) => shown.with_untracked(|v| {
                    let (x, y) = (v.iter().position(|k| *k == a), v.iter().position(|k| *k == i));
                    match (x, y) {
                        (Some(x), Some(y)) => v[x.min(y)..=x.max(y)].to_vec(),
                        _ => vec![i],
                    }
                }),
                None => vec![i],
            };
            for k in range {
                if addable(k) {
                    if on {
                        p.insert(k);
                    } else {
                        p.remove(&k);
                    }
                }
            }
        });
        last_clicked.set_value(Some(i));
    };
    let choose_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        if file.name().to_lowercase().ends_with(".zip") {
            s.app().announcer.say("Zip files are not read yet: unpack the Slack export and choose one channel's day file (.json).");
            return;
        }
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string()) {
                Some(content) => {
                    chosen.set(None);
                    text.set(content);
                }
                None => s.app().announcer.say("The file could not be read as text."),
            }
        });
    };
    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    let add = move |_| {
        let chosen_rows: Vec<usize> = picked.get_untracked().into_iter().collect();
        let entries = rows.with_untracked(|r| match r {
            Some(Ok((_, _, rows))) => new_entries(rows, &chosen_rows, keep_authors.get_untracked()),
            _ => Vec::new(),
        });
        let mut added = 0;
        for entry in entries {
            let id = new_id();
            if s.apply(Edit::AddTimelineEntry { id }) {
                s.apply(Edit::Timeline(id, TimelineField::When(entry.when)));
                s.apply(Edit::Timeline(id, TimelineField::What(entry.what)));
                s.apply(Edit::Timeline(id, TimelineField::Kind(entry.kind)));
                s.apply(Edit::Timeline(id, TimelineField::Evidence(entry.evidence)));
                added += 1;
            }
        }
        s.app().announcer.say(match added {
            0 => "Nothing new to add.".to_string(),
            1 => "Added 1 timeline entry from the import.".to_string(),
            n => format!("Added {n} timeline entries from the import."),
        });
        text.set(String::new());
        filter.set(String::new());
        close();
    };
    let count_picked = move || picked.with(|p| p.len());

    view! {
        <dialog node_ref=dialog class="dialog chat-import" aria-labelledby=uid("import-title")>
            <h2 id=uid("import-title")>"Import from chat or log"</h2>
            <p class="hint">"Paste what your chat tool or log gives you, or choose a file. Retrace reads it here, in this browser; nothing is added until you choose."</p>
            <div class="field">
                <label for=uid("import-text") class="field-label">"Chat or log"</label>
                <textarea id=uid("import-text") rows="5" placeholder="[14:02] <sam> checkout 5xx alert fired"
                    prop:value=move || text.get()
                    on:input=move |ev| { chosen.set(None); text.set(event_target_value(&ev)); }></textarea>
            </div>
            <div class="button-row">
                <label class="button">
                    "Choose a file"
                    <input type="file" class="sr-only" accept=".txt,.log,.json,.csv,text/plain,application/json,text/csv" on:change=choose_file />
                </label>
            </div>
            {move || rows.get().map(|preview| match preview {
                Err(message) => view! { <p class="banner banner-warning" role="alert">{message}</p> }.into_any(),
                Ok((format, sure, all)) => {
                    let total = all.len();
                    let already = all.iter().filter(|r| r.already_added).count();
                    view! {
                        <div class="import-options">
                            <div class="field">
                                <label for=uid("import-format") class="field-label">"Format"</label>
                                <select id=uid("import-format") on:change=move |ev| {
                                    let value = event_target_value(&ev);
                                    chosen.set(Format::ALL.into_iter().find(|f| f.label() == value));
                                }>
                                    {Format::ALL.into_iter().map(|f| view! { <option value=f.label() selected=f == format>{f.label()}</option> }).collect_view()}
                                </select>
                                {(!sure).then(|| view! { <p class="hint">"Retrace is not sure this is the right format: check it here."</p> })}
                            </div>
                            <div class="field">
                                <label for=uid("import-zone") class="field-label">"Times without a time zone are in"</label>
                                <select id=uid("import-zone") on:change=move |ev| read_in.set(if event_target_value(&ev) == "utc" { ReadIn::Utc } else { ReadIn::Browser })>
                                    <option value="browser" selected=move || read_in.get() == ReadIn::Browser>"This browser's time zone"</option>
                                    <option value="utc" selected=move || read_in.get() == ReadIn::Utc>"UTC"</option>
                                </select>
                            </div>
                            <label class="check">
                                <input type="checkbox" prop:checked=move || keep_authors.get() on:change=move |ev| keep_authors.set(event_target_checked(&ev)) />
                                " Keep who said it"
                            </label>
                        </div>
                        <p class="import-summary">
                            {format!("{total} lines")}
                            {(already > 0).then(|| format!(", {already} already in the timeline"))}
                            {move || format!(" · {} picked", count_picked())}
                        </p>
                        <div class="import-filter">
                            <label for=uid("import-filter") class="field-label">"Show lines containing"</label>
                            <input id=uid("import-filter") type="search" autocomplete="off" prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev)) />
                            <button type="button" class="button small" on:click=move |_| {
                                let visible = shown.get_untracked();
                                picked.update(|p| p.extend(visible.into_iter().filter(|i| addable(*i))));
                            }>"Pick all shown"</button>
                            <button type="button" class="button small" on:click=move |_| picked.set(BTreeSet::new())>"Pick none"</button>
                        </div>
                        <ol class="import-rows" aria-label="Lines to import">
                            <For each=move || visible.get() key=|i| *i let(i)>
                                <ImportRow i row=row(i) picked toggle keep_authors />
                            </For>
                        </ol>
                        {move || (shown.with(Vec::len) > ROWS_SHOWN).then(|| view! {
                            <p class="hint">{format!("Showing the first {ROWS_SHOWN} of {} lines; narrow them with the filter. “Pick all shown” picks every matching line.", shown.with(Vec::len))}</p>
                        })}
                    }.into_any()
                }
            })}
            <div class="button-row">
                <button type="button" class="button primary" prop:disabled=move || count_picked() == 0 on:click=add>
                    {move || match count_picked() { 1 => "Add 1 entry".to_string(), n => format!("Add {n} entries") }}
                </button>
                <button type="button" class="button" on:click=move |_| close()>"Cancel"</button>
            </div>
        </dialog>
    }
}

/// One line of the preview: a checkbox labelled with its time, kind and text.
#[component]
fn ImportRow(
    i: usize,
    row: Option<PreviewRow>,
    picked: RwSignal<BTreeSet<usize>>,
    toggle: impl Fn(usize, bool) + Copy + Send + Sync + 'static,
    keep_authors: RwSignal<bool>,
) -> impl IntoView {
    let Some(row) = row else { return ().into_any() };
    let id = uid(&format!("import-row-{i}"));
    let when = row.when.map(|w| format!("{} {}", w.date(), w.clock_time())).unwrap_or_else(|| "no time".into());
    let kind = (row.kind != EntryKind::Other).then(|| row.kind.label());
    let author = row.line.author.clone();
    view! {
        <li class="import-row" class:noise=row.line.noise class:done=row.already_added>
            <input type="checkbox" id=id.clone() prop:disabled=row.already_added
                prop:checked=move || picked.with(|p| p.contains(&i))
                on:click=move |ev: leptos::ev::MouseEvent| toggle(i, ev.shift_key()) />
            <label for=id>
                <span class="import-when">{when}</span>
                {kind.map(|k| view! { <span class="import-kind">{k}</span> })}
                <span class="import-text">{row.line.text.clone()}</span>
                // Names show only when they are to be kept: the screen may be shared.
                {move || author.clone().filter(|_| keep_authors.get()).map(|a| view! { <span class="import-author">{format!(" — {a}")}</span> })}
                {row.already_added.then(|| view! { <span class="import-note">" (already in the timeline)"</span> })}
            </label>
        </li>
    }
    .into_any()
}
