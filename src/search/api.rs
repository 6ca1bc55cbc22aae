//! `GET /api/v1/search`: the query language over JSON, with hits, snippets,
//! facets and the total; a malformed query is a 400 naming `q`.

use actix_web::{HttpResponse, route, web};
use serde::Serialize;
use utoipa::ToSchema;

use super::service::{self, SearchParams};
use super::{Hit, LiveIndex, Results};
use crate::accounts::identity::CurrentUser;
use crate::error::{ApiError, ErrorKind};
use crate::i18n::Lang;

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchHit {
    pub thread_id: i64,
    pub post_id: i64,
    pub title: String,
    /// HTML: the post's text escaped, with `<mark>` around the matches.
    pub snippet: String,
    pub url: String,
    pub score: f32,
    pub lang: String,
    /// The category slug, or `city` for a city's private space.
    pub area: String,
    pub criteria: Vec<String>,
    pub solved: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchFacets {
    pub area: Vec<FacetCount>,
    pub criterion: Vec<FacetCount>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResults {
    /// Every match the caller may see, not just this page.
    pub total: usize,
    pub page: usize,
    pub per_page: usize,
    pub hits: Vec<SearchHit>,
    /// Counts over all matches, most frequent first.
    pub facets: SearchFacets,
}

/// The URL of a hit's post in its thread.
pub fn url_of(hit: &Hit) -> String {
    format!("/forum/threads/{}#post-{}", hit.thread_id, hit.post_id)
}

fn counts(pairs: Vec<(String, u64)>) -> Vec<FacetCount> {
    pairs
        .into_iter()
        .map(|(value, count)| FacetCount { value, count })
        .collect()
}

fn json_of(results: Results, (page, per_page): (usize, usize)) -> SearchResults {
    let hits = results
        .hits
        .into_iter()
        .map(|hit| SearchHit {
            url: url_of(&hit),
            thread_id: hit.thread_id,
            post_id: hit.post_id,
            title: hit.title,
            snippet: hit.snippet_html,
            score: hit.score,
            lang: hit.lang,
            area: hit.area,
            criteria: hit.criteria,
            solved: hit.solved,
        })
        .collect();
    SearchResults {
        total: results.total,
        page,
        per_page,
        hits,
        facets: SearchFacets {
            area: counts(results.facets.area),
            criterion: counts(results.facets.criterion),
        },
    }
}

/// Searches the forum posts the caller may read.
#[utoipa::path(
    get, path = "/api/v1/search", tag = "search", security(("bearer" = [])), params(SearchParams),
    responses(
        (status = 200, description = "One page of hits, the total and facets", body = SearchResults),
        (status = 400, description = "A malformed query, named under `q`", body = crate::error::ErrorBody),
        (status = 401, description = "Not signed in", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/search", method = "GET", method = "HEAD")]
pub async fn search(
    user: CurrentUser,
    lang: Lang,
    live: web::Data<LiveIndex>,
    params: web::Query<SearchParams>,
) -> Result<HttpResponse, ApiError> {
    let request = service::request_of(&params, lang).map_err(|problem| {
        ApiError::new(lang, ErrorKind::InvalidQuery).with_field("q", problem.message)
    })?;
    let paging = (request.page, request.per_page.clamp(1, super::MAX_PER_PAGE));
    let viewer = service::viewer_of(user.user());
    let results = service::run(&live, viewer, request)
        .await
        .map_err(|e| ApiError::internal(lang, e))?;
    Ok(HttpResponse::Ok().json(json_of(results, paging)))
}
