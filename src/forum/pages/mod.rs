//! The forum's pages: the front page, a space, a tag, the unanswered and
//! answerable questions, a person's activity, a thread, notifications. The
//! forms that write are in `write`.

pub mod manage;
pub mod moderate;
pub mod write;

use actix_web::{HttpResponse, route, web};
use serde::Deserialize;

use super::cursor::PAGE_SIZE;
use super::lists::page_of;
use super::service::{Forum, ForumError};
use super::space::{Space, SpaceName};
use super::store::{self, ThreadFilter};
use super::views::{self, ListView, ReplyForm, ThreadPage};
use super::watch::{Level, Target};
use crate::accounts::identity::CurrentUser;
use crate::accounts::policy::{self, Action};
use crate::error::{ErrorKind, PageError};
use crate::i18n::Lang;
use crate::web::PageContext;

/// `?cursor=` on every list page.
#[derive(Debug, Deserialize)]
pub struct CursorQuery {
    cursor: Option<String>,
    /// Set after a flag was filed, to say so.
    flagged: Option<String>,
}

impl ForumError {
    /// The page for a failure; forms show their own problems before this.
    pub fn page(self, lang: Lang) -> PageError {
        match self {
            ForumError::NotFound(_) => PageError::not_found(lang),
            ForumError::Forbidden => PageError::new(lang, ErrorKind::Forbidden),
            ForumError::Invalid(_) => PageError::new(lang, ErrorKind::InvalidQuery),
            ForumError::Refused(store::Refused::NotFound) => PageError::not_found(lang),
            ForumError::Refused(refused @ store::Refused::TooManyPosts { .. })
            | ForumError::Refused(refused @ store::Refused::TooFast { .. }) => {
                PageError::new(lang, ErrorKind::TooManyRequests)
                    .with_retry_after(refused.retry_after())
            }
            ForumError::Refused(_) => PageError::new(lang, ErrorKind::Conflict),
            ForumError::Failed(e) => PageError::internal(lang, e),
        }
    }
}

async fn unread(forum: &Forum, reader: store::Reader, lang: Lang) -> Result<i64, PageError> {
    forum
        .run(move |conn, _| Ok(store::unread_count(conn, reader)?))
        .await
        .map_err(|e| PageError::internal(lang, e))
}

/// What a list page shows, before it is fetched.
struct ListSpec {
    title: String,
    intro: Option<String>,
    new_thread: Option<String>,
    path: String,
    filter: ThreadFilter,
    /// What the page offers to watch.
    watch: Option<Target>,
}

async fn show_list(
    forum: &Forum,
    (user, page): (&CurrentUser, &PageContext),
    spec: ListSpec,
    cursor: Option<&str>,
) -> Result<HttpResponse, PageError> {
    let lang = page.lang;
    let user = user.user();
    let after = page_of(cursor, Some(PAGE_SIZE)).map_err(|e| e.page(lang))?;
    let threads = forum
        .list(user, spec.filter, after)
        .await
        .map_err(|e| e.page(lang))?;
    let unread = unread(forum, (user.id, user.city_id), lang).await?;
    let watch = match spec.watch {
        Some(target) => {
            let (reader, key) = (user.id, target.clone());
            let level = forum
                .run(move |conn, _| Ok(store::watch_level(conn, reader, &key)?))
                .await
                .map_err(|e| PageError::internal(lang, e))?;
            Some((target, level.unwrap_or(Level::Normal)))
        }
        None => None,
    };
    let view = ListView {
        title: spec.title,
        intro: spec.intro,
        new_thread: spec.new_thread,
        path: &spec.path,
        threads: &threads,
        catalog: &forum.catalog,
        watch,
    };
    let markup = if spec.path == "/forum" {
        views::index_page(page, &view, unread)
    } else {
        views::list_page(page, &view, unread)
    };
    Ok(crate::web::html(actix_web::http::StatusCode::OK, markup))
}

#[route("/forum", method = "GET", method = "HEAD")]
pub async fn index(
    user: CurrentUser,
    page: PageContext,
    forum: Forum,
    query: web::Query<CursorQuery>,
) -> Result<HttpResponse, PageError> {
    let spec = ListSpec {
        title: page.lang.t("forum-title"),
        intro: None,
        new_thread: None,
        path: "/forum".into(),
        filter: ThreadFilter::Latest,
        watch: None,
    };
    show_list(&forum, (&user, &page), spec, query.cursor.as_deref()).await
}

/// A public category (`/forum/c/dm`) or a city's private space (`/forum/city/boston`).
#[route("/forum/{kind:c|city}/{slug}", method = "GET", method = "HEAD")]
pub async fn space(
    user: CurrentUser,
    page: PageContext,
    forum: Forum,
    path: web::Path<(String, String)>,
    query: web::Query<CursorQuery>,
) -> Result<HttpResponse, PageError> {
    let lang = page.lang;
    let (kind, slug) = path.into_inner();
    let name = if kind == "city" {
        Some(SpaceName::City(slug.to_ascii_lowercase()))
    } else {
        SpaceName::parse(&forum.catalog, &slug).filter(|n| matches!(n, SpaceName::Public(_)))
    }
    .ok_or_else(|| PageError::not_found(lang))?;
    let filter = forum
        .space_filter(user.user(), name)
        .await
        .map_err(|e| e.page(lang))?;
    let ThreadFilter::Space(space) = &filter else {
        return Err(PageError::not_found(lang));
    };
    let spec = ListSpec {
        title: space.name(&forum.catalog, lang),
        intro: (!space.is_public()).then(|| lang.t("forum-city-space-intro")),
        new_thread: space
            .may_post(user.user())
            .then(|| format!("/forum/new?category={}", space.api_name())),
        path: space.path(),
        filter: filter.clone(),
        watch: match space {
            Space::Public(category) => Some(Target::Category(category.slug().to_owned())),
            Space::City(_) => None,
        },
    };
    show_list(&forum, (&user, &page), spec, query.cursor.as_deref()).await
}

#[route("/forum/tags/{tag}", method = "GET", method = "HEAD")]
pub async fn tag(
    user: CurrentUser,
    page: PageContext,
    forum: Forum,
    tag: web::Path<String>,
    query: web::Query<CursorQuery>,
) -> Result<HttpResponse, PageError> {
    let lang = page.lang;
    let filter = forum.tag_filter(&tag).map_err(|e| e.page(lang))?;
    let ThreadFilter::Tag(normal) = &filter else {
        return Err(PageError::not_found(lang));
    };
    let label = super::text::tags::criterion_code(normal)
        .and_then(|code| forum.catalog.criterion(&code))
        .map(|c| format!("{} · {}", c.code, c.label.get(lang)));
    let spec = ListSpec {
        title: lang.t_args("forum-tag-title", &[("tag", normal.as_str().into())]),
        intro: label,
        new_thread: None,
        path: format!("/forum/tags/{normal}"),
        filter: filter.clone(),
        watch: Some(Target::Tag(normal.clone())),
    };
    show_list(&forum, (&user, &page), spec, query.cursor.as_deref()).await
}

/// `/forum/unanswered` and `/forum/answerable`.
#[route("/forum/{view:unanswered|answerable}", method = "GET", method = "HEAD")]
pub async fn questions(
    user: CurrentUser,
    page: PageContext,
    forum: Forum,
    view: web::Path<String>,
    query: web::Query<CursorQuery>,
) -> Result<HttpResponse, PageError> {
    let lang = page.lang;
    let answerable = view.as_str() == "answerable";
    let spec = ListSpec {
        title: lang.t(if answerable {
            "forum-answerable"
        } else {
            "forum-unanswered"
        }),
        intro: Some(lang.t(if answerable {
            "forum-answerable-intro"
        } else {
            "forum-unanswered-intro"
        })),
        new_thread: None,
        path: format!("/forum/{view}"),
        filter: if answerable {
            forum.answerable_filter(user.user())
        } else {
            ThreadFilter::Unanswered
        },
        watch: None,
    };
    show_list(&forum, (&user, &page), spec, query.cursor.as_deref()).await
}

#[route("/forum/people/{handle}", method = "GET", method = "HEAD")]
pub async fn person(
    user: CurrentUser,
    page: PageContext,
    forum: Forum,
    handle: web::Path<String>,
    query: web::Query<CursorQuery>,
) -> Result<HttpResponse, PageError> {
    let lang = page.lang;
    let (author, filter) = forum.person(&handle).await.map_err(|e| e.page(lang))?;
    let spec = ListSpec {
        title: lang.t_args(
            "forum-person-title",
            &[("person", author.name.as_str().into())],
        ),
        intro: Some(format!(
            "@{}{}",
            author.handle,
            author.city.map(|c| format!(" · {c}")).unwrap_or_default()
        )),
        new_thread: None,
        path: format!("/forum/people/{}", author.handle),
        filter,
        watch: None,
    };
    show_list(&forum, (&user, &page), spec, query.cursor.as_deref()).await
}

#[route("/forum/threads/{id}", method = "GET", method = "HEAD")]
pub async fn thread_page(
    user: CurrentUser,
    page: PageContext,
    forum: Forum,
    id: web::Path<i32>,
    query: web::Query<CursorQuery>,
) -> Result<HttpResponse, PageError> {
    let notice = query
        .flagged
        .as_ref()
        .map(|_| page.lang.t("forum-flagged-notice"));
    show_thread(
        &forum,
        (&user, &page),
        *id,
        query.cursor.as_deref(),
        (ReplyForm::default(), notice),
    )
    .await
}

/// The thread page, also after a reply that needs another look.
pub(super) async fn show_thread(
    forum: &Forum,
    (user, page): (&CurrentUser, &PageContext),
    id: i32,
    cursor: Option<&str>,
    (reply, notice): (ReplyForm, Option<String>),
) -> Result<HttpResponse, PageError> {
    let lang = page.lang;
    let user = user.user();
    let (after, size) = page_of(cursor, None).map_err(|e| e.page(lang))?;
    let (reader, moderator) = (user.id, policy::allows(Some(user), Action::Moderate));
    let (thread, (posts, watch)) = forum
        .thread_for_with(user, id, move |conn, thread| {
            let posts = store::posts_page(conn, (&thread.row, reader), (after, size), moderator)?;
            let watch = store::thread_watch(conn, reader, thread.row.id)?;
            Ok((posts, watch))
        })
        .await
        .map_err(|e| e.page(lang))?;
    let may_accept = policy::allows(
        Some(user),
        Action::AcceptAnswer {
            asker_id: thread.row.author_id,
        },
    );
    let may_reply = thread.space.may_post(user)
        && (!thread.row.locked || policy::allows(Some(user), Action::Moderate));
    let status = if reply.errors.is_empty() {
        actix_web::http::StatusCode::OK
    } else {
        actix_web::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = ThreadPage {
        thread: &thread,
        posts: &posts,
        catalog: &forum.catalog,
        may_accept,
        may_reply,
        watch: watch.unwrap_or(Level::Normal),
        reply,
        notice,
        moderator,
    };
    Ok(crate::web::html(status, views::thread_page(page, &view)))
}
