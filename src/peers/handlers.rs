//! HTTP for peers: the city's peer lists as a page and as JSON, for the city's
//! people and program admins. Only discoverable cities ever appear.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, route, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::cards::{PeerCard, cards};
use super::directory::{PeerDirectory, profile_of};
use super::introductions::store::{self, Summary};
use super::profile::Profile;
use super::rank;
use crate::accounts::cities::City;
use crate::accounts::guard;
use crate::accounts::identity::CurrentUser;
use crate::accounts::policy::Action;
use crate::db::{self, DbPool};
use crate::error::{ApiError, ErrorKind, PageError};
use crate::i18n::Lang;
use crate::standard::{Catalog, Standards};
use crate::web::{PageContext, html};

pub const DEFAULT_LIMIT: usize = 5;
pub const MAX_LIMIT: usize = 50;

#[derive(Deserialize, IntoParams)]
pub struct PeersQuery {
    /// A criterion code such as `DM1`: the cities that meet it. Without it, the
    /// overall lists.
    criterion: Option<String>,
    /// How many per list, 1 to 50 (default 5).
    limit: Option<usize>,
}

/// "Peers like you" and "cities you can help".
#[derive(Debug, Serialize, ToSchema)]
pub struct PeerLists {
    /// The most similar discoverable cities, those one level ahead first.
    pub like_you: Vec<PeerCard>,
    /// Discoverable cities that lack criteria this city meets.
    pub can_help: Vec<PeerCard>,
}

/// The peers for one criterion, or the overall lists.
#[derive(Debug, Serialize, ToSchema)]
#[serde(untagged)]
pub enum PeersAnswer {
    ForCriterion(Vec<PeerCard>),
    Overall(PeerLists),
}

/// A checked query: the criterion's index and code, and the limit.
struct Asked {
    criterion: Option<(usize, String)>,
    limit: usize,
}

fn check_query(lang: Lang, catalog: &Catalog, query: &PeersQuery) -> Result<Asked, ApiError> {
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        let message = lang.t_args("peers-bad-limit", &[("max", MAX_LIMIT.into())]);
        return Err(ApiError::new(lang, ErrorKind::InvalidQuery).with_field("limit", message));
    }
    let criterion = match query.criterion.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(code) => {
            let code = code.to_ascii_uppercase();
            let Some(index) = catalog.index_of(&code) else {
                let message = lang.t_args("intake-unknown-code", &[("code", code.into())]);
                return Err(
                    ApiError::new(lang, ErrorKind::InvalidQuery).with_field("criterion", message)
                );
            };
            Some((index, code))
        }
    };
    Ok(Asked { criterion, limit })
}

fn this_year() -> i32 {
    use chrono::Datelike;
    chrono::Utc::now().year()
}

fn overall(
    lang: Lang,
    catalog: &Catalog,
    (all, me): (&[Profile], &Profile),
    limit: usize,
) -> PeerLists {
    PeerLists {
        like_you: cards(lang, catalog, &rank::like_you(all, me, limit)),
        can_help: cards(lang, catalog, &rank::you_can_help(all, me, limit)),
    }
}

fn answer(
    lang: Lang,
    catalog: &Catalog,
    all: &[Profile],
    me: &Profile,
    asked: &Asked,
) -> PeersAnswer {
    match &asked.criterion {
        Some((index, code)) => {
            let found = rank::for_criterion(all, me, (*index, code), asked.limit, this_year());
            PeersAnswer::ForCriterion(cards(lang, catalog, &found))
        }
        None => PeersAnswer::Overall(overall(lang, catalog, (all, me), asked.limit)),
    }
}

/// The top peers for each criterion code, for the roadmap's steps.
pub fn for_steps(
    lang: Lang,
    catalog: &Catalog,
    directory: &PeerDirectory,
    city: &City,
    codes: &[String],
    limit: usize,
) -> Vec<Vec<PeerCard>> {
    let all = directory.snapshot();
    let me = profile_of(&all, city);
    let asked: Vec<Option<(usize, &str)>> = codes
        .iter()
        .map(|code| Some((catalog.index_of(code)?, code.as_str())))
        .collect();
    let known: Vec<(usize, &str)> = asked.iter().flatten().copied().collect();
    let mut found = rank::for_criteria(&all, &me, &known, limit, this_year()).into_iter();
    // A code the catalog does not know (none should) gets no peers.
    asked
        .iter()
        .map(|a| match a {
            Some(_) => found
                .next()
                .map(|m| cards(lang, catalog, &m))
                .unwrap_or_default(),
            None => Vec::new(),
        })
        .collect()
}

/// How many introductions each list on the peers page shows.
const RECENT_INTRODUCTIONS: i64 = 20;

/// The city's newest introductions: asked of it, and asked by it.
async fn recent_introductions(
    pool: &DbPool,
    city_id: i32,
) -> anyhow::Result<(Vec<Summary>, Vec<Summary>)> {
    db::run(pool, move |conn| {
        let received = store::for_city(conn, city_id, false, RECENT_INTRODUCTIONS)?;
        let sent = store::for_city(conn, city_id, true, RECENT_INTRODUCTIONS)?;
        Ok((received, sent))
    })
    .await
}

fn view_city(c: &City) -> Action {
    Action::ViewCityPrivate { city_id: c.id }
}

/// Peer cities for a city: for one criterion, or "peers like you" and
/// "cities you can help". Only discoverable cities appear.
#[utoipa::path(
    get,
    path = "/api/v1/cities/{slug}/peers",
    tag = "peers",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The city's slug"), PeersQuery),
    responses(
        (status = 200, description = "With `criterion`, a list of peer cards; without, `{like_you, can_help}`", body = PeersAnswer),
        (status = 400, description = "An unknown criterion or a limit out of range", body = crate::error::ErrorBody),
        (status = 401, description = "Not signed in", body = crate::error::ErrorBody),
        (status = 403, description = "Not one of the city's people", body = crate::error::ErrorBody),
        (status = 404, description = "No such city", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/cities/{slug}/peers", method = "GET", method = "HEAD")]
pub async fn peers_api(
    user: CurrentUser,
    lang: Lang,
    slug: web::Path<String>,
    query: web::Query<PeersQuery>,
    pool: web::Data<DbPool>,
    standards: web::Data<Standards>,
    directory: web::Data<PeerDirectory>,
) -> Result<HttpResponse, ApiError> {
    let (city, catalog) = guard::city_and_catalog(
        (&pool, &standards),
        user.user(),
        slug.into_inner(),
        view_city,
    )
    .await
    .map_err(|r| r.api(lang))?;
    let asked = check_query(lang, &catalog, &query)?;
    let all = directory.snapshot();
    let me = profile_of(&all, &city);
    Ok(HttpResponse::Ok().json(answer(lang, &catalog, &all, &me, &asked)))
}

#[route("/cities/{slug}/peers", method = "GET", method = "HEAD")]
pub async fn peers_page(
    user: CurrentUser,
    page: PageContext,
    slug: web::Path<String>,
    query: web::Query<PeersQuery>,
    pool: web::Data<DbPool>,
    standards: web::Data<Standards>,
    directory: web::Data<PeerDirectory>,
) -> Result<HttpResponse, PageError> {
    let lang = page.lang;
    let (city, catalog) = guard::city_and_catalog(
        (&pool, &standards),
        user.user(),
        slug.into_inner(),
        view_city,
    )
    .await
    .map_err(|r| r.page(lang))?;
    let all = directory.snapshot();
    let me = profile_of(&all, &city);
    let lists = overall(lang, &catalog, (&all, &me), DEFAULT_LIMIT);
    // The page shows a fixed number of peers: only the criterion is read.
    let criterion_only = PeersQuery {
        criterion: query.criterion.clone(),
        limit: None,
    };
    let (status, chosen) = match check_query(lang, &catalog, &criterion_only) {
        Ok(Asked {
            criterion: Some((index, code)),
            ..
        }) => {
            let found = rank::for_criterion(&all, &me, (index, &code), DEFAULT_LIMIT, this_year());
            (
                StatusCode::OK,
                Ok(Some((code, cards(lang, &catalog, &found)))),
            )
        }
        Ok(_) => (StatusCode::OK, Ok(None)),
        Err(_) => (
            StatusCode::BAD_REQUEST,
            Err(query.criterion.clone().unwrap_or_default()),
        ),
    };
    let introductions = recent_introductions(&pool, city.id)
        .await
        .map_err(|e| PageError::internal(lang, e))?;
    let view = super::views::PeersView {
        city: &city,
        catalog: &catalog,
        lists: &lists,
        chosen,
        introductions,
    };
    Ok(html(status, super::views::peers_page(&page, &view)))
}
