//! The landing page: what Peerhall is, and the cities it knows.

use actix_web::{route, web};
use maud::{Markup, html};

use crate::accounts::cities::{self, CityListing};
use crate::assessment::db as assessments;
use crate::db::{self, DbPool};
use crate::error::PageError;
use crate::i18n::Lang;
use crate::standard::Standards;
use crate::web::{PageContext, layout};

struct Overview {
    cities: Vec<CityListing>,
    assessments: i64,
}

#[route("/", method = "GET", method = "HEAD")]
pub async fn home(
    pool: web::Data<DbPool>,
    standards: web::Data<Standards>,
    page: PageContext,
) -> Result<Markup, PageError> {
    let lang = page.lang;
    let overview = db::run(&pool, |conn| {
        Ok(Overview {
            cities: cities::list_with_certification(conn)?,
            assessments: assessments::count(conn)?,
        })
    })
    .await
    .map_err(|e| PageError::internal(lang, e))?;
    let catalog = standards
        .current()
        .map_err(|e| PageError::internal(lang, e))?;
    Ok(home_page(&page, &overview, catalog))
}

fn home_page(
    page: &PageContext,
    overview: &Overview,
    catalog: &crate::standard::Catalog,
) -> Markup {
    let lang = page.lang;
    let title = lang.t("home-title");
    let demo = overview.cities.iter().any(|c| c.is_demo);
    let certified: Vec<&CityListing> = overview
        .cities
        .iter()
        .filter(|c| c.certified.is_some())
        .collect();
    let body = html! {
        h1 { (title) }
        p.lead { (lang.t("home-lead")) }
        @if demo {
            p.demo-banner role="note" { strong { (lang.t("demo-banner-title")) } " " (lang.t("demo-banner")) }
        }
        section aria-labelledby="jobs-heading" {
            h2 #jobs-heading { (lang.t("home-jobs-heading")) }
            ul {
                li { (lang.t("home-job-roadmaps")) }
                li { (lang.t("home-job-peers")) }
                li { (lang.t("home-job-forum")) }
                li { (lang.t("home-job-digests")) }
            }
            p { a href={ "/standards/" (catalog.id) } { (lang.t("home-read-standard")) } }
        }
        section aria-labelledby="cities-heading" {
            h2 #cities-heading { (lang.t("home-cities-heading")) }
            p { (lang.t_args("home-cities-summary", &[
                ("cities", overview.cities.len().into()),
                ("certified", certified.len().into()),
                ("assessments", (overview.assessments.max(0) as usize).into()),
            ])) }
            @if certified.is_empty() {
                p { (lang.t("home-no-cities")) }
            } @else {
                (cities_table(lang, catalog, &certified))
            }
        }
    };
    layout(page, &title, body)
}

fn cities_table(lang: Lang, catalog: &crate::standard::Catalog, cities: &[&CityListing]) -> Markup {
    html! {
        table {
            caption { (lang.t("home-cities-caption")) }
            thead { tr {
                th scope="col" { (lang.t("home-col-city")) }
                th scope="col" { (lang.t("home-col-country")) }
                th scope="col" { (lang.t("home-col-level")) }
                th scope="col" { (lang.t("home-col-year")) }
            } }
            tbody {
                @for city in cities {
                    tr {
                        th scope="row" {
                            (city.name)
                            @if city.is_demo { " " span.tag-demo { (lang.t("demo-tag")) } }
                        }
                        td { (city.country) }
                        td { @if let Some((level, _)) = city.certified { (catalog.level_name(level).get(lang)) } }
                        td { @if let Some((_, year)) = city.certified { (year) } }
                    }
                }
            }
        }
    }
}
