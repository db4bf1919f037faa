//! *What happened* → **Import from chat or log**: paste a chat or a log, or choose or drop a file
//! (text, a chat export, or a Slack workspace `.zip`); every line becomes a row with its time in
//! the retrospective's zone, a suggested kind and its text; pick rows and add them as timeline
//! entries in one step. Nothing changes until then, and a row an earlier import added is not
//! added again. The reading is the domain's (`domain::import`); this only asks and shows.

mod row;
mod source;

use crate::domain::change::quick_entry::quick_entry_day;
use crate::domain::i18n::{decimal, fill, n_, tr, trn};
use crate::domain::import::slack_zip::channel_lines;
use crate::domain::import::{detect, new_entries, parse, preview, ChatLine, Format, ImportError, PreviewRow, Stamp};
use crate::domain::tf;
use crate::domain::{Date, Edit, TimelineField};
use crate::ui::context::uid;
use crate::ui::platform::new_id;
use crate::ui::session::RetroSession;
use crate::ui::zones::{browser_zone_name, day_in, known_zones, zone_or_browser, zone_table};
use leptos::prelude::*;
use row::ImportRow;
use source::{read_file, Source};
use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Rows drawn at most; a filter narrows the rest (a 10,000-line log still previews at once).
const ROWS_SHOWN: usize = 300;
/// Rows drawn in the first frame, and added in each frame after, up to [`ROWS_SHOWN`]: the
/// first screenful shows at once and no frame is long.
const ROWS_PER_FRAME: usize = 50;
/// Text longer than this is read but not put in the text box: laying out megabytes there
/// stalls the page for longer than reading them. The dialog names it instead.
const LARGE_TEXT: usize = 64 * 1024;
const HOUR_MS: i64 = 3_600_000;
/// Typing in the text box reads it again after this pause; a paste or a drop reads at once.
const TYPING_PAUSE: Duration = Duration::from_millis(300);

/// What was read from the source, before zones and kinds.
#[derive(Clone, PartialEq)]
struct Reading {
    /// The format, or `None` for a Slack workspace export.
    format: Option<Format>,
    /// Whether the format stood out from the others.
    sure: bool,
    lines: Arc<Vec<ChatLine>>,
}

/// The preview, or why there is none.
type Preview = Result<Arc<Vec<PreviewRow>>, String>;

#[component]
pub fn ChatImport(dialog: NodeRef<leptos::html::Dialog>) -> impl IntoView {
    let s = expect_context::<RetroSession>();
    // The text box as typed; `source` is what is read, a pause later.
    let text = RwSignal::new(String::new());
    let source = RwSignal::new(None::<Source>);
    let problem = RwSignal::new(None::<String>);
    // What is being read when it is not in the text box: a file, or a large paste.
    let loaded = RwSignal::new(None::<String>);
    let drawn = RwSignal::new(ROWS_PER_FRAME);
    let drawing = StoredValue::new(0u32);
    let typing = StoredValue::new(0u32);
    let chosen = RwSignal::new(None::<Format>);
    let channel = RwSignal::new(None::<usize>);
    let here = browser_zone_name();
    let read_in = RwSignal::new(here.clone());
    let keep_authors = RwSignal::new(false);
    let filter = RwSignal::new(String::new());
    let picked = RwSignal::new(BTreeSet::<usize>::new());
    let last_clicked = StoredValue::new(None::<usize>);
    let dragging = RwSignal::new(false);
    let retro_zone = s.memo(|r| zone_or_browser(&r.time_zone.value));
    let first_day = Memo::new(move |_| {
        let zone = retro_zone.get();
        s.doc.with_untracked(|retro| {
            quick_entry_day(retro.timeline.values().filter_map(|e| e.when.value).max(), retro.incident_start.value, day_in(&zone, retro.created_at))
        })
    });

    let read: Memo<Option<Result<Reading, String>>> = Memo::new(move |_| {
        let year = first_day.get().ymd().0;
        source.with(|source| match source.as_ref()? {
            Source::Text(text) if text.trim().is_empty() => None,
            Source::Text(text) => {
                let (format, sure) = match chosen.get() {
                    Some(format) => (format, true),
                    None => match detect(text, year) {
                        Some(d) => (d.format, d.sure),
                        None => return Some(Err(ImportError::NoFormat.to_string())),
                    },
                };
                Some(parse(text, format, year).map(|lines| Reading { format: Some(format), sure, lines: Arc::new(lines) }).map_err(|e| e.to_string()))
            }
            Source::Zip { bytes, workspace, .. } => {
                let pick = channel.get().unwrap_or_else(|| workspace.likely_channel());
                Some(channel_lines(bytes, workspace, pick).map(|lines| Reading { format: None, sure: true, lines: Arc::new(lines) }).map_err(|e| e.to_string()))
            }
        })
    });
    let rows: Memo<Option<Preview>> = Memo::new(move |_| {
        let reading = read.get()?;
        Some(reading.map(|reading| {
            let day_ms = first_day.get().days() * 24 * HOUR_MS;
            let instants = reading.lines.iter().filter_map(|l| if let Stamp::Utc(ms) = l.stamp { Some(ms) } else { None });
            let (from, to) = instants.fold((day_ms, day_ms), |(lo, hi), ms| (lo.min(ms), hi.max(ms)));
            // A little around the span: bare times may run on for days after the first one.
            let (from, to) = (from - 48 * HOUR_MS, to + 30 * 24 * HOUR_MS);
            let shown_in = zone_table(&retro_zone.get(), from, to);
            let written_in = read_in.with(|zone| if *zone == shown_in.name { shown_in.clone() } else { zone_table(zone, from, to) });
            Arc::new(s.doc.with_untracked(|retro| preview(retro, reading.lines.to_vec(), &written_in, &shown_in, first_day.get())))
        }))
    });
    // A new preview starts with every message picked that is not noise and not in already.
    Effect::new(move |_| {
        let fresh: BTreeSet<usize> = rows.with(|r| match r {
            Some(Ok(rows)) => rows.iter().enumerate().filter(|(_, r)| !r.line.noise && !r.already_added).map(|(i, _)| i).collect(),
            _ => BTreeSet::new(),
        });
        picked.set(fresh);
        last_clicked.set_value(None);
        // Draw the rows a frame's worth at a time; a newer preview stops the older drawing.
        drawing.update_value(|n| *n += 1);
        drawn.set(ROWS_PER_FRAME);
        fn grow(drawn: RwSignal<usize>, drawing: StoredValue<u32>, mine: u32) {
            // `try_`: the dialog may be gone by the next frame (the step was left).
            request_animation_frame(move || {
                if drawing.try_get_value() == Some(mine) && drawn.try_get_untracked().is_some_and(|n| n < ROWS_SHOWN) {
                    drawn.update(|n| *n += ROWS_PER_FRAME);
                    grow(drawn, drawing, mine);
                }
            });
        }
        grow(drawn, drawing, drawing.get_value());
    });
    let shown = Memo::new(move |_| {
        let needle = filter.get().to_lowercase();
        rows.with(|r| match r {
            Some(Ok(rows)) => {
                rows.iter().enumerate().filter(|(_, r)| needle.is_empty() || r.line.text.to_lowercase().contains(&needle)).map(|(i, _)| i).collect()
            }
            _ => Vec::new(),
        })
    });
    let visible = Memo::new(move |_| {
        let count = drawn.get().min(ROWS_SHOWN);
        shown.with(|v| v.iter().copied().take(count).collect::<Vec<usize>>())
    });
    let row = move |i: usize| {
        rows.with_untracked(|r| match r {
            Some(Ok(rows)) => rows.get(i).cloned(),
            _ => None,
        })
    };
    // Whether row `i` can be picked: it exists and an earlier import did not add it.
    let addable = move |i: usize| {
        rows.with_untracked(|r| match r {
            Some(Ok(rows)) => rows.get(i).is_some_and(|r| !r.already_added),
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
    let read_text_now = move || {
        typing.update_value(|n| *n += 1);
        chosen.set(None);
        problem.set(None);
        source.set(Some(Source::Text(text.get_untracked().into())));
    };
    let on_text = move |ev: leptos::ev::Event| {
        loaded.set(None);
        text.set(event_target_value(&ev));
        let pasted = ev.dyn_ref::<web_sys::InputEvent>().is_some_and(|e| e.input_type().starts_with("insertFrom"));
        if pasted {
            read_text_now();
        } else {
            typing.update_value(|n| *n += 1);
            let mine = typing.get_value();
            set_timeout(
                move || {
                    if typing.try_get_value() == Some(mine) {
                        read_text_now();
                    }
                },
                TYPING_PAUSE,
            );
        }
    };
    // Reads `read` in place of what was there; `named` says what it is when the box won't show it.
    let take = move |read: Source, named: String| {
        typing.update_value(|n| *n += 1);
        problem.set(None);
        chosen.set(None);
        channel.set(None);
        match &read {
            Source::Text(t) if t.len() <= LARGE_TEXT => {
                text.set(t.to_string());
                loaded.set(None);
            }
            _ => {
                text.set(String::new());
                loaded.set(Some(named));
            }
        }
        source.set(Some(read));
    };
    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        let Some(pasted) = ev.clipboard_data().and_then(|d| d.get_data("text/plain").ok()) else { return };
        if pasted.len() > LARGE_TEXT {
            ev.prevent_default();
            let named = tf!("Pasted text: {size}", size = describe_size(pasted.len()));
            take(Source::Text(pasted.into()), named);
        }
    };
    let take_file = move |file: web_sys::File| {
        problem.set(None);
        leptos::task::spawn_local(async move {
            let name = file.name();
            match read_file(file).await {
                Ok(read) => {
                    let named = match &read {
                        Source::Text(t) => tf!("{name}: {size} of text", name = name, size = describe_size(t.len())),
                        Source::Zip { workspace, .. } => {
                            let n = workspace.channels.len();
                            let text = tr(if n == 1 { n_("{name}: a Slack export with {n} channel") } else { n_("{name}: a Slack export with {n} channels") });
                            fill(text, &[("name", &name), ("n", &n)])
                        }
                    };
                    take(read, named);
                }
                Err(message) => {
                    source.set(None);
                    loaded.set(None);
                    problem.set(Some(message));
                }
            }
        });
    };
    let choose_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            take_file(file);
        }
        input.set_value("");
    };
    let drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        ev.stop_propagation();
        dragging.set(false);
        let Some(data) = ev.data_transfer() else { return };
        if let Some(file) = data.files().and_then(|f| f.get(0)) {
            take_file(file);
        } else if let Ok(dropped) = data.get_data("text/plain").map(|t| t.trim().to_string()) {
            if !dropped.is_empty() {
                take(Source::Text(dropped.into()), tr("Dropped text").into());
            }
        }
    };
    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    let add = move |_| {
        let chosen_rows: Vec<usize> = picked.get_untracked().into_iter().collect();
        let entries = rows.with_untracked(|r| match r {
            Some(Ok(rows)) => new_entries(rows, &chosen_rows, keep_authors.get_untracked()),
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
            0 => tr("Nothing new to add.").to_string(),
            n => trn("Added {n} timeline entry from the import.", "Added {n} timeline entries from the import.", n),
        });
        text.set(String::new());
        source.set(None);
        loaded.set(None);
        filter.set(String::new());
        close();
    };
    let count_picked = move || picked.with(|p| p.len());
    let zones = known_zones();

    view! {
        <dialog node_ref=dialog class="dialog chat-import" class:dragging=move || dragging.get() aria-labelledby=uid("import-title")
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=drop>
            <h2 id=uid("import-title")>{tr("Import from chat or log")}</h2>
            <p class="hint">{tr("Paste what your chat tool or log gives you, or choose or drop a file — a Slack workspace export (.zip) too. Retrace reads it here, in this browser; nothing is added until you choose.")}</p>
            <div class="field">
                <label for=uid("import-text") class="field-label">{tr("Chat or log")}</label>
                <textarea id=uid("import-text") rows="5" placeholder=tr("[14:02] <sam> checkout 5xx alert fired")
                    prop:value=move || text.get() on:input=on_text on:paste=on_paste></textarea>
            </div>
            <div class="button-row">
                <label class="button">
                    {tr("Choose a file")}
                    <input type="file" class="sr-only" accept=".txt,.log,.json,.csv,.zip,text/plain,application/json,text/csv,application/zip" on:change=choose_file />
                </label>
                {move || loaded.get().map(|named| view! {
                    <span class="import-file">{named}</span>
                    <button type="button" class="button small quiet" on:click=move |_| {
                        source.set(None);
                        loaded.set(None);
                    }>{tr("Clear")}</button>
                })}
            </div>
            {move || problem.get().map(|message| view! { <p class="banner banner-warning" role="alert">{message}</p> })}
            {move || rows.get().map(|preview| match preview {
                Err(message) => view! { <p class="banner banner-warning" role="alert">{message}</p> }.into_any(),
                Ok(all) => {
                    let total = all.len();
                    let already = all.iter().filter(|r| r.already_added).count();
                    let reading = read.get_untracked().and_then(Result::ok);
                    let (format, sure) = reading.map_or((None, true), |r| (r.format, r.sure));
                    view! {
                        <div class="import-options">
                            {match format {
                                Some(format) => view! { <FormatField format sure chosen /> }.into_any(),
                                None => view! { <ChannelField source channel /> }.into_any(),
                            }}
                            <div class="field">
                                <label for=uid("import-zone") class="field-label">{tr("Times without a time zone are in")}</label>
                                <select id=uid("import-zone") on:change=move |ev| read_in.set(event_target_value(&ev))>
                                    {zones.iter().map(|z| {
                                        let (value, label) = (z.clone(), if *z == here { tf!("{zone} (this browser)", zone = z) } else { z.clone() });
                                        view! { <option value=value.clone() prop:selected=move || read_in.with(|r| *r == value)>{label}</option> }
                                    }).collect_view()}
                                </select>
                                <p class="hint">{move || tf!("Shown in {zone}, the retrospective's time zone.", zone = retro_zone.get())}</p>
                            </div>
                            <label class="check">
                                <input type="checkbox" prop:checked=move || keep_authors.get() on:change=move |ev| keep_authors.set(event_target_checked(&ev)) />
                                {tr(" Keep who said it")}
                            </label>
                        </div>
                        <p class="import-summary">
                            {trn("{n} line", "{n} lines", total)}
                            {(already > 0).then(|| format!(", {}", tf!("{n} already in the timeline", n = already)))}
                            {move || format!(" · {}", tf!("{n} picked", n = count_picked()))}
                        </p>
                        <div class="import-filter">
                            <label for=uid("import-filter") class="field-label">{tr("Show lines containing")}</label>
                            <input id=uid("import-filter") type="search" autocomplete="off" prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev)) />
                            <button type="button" class="button small" on:click=move |_| {
                                let visible = shown.get_untracked();
                                picked.update(|p| p.extend(visible.into_iter().filter(|i| addable(*i))));
                            }>{tr("Pick all shown")}</button>
                            <button type="button" class="button small" on:click=move |_| picked.set(BTreeSet::new())>{tr("Pick none")}</button>
                        </div>
                        <ol class="import-rows" aria-label=tr("Lines to import")>
                            <For each=move || visible.get() key=|i| *i let(i)>
                                <ImportRow i row=row(i) picked toggle keep_authors />
                            </For>
                        </ol>
                        {move || (shown.with(Vec::len) > ROWS_SHOWN).then(|| view! {
                            <p class="hint">{tf!("Showing the first {shown} of {n} lines; narrow them with the filter. “Pick all shown” picks every matching line.", shown = ROWS_SHOWN, n = shown.with(Vec::len))}</p>
                        })}
                    }.into_any()
                }
            })}
            <div class="button-row">
                <button type="button" class="button primary" prop:disabled=move || count_picked() == 0 on:click=add>
                    {move || trn("Add {n} entry", "Add {n} entries", count_picked())}
                </button>
                <button type="button" class="button" on:click=move |_| close()>{tr("Cancel")}</button>
            </div>
        </dialog>
    }
}

/// The format the text is read as: the detected one, which the facilitator can change.
#[component]
fn FormatField(format: Format, sure: bool, chosen: RwSignal<Option<Format>>) -> impl IntoView {
    view! {
        <div class="field">
            <label for=uid("import-format") class="field-label">{tr("Format")}</label>
            <select id=uid("import-format") on:change=move |ev| {
                let value = event_target_value(&ev);
                chosen.set(Format::from_key(&value));
            }>
                {Format::ALL.into_iter().map(|f| view! { <option value=f.key() selected=f == format>{f.label()}</option> }).collect_view()}
            </select>
            {(!sure).then(|| view! { <p class="hint">{tr("Retrace is not sure this is the right format: check it here.")}</p> })}
        </div>
    }
}

/// The channel of a Slack workspace export to read: the likely incident channel first.
#[component]
fn ChannelField(source: RwSignal<Option<Source>>, channel: RwSignal<Option<usize>>) -> impl IntoView {
    let Some(Source::Zip { workspace, .. }) = source.get_untracked() else { return ().into_any() };
    let current = channel.get_untracked().unwrap_or_else(|| workspace.likely_channel());
    view! {
        <div class="field">
            <label for=uid("import-channel") class="field-label">{tr("Channel")}</label>
            <select id=uid("import-channel") on:change=move |ev| channel.set(event_target_value(&ev).parse().ok())>
                {workspace.channels.iter().enumerate().map(|(i, c)| {
                    let (first, last) = c.span();
                    let (first, last) = (shown_day(first), shown_day(last));
                    let days = match c.day_count() { 1 => first, n => tf!("{first} to {last}, {n} days", first = first, last = last, n = n) };
                    view! { <option value=i.to_string() selected=i == current>{format!("#{} ({days})", c.name)}</option> }
                }).collect_view()}
            </select>
        </div>
    }
    .into_any()
}

/// "1.6 MB", "48 KB": the size of what was read, for people.
fn describe_size(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MB", decimal(bytes as f64 / 1_048_576.0, 1))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// A day a Slack export names (`2024-03-31`), as the active language writes it.
fn shown_day(day: &str) -> String {
    Date::parse(day).map_or_else(|| day.to_string(), Date::shown)
}
