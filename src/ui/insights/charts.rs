//! Bar charts drawn by Retrace itself, bars as SVG and labels as text beside them: a few
//! rectangles need no chart library. Each chart is a figure with its title, a legend where there is more than one
//! series, and the same numbers as a table under "The numbers", so nothing is only a picture.

use crate::domain::i18n::tr;
use crate::domain::tf;
use leptos::prelude::*;

/// One bar (stacked) or one group of bars (grouped): a label and a value per series.
#[derive(Clone, PartialEq, Debug)]
pub struct Bar {
    /// What the bar stands for.
    pub label: String,
    /// One value per series; `None` where there is none (grouped charts).
    pub values: Vec<Option<i64>>,
}

impl Bar {
    /// Its values added up: a stacked bar's length and its table's total.
    fn total(&self) -> i64 {
        self.values.iter().flatten().sum()
    }
}

const LABEL_CHARS: usize = 40;

fn plain(n: i64) -> String {
    n.to_string()
}

fn short(label: &str) -> String {
    if label.chars().count() > LABEL_CHARS {
        format!("{}…", label.chars().take(LABEL_CHARS - 1).collect::<String>())
    } else {
        label.to_string()
    }
}

/// One bar as SVG, `share` of the row's width (0 to 1), in series colour `k`; stacked
/// segments are several rectangles in one drawing. Text stays outside the SVG, in the page's
/// own type, so labels are as large as the rest of the screen however wide the chart is.
fn bar(segments: &[(usize, f64)]) -> impl IntoView {
    let mut x = 0.0;
    let rects = segments
        .iter()
        .map(|(k, share)| {
            let w = share * 100.0;
            let rect = view! { <rect class=format!("bar s{k}") x=x y="0" width=w height="10"></rect> };
            x += w;
            rect
        })
        .collect_view();
    view! { <svg class="chart-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">{rects}</svg> }
}

/// A horizontal bar chart: one row per [`Bar`], its series stacked end to end or, when
/// `grouped`, drawn one under the other. `format` writes values (minutes as "2 h 5 min").
/// `title` comes translated; `series` are message keys (marked with `n_`), translated here.
#[component]
pub fn BarChart(
    #[prop(into)] title: String,
    series: &'static [&'static str],
    rows: Vec<Bar>,
    #[prop(optional)] grouped: bool,
    #[prop(default = plain)] format: fn(i64) -> String,
) -> impl IntoView {
    if rows.is_empty() {
        return view! { <figure class="chart"><figcaption class="chart-title">{title}</figcaption><p class="hint">{tr("Nothing to chart yet.")}</p></figure> }
            .into_any();
    }
    let top = rows.iter().map(|b| if grouped { b.values.iter().flatten().copied().max().unwrap_or(0) } else { b.total() }).max().unwrap_or(0).max(1);
    let share = |v: i64| v.max(0) as f64 / top as f64;
    let drawn = rows
        .iter()
        .map(|b| {
            let body = if grouped {
                let lines = b
                    .values
                    .iter()
                    .enumerate()
                    .map(|(k, v)| {
                        let text = v.map(format).unwrap_or_else(|| "—".into());
                        view! { <div class="chart-line">{bar(&[(k, share(v.unwrap_or(0)))])}<span class="chart-value">{text}</span></div> }
                    })
                    .collect_view();
                view! { <div class="chart-lines">{lines}</div> }.into_any()
            } else {
                let segments: Vec<(usize, f64)> = b.values.iter().enumerate().map(|(k, v)| (k, share(v.unwrap_or(0)))).collect();
                view! { <div class="chart-line">{bar(&segments)}<span class="chart-value">{format(b.total())}</span></div> }.into_any()
            };
            view! { <div class="chart-row"><span class="chart-label" title=b.label.clone()>{short(&b.label)}</span>{body}</div> }
        })
        .collect_view();
    let legend = (series.len() > 1).then(|| {
        view! {
            <ul class="chart-legend">
                {series.iter().enumerate().map(|(k, name)| view! { <li><span class=format!("swatch s{k}") aria-hidden="true"></span>{tr(name)}</li> }).collect_view()}
            </ul>
        }
    });
    let label = tf!("{title}. The numbers follow as a table.", title = title);
    let caption = title.clone();
    // The table is built when it is opened: a closed one would only cost the first frame.
    let open = RwSignal::new(false);
    let table = move || {
        open.get().then(|| {
            let body = rows
                .iter()
                .map(|b| {
                    let cells = b.values.iter().map(|v| view! { <td>{v.map(format).unwrap_or_else(|| "—".into())}</td> }).collect_view();
                    let sum = (!grouped && series.len() > 1).then(|| view! { <td>{format(b.total())}</td> });
                    view! { <tr><th scope="row">{b.label.clone()}</th>{cells}{sum}</tr> }
                })
                .collect_view();
            view! {
                <table class="report-table">
                    <caption class="sr-only">{title.clone()}</caption>
                    <thead><tr>
                        <th scope="col"><span class="sr-only">{tr("Row")}</span></th>
                        {series.iter().map(|s| view! { <th scope="col">{tr(s)}</th> }).collect_view()}
                        {(!grouped && series.len() > 1).then(|| view! { <th scope="col">{tr("Total")}</th> })}
                    </tr></thead>
                    <tbody>{body}</tbody>
                </table>
            }
        })
    };
    view! {
        <figure class="chart">
            <figcaption class="chart-title">{caption}</figcaption>
            {legend}
            <div class="chart-rows" role="img" aria-label=label>{drawn}</div>
            <details class="chart-numbers" on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                <summary>{tr("The numbers")}</summary>
                {table}
            </details>
        </figure>
    }
    .into_any()
}
