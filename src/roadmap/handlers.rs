//! HTTP for roadmaps: the page, the JSON and the CSV export, all private to the
//! city's people and program admins, all built from the same `Roadmap`.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, route, web};

use super::build::Roadmap;
use super::service::Roadmaps;
use crate::accounts::cities::City;
use crate::accounts::guard;
use crate::accounts::identity::CurrentUser;
use crate::accounts::policy::Action;
use crate::error::{ApiError, ErrorKind, PageError};
use crate::i18n::Lang;
use crate::web::{PageContext, html};

fn view_city(c: &City) -> Action {
    Action::ViewCityPrivate { city_id: c.id }
}

/// A city's roadmap: score, level, standing, ordered next steps and progress.
#[utoipa::path(
    get,
    path = "/api/v1/cities/{slug}/roadmap",
    tag = "roadmaps",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The city's slug")),
    responses(
        (status = 200, description = "The roadmap from the latest assessment", body = Roadmap),
        (status = 401, description = "Not signed in", body = crate::error::ErrorBody),
        (status = 403, description = "Not one of the city's people", body = crate::error::ErrorBody),
        (status = 404, description = "No such city, or no assessment yet", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/cities/{slug}/roadmap", method = "GET", method = "HEAD")]
pub async fn roadmap_api(
    user: CurrentUser,
    lang: Lang,
    slug: web::Path<String>,
    roadmaps: web::Data<Roadmaps>,
) -> Result<HttpResponse, ApiError> {
    let city = guard::city_for(&roadmaps.pool, user.user(), slug.into_inner(), view_city)
        .await
        .map_err(|r| r.api(lang))?;
    let kept = roadmaps
        .load(&city, lang)
        .await
        .map_err(|e| ApiError::internal(lang, e))?
        .ok_or_else(|| ApiError::not_found(lang, "assessment"))?;
    Ok(HttpResponse::Ok().json(&kept.roadmap))
}

#[route("/cities/{slug}/roadmap", method = "GET", method = "HEAD")]
pub async fn roadmap_page(
    user: CurrentUser,
    page: PageContext,
    slug: web::Path<String>,
    roadmaps: web::Data<Roadmaps>,
) -> Result<HttpResponse, PageError> {
    let lang = page.lang;
    let city = guard::city_for(&roadmaps.pool, user.user(), slug.into_inner(), view_city)
        .await
        .map_err(|r| r.page(lang))?;
    let loaded = roadmaps
        .load(&city, lang)
        .await
        .map_err(|e| PageError::internal(lang, e))?;
    let markup = match loaded {
        Some(kept) => super::views::roadmap_page(&page, &city, &kept),
        None => super::views::no_assessment_page(&page, &city),
    };
    Ok(html(StatusCode::OK, markup))
}

/// The steps as CSV, in the page's language, for spreadsheets and leadership.
#[route("/cities/{slug}/roadmap.csv", method = "GET", method = "HEAD")]
pub async fn roadmap_csv(
    user: CurrentUser,
    lang: Lang,
    slug: web::Path<String>,
    roadmaps: web::Data<Roadmaps>,
) -> Result<HttpResponse, PageError> {
    let city = guard::city_for(&roadmaps.pool, user.user(), slug.into_inner(), view_city)
        .await
        .map_err(|r| r.page(lang))?;
    let kept = roadmaps
        .load(&city, lang)
        .await
        .map_err(|e| PageError::internal(lang, e))?
        .ok_or_else(|| PageError::new(lang, ErrorKind::NotFound))?;
    let body = super::export::steps_csv(lang, &kept.catalog, &kept.roadmap)
        .map_err(|e| PageError::internal(lang, e))?;
    let file = format!("attachment; filename=\"roadmap-{}.csv\"", city.slug);
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((header::CONTENT_DISPOSITION, file))
        .body(body))
}
