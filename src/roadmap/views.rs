//! The roadmap page: where the city stands, its ordered steps and its progress.
//! Prints cleanly (the print stylesheet drops the site's chrome).

use maud::{Markup, PreEscaped, html};

use super::build::{Roadmap, Step};
use super::cache::Kept;
use super::standing::AreaComparison;
use crate::accounts::cities::City;
use crate::assessment::Status;
use crate::i18n::{Arg, Lang};
use crate::peers::views::AskFrom;
use crate::standard::Catalog;
use crate::web::{PageContext, layout};

pub fn status_label(lang: Lang, status: Status) -> String {
    lang.t(match status {
        Status::Met => "status-met",
        Status::InProgress => "status-in-progress",
        Status::NotStarted => "status-not-started",
    })
}

pub(super) fn area_name(lang: Lang, catalog: &Catalog, code: &str) -> String {
    catalog
        .areas
        .iter()
        .find(|a| a.code == code)
        .map_or_else(|| code.to_owned(), |a| a.name.get(lang).to_owned())
}

/// "DM1 · Implementing Data Strategy and Governance", or the outcome step's title.
pub fn step_title(lang: Lang, catalog: &Catalog, step: &Step) -> String {
    catalog
        .criterion_title(&step.code, lang)
        .unwrap_or_else(|| lang.t("roadmap-outcome-step"))
}

/// One sentence: why this step comes where it does.
pub fn why_sentence(lang: Lang, catalog: &Catalog, step: &Step) -> String {
    let area: Arg = step
        .area
        .as_deref()
        .map(|a| area_name(lang, catalog, a))
        .unwrap_or_default()
        .into();
    let key = match step.why {
        "outcome" => "roadmap-why-outcome",
        "in_progress" => "roadmap-why-in-progress",
        "finishes_area" => "roadmap-why-finishes-area",
        "priority_area" => "roadmap-why-priority-area",
        "balance" => "roadmap-why-balance",
        _ => "roadmap-why-closest-area",
    };
    lang.t_args(key, &[("area", area)])
}

pub fn no_assessment_page(page: &PageContext, city: &City) -> Markup {
    let lang = page.lang;
    let title = lang.t("roadmap-none-title");
    let body = html! {
        h1 { (title) }
        p { (lang.t_args("roadmap-none-body", &[("city", city.name.as_str().into())])) }
        p { a href={ "/cities/" (city.slug) "/assessment" } { (lang.t("roadmap-edit-assessment")) } }
    };
    layout(page, &title, body)
}

/// The kept roadmap's page: its body is rendered once per kept roadmap
/// (city and language), the layout around it for each reader.
pub fn roadmap_page(page: &PageContext, city: &City, kept: &Kept) -> Markup {
    let lang = page.lang;
    let title = lang.t_args("roadmap-title", &[("city", city.name.as_str().into())]);
    let body = kept.body(|catalog, roadmap| {
        html! {
            h1 { (title) }
            (summary(lang, city, catalog, roadmap))
            (standing(lang, catalog, roadmap))
            (steps(lang, (catalog, &city.slug), roadmap))
            (super::progress::progress(lang, catalog, roadmap))
        }
        .into_string()
    });
    layout(page, &title, PreEscaped(body.to_owned()))
}

fn summary(lang: Lang, city: &City, catalog: &Catalog, roadmap: &Roadmap) -> Markup {
    let score = &roadmap.score;
    let city_arg = || -> Arg { city.name.as_str().into() };
    html! {
        section.summary aria-labelledby="summary-heading" {
            h2 #summary-heading .visually-hidden { (lang.t("roadmap-summary-heading")) }
            p.lead { (lang.t_args("roadmap-summary", &[
                ("met", score.met.into()), ("total", score.total.into()), ("percent", score.percent.into()),
            ])) }
            p { @match score.level {
                Some(level) => (lang.t_args("roadmap-level", &[("level", catalog.level_name(level).get(lang).into())])),
                None => (lang.t("roadmap-not-certified")),
            } " " @match roadmap.next_level {
                Some(next) => (lang.t_args("roadmap-next-level", &[
                    ("needed", next.needed.into()), ("level", catalog.level_name(next.level).get(lang).into()),
                ])),
                None => (lang.t("roadmap-top-level")),
            } }
            p { (lang.t(if score.outcome_met { "roadmap-outcome-met" } else { "roadmap-outcome-not-met" })) }
            @if roadmap.eligibility.eligible {
                p { (lang.t_args("roadmap-eligible", &[("city", city_arg())])) }
            } @else {
                p { (lang.t_args("roadmap-ineligible", &[("city", city_arg())])) }
                ul { @for reason in &roadmap.eligibility.reasons {
                    li { (lang.t(if *reason == "population" { "roadmap-ineligible-population" } else { "roadmap-ineligible-country" })) }
                } }
            }
            p.muted {
                (lang.t_args("roadmap-submitted", &[("date", lang.date(roadmap.submitted_at.date()).into())]))
                " · " a href={ "/cities/" (city.slug) "/roadmap.csv" } { (lang.t("roadmap-csv")) }
                " · " a href={ "/cities/" (city.slug) "/assessment" } { (lang.t("roadmap-edit-assessment")) }
            }
        }
    }
}

fn comparison(lang: Lang, catalog: &Catalog, area: &AreaComparison) -> String {
    lang.t_args(
        "roadmap-area-vs-peers",
        &[
            ("area", area_name(lang, catalog, &area.area).into()),
            ("percent", area.percent.into()),
            ("median", area.peer_median.unwrap_or(0.0).into()),
        ],
    )
}

fn standing(lang: Lang, catalog: &Catalog, roadmap: &Roadmap) -> Markup {
    let equity_met = roadmap
        .equity
        .iter()
        .filter(|e| e.status == Status::Met)
        .count();
    let no_peers = roadmap.areas.iter().all(|a| a.peer_median.is_none());
    html! {
        section aria-labelledby="standing-heading" {
            h2 #standing-heading { (lang.t("roadmap-standing-heading")) }
            @if no_peers {
                p { (lang.t("roadmap-no-peers")) }
            } @else {
                h3 { (lang.t("roadmap-strengths")) }
                ul { @for area in &roadmap.strengths { li { (comparison(lang, catalog, area)) } } }
                @if !roadmap.leading_criteria.is_empty() {
                    p { (lang.t("roadmap-leading")) " "
                        @for (i, code) in roadmap.leading_criteria.iter().enumerate() {
                            @if i > 0 { ", " } span.code { (code) }
                        }
                    }
                }
                h3 { (lang.t("roadmap-opportunities")) }
                @if roadmap.opportunities.is_empty() {
                    p { (lang.t("roadmap-no-opportunities")) }
                } @else {
                    ul { @for area in &roadmap.opportunities { li { (comparison(lang, catalog, area)) } } }
                }
            }
            h3 { (lang.t("roadmap-equity-heading")) }
            p { (lang.t_args("roadmap-equity-intro", &[("met", equity_met.into()), ("total", roadmap.equity.len().into())])) }
            table {
                caption.visually-hidden { (lang.t("roadmap-equity-heading")) }
                thead { tr { th scope="col" { (lang.t("roadmap-col-criterion")) } th scope="col" { (lang.t("roadmap-col-status")) } } }
                tbody { @for item in &roadmap.equity {
                    tr {
                        th scope="row" { (item.code) " · " (catalog.criterion(item.code).map_or("", |c| c.label.get(lang))) }
                        td { (status_label(lang, item.status)) }
                    }
                } }
            }
        }
    }
}

/// The ordered steps; each step's peers can be asked for an introduction from `city_slug`.
fn steps(lang: Lang, (catalog, city_slug): (&Catalog, &str), roadmap: &Roadmap) -> Markup {
    html! {
        section aria-labelledby="steps-heading" {
            h2 #steps-heading { (lang.t("roadmap-steps-heading")) }
            @if roadmap.steps.is_empty() { p { (lang.t("roadmap-no-steps")) } }
            @if !roadmap.steps.is_empty() {
            ol.steps {
                @for step in &roadmap.steps {
                    li.step {
                        h3 { (step_title(lang, catalog, step)) }
                        p { (why_sentence(lang, catalog, step)) }
                        p.muted {
                            @if let Some(status) = step.status { (status_label(lang, status)) " · " }
                            (lang.t_args("roadmap-horizon", &[("months", usize::from(step.horizon_months).into())]))
                            @if let Some(level) = step.toward {
                                " · " (lang.t_args("roadmap-toward", &[("level", catalog.level_name(level).get(lang).into())]))
                            }
                        }
                        @if let Some(criterion) = catalog.criterion(&step.code) {
                            p { (criterion.guidance.get(lang)) }
                            @if !step.peers.is_empty() {
                                p { (lang.t_args("roadmap-step-peers", &[("code", step.code.as_str().into())])) }
                                (crate::peers::views::card_list(lang, catalog, &step.peers, AskFrom { city: city_slug, criterion: Some(&step.code) }))
                            }
                            (forum_links(lang, catalog, step))
                        }
                    }
                }
            }
            }
        }
    }
}

/// The forum threads about a criterion step, the tag's page when there are
/// any, and where to ask: the step's practice area's category.
fn forum_links(lang: Lang, catalog: &Catalog, step: &Step) -> Markup {
    let code = || -> Arg { step.code.as_str().into() };
    let ask = step
        .area
        .as_deref()
        .and_then(|code| catalog.areas.iter().find(|a| a.code == code))
        .map(|a| format!("/forum/new?category={}", a.slug.to_ascii_lowercase()));
    html! {
        @if !step.threads.is_empty() {
            p { (lang.t_args("roadmap-step-threads", &[("code", code())])) }
            ul { @for t in &step.threads {
                li {
                    a href=(t.url) { (t.title) }
                    " · " (lang.t_args("forum-replies", &[("count", f64::from(t.reply_count).into())]))
                    @if t.solved { " · " span.badge { (lang.t("forum-solved")) } }
                }
            } }
        }
        @if !step.threads.is_empty() || ask.is_some() {
            p {
                @if !step.threads.is_empty() {
                    a href={ "/forum/tags/" (step.code.to_ascii_lowercase()) } {
                        (lang.t_args("roadmap-step-all-threads", &[("code", code())]))
                    }
                    @if ask.is_some() { " · " }
                }
                @if let Some(href) = &ask { a href=(href) { (lang.t("roadmap-step-ask")) } }
            }
        }
    }
}
