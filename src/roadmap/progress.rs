//! The roadmap's progress section: what changed since the previous assessment,
//! criteria met over time and each area beside the peers' median, as inline SVG
//! charts drawn on the server, each followed by the table it is drawn from.

use maud::{Markup, html};

use super::build::Roadmap;
use super::views::area_name;
use crate::i18n::Lang;
use crate::standard::{Catalog, Level};

const WIDTH: f64 = 640.0;
const TOP: f64 = 20.0;
const BOTTOM: f64 = 220.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 560.0;

fn y_of(met: usize, total: usize) -> f64 {
    BOTTOM - (met as f64) * (BOTTOM - TOP) / (total.max(1) as f64)
}

fn x_of(i: usize, n: usize) -> f64 {
    if n <= 1 {
        return (LEFT + RIGHT) / 2.0;
    }
    LEFT + (i as f64) * (RIGHT - LEFT) / ((n - 1) as f64)
}

fn level_label(lang: Lang, catalog: &Catalog, level: Option<Level>) -> String {
    level.map_or_else(
        || lang.t("roadmap-not-certified-short"),
        |l| catalog.level_name(l).get(lang).to_owned(),
    )
}

/// Criteria met at each assessment, with the level thresholds drawn across.
fn history_chart(lang: Lang, catalog: &Catalog, roadmap: &Roadmap) -> Markup {
    let total = catalog.criteria.len();
    let n = roadmap.history.len();
    let points: Vec<(f64, f64)> = roadmap
        .history
        .iter()
        .enumerate()
        .map(|(i, s)| (x_of(i, n), y_of(s.met, total)))
        .collect();
    let line: String = points
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1} "))
        .collect();
    html! {
        svg.chart viewBox={ "0 0 " (WIDTH) " 250" } role="img" aria-labelledby="history-chart-title history-chart-desc" {
            title #history-chart-title { (lang.t("roadmap-history-caption")) }
            desc #history-chart-desc { (lang.t("roadmap-chart-desc")) }
            line x1=(LEFT) y1=(BOTTOM) x2=(RIGHT) y2=(BOTTOM) stroke="#4a5360" {}
            @for level in Level::ALL {
                @let y = y_of(catalog.thresholds.min_met(level, total), total);
                line x1=(LEFT) y1=(y) x2=(RIGHT) y2=(y) stroke="#4a5360" stroke-dasharray="4 4" {}
                text x=(RIGHT + 6.0) y=(y + 4.0) font-size="12" fill="#1b1f24" {
                    (catalog.level_name(level).get(lang)) " " (catalog.thresholds.min_met(level, total))
                }
            }
            text x="4" y=(BOTTOM + 4.0) font-size="12" fill="#1b1f24" { "0" }
            text x="4" y=(TOP + 4.0) font-size="12" fill="#1b1f24" { (total) }
            polyline points=(line) fill="none" stroke="#0b5cad" stroke-width="3" {}
            @for (x, y) in &points { circle cx=(format!("{x:.1}")) cy=(format!("{y:.1}")) r="5" fill="#0b5cad" {} }
            @if let (Some(first), Some(last)) = (roadmap.history.first(), roadmap.history.last()) {
                text x=(LEFT) y="244" font-size="12" fill="#1b1f24" { (lang.date(first.submitted_at.date())) }
                text x=(RIGHT) y="244" font-size="12" fill="#1b1f24" text-anchor="end" { (lang.date(last.submitted_at.date())) }
            }
        }
    }
}

/// Each area's share met (bar) and the peers' median (tick).
fn areas_chart(lang: Lang, catalog: &Catalog, roadmap: &Roadmap) -> Markup {
    // Each area's name on its own line above its bar, so long names never clip.
    let row = 44.0;
    let height = row * roadmap.areas.len() as f64 + 6.0;
    let bar_left = 0.0;
    let scale = (WIDTH - 80.0) / 100.0;
    html! {
        svg.chart viewBox={ "0 0 " (WIDTH) " " (height) } role="img" aria-labelledby="areas-chart-title" {
            title #areas-chart-title { (lang.t("roadmap-areas-caption")) }
            @for (i, area) in roadmap.areas.iter().enumerate() {
                @let y = 20.0 + row * i as f64;
                text x="0" y=(y - 4.0) font-size="13" fill="#1b1f24" { (area_name(lang, catalog, &area.area)) }
                rect x=(bar_left) y=(y) width=(format!("{:.1}", area.percent * scale)) height="16" fill="#0b5cad" {}
                @if let Some(median) = area.peer_median {
                    @let x = bar_left + median * scale;
                    line x1=(format!("{x:.1}")) y1=(y - 2.0) x2=(format!("{x:.1}")) y2=(y + 18.0) stroke="#b35900" stroke-width="3" {}
                }
                text x=(WIDTH - 70.0) y=(y + 13.0) font-size="13" fill="#1b1f24" { (lang.percent(area.percent)) }
            }
        }
    }
}

fn changes(lang: Lang, roadmap: &Roadmap) -> Markup {
    html! {
        @match (&roadmap.changes, roadmap.history.iter().rev().nth(1)) {
            (Some(changes), Some(previous)) => {
                p { (lang.t_args("roadmap-changes", &[("date", lang.date(previous.submitted_at.date()).into())])) }
                @if changes.gained.is_empty() && changes.lost.is_empty() {
                    p { (lang.t("roadmap-no-changes")) }
                } @else {
                    dl.facts {
                        dt { (lang.t("roadmap-gained")) } dd { (codes(&changes.gained)) }
                        dt { (lang.t("roadmap-lost")) } dd { (codes(&changes.lost)) }
                    }
                }
            }
            _ => { p { (lang.t("roadmap-first")) } }
        }
    }
}

fn codes(list: &[String]) -> Markup {
    html! {
        @if list.is_empty() { "—" }
        @for (i, code) in list.iter().enumerate() { @if i > 0 { ", " } span.code { (code) } }
    }
}

pub fn progress(lang: Lang, catalog: &Catalog, roadmap: &Roadmap) -> Markup {
    html! {
        section aria-labelledby="progress-heading" {
            h2 #progress-heading { (lang.t("roadmap-progress-heading")) }
            (changes(lang, roadmap))
            figure {
                (history_chart(lang, catalog, roadmap))
                figcaption { (lang.t("roadmap-chart-table-note")) }
            }
            table {
                caption { (lang.t("roadmap-history-caption")) }
                thead { tr {
                    th scope="col" { (lang.t("roadmap-col-date")) }
                    th scope="col" { (lang.t("roadmap-col-met")) }
                    th scope="col" { (lang.t("roadmap-col-level")) }
                } }
                tbody { @for s in &roadmap.history { tr {
                    th scope="row" { (lang.date(s.submitted_at.date())) }
                    td { (s.met) }
                    td { (level_label(lang, catalog, s.level)) }
                } } }
            }
            figure {
                (areas_chart(lang, catalog, roadmap))
                figcaption { (lang.t("roadmap-areas-legend")) }
            }
            table {
                caption { (lang.t("roadmap-areas-caption")) }
                thead { tr {
                    th scope="col" { (lang.t("roadmap-col-area")) }
                    th scope="col" { (lang.t("roadmap-col-city")) }
                    th scope="col" { (lang.t("roadmap-col-median")) }
                } }
                tbody { @for area in &roadmap.areas { tr {
                    th scope="row" { (area_name(lang, catalog, &area.area)) }
                    td { (lang.percent(area.percent)) }
                    td { @match area.peer_median { Some(m) => (lang.percent(m)), None => "—" } }
                } } }
            }
        }
    }
}
