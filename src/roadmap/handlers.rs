//! HTTP for roadmaps: the page, the JSON and the CSV export, all private to the
//! city's people and program admins, all built from the same `Roadmap`.

use crate::web::html;
use std::sync::Arc;

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, route, web};

use super::build::{self, CityFacts, Roadmap, Snapshot};
use crate::accounts::cities::City;
use crate::accounts::guard;
use crate::accounts::identity::CurrentUser;
use crate::accounts::policy::Action;
use crate::assessment::db as assessments;
use crate::assessment::outcomes::Region;
use crate::db::{self, DbConnection, DbPool};
use crate::error::{ApiError, ErrorKind, PageError};
use crate::i18n::Lang;
use crate::peers::PeerDirectory;
use crate::search::LiveIndex;
use crate::standard::{Catalog, Standards};
use crate::web::PageContext;

/// What a roadmap is built from, as the handlers receive it.
type Sources<'a> = (&'a DbPool, &'a Standards, &'a PeerDirectory, &'a LiveIndex);

/// The city's roadmap from its latest assessment, each step with its top three
/// peers in `lang` and its forum threads; None before the first assessment.
async fn load(
    (pool, standards, directory, search): Sources<'_>,
    city: &City,
    lang: Lang,
) -> anyhow::Result<Option<(Arc<Catalog>, Roadmap)>> {
    let Some((catalog, mut roadmap)) = load_roadmap((pool, standards, directory), city).await?
    else {
        return Ok(None);
    };
    let codes: Vec<String> = roadmap.steps.iter().map(|s| s.code.clone()).collect();
    let peers = crate::peers::handlers::for_steps(lang, &catalog, directory, city, &codes, 3);
    let threads = super::threads::for_steps((pool, search), &catalog, city, lang, &roadmap).await?;
    for ((step, peers), threads) in roadmap.steps.iter_mut().zip(peers).zip(threads) {
        step.peers = peers;
        step.threads = threads;
    }
    Ok(Some((catalog, roadmap)))
}

async fn load_roadmap(
    (pool, standards, directory): (&DbPool, &Standards, &PeerDirectory),
    city: &City,
) -> anyhow::Result<Option<(Arc<Catalog>, Roadmap)>> {
    let standards = standards.clone();
    let city = city.clone();
    // The directory holds the current standard's profiles: no scan per request.
    let known = crate::peers::directory::discoverable_masks(&directory.snapshot(), city.id);
    db::run(pool, move |conn| assemble(conn, &standards, known, &city)).await
}

/// The roadmap from the city's latest assessment (without step peers and
/// threads); None before the first. `known` are the discoverable peers'
/// masks for the current standard, used when the assessment is of it.
pub fn assemble(
    conn: &mut DbConnection,
    standards: &Standards,
    known: Vec<u64>,
    city: &City,
) -> anyhow::Result<Option<(Arc<Catalog>, Roadmap)>> {
    let current = standards.current()?.id.clone();
    let rows = assessments::list_for_city(conn, city.id)?;
    let Some(latest) = rows.first().cloned() else {
        return Ok(None);
    };
    let Some(catalog) = standards.get(&latest.standard).cloned() else {
        anyhow::bail!(
            "assessment {} answers unknown standard {}",
            latest.id,
            latest.standard
        );
    };
    let history = snapshots(&catalog, &rows, &latest.standard);
    let full = assessments::load_full(conn, latest)?;
    let peers = if catalog.id == current {
        known
    } else {
        assessments::discoverable_latest_masks(conn, &catalog.id, city.id)?
    };
    let facts = CityFacts {
        country: city.country.clone(),
        region: Region::from_code(&city.region).unwrap_or(Region::UsCanada),
        population: city.population,
    };
    let roadmap = build::build(&catalog, &facts, &full, history, &peers);
    Ok(Some((catalog, roadmap)))
}

/// The history of one standard's assessments, oldest first (`rows` are newest first).
fn snapshots(
    catalog: &Catalog,
    rows: &[assessments::AssessmentRow],
    standard: &str,
) -> Vec<Snapshot> {
    rows.iter()
        .rev()
        .filter(|r| r.standard == standard)
        .map(|r| {
            let met = (r.met_mask as u64).count_ones() as usize;
            Snapshot {
                id: r.id,
                submitted_at: r.submitted_at,
                met,
                level: catalog.level_for(met),
                mask: r.met_mask as u64,
            }
        })
        .collect()
}

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
    pool: web::Data<DbPool>,
    standards: web::Data<Standards>,
    directory: web::Data<PeerDirectory>,
    search: web::Data<LiveIndex>,
) -> Result<HttpResponse, ApiError> {
    let city = guard::city_for(&pool, user.user(), slug.into_inner(), view_city)
        .await
        .map_err(|r| r.api(lang))?;
    let (_, roadmap) = load((&pool, &standards, &directory, &search), &city, lang)
        .await
        .map_err(|e| ApiError::internal(lang, e))?
        .ok_or_else(|| ApiError::not_found(lang, "assessment"))?;
    Ok(HttpResponse::Ok().json(roadmap))
}

#[route("/cities/{slug}/roadmap", method = "GET", method = "HEAD")]
pub async fn roadmap_page(
    user: CurrentUser,
    page: PageContext,
    slug: web::Path<String>,
    pool: web::Data<DbPool>,
    standards: web::Data<Standards>,
    directory: web::Data<PeerDirectory>,
    search: web::Data<LiveIndex>,
) -> Result<HttpResponse, PageError> {
    let lang = page.lang;
    let city = guard::city_for(&pool, user.user(), slug.into_inner(), view_city)
        .await
        .map_err(|r| r.page(lang))?;
    let loaded = load((&pool, &standards, &directory, &search), &city, lang)
        .await
        .map_err(|e| PageError::internal(lang, e))?;
    let markup = match loaded {
        Some((catalog, roadmap)) => super::views::roadmap_page(&page, &city, &catalog, &roadmap),
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
    pool: web::Data<DbPool>,
    standards: web::Data<Standards>,
    directory: web::Data<PeerDirectory>,
    search: web::Data<LiveIndex>,
) -> Result<HttpResponse, PageError> {
    let city = guard::city_for(&pool, user.user(), slug.into_inner(), view_city)
        .await
        .map_err(|r| r.page(lang))?;
    let (catalog, roadmap) = load((&pool, &standards, &directory, &search), &city, lang)
        .await
        .map_err(|e| PageError::internal(lang, e))?
        .ok_or_else(|| PageError::new(lang, ErrorKind::NotFound))?;
    let body = super::export::steps_csv(lang, &catalog, &roadmap)
        .map_err(|e| PageError::internal(lang, e))?;
    let file = format!("attachment; filename=\"roadmap-{}.csv\"", city.slug);
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((header::CONTENT_DISPOSITION, file))
        .body(body))
}
