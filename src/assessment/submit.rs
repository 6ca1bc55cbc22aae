//! Taking in a completed assessment over the API, as JSON or as CSV: one
//! validation, all or nothing, and the score in the reply.

use actix_web::http::header;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, route, web};
use diesel::Connection;
use serde::Serialize;
use utoipa::ToSchema;

use super::csv_intake;
use super::db::{self as assessments, NewAssessment};
use super::intake::{self, RawAssessment, ValidAssessment};
use super::json_intake::AssessmentBody;
use super::outcomes::{OutcomeResults, Region};
use super::problems::Problem;
use crate::accounts::audit;
use crate::accounts::cities::City;
use crate::accounts::guard;
use crate::accounts::identity::CurrentUser;
use crate::accounts::policy::Action;
use crate::db::{self, DbConnection, DbPool};
use crate::error::{ApiError, ErrorKind};
use crate::i18n::Lang;
use crate::peers::PeerDirectory;
use crate::roadmap::score::{AreaScore, score};
use crate::standard::{self, Catalog, Level, Standards};
use crate::web::serde_messages::retell_json;

/// A stored assessment and its score.
#[derive(Debug, Serialize, ToSchema)]
pub struct Submitted {
    pub id: i32,
    pub standard: String,
    pub met: usize,
    pub total: usize,
    /// Criteria met as a share of the standard's, 0–100, one decimal.
    pub percent: f64,
    /// The level the criteria reach; null below Silver.
    pub level: Option<Level>,
    /// At least one outcome meets its standard.
    pub outcome_met: bool,
    pub outcomes: OutcomeResults,
    pub areas: Vec<AreaScore>,
}

/// Every problem as the API reports it: 422, each under its place's key.
pub fn unprocessable(lang: Lang, problems: &[Problem]) -> ApiError {
    problems
        .iter()
        .fold(ApiError::new(lang, ErrorKind::Unprocessable), |error, p| {
            error.with_field(&p.place.key(), p.message(lang))
        })
}

fn read_body(lang: Lang, req: &HttpRequest, body: &[u8]) -> Result<RawAssessment, ApiError> {
    match req.content_type() {
        "application/json" => serde_json::from_slice::<AssessmentBody>(body)
            .map(AssessmentBody::into_raw)
            .map_err(|e| {
                let problem = retell_json(lang, &e);
                ApiError::new(lang, ErrorKind::InvalidBody)
                    .with_field(&problem.field, problem.message)
            }),
        "text/csv" => csv_intake::parse(body).map_err(|problems| unprocessable(lang, &problems)),
        _ => Err(ApiError::new(lang, ErrorKind::UnsupportedMediaType)
            .with_field("content-type", lang.t("intake-content-type"))),
    }
}

/// The catalog the assessment answers, and the assessment checked against it.
pub fn check<'a>(
    lang: Lang,
    standards: &'a Standards,
    raw: &RawAssessment,
) -> Result<(&'a std::sync::Arc<Catalog>, ValidAssessment), ApiError> {
    let id = raw.standard.as_deref().unwrap_or(standard::CURRENT);
    let Some(catalog) = standards.get(id) else {
        let message = lang.t_args("intake-unknown-standard", &[("standard", id.into())]);
        return Err(ApiError::new(lang, ErrorKind::Unprocessable).with_field("standard", message));
    };
    let valid =
        intake::validate(catalog, raw).map_err(|problems| unprocessable(lang, &problems))?;
    Ok((catalog, valid))
}

/// Stores the assessment with an audit line, in one transaction.
pub async fn store(
    pool: &DbPool,
    city: &City,
    standard: &str,
    valid: ValidAssessment,
    by: i32,
) -> anyhow::Result<i32> {
    let (city_id, slug, standard) = (city.id, city.slug.clone(), standard.to_owned());
    db::run(pool, move |conn| {
        Ok(conn.transaction(|conn| store_in(conn, (city_id, &slug), &standard, &valid, by))?)
    })
    .await
}

/// Inserts the assessment and its audit line; run it inside a transaction.
pub fn store_in(
    conn: &mut DbConnection,
    (city_id, slug): (i32, &str),
    standard: &str,
    valid: &ValidAssessment,
    by: i32,
) -> diesel::QueryResult<i32> {
    let new = NewAssessment {
        city_id,
        standard,
        assessment: valid,
        submitted_at: chrono::Utc::now().naive_utc(),
        submitted_by: Some(by),
    };
    let id = assessments::insert(conn, &new)?;
    let detail = format!("#{id}, {standard}");
    audit::record(conn, Some(by), "assessment.submit", slug, Some(&detail))?;
    Ok(id)
}

/// Submit a completed assessment: JSON (`application/json`) or CSV (`text/csv`,
/// columns `code,status,evidence[,evidence_url]`, outcome rows by name).
#[utoipa::path(
    post,
    path = "/api/v1/cities/{slug}/assessments",
    tag = "assessments",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The city's slug")),
    request_body(content(
        (AssessmentBody = "application/json"),
        (String = "text/csv", example = "code,status,evidence\nDM1,met,Data board meets monthly\n…\nbroadband_pct,81.5,\n")
    )),
    responses(
        (status = 201, description = "Stored; its score", body = Submitted),
        (status = 400, description = "Malformed JSON", body = crate::error::ErrorBody),
        (status = 401, description = "Not signed in", body = crate::error::ErrorBody),
        (status = 403, description = "Not one of the city's people", body = crate::error::ErrorBody),
        (status = 404, description = "No such city", body = crate::error::ErrorBody),
        (status = 415, description = "Neither JSON nor CSV", body = crate::error::ErrorBody),
        (status = 422, description = "Every problem, by criterion code or CSV line and column; nothing stored", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/cities/{slug}/assessments", method = "POST")]
pub async fn submit_api(
    user: CurrentUser,
    req: HttpRequest,
    slug: web::Path<String>,
    body: web::Bytes,
    pool: web::Data<DbPool>,
    standards: web::Data<Standards>,
    directory: web::Data<PeerDirectory>,
) -> Result<HttpResponse, ApiError> {
    let lang = Lang::of_request(&req);
    let user = user.user();
    let city = guard::city_for(&pool, user, slug.into_inner(), |c| {
        Action::EditCityAssessments { city_id: c.id }
    })
    .await
    .map_err(|r| r.api(lang))?;
    let raw = read_body(lang, &req, &body)?;
    let (catalog, valid) = check(lang, &standards, &raw)?;
    let region = Region::from_code(&city.region).unwrap_or(Region::UsCanada);
    let scored = score(catalog, &valid.statuses(), &valid.outcomes, region);
    let id = store(&pool, &city, &catalog.id, valid, user.id)
        .await
        .map_err(|e| ApiError::internal(lang, e))?;
    crate::peers::refresh_after_write(&directory, &pool, &standards).await;
    let location = format!("/api/v1/cities/{}/assessments/{id}", city.slug);
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, location))
        .json(Submitted {
            id,
            standard: catalog.id.clone(),
            met: scored.met,
            total: scored.total,
            percent: scored.percent,
            level: scored.level,
            outcome_met: scored.outcome_met,
            outcomes: scored.outcomes,
            areas: scored.areas,
        }))
}
