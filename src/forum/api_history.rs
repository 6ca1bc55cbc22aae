//! The JSON API for what moderators read of the past: a post's earlier
//! versions and the moderation log.

use actix_web::{HttpResponse, route, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::service::{Forum, ForumError};
use super::store;
use crate::accounts::identity::CurrentUser;
use crate::accounts::policy::{self, Action};
use crate::error::ApiError;
use crate::i18n::Lang;

#[derive(Debug, Serialize, ToSchema)]
pub struct RevisionJson {
    pub title: Option<String>,
    pub body: String,
    /// When this version was replaced.
    pub replaced_at: DateTime<Utc>,
}

/// A post's earlier versions, oldest first (moderators).
#[utoipa::path(
    get, path = "/api/v1/posts/{id}/revisions", tag = "forum", security(("bearer" = [])),
    params(("id" = i32, Path, description = "The post")),
    responses(
        (status = 200, description = "The earlier versions", body = [RevisionJson]),
        (status = 401, description = "Not signed in", body = crate::error::ErrorBody),
        (status = 403, description = "Not a moderator", body = crate::error::ErrorBody),
        (status = 404, description = "No such post, or not one the caller may read", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/posts/{id}/revisions", method = "GET", method = "HEAD")]
pub async fn revisions(
    user: CurrentUser,
    lang: Lang,
    forum: Forum,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let user = user.user();
    if !policy::allows(Some(user), Action::Moderate) {
        return Err(ForumError::Forbidden.api(lang));
    }
    let (_, post) = forum.post_for(user, *id).await.map_err(|e| e.api(lang))?;
    let found = forum
        .run(move |conn, _| Ok(store::revisions(conn, post.id)?))
        .await
        .map_err(|e| ApiError::internal(lang, e))?;
    let versions: Vec<RevisionJson> = found
        .into_iter()
        .map(|r| RevisionJson {
            title: r.title,
            body: r.body,
            replaced_at: r.replaced_at.and_utc(),
        })
        .collect();
    Ok(HttpResponse::Ok().json(versions))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LogLineJson {
    pub id: i32,
    /// The moderator's name; null for a removed account.
    pub moderator: Option<String>,
    /// `post.edit`, `post.delete`, `post.hide`, `post.restore`, `thread.lock`,
    /// `thread.unlock`, `thread.move` or `flags.dismiss`.
    pub action: String,
    pub thread_id: Option<i32>,
    pub post_id: Option<i32>,
    pub detail: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ModerationLog {
    pub lines: Vec<LogLineJson>,
    /// Pass as `before` for the next (older) page; null on the last.
    pub next_before: Option<i32>,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct LogQuery {
    /// From the previous page's `next_before`.
    before: Option<i32>,
}

/// The moderation log, newest first (moderators; lines about cities' private
/// spaces for program staff only).
#[utoipa::path(
    get, path = "/api/v1/moderation/log", tag = "forum", security(("bearer" = [])), params(LogQuery),
    responses(
        (status = 200, description = "A page of the log", body = ModerationLog),
        (status = 401, description = "Not signed in", body = crate::error::ErrorBody),
        (status = 403, description = "Not a moderator", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/moderation/log", method = "GET", method = "HEAD")]
pub async fn log(
    user: CurrentUser,
    lang: Lang,
    forum: Forum,
    query: web::Query<LogQuery>,
) -> Result<HttpResponse, ApiError> {
    let (lines, next_before) = forum
        .log(user.user(), query.before)
        .await
        .map_err(|e| e.api(lang))?;
    let lines = lines
        .into_iter()
        .map(|l| LogLineJson {
            id: l.id,
            moderator: l.moderator,
            action: l.action,
            thread_id: l.thread_id,
            post_id: l.post_id,
            detail: l.detail,
            created_at: l.created_at.and_utc(),
        })
        .collect();
    Ok(HttpResponse::Ok().json(ModerationLog { lines, next_before }))
}
