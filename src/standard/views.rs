//! The standard's page: levels, outcomes, and the criteria grouped by area.

use maud::{Markup, html};

use super::{Catalog, Level};
use crate::i18n::{Arg, Lang};
use crate::web::{PageContext, layout};

pub fn standard_page(page: &PageContext, catalog: &Catalog) -> Markup {
    let lang = page.lang;
    let title = catalog.name.get(lang);
    let body = html! {
        h1 { (title) }
        p { (lang.t_args("standard-criteria-count", &[
            ("count", catalog.criteria.len().into()),
            ("areas", catalog.areas.len().into()),
        ])) }
        (levels_table(lang, catalog))
        (outcomes_section(lang, catalog))
        section aria-labelledby="areas-heading" {
            h2 #areas-heading { (lang.t("standard-areas-heading")) }
            nav aria-label=(lang.t("standard-areas-nav")) {
                ul.inline-list {
                    @for area in &catalog.areas {
                        li { a href={ "#area-" (area.slug) } { (area.name.get(lang)) } }
                    }
                }
            }
            @for area in &catalog.areas {
                (area_section(lang, catalog, area))
            }
        }
    };
    layout(page, title, body)
}

fn levels_table(lang: Lang, catalog: &Catalog) -> Markup {
    let total = catalog.criteria.len();
    html! {
        section aria-labelledby="levels-heading" {
            h2 #levels-heading { (lang.t("standard-levels-heading")) }
            table {
                caption { (lang.t("standard-levels-caption")) }
                thead { tr {
                    th scope="col" { (lang.t("standard-level")) }
                    th scope="col" { (lang.t("standard-min-percent")) }
                    th scope="col" { (lang.t("standard-min-met")) }
                } }
                tbody {
                    @for level in Level::ALL {
                        tr {
                            th scope="row" { (catalog.level_name(level).get(lang)) }
                            td { (catalog.thresholds.percent(level)) " %" }
                            td { (lang.t_args("standard-min-met-value", &[
                                ("met", catalog.thresholds.min_met(level, total).into()),
                                ("total", total.into()),
                            ])) }
                        }
                    }
                }
            }
        }
    }
}

fn outcomes_section(lang: Lang, catalog: &Catalog) -> Markup {
    let o = &catalog.outcomes;
    let pm25 = Arg::Num(o.pm25.target_ugm3);
    html! {
        section aria-labelledby="outcomes-heading" {
            h2 #outcomes-heading { (lang.t("standard-outcomes-heading")) }
            p { (lang.t("standard-outcomes-intro")) }
            dl {
                dt { (o.broadband.label.get(lang)) }
                dd {
                    (o.broadband.description.get(lang)) " "
                    (lang.t_args("standard-broadband-thresholds", &[
                        ("us", o.broadband.us_canada_pct.into()),
                        ("latam", o.broadband.latin_america_pct.into()),
                    ]))
                }
                dt { (o.pm25.label.get(lang)) }
                dd {
                    (o.pm25.description.get(lang)) " "
                    (lang.t_args("standard-pm25-target", &[("target", pm25)]))
                }
                dt { (o.priority.label.get(lang)) }
                dd { (o.priority.description.get(lang)) }
            }
        }
    }
}

fn area_section(lang: Lang, catalog: &Catalog, area: &super::Area) -> Markup {
    let heading = format!("area-{}", area.slug);
    html! {
        section aria-labelledby=(heading) {
            h3 #(heading) { (area.name.get(lang)) " (" (area.code) ")" }
            p { (area.summary.get(lang)) }
            @for criterion in catalog.criteria_in(area) {
                article.criterion aria-labelledby={ "c-" (criterion.code) } {
                    h4 #{ "c-" (criterion.code) } {
                        span.code { (criterion.code) } " " (criterion.label.get(lang))
                    }
                    p { (criterion.description.get(lang)) }
                    details {
                        summary { (lang.t("standard-guidance")) }
                        p { (criterion.guidance.get(lang)) }
                    }
                }
            }
        }
    }
}
