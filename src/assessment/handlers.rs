//! HTTP for reading assessments: a city's assessment history (private to the
//! city's people and program admins).

use actix_web::{HttpResponse, route, web};
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use super::db as assessments;
use crate::accounts::guard;
use crate::accounts::identity::CurrentUser;
use crate::accounts::policy::Action;
use crate::db::{self, DbPool};
use crate::error::ApiError;
use crate::standard::{Level, Standards};

/// One submitted assessment, scored.
#[derive(Serialize, ToSchema)]
pub struct AssessmentSummary {
    id: i32,
    standard: String,
    submitted_at: DateTime<Utc>,
    /// Criteria met.
    met: u32,
    /// Criteria met, as a share of the standard's criteria (0–100).
    percent: f64,
    /// The level reached, or null below Silver.
    level: Option<Level>,
}

/// A city's submitted assessments, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/cities/{slug}/assessments",
    tag = "assessments",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The city's slug")),
    responses(
        (status = 200, description = "The city's assessments", body = [AssessmentSummary]),
        (status = 401, description = "Not signed in", body = crate::error::ErrorBody),
        (status = 403, description = "Not one of the city's people", body = crate::error::ErrorBody),
        (status = 404, description = "No such city", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/cities/{slug}/assessments", method = "GET", method = "HEAD")]
pub async fn list_api(
    user: CurrentUser,
    slug: web::Path<String>,
    pool: web::Data<DbPool>,
    standards: web::Data<Standards>,
) -> Result<HttpResponse, ApiError> {
    let lang = user.user().language;
    let city = guard::city_for(&pool, user.user(), slug.into_inner(), |c| {
        Action::ViewCityPrivate { city_id: c.id }
    })
    .await
    .map_err(|r| r.api(lang))?;
    let rows = db::run(&pool, move |conn| {
        Ok(assessments::list_for_city(conn, city.id)?)
    })
    .await
    .map_err(|e| ApiError::internal(lang, e))?;
    let list: Vec<AssessmentSummary> = rows
        .into_iter()
        .map(|row| {
            let met = (row.met_mask as u64).count_ones();
            let catalog = standards.get(&row.standard);
            let total = catalog.map_or(0, |c| c.criteria.len());
            let level = catalog.and_then(|c| c.level_for(met as usize));
            AssessmentSummary {
                id: row.id,
                standard: row.standard,
                submitted_at: row.submitted_at.and_utc(),
                met,
                percent: if total == 0 {
                    0.0
                } else {
                    (f64::from(met) * 1000.0 / total as f64).round() / 10.0
                },
                level,
            }
        })
        .collect();
    Ok(HttpResponse::Ok().json(list))
}
