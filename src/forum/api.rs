//! The forum's JSON API under `/api/v1`: categories, thread lists with
//! cursors, a thread with its posts, and the writes (thread, reply, vote,
//! accepted answer, flag). Each handler is a call into `Forum`.

use actix_web::{HttpResponse, route, web};

use super::api_types::{
    AcceptedJson, CategoryJson, CategoryList, Created, CreatedThread, FlagBody, NewPostBody,
    NewThreadBody, ThreadJson, ThreadList, VoteJson,
};
use super::compose::{self, TagsInput, ThreadInput};
use super::lists::{ListQuery, page_of};
use super::service::{Forum, ForumError};
use super::space::{Category, Space};
use super::store;
use crate::accounts::identity::CurrentUser;
use crate::accounts::policy::{self, Action};
use crate::error::ApiError;
use crate::i18n::Lang;

/// The public categories, and the caller's city's private space.
#[utoipa::path(
    get,
    path = "/api/v1/categories",
    tag = "forum",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The ten public categories, then the caller's private city space if any", body = CategoryList),
        (status = 401, description = "Not signed in", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/categories", method = "GET", method = "HEAD")]
pub async fn categories(user: CurrentUser, lang: Lang, forum: Forum) -> HttpResponse {
    let catalog = &forum.catalog;
    let mut categories: Vec<CategoryJson> = Category::all(catalog)
        .into_iter()
        .map(|c| CategoryJson {
            name: c.name(catalog, lang),
            area: c.area_code(catalog).map(str::to_owned),
            staff_only: c.is_announcements(),
            private: false,
            url: format!("/forum/c/{}", c.slug()),
            slug: c.slug().to_owned(),
        })
        .collect();
    if let Some(space) = Space::own_city(user.user()) {
        categories.push(CategoryJson {
            slug: space.api_name(),
            name: space.name(catalog, lang),
            area: None,
            staff_only: false,
            private: true,
            url: space.path(),
        });
    }
    HttpResponse::Ok().json(CategoryList { categories })
}

/// Threads, latest activity first, one page at a time.
#[utoipa::path(
    get,
    path = "/api/v1/threads",
    tag = "forum",
    security(("bearer" = [])),
    params(ListQuery),
    responses(
        (status = 200, description = "A page of threads the caller may read", body = ThreadList),
        (status = 401, description = "Not signed in", body = crate::error::ErrorBody),
        (status = 404, description = "No such category or person, or a private space the caller may not read", body = crate::error::ErrorBody),
        (status = 422, description = "A bad filter, cursor or limit", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/threads", method = "GET", method = "HEAD")]
pub async fn list_threads(
    user: CurrentUser,
    lang: Lang,
    forum: Forum,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let user = user.user();
    let page = page_of(query.cursor.as_deref(), query.limit).map_err(|e| e.api(lang))?;
    let filter = forum
        .filter_of(user, &query)
        .await
        .map_err(|e| e.api(lang))?;
    let threads = forum
        .list(user, filter, page)
        .await
        .map_err(|e| e.api(lang))?;
    Ok(HttpResponse::Ok().json(ThreadList::from(threads)))
}

/// Starts a thread.
#[utoipa::path(
    post,
    path = "/api/v1/threads",
    tag = "forum",
    security(("bearer" = [])),
    request_body = NewThreadBody,
    responses(
        (status = 201, description = "Stored", body = CreatedThread),
        (status = 400, description = "Not a JSON object of the documented fields", body = crate::error::ErrorBody),
        (status = 401, description = "Not signed in", body = crate::error::ErrorBody),
        (status = 403, description = "Announcements are for program staff", body = crate::error::ErrorBody),
        (status = 404, description = "A private space the caller may not read", body = crate::error::ErrorBody),
        (status = 415, description = "The body is not JSON", body = crate::error::ErrorBody),
        (status = 422, description = "Fields that need attention, each named", body = crate::error::ErrorBody),
        (status = 429, description = "A new account's hourly allowance of posts is used up", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/threads", method = "POST")]
pub async fn create_thread(
    user: CurrentUser,
    lang: Lang,
    forum: Forum,
    body: web::Json<NewThreadBody>,
) -> Result<HttpResponse, ApiError> {
    let user = user.user();
    let input = ThreadInput {
        space: &body.category,
        kind: body.kind.as_deref(),
        title: &body.title,
        body: &body.body,
        tags: TagsInput::List(&body.tags),
        lang: body.lang.as_deref(),
    };
    let draft = compose::thread(&forum.catalog, input, user.language)
        .map_err(|problems| ForumError::Invalid(problems).api(lang))?;
    let created = forum
        .start_thread(user, draft)
        .await
        .map_err(|e| e.api(lang))?;
    let url = format!("/forum/threads/{}", created.thread_id);
    Ok(HttpResponse::Created()
        .insert_header(("Location", url.clone()))
        .json(CreatedThread {
            id: created.thread_id,
            post_id: created.post_id,
            url,
        }))
}

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
pub struct PostsQuery {
    /// From the previous page's `next_cursor`.
    cursor: Option<String>,
    /// Replies per page, 1 to 100; 20 by default.
    limit: Option<i64>,
}

/// A thread with a page of its posts.
#[utoipa::path(
    get,
    path = "/api/v1/threads/{id}",
    tag = "forum",
    security(("bearer" = [])),
    params(("id" = i32, Path, description = "The thread"), PostsQuery),
    responses(
        (status = 200, description = "The thread and a page of posts", body = ThreadJson),
        (status = 401, description = "Not signed in", body = crate::error::ErrorBody),
        (status = 404, description = "No such thread, or not one the caller may read", body = crate::error::ErrorBody),
        (status = 422, description = "A bad cursor or limit", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/threads/{id}", method = "GET", method = "HEAD")]
pub async fn show_thread(
    user: CurrentUser,
    lang: Lang,
    forum: Forum,
    id: web::Path<i32>,
    query: web::Query<PostsQuery>,
) -> Result<HttpResponse, ApiError> {
    let user = user.user();
    let (after, size) = page_of(query.cursor.as_deref(), query.limit).map_err(|e| e.api(lang))?;
    let (reader, moderator) = (user.id, policy::allows(Some(user), Action::Moderate));
    let (thread, page) = forum
        .thread_for_with(user, *id, move |conn, thread| {
            Ok(store::posts_page(
                conn,
                (&thread.row, reader),
                (after, size),
                moderator,
            )?)
        })
        .await
        .map_err(|e| e.api(lang))?;
    Ok(HttpResponse::Ok().json(ThreadJson::new(thread, page)))
}

/// Replies to a thread.
#[utoipa::path(
    post,
    path = "/api/v1/threads/{id}/posts",
    tag = "forum",
    security(("bearer" = [])),
    params(("id" = i32, Path, description = "The thread")),
    request_body = NewPostBody,
    responses(
        (status = 201, description = "Stored", body = Created),
        (status = 400, description = "Not a JSON object of the documented fields", body = crate::error::ErrorBody),
        (status = 401, description = "Not signed in", body = crate::error::ErrorBody),
        (status = 403, description = "Announcements take replies from program staff only", body = crate::error::ErrorBody),
        (status = 404, description = "No such thread, or not one the caller may read", body = crate::error::ErrorBody),
        (status = 409, description = "The thread is locked", body = crate::error::ErrorBody),
        (status = 415, description = "The body is not JSON", body = crate::error::ErrorBody),
        (status = 422, description = "An empty or too long body", body = crate::error::ErrorBody),
        (status = 429, description = "A new account's hourly allowance of posts is used up", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/threads/{id}/posts", method = "POST")]
pub async fn reply(
    user: CurrentUser,
    lang: Lang,
    forum: Forum,
    id: web::Path<i32>,
    body: web::Json<NewPostBody>,
) -> Result<HttpResponse, ApiError> {
    let post_id = forum
        .reply(user.user(), *id, &body.body)
        .await
        .map_err(|e| e.api(lang))?;
    let url = format!("/forum/threads/{}#post-{post_id}", *id);
    Ok(HttpResponse::Created().json(Created { id: post_id, url }))
}

/// Votes for a post (once; again changes nothing).
#[utoipa::path(
    post,
    path = "/api/v1/posts/{id}/vote",
    tag = "forum",
    security(("bearer" = [])),
    params(("id" = i32, Path, description = "The post")),
    responses(
        (status = 200, description = "The post's votes now", body = VoteJson),
        (status = 401, description = "Not signed in", body = crate::error::ErrorBody),
        (status = 404, description = "No such post, or not one the caller may read", body = crate::error::ErrorBody),
        (status = 409, description = "One's own post", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/posts/{id}/vote", method = "POST")]
pub async fn vote(
    user: CurrentUser,
    lang: Lang,
    forum: Forum,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    voted(&forum, &user, lang, *id, true).await
}

/// Withdraws one's vote.
#[utoipa::path(
    delete,
    path = "/api/v1/posts/{id}/vote",
    tag = "forum",
    security(("bearer" = [])),
    params(("id" = i32, Path, description = "The post")),
    responses(
        (status = 200, description = "The post's votes now", body = VoteJson),
        (status = 401, description = "Not signed in", body = crate::error::ErrorBody),
        (status = 404, description = "No such post, or not one the caller may read", body = crate::error::ErrorBody),
        (status = 409, description = "One's own post", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/posts/{id}/vote", method = "DELETE")]
pub async fn unvote(
    user: CurrentUser,
    lang: Lang,
    forum: Forum,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    voted(&forum, &user, lang, *id, false).await
}

async fn voted(
    forum: &Forum,
    user: &CurrentUser,
    lang: Lang,
    post_id: i32,
    up: bool,
) -> Result<HttpResponse, ApiError> {
    let voted = forum
        .vote(user.user(), post_id, up)
        .await
        .map_err(|e| e.api(lang))?;
    Ok(HttpResponse::Ok().json(VoteJson {
        post_id,
        votes: voted.votes,
        voted: voted.voted,
    }))
}

/// Marks a reply the question's accepted answer (the asker or a moderator).
#[utoipa::path(
    post,
    path = "/api/v1/threads/{id}/accept/{post_id}",
    tag = "forum",
    security(("bearer" = [])),
    params(
        ("id" = i32, Path, description = "The question"),
        ("post_id" = i32, Path, description = "The reply to accept")
    ),
    responses(
        (status = 200, description = "Accepted", body = AcceptedJson),
        (status = 401, description = "Not signed in", body = crate::error::ErrorBody),
        (status = 403, description = "Neither the asker nor a moderator", body = crate::error::ErrorBody),
        (status = 404, description = "No such thread or post, or not one the caller may read", body = crate::error::ErrorBody),
        (status = 409, description = "Not a reply in this question", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/threads/{id}/accept/{post_id}", method = "POST")]
pub async fn accept(
    user: CurrentUser,
    lang: Lang,
    forum: Forum,
    path: web::Path<(i32, i32)>,
) -> Result<HttpResponse, ApiError> {
    let (thread_id, post_id) = path.into_inner();
    let accepted = forum
        .accept(user.user(), thread_id, post_id)
        .await
        .map_err(|e| e.api(lang))?;
    Ok(HttpResponse::Ok().json(AcceptedJson {
        thread_id: accepted.thread_id,
        post_id: accepted.post_id,
    }))
}

/// Flags a post for the moderators, with a reason.
#[utoipa::path(
    post,
    path = "/api/v1/posts/{id}/flag",
    tag = "forum",
    security(("bearer" = [])),
    params(("id" = i32, Path, description = "The post")),
    request_body = FlagBody,
    responses(
        (status = 201, description = "Filed for review", body = Created),
        (status = 400, description = "Not a JSON object of the documented fields", body = crate::error::ErrorBody),
        (status = 401, description = "Not signed in", body = crate::error::ErrorBody),
        (status = 404, description = "No such post, or not one the caller may read", body = crate::error::ErrorBody),
        (status = 409, description = "Already flagged by the caller", body = crate::error::ErrorBody),
        (status = 415, description = "The body is not JSON", body = crate::error::ErrorBody),
        (status = 422, description = "An unknown reason, or `other` without a note", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/posts/{id}/flag", method = "POST")]
pub async fn flag(
    user: CurrentUser,
    lang: Lang,
    forum: Forum,
    id: web::Path<i32>,
    body: web::Json<FlagBody>,
) -> Result<HttpResponse, ApiError> {
    let (flag_id, thread_id) = forum
        .flag(user.user(), *id, (&body.reason, &body.note))
        .await
        .map_err(|e| e.api(lang))?;
    Ok(HttpResponse::Created().json(Created {
        id: flag_id,
        url: format!("/forum/threads/{thread_id}#post-{}", *id),
    }))
}
