//! Changing what is already posted, in a browser: the edit form (author or
//! moderator), a post's earlier versions, moving a thread and the moderation
//! log (moderators).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, route, web};
use serde::Deserialize;

use super::write::messages;
use crate::accounts::identity::CurrentUser;
use crate::accounts::policy::{self, Action};
use crate::error::PageError;
use crate::forum::service::{Forum, ForumError, refused_message};
use crate::forum::store;
use crate::forum::views::{self, EditForm};
use crate::web::csrf::{CsrfField, ProtectedForm};
use crate::web::{PageContext, html, see_other};

#[derive(Debug, Deserialize)]
pub struct EditPost {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    body: String,
    title: Option<String>,
}

impl CsrfField for EditPost {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

/// The form to edit a post, filled with its current text.
#[route("/forum/posts/{id}/edit", method = "GET", method = "HEAD")]
pub async fn edit_form(
    user: CurrentUser,
    page: PageContext,
    forum: Forum,
    id: web::Path<i32>,
) -> Result<HttpResponse, PageError> {
    let (thread, post) = forum
        .post(user.user(), *id)
        .await
        .map_err(|e| e.page(page.lang))?;
    let author_id = post.author_id;
    if !policy::allows(Some(user.user()), Action::EditPost { author_id }) {
        return Err(ForumError::Forbidden.page(page.lang));
    }
    let form = EditForm {
        post_id: post.id,
        thread_id: thread.row.id,
        title: post.opening.then(|| thread.row.title.clone()),
        body: post.body,
        errors: Vec::new(),
    };
    Ok(html(StatusCode::OK, views::edit_page(&page, &form)))
}

/// Saves a new version; the earlier one is kept for moderators.
#[route("/forum/posts/{id}/edit", method = "POST")]
pub async fn edit(
    user: CurrentUser,
    page: PageContext,
    forum: Forum,
    id: web::Path<i32>,
    form: ProtectedForm<EditPost>,
) -> Result<HttpResponse, PageError> {
    let f = form.0;
    let (thread, post) = forum
        .post(user.user(), *id)
        .await
        .map_err(|e| e.page(page.lang))?;
    let title = post.opening.then(|| f.title.clone().unwrap_or_default());
    let (thread_id, post_id) = (thread.row.id, post.id);
    let edited = forum
        .edit_found(user.user(), (thread, post), (&f.body, title.as_deref()))
        .await;
    let (status, errors) = match edited {
        Ok(_) => {
            let to = format!("/forum/threads/{thread_id}#post-{post_id}");
            return Ok(see_other(&to));
        }
        Err(ForumError::Invalid(problems)) => {
            (StatusCode::UNPROCESSABLE_ENTITY, messages(&problems, &page))
        }
        Err(ForumError::Refused(refused @ store::Refused::Locked)) => (
            StatusCode::CONFLICT,
            vec![("body".to_owned(), refused_message(refused, page.lang))],
        ),
        Err(other) => return Err(other.page(page.lang)),
    };
    let form = EditForm {
        post_id,
        thread_id,
        title,
        body: f.body,
        errors,
    };
    Ok(html(status, views::edit_page(&page, &form)))
}

/// A post's earlier versions (moderators).
#[route("/forum/posts/{id}/revisions", method = "GET", method = "HEAD")]
pub async fn revisions(
    user: CurrentUser,
    page: PageContext,
    forum: Forum,
    id: web::Path<i32>,
) -> Result<HttpResponse, PageError> {
    let lang = page.lang;
    if !policy::allows(Some(user.user()), Action::Moderate) {
        return Err(ForumError::Forbidden.page(lang));
    }
    let (thread, post) = forum
        .post_for(user.user(), *id)
        .await
        .map_err(|e| e.page(lang))?;
    let post_id = post.id;
    let versions = forum
        .run(move |conn, _| Ok(store::revisions(conn, post_id)?))
        .await
        .map_err(|e| PageError::internal(lang, e))?;
    let markup = views::revisions_page(&page, &thread, post_id, &versions);
    Ok(html(StatusCode::OK, markup))
}

#[derive(Debug, Deserialize)]
pub struct MovePost {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    category: String,
}

impl CsrfField for MovePost {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

/// Moves a thread to another category (moderators); back to the thread.
#[route("/forum/threads/{id}/move", method = "POST")]
pub async fn move_thread(
    user: CurrentUser,
    page: PageContext,
    forum: Forum,
    id: web::Path<i32>,
    form: ProtectedForm<MovePost>,
) -> Result<HttpResponse, PageError> {
    forum
        .move_to(user.user(), *id, &form.0.category)
        .await
        .map_err(|e| e.page(page.lang))?;
    Ok(see_other(&format!("/forum/threads/{}", *id)))
}

#[derive(Debug, Deserialize)]
pub struct LogQuery {
    before: Option<i32>,
}

/// The moderation log, newest first (moderators and program staff).
#[route("/forum/moderation/log", method = "GET", method = "HEAD")]
pub async fn log(
    user: CurrentUser,
    page: PageContext,
    forum: Forum,
    query: web::Query<LogQuery>,
) -> Result<HttpResponse, PageError> {
    let (lines, next) = forum
        .log(user.user(), query.before)
        .await
        .map_err(|e| e.page(page.lang))?;
    Ok(html(StatusCode::OK, views::log_page(&page, &lines, next)))
}
