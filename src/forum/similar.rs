//! "Similar questions": the threads already like one being written, for the
//! new-thread form and `GET /api/v1/search/similar`, found among what the
//! writer may read by the search index's related threads.

use actix_web::{HttpResponse, route, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::accounts::identity::CurrentUser;
use crate::accounts::users::User;
use crate::error::{ApiError, ErrorKind};
use crate::i18n::Lang;
use crate::search::{LiveIndex, MAX_RELATED, RelatedRequest, RelatedThread, service};

/// Threads the form shows, and the API's default.
pub const SHOWN: usize = 5;
/// Only the start of a long text counts: the question is there, and a
/// pasted report must not cost a long analysis.
const TEXT_CHARS: usize = 1_000;

/// The threads most like `(title, body)` that `user` may read, best first.
pub async fn threads(
    search: &LiveIndex,
    user: &User,
    (title, body): (&str, &str),
    limit: usize,
) -> anyhow::Result<Vec<RelatedThread>> {
    let start = |text: &str| text.chars().take(TEXT_CHARS).collect::<String>();
    let request = RelatedRequest {
        texts: vec![start(title), start(body)],
        criterion: None,
        limit,
    };
    let viewer = service::viewer_of(user);
    let found = service::related(search, viewer, vec![request]).await?;
    Ok(found.into_iter().flatten().collect())
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct SimilarParams {
    /// The new question's title, as typed so far.
    pub title: Option<String>,
    /// Its text so far; only the first 1,000 characters count.
    pub body: Option<String>,
    /// Threads wanted (1–20, default 5).
    pub limit: Option<usize>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SimilarThread {
    pub thread_id: i64,
    pub title: String,
    pub url: String,
    /// Whether its question has an accepted answer.
    pub solved: bool,
    pub score: f32,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SimilarThreads {
    /// Most similar first; empty when nothing is alike.
    pub threads: Vec<SimilarThread>,
}

/// Threads like a question being written, among those the caller may read.
#[utoipa::path(
    get, path = "/api/v1/search/similar", tag = "search", security(("bearer" = [])),
    params(SimilarParams),
    responses(
        (status = 200, description = "The most similar threads", body = SimilarThreads),
        (status = 400, description = "Neither a title nor a body, named under `title`; or a bad `limit`", body = crate::error::ErrorBody),
        (status = 401, description = "Not signed in", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/search/similar", method = "GET", method = "HEAD")]
pub async fn similar_api(
    user: CurrentUser,
    lang: Lang,
    live: web::Data<LiveIndex>,
    params: web::Query<SimilarParams>,
) -> Result<HttpResponse, ApiError> {
    let (title, body) = (
        params.title.as_deref().unwrap_or_default(),
        params.body.as_deref().unwrap_or_default(),
    );
    let invalid = |field: &str, key: &str| {
        ApiError::new(lang, ErrorKind::InvalidQuery).with_field(field, lang.t(key))
    };
    if title.trim().is_empty() && body.trim().is_empty() {
        return Err(invalid("title", "similar-error-empty"));
    }
    let limit = params.limit.unwrap_or(SHOWN);
    if !(1..=MAX_RELATED).contains(&limit) {
        return Err(invalid("limit", "similar-error-limit"));
    }
    let found = threads(&live, user.user(), (title, body), limit)
        .await
        .map_err(|e| ApiError::internal(lang, e))?;
    let threads = found
        .into_iter()
        .map(|t| SimilarThread {
            url: format!("/forum/threads/{}", t.thread_id),
            thread_id: t.thread_id,
            title: t.title,
            solved: t.solved,
            score: t.score,
        })
        .collect();
    Ok(HttpResponse::Ok().json(SimilarThreads { threads }))
}
