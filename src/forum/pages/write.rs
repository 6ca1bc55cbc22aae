//! The forum's forms: start a thread, reply, vote, accept an answer, flag a
//! post, set a watch, and read notifications. Each checks its CSRF token,
//! calls `Forum`, and answers with a redirect or the form and its problems.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, route, web};
use serde::Deserialize;

use super::show_thread;
use crate::accounts::identity::CurrentUser;
use crate::accounts::users::User;
use crate::accounts::users::now;
use crate::error::PageError;
use crate::forum::compose::{self, Problem, TagsInput, ThreadInput};
use crate::forum::service::{Forum, ForumError, refused_message};
use crate::forum::similar;
use crate::forum::space::Space;
use crate::forum::store;
use crate::forum::views::{self, FlagForm, NewThreadForm, ReplyForm};
use crate::forum::watch::{Level, Target};
use crate::search::{LiveIndex, RelatedThread};
use crate::web::csrf::{CsrfField, ProtectedForm};
use crate::web::{PageContext, html, see_other, with_retry_after};
use maud::Markup;

macro_rules! csrf_form {
    ($name:ident { $($field:ident),* }) => {
        #[derive(Debug, Deserialize)]
        pub struct $name {
            // Missing counts as wrong: 403, not a form error.
            #[serde(default)]
            csrf: String,
            $(#[serde(default)] $field: String,)*
        }
        impl CsrfField for $name {
            fn csrf(&self) -> &str {
                &self.csrf
            }
        }
    };
}

csrf_form!(ThreadPost {
    category,
    kind,
    title,
    body,
    tags,
    lang,
    check
});
csrf_form!(ReplyPost { body });
csrf_form!(VotePost { up });
csrf_form!(AcceptPost { post_id });
csrf_form!(FlagPost { reason, note });
csrf_form!(WatchPost {
    target_kind,
    target,
    level
});
csrf_form!(ReadPost {});

pub(super) fn messages(problems: &[Problem], page: &PageContext) -> Vec<(String, String)> {
    problems
        .iter()
        .map(|p| (p.field.to_owned(), p.message(page.lang)))
        .collect()
}

#[derive(Debug, Deserialize)]
pub struct NewQuery {
    category: Option<String>,
}

#[route("/forum/new", method = "GET", method = "HEAD")]
pub async fn new_thread(
    user: CurrentUser,
    page: PageContext,
    forum: Forum,
    query: web::Query<NewQuery>,
) -> HttpResponse {
    let form = NewThreadForm {
        category: query.category.clone().unwrap_or_default(),
        lang: user.user().language.code().to_owned(),
        ..NewThreadForm::default()
    };
    let spaces = Space::postable(&forum.catalog, user.user());
    html(
        StatusCode::OK,
        views::new_thread_page(&page, &forum.catalog, &spaces, &form),
    )
}

/// Posts a new thread, or, with `check=similar`, shows the form again with
/// the threads already like it.
#[route("/forum/threads", method = "POST")]
pub async fn create_thread(
    user: CurrentUser,
    page: PageContext,
    forum: Forum,
    search: web::Data<LiveIndex>,
    form: ProtectedForm<ThreadPost>,
) -> Result<HttpResponse, PageError> {
    let (f, user) = (form.0, user.user());
    if f.check == "similar" {
        return similar_page(&search, (&page, &forum, user), f).await;
    }
    let input = ThreadInput {
        space: &f.category,
        kind: Some(&f.kind),
        title: &f.title,
        body: &f.body,
        tags: TagsInput::Text(&f.tags),
        lang: Some(&f.lang),
    };
    let outcome = match compose::thread(&forum.catalog, input, user.language) {
        Ok(draft) => forum.start_thread(user, draft).await,
        Err(problems) => Err(ForumError::Invalid(problems)),
    };
    let (status, errors, retry_after) = match outcome {
        Ok(created) => return Ok(see_other(&format!("/forum/threads/{}", created.thread_id))),
        Err(ForumError::Invalid(problems)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            messages(&problems, &page),
            None,
        ),
        Err(ForumError::Refused(refused)) => (
            StatusCode::TOO_MANY_REQUESTS,
            vec![("body".to_owned(), refused_message(refused, page.lang))],
            refused.retry_after(),
        ),
        Err(other) => return Err(other.page(page.lang)),
    };
    let markup = redisplay(&page, &forum, user, f, (errors, None));
    Ok(with_retry_after(html(status, markup), retry_after))
}

/// The form again, with the threads like the one being written.
async fn similar_page(
    search: &LiveIndex,
    (page, forum, user): (&PageContext, &Forum, &User),
    f: ThreadPost,
) -> Result<HttpResponse, PageError> {
    if f.title.trim().is_empty() && f.body.trim().is_empty() {
        let errors = vec![("title".to_owned(), page.lang.t("similar-error-empty"))];
        let markup = redisplay(page, forum, user, f, (errors, None));
        return Ok(html(StatusCode::UNPROCESSABLE_ENTITY, markup));
    }
    let similar = similar::threads(search, user, (&f.title, &f.body), similar::SHOWN)
        .await
        .map_err(|e| PageError::internal(page.lang, e))?;
    let markup = redisplay(page, forum, user, f, (Vec::new(), Some(similar)));
    Ok(html(StatusCode::OK, markup))
}

/// The new-thread form again with what was typed, its problems and any similar threads.
fn redisplay(
    page: &PageContext,
    forum: &Forum,
    user: &User,
    f: ThreadPost,
    (errors, similar): (Vec<(String, String)>, Option<Vec<RelatedThread>>),
) -> Markup {
    let values = NewThreadForm {
        category: f.category,
        kind: f.kind,
        title: f.title,
        body: f.body,
        tags: f.tags,
        lang: f.lang,
        errors,
        similar,
    };
    let spaces = Space::postable(&forum.catalog, user);
    views::new_thread_page(page, &forum.catalog, &spaces, &values)
}

#[route("/forum/threads/{id}/replies", method = "POST")]
pub async fn reply(
    user: CurrentUser,
    page: PageContext,
    forum: Forum,
    id: web::Path<i32>,
    form: ProtectedForm<ReplyPost>,
) -> Result<HttpResponse, PageError> {
    let body = form.0.body;
    let (status, problems, retry_after) = match forum.reply(user.user(), *id, &body).await {
        Ok(post_id) => return Ok(see_other(&format!("/forum/threads/{}#post-{post_id}", *id))),
        Err(ForumError::Invalid(problems)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            messages(&problems, &page),
            None,
        ),
        Err(ForumError::Refused(refused @ store::Refused::Locked)) => (
            StatusCode::CONFLICT,
            vec![("body".to_owned(), refused_message(refused, page.lang))],
            None,
        ),
        Err(ForumError::Refused(refused)) if refused.retry_after().is_some() => (
            StatusCode::TOO_MANY_REQUESTS,
            vec![("body".to_owned(), refused_message(refused, page.lang))],
            refused.retry_after(),
        ),
        Err(other) => return Err(other.page(page.lang)),
    };
    let reply = ReplyForm {
        body,
        errors: problems,
    };
    let mut response = show_thread(&forum, (&user, &page), *id, None, (reply, None)).await?;
    *response.status_mut() = status;
    Ok(with_retry_after(response, retry_after))
}

#[route("/forum/posts/{id}/vote", method = "POST")]
pub async fn vote(
    user: CurrentUser,
    page: PageContext,
    forum: Forum,
    id: web::Path<i32>,
    form: ProtectedForm<VotePost>,
) -> Result<HttpResponse, PageError> {
    let up = form.0.up != "0";
    forum
        .vote(user.user(), *id, up)
        .await
        .map_err(|e| e.page(page.lang))?;
    let (thread, _) = forum
        .post(user.user(), *id)
        .await
        .map_err(|e| e.page(page.lang))?;
    Ok(see_other(&format!(
        "/forum/threads/{}#post-{}",
        thread.row.id, *id
    )))
}

#[route("/forum/threads/{id}/accept", method = "POST")]
pub async fn accept(
    user: CurrentUser,
    page: PageContext,
    forum: Forum,
    id: web::Path<i32>,
    form: ProtectedForm<AcceptPost>,
) -> Result<HttpResponse, PageError> {
    let lang = page.lang;
    let post_id: i32 = form
        .0
        .post_id
        .trim()
        .parse()
        .map_err(|_| ForumError::NotFound("post").page(lang))?;
    forum
        .accept(user.user(), *id, post_id)
        .await
        .map_err(|e| e.page(lang))?;
    Ok(see_other(&format!("/forum/threads/{}#post-{post_id}", *id)))
}

#[route("/forum/posts/{id}/flag", method = "GET", method = "HEAD")]
pub async fn flag_form(
    user: CurrentUser,
    page: PageContext,
    forum: Forum,
    id: web::Path<i32>,
) -> Result<HttpResponse, PageError> {
    let (thread, post) = forum
        .post(user.user(), *id)
        .await
        .map_err(|e| e.page(page.lang))?;
    let markup = views::flag_page(&page, (post.id, thread.row.id), &FlagForm::default());
    Ok(html(StatusCode::OK, markup))
}

#[route("/forum/posts/{id}/flag", method = "POST")]
pub async fn flag(
    user: CurrentUser,
    page: PageContext,
    forum: Forum,
    id: web::Path<i32>,
    form: ProtectedForm<FlagPost>,
) -> Result<HttpResponse, PageError> {
    let f = form.0;
    let (status, errors) = match forum.flag(user.user(), *id, (&f.reason, &f.note)).await {
        Ok((_, thread_id)) => {
            return Ok(see_other(&format!(
                "/forum/threads/{thread_id}?flagged=1#post-{}",
                *id
            )));
        }
        Err(ForumError::Invalid(problems)) => {
            (StatusCode::UNPROCESSABLE_ENTITY, messages(&problems, &page))
        }
        Err(ForumError::Refused(refused)) => (
            StatusCode::CONFLICT,
            vec![("reason".to_owned(), refused_message(refused, page.lang))],
        ),
        Err(other) => return Err(other.page(page.lang)),
    };
    let (thread, _) = forum
        .post(user.user(), *id)
        .await
        .map_err(|e| e.page(page.lang))?;
    let values = FlagForm {
        reason: f.reason,
        note: f.note,
        errors,
    };
    Ok(html(
        status,
        views::flag_page(&page, (*id, thread.row.id), &values),
    ))
}

/// Sets a watch on a thread the person may read (categories and tags come later
/// from their own pages, through the same route).
#[route("/forum/watch", method = "POST")]
pub async fn watch(
    user: CurrentUser,
    page: PageContext,
    forum: Forum,
    form: ProtectedForm<WatchPost>,
) -> Result<HttpResponse, PageError> {
    let lang = page.lang;
    let f = form.0;
    let level = Level::from_code(&f.level).ok_or_else(|| ForumError::Invalid(vec![]).page(lang))?;
    let (target, back) = match f.target_kind.as_str() {
        "thread" => {
            let id: i32 = f
                .target
                .trim()
                .parse()
                .map_err(|_| PageError::not_found(lang))?;
            forum
                .thread(user.user(), id)
                .await
                .map_err(|e| e.page(lang))?;
            (Target::Thread(id), format!("/forum/threads/{id}"))
        }
        "category" => {
            let category = crate::forum::space::Category::parse(&forum.catalog, &f.target)
                .ok_or_else(|| PageError::not_found(lang))?;
            let back = format!("/forum/c/{}", category.slug());
            (Target::Category(category.slug().to_owned()), back)
        }
        "tag" => {
            let tag = crate::forum::text::tags::normalise(&f.target)
                .map_err(|_| PageError::not_found(lang))?;
            let back = format!("/forum/tags/{tag}");
            (Target::Tag(tag), back)
        }
        _ => return Err(PageError::not_found(lang)),
    };
    let user_id = user.user().id;
    forum
        .run(move |conn, _| Ok(store::set_watch(conn, user_id, &target, level)?))
        .await
        .map_err(|e| PageError::internal(lang, e))?;
    Ok(see_other(&back))
}

#[derive(Debug, Deserialize)]
pub struct BeforeQuery {
    before: Option<i32>,
}

#[route("/notifications", method = "GET", method = "HEAD")]
pub async fn notifications(
    user: CurrentUser,
    page: PageContext,
    forum: Forum,
    query: web::Query<BeforeQuery>,
) -> Result<HttpResponse, PageError> {
    let (reader, before) = ((user.user().id, user.user().city_id), query.before);
    let size = crate::forum::cursor::PAGE_SIZE;
    let lines = forum
        .run(move |conn, _| Ok(store::notification_lines(conn, reader, before, size)?))
        .await
        .map_err(|e| PageError::internal(page.lang, e))?;
    let (lines, next) = crate::forum::cursor::split_page(lines, size as usize, |(n, _, _)| n.id);
    Ok(html(
        StatusCode::OK,
        views::notifications_page(&page, &lines, next),
    ))
}

#[route("/notifications/read", method = "POST")]
pub async fn mark_read(
    user: CurrentUser,
    page: PageContext,
    forum: Forum,
    _form: ProtectedForm<ReadPost>,
) -> Result<HttpResponse, PageError> {
    let user_id = user.user().id;
    forum
        .run(move |conn, _| Ok(store::mark_read(conn, user_id, now())?))
        .await
        .map_err(|e| PageError::internal(page.lang, e))?;
    Ok(see_other("/notifications"))
}
