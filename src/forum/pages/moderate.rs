//! The moderators' pages and buttons: the flag queue, hide / restore /
//! dismiss on a post, lock / unlock on a thread; and the author's delete.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, route, web};
use serde::Deserialize;

use crate::accounts::identity::CurrentUser;
use crate::error::PageError;
use crate::forum::moderation::Decision;
use crate::forum::service::Forum;
use crate::forum::views;
use crate::web::csrf::{CsrfField, ProtectedForm};
use crate::web::{PageContext, html, see_other};

#[derive(Debug, Deserialize)]
pub struct ButtonPost {
    // Missing counts as wrong: 403, not a form error.
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    locked: String,
}

impl CsrfField for ButtonPost {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

/// Hide, restore, or dismiss a post's flags; back to where the button was.
#[route("/forum/posts/{id}/{decision:hide|restore|dismiss}", method = "POST")]
pub async fn decide(
    user: CurrentUser,
    page: PageContext,
    forum: Forum,
    path: web::Path<(i32, String)>,
    _form: ProtectedForm<ButtonPost>,
) -> Result<HttpResponse, PageError> {
    let (post_id, decision) = path.into_inner();
    let decision = match decision.as_str() {
        "hide" => Decision::Hide,
        "restore" => Decision::Restore,
        _ => Decision::Dismiss,
    };
    let thread_id = forum
        .decide(user.user(), post_id, decision)
        .await
        .map_err(|e| e.page(page.lang))?;
    if decision == Decision::Dismiss {
        return Ok(see_other("/forum/moderation"));
    }
    Ok(see_other(&format!(
        "/forum/threads/{thread_id}#post-{post_id}"
    )))
}

/// The author's (or a moderator's) delete; the thread goes with its question.
#[route("/forum/posts/{id}/delete", method = "POST")]
pub async fn delete(
    user: CurrentUser,
    page: PageContext,
    forum: Forum,
    id: web::Path<i32>,
    _form: ProtectedForm<ButtonPost>,
) -> Result<HttpResponse, PageError> {
    let thread_id = forum
        .delete(user.user(), *id)
        .await
        .map_err(|e| e.page(page.lang))?;
    Ok(see_other(&format!("/forum/threads/{thread_id}")))
}

#[route("/forum/threads/{id}/lock", method = "POST")]
pub async fn lock(
    user: CurrentUser,
    page: PageContext,
    forum: Forum,
    id: web::Path<i32>,
    form: ProtectedForm<ButtonPost>,
) -> Result<HttpResponse, PageError> {
    let locked = form.0.locked != "0";
    forum
        .lock(user.user(), *id, locked)
        .await
        .map_err(|e| e.page(page.lang))?;
    Ok(see_other(&format!("/forum/threads/{}", *id)))
}

#[derive(Debug, Deserialize)]
pub struct QueueQuery {
    after: Option<i32>,
}

/// The flag queue: the oldest flagged posts first, with their reasons.
#[route("/forum/moderation", method = "GET", method = "HEAD")]
pub async fn queue(
    user: CurrentUser,
    page: PageContext,
    forum: Forum,
    query: web::Query<QueueQuery>,
) -> Result<HttpResponse, PageError> {
    let (flagged, next) = forum
        .queue(user.user(), query.after)
        .await
        .map_err(|e| e.page(page.lang))?;
    Ok(html(
        StatusCode::OK,
        views::queue_page(&page, &flagged, next),
    ))
}
