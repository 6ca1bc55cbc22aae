//! HTTP for the catalogs: `GET /api/v1/standards[/{id}]` and `GET /standards/{id}`.

use actix_web::{HttpResponse, route, web};
use maud::Markup;
use serde::Serialize;
use utoipa::ToSchema;

use super::{Catalog, Criterion, Level, Localized, Outcomes, Standards};
use crate::error::{ApiError, PageError};
use crate::i18n::Lang;
use crate::web::PageContext;

/// A standard as the API shows it: every text in every language.
#[derive(Serialize, ToSchema)]
pub struct StandardDoc<'a> {
    id: &'a str,
    version: u16,
    name: &'a Localized,
    criteria_count: usize,
    levels: Vec<LevelDoc<'a>>,
    outcomes: &'a Outcomes,
    areas: Vec<AreaDoc<'a>>,
    criteria: &'a [Criterion],
}

#[derive(Serialize, ToSchema)]
pub struct LevelDoc<'a> {
    level: Level,
    /// Minimum share of criteria met, in percent.
    min_percent: u8,
    /// Minimum number of criteria met.
    min_met: usize,
    name: &'a Localized,
}

/// The area's own fields are spelled out rather than flattened from
/// [`super::Area`]: that type refuses unknown fields when read, and its schema says
/// so, which a flattened document with `criteria` would break.
#[derive(Serialize, ToSchema)]
pub struct AreaDoc<'a> {
    /// Upper-case code used in criterion codes, e.g. `DM`.
    code: &'a str,
    /// Lower-case slug used in URLs and forum categories, e.g. `dm`.
    slug: &'a str,
    name: &'a Localized,
    summary: &'a Localized,
    /// Codes of the criteria in this area, in order.
    criteria: Vec<&'a str>,
}

/// A line of the list of standards.
#[derive(Serialize, ToSchema)]
pub struct StandardSummary<'a> {
    id: &'a str,
    version: u16,
    name: &'a Localized,
    criteria_count: usize,
}

impl<'a> StandardDoc<'a> {
    pub fn from_catalog(catalog: &'a Catalog) -> Self {
        let total = catalog.criteria.len();
        let levels = Level::ALL
            .into_iter()
            .map(|level| LevelDoc {
                level,
                min_percent: catalog.thresholds.percent(level),
                min_met: catalog.thresholds.min_met(level, total),
                name: catalog.level_name(level),
            })
            .collect();
        let areas = catalog
            .areas
            .iter()
            .map(|area| AreaDoc {
                code: &area.code,
                slug: &area.slug,
                name: &area.name,
                summary: &area.summary,
                criteria: catalog.criteria_in(area).map(|c| c.code.as_str()).collect(),
            })
            .collect();
        Self {
            id: &catalog.id,
            version: catalog.version,
            name: &catalog.name,
            criteria_count: total,
            levels,
            outcomes: &catalog.outcomes,
            areas,
            criteria: &catalog.criteria,
        }
    }
}

/// The standards this deployment knows.
#[utoipa::path(
    get,
    path = "/api/v1/standards",
    tag = "standards",
    responses((status = 200, description = "Every standard", body = [StandardSummary]))
)]
#[route("/api/v1/standards", method = "GET", method = "HEAD")]
pub async fn list_api(standards: web::Data<Standards>) -> HttpResponse {
    let list: Vec<StandardSummary> = standards
        .all()
        .map(|c| StandardSummary {
            id: &c.id,
            version: c.version,
            name: &c.name,
            criteria_count: c.criteria.len(),
        })
        .collect();
    HttpResponse::Ok().json(list)
}

/// One standard: practice areas, criteria with guidance, levels and outcome rules.
#[utoipa::path(
    get,
    path = "/api/v1/standards/{id}",
    tag = "standards",
    params(("id" = String, Path, description = "Standard id, e.g. wwc-2022")),
    responses(
        (status = 200, description = "The standard", body = StandardDoc),
        (status = 404, description = "No such standard", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/standards/{id}", method = "GET", method = "HEAD")]
pub async fn show_api(
    standards: web::Data<Standards>,
    id: web::Path<String>,
    lang: Lang,
) -> Result<HttpResponse, ApiError> {
    let catalog = standards
        .get(&id)
        .ok_or_else(|| ApiError::not_found(lang, "standard"))?;
    Ok(HttpResponse::Ok().json(StandardDoc::from_catalog(catalog)))
}

#[route("/standards/{id}", method = "GET", method = "HEAD")]
pub async fn show_page(
    standards: web::Data<Standards>,
    id: web::Path<String>,
    page: PageContext,
) -> Result<Markup, PageError> {
    let catalog = standards
        .get(&id)
        .ok_or_else(|| PageError::not_found(page.lang))?;
    Ok(super::views::standard_page(&page, catalog))
}
