//! *Ready to publish?* and the write-ups, in *Summary*: the checklist read off the document,
//! and the full review, the executive summary and the customer note, each previewed, downloaded
//! as Markdown or printed. The content rules are the domain's (`export::write_up`); this file
//! only shows what it builds.

use crate::domain::export::markdown::render;
use crate::domain::export::write_up::names::Names;
use crate::domain::export::write_up::{write_up, Block, Item, Line, Options, Reader, Section, Span, WriteUp};
use crate::domain::facilitation::publish::publish_checklist;
use crate::domain::i18n::tr;
use crate::domain::tf;
use crate::domain::{Edit, Retrospective};
use crate::ui::context::uid;
use crate::ui::platform::{download, file_name, focus_soon};
use crate::ui::session::Printout;
use crate::ui::session::RetroSession;
use crate::ui::step::print;
use crate::ui::widgets::CheckField;
use leptos::prelude::*;

#[component]
pub fn ReadyToPublish() -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let checks = move || {
        s.settled.track();
        s.doc.with_untracked(publish_checklist)
    };
    let go = move |step| {
        s.apply(Edit::GoTo(step));
        focus_soon(uid("step-heading"));
    };
    view! {
        <section class="card publish" aria-labelledby=uid("publish-title")>
            <h3 id=uid("publish-title")>{tr("Ready to publish?")}</h3>
            <p class="hint">{tr("What reviewers of postmortems look for. Nothing here stops a write-up.")}</p>
            <ul class="publish-list">
                {move || checks().into_iter().map(|check| {
                    let step = check.step;
                    view! {
                        <li class="publish-item" data-ready=if check.ready { "true" } else { "false" }>
                            <span class="publish-mark" aria-hidden="true">{if check.ready { "✓" } else { "○" }}</span>
                            <span class="publish-text">
                                <strong>{check.item.label()}</strong>
                                <span class="sr-only">{if check.ready { tr(": ready.") } else { tr(": not yet.") }}</span>
                                " " {check.detail}
                            </span>
                            {(!check.ready).then(|| view! {
                                <button type="button" class="button quiet small" on:click=move |_| go(step)>{tf!("Go to {step}", step = step.label())}</button>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
pub fn WriteUps() -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let redact = RwSignal::new(false);
    let preview = RwSignal::new(None::<Reader>);
    // What is downloaded and printed is as chosen; what is previewed on screen also follows
    // "Safe to share".
    let chosen = move || Options { redact_names: redact.get_untracked(), ..Options::default() };
    let on_screen = move || {
        let screen = s.doc.with_untracked(Options::on_screen);
        Options { redact_names: redact.get() || screen.redact_names, ..screen }
    };
    let safe = s.safe_to_share;
    let withheld = move || {
        s.settled.track();
        s.doc.with_untracked(|r| Names::of(r).listed().join(", "))
    };
    let save = move |reader: Reader| {
        let (title, text) = s.seen(|r| (r.display_title().to_string(), render(&write_up(r, reader, chosen()))));
        let name = file_name(&format!("{title} {}", reader.file_suffix()), "md");
        let said = match download(&name, "text/markdown", &text) {
            Ok(()) => match reader {
                Reader::Full => tr("Downloaded the full learning review.").to_string(),
                Reader::Executive => tr("Downloaded the executive summary.").to_string(),
                Reader::Customer => tr("Downloaded the customer note.").to_string(),
            },
            Err(e) => tf!("Download failed: {error}", error = e),
        };
        s.app().announcer.say(said);
    };
    view! {
        <section class="card write-ups" aria-labelledby=uid("write-ups-title")>
            <h3 id=uid("write-ups-title")>{tr("Write-ups")}</h3>
            <CheckField label=tr("Withhold names in every write-up (the customer note always does)") id=uid("redact-names")
                value=redact on_change=move |v| redact.set(v) />
            <Show when=move || !safe.get()>
                <p class="hint">{move || match withheld() {
                    none if none.is_empty() => tr("No names found to withhold. Names are taken from Participants, responders, accounts, owners and follow-ups.").to_string(),
                    names => tf!("Names found: {names}. They are withheld from the customer note, and from every write-up when ticked. Missing someone? Add them to Participants.", names = names),
                }}</p>
            </Show>
            <ul class="write-up-list">
                {Reader::ALL.iter().map(|reader| {
                    let reader = *reader;
                    view! {
                        <li class="write-up-item">
                            <div class="write-up-text">
                                <strong>{reader.label()}</strong>
                                <span class="hint">{reader.description()}</span>
                            </div>
                            <div class="button-row">
                                <button type="button" class="button small"
                                    aria-pressed=move || if preview.get() == Some(reader) { "true" } else { "false" }
                                    on:click=move |_| preview.update(|p| *p = if *p == Some(reader) { None } else { Some(reader) })>
                                    <span class="sr-only">{format!("{}: ", reader.label())}</span>{tr("Preview")}
                                </button>
                                <button type="button" class="button small" on:click=move |_| save(reader)>
                                    <span class="sr-only">{format!("{}: ", reader.label())}</span>{tr("Download Markdown")}
                                </button>
                                <button type="button" class="button small" on:click=move |_| print(s, Printout::WriteUp(reader, chosen()))>
                                    <span class="sr-only">{format!("{}: ", reader.label())}</span>{tr("Print")}
                                </button>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || preview.get().map(|reader| {
                let built = { s.settled.track(); safe.track(); s.seen(|r| write_up(r, reader, on_screen())) };
                view! {
                    <article class="write-up-preview" aria-label=tf!("Preview: {write_up}", write_up = reader.label())>
                        {write_up_view(&built)}
                    </article>
                }
            })}
        </section>
    }
}

/// A write-up as a page: the same value the Markdown is rendered from.
pub fn write_up_view(w: &WriteUp) -> AnyView {
    let sections = w.sections.iter().map(section_view).collect_view();
    view! {
        <div class="write-up">
            <p class="write-up-title">{w.title.clone()}</p>
            <p class="write-up-subtitle">{w.subtitle.clone()}</p>
            {sections}
        </div>
    }
    .into_any()
}

/// One section of a write-up, under its heading.
pub fn section_view(section: &Section) -> AnyView {
    view! {
        <section class="write-up-section">
            <h4>{section.heading}</h4>
            {section.blocks.iter().map(block).collect_view()}
        </section>
    }
    .into_any()
}

/// The blocks of a section without its heading, for a screen that names it already.
pub fn section_body(w: &WriteUp, heading: &str) -> AnyView {
    w.section(heading).map(|section| section.blocks.iter().map(block).collect_view()).into_any()
}

/// The full learning review as the app shows it on screen (the Summary's report, the printout
/// of it, a read-only copy): one renderer for every report.
pub fn report_view(r: &Retrospective) -> AnyView {
    write_up_view(&write_up(r, Reader::Full, Options::on_screen(r)))
}

fn block(b: &Block) -> AnyView {
    match b {
        Block::Paragraph(l) => view! { <p class="pre">{line(l)}</p> }.into_any(),
        Block::Table { head, rows } => {
            // A table without headings is a list of labelled facts: the first cell names the row.
            let labelled = head.iter().all(|h| h.is_empty());
            let head = (!labelled).then(|| view! { <thead><tr>{head.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr></thead> });
            let rows = rows
                .iter()
                .map(|row| {
                    let cells = row.iter().enumerate().map(|(i, c)| match (labelled, i) {
                        (true, 0) => view! { <th scope="row">{line(c)}</th> }.into_any(),
                        _ => view! { <td class="pre">{line(c)}</td> }.into_any(),
                    });
                    view! { <tr>{cells.collect_view()}</tr> }
                })
                .collect_view();
            view! { <table class="report-table" class:facts=labelled>{head}<tbody>{rows}</tbody></table> }.into_any()
        }
        Block::List { ordered: true, items: list } => view! { <ol>{items(list)}</ol> }.into_any(),
        Block::List { ordered: false, items: list } => view! { <ul>{items(list)}</ul> }.into_any(),
    }
}

fn items(list: &[Item]) -> AnyView {
    list.iter()
        .map(|item| {
            let children = (!item.children.is_empty()).then(|| view! { <ul>{items(&item.children)}</ul> });
            view! { <li><span class="pre">{line(&item.line)}</span>{children}</li> }
        })
        .collect_view()
        .into_any()
}

fn line(spans: &Line) -> AnyView {
    spans
        .iter()
        .map(|span| match span {
            Span::Plain(t) => t.clone().into_any(),
            Span::Strong(t) => view! { <strong>{t.clone()}</strong> }.into_any(),
            Span::Em(t) => view! { <em>{t.clone()}</em> }.into_any(),
        })
        .collect_view()
        .into_any()
}
