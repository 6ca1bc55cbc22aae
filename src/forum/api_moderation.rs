//! The JSON API for changing what is there: edit and delete (the author or a
//! moderator), hide and restore, lock and move, and the flag queue (moderators).

use actix_web::{HttpResponse, route, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::api_types::Created;
use super::moderation::Decision;
use super::service::Forum;
use crate::accounts::identity::CurrentUser;
use crate::error::ApiError;
use crate::i18n::Lang;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EditBody {
    /// The new Markdown.
    pub body: String,
    /// A new title; only for a thread's opening post.
    pub title: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MoveBody {
    /// The space to move to: a category's slug or `city:<slug>`.
    pub category: String,
}

fn post_url(thread_id: i32, post_id: i32) -> Created {
    Created {
        id: post_id,
        url: format!("/forum/threads/{thread_id}#post-{post_id}"),
    }
}

/// Edits a post (its author or a moderator); the earlier version is kept.
#[utoipa::path(
    patch, path = "/api/v1/posts/{id}", tag = "forum", security(("bearer" = [])),
    params(("id" = i32, Path, description = "The post")), request_body = EditBody,
    responses(
        (status = 200, description = "Edited", body = Created),
        (status = 400, description = "Not a JSON object of the documented fields", body = crate::error::ErrorBody),
        (status = 401, description = "Not signed in", body = crate::error::ErrorBody),
        (status = 403, description = "Neither its author nor a moderator", body = crate::error::ErrorBody),
        (status = 404, description = "No such post, or not one the caller may read", body = crate::error::ErrorBody),
        (status = 409, description = "The thread is locked", body = crate::error::ErrorBody),
        (status = 415, description = "The body is not JSON", body = crate::error::ErrorBody),
        (status = 422, description = "An empty or too long body or title", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/posts/{id}", method = "PATCH")]
pub async fn edit(
    user: CurrentUser,
    lang: Lang,
    forum: Forum,
    id: web::Path<i32>,
    body: web::Json<EditBody>,
) -> Result<HttpResponse, ApiError> {
    let user = user.user();
    let thread_id = forum
        .edit(user, *id, (&body.body, body.title.as_deref()))
        .await
        .map_err(|e| e.api(lang))?;
    Ok(HttpResponse::Ok().json(post_url(thread_id, *id)))
}

/// Deletes a post (its author or a moderator); the opening post takes its thread.
#[utoipa::path(
    delete, path = "/api/v1/posts/{id}", tag = "forum", security(("bearer" = [])),
    params(("id" = i32, Path, description = "The post")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Not signed in", body = crate::error::ErrorBody),
        (status = 403, description = "Neither its author nor a moderator", body = crate::error::ErrorBody),
        (status = 404, description = "No such post, or not one the caller may read", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/posts/{id}", method = "DELETE")]
pub async fn delete(
    user: CurrentUser,
    lang: Lang,
    forum: Forum,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    forum
        .delete(user.user(), *id)
        .await
        .map_err(|e| e.api(lang))?;
    Ok(HttpResponse::NoContent().finish())
}

/// Hides a post everywhere (moderators); its open flags are closed.
#[utoipa::path(
    post, path = "/api/v1/posts/{id}/hide", tag = "forum", security(("bearer" = [])),
    params(("id" = i32, Path, description = "The post")),
    responses(
        (status = 200, description = "Hidden", body = Created),
        (status = 401, description = "Not signed in", body = crate::error::ErrorBody),
        (status = 403, description = "Not a moderator", body = crate::error::ErrorBody),
        (status = 404, description = "No such post, or not one the caller may read", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/posts/{id}/hide", method = "POST")]
pub async fn hide(
    user: CurrentUser,
    lang: Lang,
    forum: Forum,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    decide(&forum, &user, lang, *id, Decision::Hide).await
}

/// Shows a hidden post again (moderators).
#[utoipa::path(
    post, path = "/api/v1/posts/{id}/restore", tag = "forum", security(("bearer" = [])),
    params(("id" = i32, Path, description = "The post")),
    responses(
        (status = 200, description = "Restored", body = Created),
        (status = 401, description = "Not signed in", body = crate::error::ErrorBody),
        (status = 403, description = "Not a moderator", body = crate::error::ErrorBody),
        (status = 404, description = "No such post, or not one the caller may read", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/posts/{id}/restore", method = "POST")]
pub async fn restore(
    user: CurrentUser,
    lang: Lang,
    forum: Forum,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    decide(&forum, &user, lang, *id, Decision::Restore).await
}

async fn decide(
    forum: &Forum,
    user: &CurrentUser,
    lang: Lang,
    post_id: i32,
    decision: Decision,
) -> Result<HttpResponse, ApiError> {
    let thread_id = forum
        .decide(user.user(), post_id, decision)
        .await
        .map_err(|e| e.api(lang))?;
    Ok(HttpResponse::Ok().json(post_url(thread_id, post_id)))
}

/// Locks a thread: no more replies but from moderators.
#[utoipa::path(
    post, path = "/api/v1/threads/{id}/lock", tag = "forum", security(("bearer" = [])),
    params(("id" = i32, Path, description = "The thread")),
    responses(
        (status = 204, description = "Locked"),
        (status = 401, description = "Not signed in", body = crate::error::ErrorBody),
        (status = 403, description = "Not a moderator", body = crate::error::ErrorBody),
        (status = 404, description = "No such thread, or not one the caller may read", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/threads/{id}/lock", method = "POST")]
pub async fn lock(
    user: CurrentUser,
    lang: Lang,
    forum: Forum,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    forum
        .lock(user.user(), *id, true)
        .await
        .map_err(|e| e.api(lang))?;
    Ok(HttpResponse::NoContent().finish())
}

/// Unlocks a thread.
#[utoipa::path(
    delete, path = "/api/v1/threads/{id}/lock", tag = "forum", security(("bearer" = [])),
    params(("id" = i32, Path, description = "The thread")),
    responses(
        (status = 204, description = "Unlocked"),
        (status = 401, description = "Not signed in", body = crate::error::ErrorBody),
        (status = 403, description = "Not a moderator", body = crate::error::ErrorBody),
        (status = 404, description = "No such thread, or not one the caller may read", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/threads/{id}/lock", method = "DELETE")]
pub async fn unlock(
    user: CurrentUser,
    lang: Lang,
    forum: Forum,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    forum
        .lock(user.user(), *id, false)
        .await
        .map_err(|e| e.api(lang))?;
    Ok(HttpResponse::NoContent().finish())
}

/// Moves a thread to another space (moderators).
#[utoipa::path(
    post, path = "/api/v1/threads/{id}/move", tag = "forum", security(("bearer" = [])),
    params(("id" = i32, Path, description = "The thread")), request_body = MoveBody,
    responses(
        (status = 204, description = "Moved"),
        (status = 400, description = "Not a JSON object of the documented fields", body = crate::error::ErrorBody),
        (status = 401, description = "Not signed in", body = crate::error::ErrorBody),
        (status = 403, description = "Not a moderator", body = crate::error::ErrorBody),
        (status = 404, description = "No such thread or space, or not one the caller may read", body = crate::error::ErrorBody),
        (status = 415, description = "The body is not JSON", body = crate::error::ErrorBody),
        (status = 422, description = "Not a category", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/threads/{id}/move", method = "POST")]
pub async fn move_thread(
    user: CurrentUser,
    lang: Lang,
    forum: Forum,
    id: web::Path<i32>,
    body: web::Json<MoveBody>,
) -> Result<HttpResponse, ApiError> {
    forum
        .move_to(user.user(), *id, &body.category)
        .await
        .map_err(|e| e.api(lang))?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FlaggedJson {
    pub post_id: i32,
    pub thread_id: i32,
    pub thread_title: String,
    /// Markdown as written.
    pub body: String,
    pub hidden: bool,
    /// Each open flag's reason and note.
    pub reasons: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FlagQueue {
    pub flagged: Vec<FlaggedJson>,
    /// Pass as `after` for the next page; null on the last.
    pub next_after: Option<i32>,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct QueueQuery {
    /// From the previous page's `next_after`.
    after: Option<i32>,
}

/// The flagged posts awaiting review, oldest first (moderators).
#[utoipa::path(
    get, path = "/api/v1/moderation/flags", tag = "forum", security(("bearer" = [])), params(QueueQuery),
    responses(
        (status = 200, description = "A page of flagged posts", body = FlagQueue),
        (status = 401, description = "Not signed in", body = crate::error::ErrorBody),
        (status = 403, description = "Not a moderator", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/moderation/flags", method = "GET", method = "HEAD")]
pub async fn flag_queue(
    user: CurrentUser,
    lang: Lang,
    forum: Forum,
    query: web::Query<QueueQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = forum
        .queue(user.user(), query.after)
        .await
        .map_err(|e| e.api(lang))?;
    let next_after = page.1;
    let flagged = page
        .0
        .into_iter()
        .map(|f| FlaggedJson {
            post_id: f.post.id,
            thread_id: f.post.thread_id,
            thread_title: f.thread_title,
            body: f.post.body,
            hidden: f.post.hidden,
            reasons: f.reasons,
        })
        .collect();
    Ok(HttpResponse::Ok().json(FlagQueue {
        flagged,
        next_after,
    }))
}
