//! The forum's actions as a person does them, shared by the pages and the API:
//! find the thing, ask the policy, check the input, render, store. Handlers
//! only translate HTTP to these calls and their results back.

use std::future::{Ready, ready};
use std::net::IpAddr;
use std::sync::Arc;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};

use super::compose::{self, Problem, ThreadDraft};
use super::space::{CitySpace, Space, SpaceName};
use super::store::{self, Created, NewPost, NewThread, PostLimit, PostRow, Refused, ThreadView};
use super::text::{markdown, mentions};
use crate::accounts::cities;
use crate::accounts::limits::{PostingLimits, retry_after_secs};
use crate::accounts::policy::{self, Action};
use crate::accounts::users::{User, now};
use crate::config::LimitSettings;
use crate::db::{self, DbConnection, DbPool};
use crate::error::{ApiError, ErrorKind};
use crate::i18n::Lang;
use crate::peers::PeerDirectory;
use crate::standard::{Catalog, Standards};

/// What every forum action needs, taken from the app's shared state.
#[derive(Clone)]
pub struct Forum {
    pub pool: DbPool,
    pub catalog: Arc<Catalog>,
    pub limit: PostLimit,
    /// Which criteria each city meets ("questions you can answer").
    pub directory: PeerDirectory,
    /// Every account's and address's posting allowance, and who is asking.
    pub pace: (web::Data<PostingLimits>, Option<IpAddr>),
}

impl FromRequest for Forum {
    type Error = actix_web::Error;
    type Future = Ready<Result<Forum, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let lang = Lang::of_request(req);
        let missing = || ApiError::internal(lang, anyhow::anyhow!("forum state missing")).into();
        let pool = req.app_data::<web::Data<DbPool>>();
        let standards = req.app_data::<web::Data<Standards>>();
        let limits = req.app_data::<web::Data<LimitSettings>>();
        let directory = req.app_data::<web::Data<PeerDirectory>>();
        let posting = req.app_data::<web::Data<PostingLimits>>();
        ready(match (pool, standards, limits, (directory, posting)) {
            (Some(pool), Some(standards), Some(limits), (Some(directory), Some(posting))) => {
                standards
                    .current()
                    .map(|catalog| Forum {
                        pool: pool.get_ref().clone(),
                        catalog: catalog.clone(),
                        limit: PostLimit {
                            per_hour: limits.new_account_posts_per_hour,
                            new_for_days: limits.new_account_days,
                        },
                        directory: directory.get_ref().clone(),
                        pace: (posting.clone(), posting.client_ip(req)),
                    })
                    .map_err(|e| ApiError::internal(lang, e).into())
            }
            _ => Err(missing()),
        })
    }
}

/// Why a forum action did not happen.
#[derive(Debug)]
pub enum ForumError {
    /// No such thing, or not one this person may see (the same answer, so
    /// nothing about a private space leaks).
    NotFound(&'static str),
    Forbidden,
    Invalid(Vec<Problem>),
    Refused(Refused),
    Failed(anyhow::Error),
}

impl From<anyhow::Error> for ForumError {
    fn from(e: anyhow::Error) -> ForumError {
        ForumError::Failed(e)
    }
}

impl ForumError {
    pub fn api(self, lang: Lang) -> ApiError {
        match self {
            ForumError::NotFound(what) => ApiError::not_found(lang, what),
            ForumError::Forbidden => ApiError::new(lang, ErrorKind::Forbidden),
            ForumError::Invalid(problems) => problems
                .iter()
                .fold(ApiError::new(lang, ErrorKind::Unprocessable), |e, p| {
                    e.with_field(p.field, p.message(lang))
                }),
            ForumError::Refused(refused) => {
                let (kind, field) = refused_as(refused);
                ApiError::new(lang, kind)
                    .with_field(field, refused_message(refused, lang))
                    .with_retry_after(refused.retry_after())
            }
            ForumError::Failed(e) => ApiError::internal(lang, e),
        }
    }
}

/// The status and field a refusal is reported under.
fn refused_as(refused: Refused) -> (ErrorKind, &'static str) {
    match refused {
        Refused::TooManyPosts { .. } | Refused::TooFast { .. } => {
            (ErrorKind::TooManyRequests, "body")
        }
        Refused::Locked => (ErrorKind::Conflict, "thread"),
        Refused::NotFound => (ErrorKind::NotFound, "thread"),
        Refused::NotApplicable => (ErrorKind::Conflict, "post"),
        Refused::AlreadyDone => (ErrorKind::Conflict, "post"),
    }
}

/// A refusal in words, for the API's fields and for pages.
pub fn refused_message(refused: Refused, lang: Lang) -> String {
    match refused {
        Refused::TooManyPosts { per_hour, .. } => lang.t_args(
            "forum-error-too-many-posts",
            &[("count", f64::from(per_hour).into())],
        ),
        Refused::TooFast { wait_secs } => lang.t_args(
            "forum-error-too-fast",
            &[("minutes", (wait_secs.div_ceil(60) as f64).into())],
        ),
        Refused::Locked => lang.t("forum-error-locked"),
        Refused::NotFound => lang.t("error-field-not-found"),
        Refused::NotApplicable => lang.t("forum-error-not-applicable"),
        Refused::AlreadyDone => lang.t("forum-error-already-flagged"),
    }
}

impl Forum {
    /// Runs blocking database work for this forum.
    pub(super) async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut DbConnection, &Catalog) -> anyhow::Result<T> + Send + 'static,
    ) -> anyhow::Result<T> {
        let catalog = self.catalog.clone();
        db::run(&self.pool, move |conn| work(conn, &catalog)).await
    }

    /// The space a draft names, if it exists; a city's is looked up by slug.
    pub async fn space(&self, name: SpaceName) -> Result<Space, ForumError> {
        match name {
            SpaceName::Public(category) => Ok(Space::Public(category)),
            SpaceName::City(slug) => {
                let city = self
                    .run(move |conn, _| Ok(cities::find_by_slug(conn, &slug)?))
                    .await?
                    .ok_or(ForumError::NotFound("category"))?;
                Ok(Space::City(CitySpace {
                    id: city.id,
                    slug: city.slug,
                    name: city.name,
                }))
            }
        }
    }

    /// Starts a thread where the person may post.
    pub async fn start_thread(
        &self,
        user: &User,
        draft: ThreadDraft,
    ) -> Result<Created, ForumError> {
        let space = self.space(draft.space.clone()).await?;
        if !policy::allows(Some(user), space.read_action()) {
            return Err(ForumError::NotFound("category"));
        }
        if !space.may_post(user) {
            return Err(ForumError::Forbidden);
        }
        self.pace(user)?;
        let (user, limit) = (user.clone(), self.limit);
        let created = self
            .run(move |conn, _| {
                let (html, mentioned) = render(conn, &draft.body)?;
                let new = NewThread {
                    space: &space,
                    kind: draft.kind,
                    title: &draft.title,
                    lang: draft.lang,
                    tags: &draft.tags,
                    post: NewPost {
                        author: &user,
                        body: &draft.body,
                        body_html: &html,
                        mentioned: &mentioned,
                        at: now(),
                    },
                };
                Ok(store::create_thread(conn, &new, limit)?)
            })
            .await?;
        created.map_err(ForumError::Refused)
    }

    /// Spends one post of the person's and their address's hourly allowance.
    fn pace(&self, user: &User) -> Result<(), ForumError> {
        let (limits, client) = &self.pace;
        limits.check(*client, &user.id).map_err(|wait| {
            ForumError::Refused(Refused::TooFast {
                wait_secs: retry_after_secs(wait),
            })
        })
    }

    /// A thread the person may read; a hidden one is not found.
    pub async fn thread(&self, user: &User, id: i32) -> Result<ThreadView, ForumError> {
        self.readable_thread(user, id, false).await
    }

    /// A visible post in a thread the person may read, with that thread.
    pub async fn post(&self, user: &User, id: i32) -> Result<(ThreadView, PostRow), ForumError> {
        self.readable_post(user, id, false).await
    }

    /// A thread in a space the person reads; hidden ones only `with_hidden`.
    pub(super) async fn readable_thread(
        &self,
        user: &User,
        id: i32,
        with_hidden: bool,
    ) -> Result<ThreadView, ForumError> {
        let (thread, ()) = self
            .readable_thread_with(user, (id, with_hidden), |_, _| Ok(()))
            .await?;
        Ok(thread)
    }

    /// [`Forum::readable_thread`] and what `then` reads of it, in one trip to
    /// the database: each trip costs two thread switches, and with two a
    /// thread page spent a third of its time in the kernel.
    pub(super) async fn readable_thread_with<T: Send + 'static>(
        &self,
        user: &User,
        (id, with_hidden): (i32, bool),
        then: impl FnOnce(&mut DbConnection, &ThreadView) -> anyhow::Result<T> + Send + 'static,
    ) -> Result<(ThreadView, T), ForumError> {
        let reader = user.clone();
        self.run(move |conn, catalog| {
            let Some(thread) = store::find_thread(conn, catalog, id)?.filter(|t| {
                (t.row.visible || with_hidden)
                    && policy::allows(Some(&reader), t.space.read_action())
            }) else {
                return Ok(None);
            };
            let more = then(conn, &thread)?;
            Ok(Some((thread, more)))
        })
        .await?
        .ok_or(ForumError::NotFound("thread"))
    }

    /// A post that is not deleted, with its thread; hidden ones (or ones in a
    /// hidden thread) only `with_hidden`.
    pub(super) async fn readable_post(
        &self,
        user: &User,
        id: i32,
        with_hidden: bool,
    ) -> Result<(ThreadView, PostRow), ForumError> {
        let post = self
            .run(move |conn, _| Ok(store::find_post(conn, id)?))
            .await?
            .filter(|p| !p.deleted && (!p.hidden || with_hidden))
            .ok_or(ForumError::NotFound("post"))?;
        let thread = self
            .readable_thread(user, post.thread_id, with_hidden)
            .await
            .map_err(|_| ForumError::NotFound("post"))?;
        Ok((thread, post))
    }

    /// Adds a reply; moderators may still reply in a locked thread.
    pub async fn reply(&self, user: &User, thread_id: i32, body: &str) -> Result<i32, ForumError> {
        let thread = self.thread(user, thread_id).await?;
        if !thread.space.may_post(user) {
            return Err(ForumError::Forbidden);
        }
        let body = compose::body(body).map_err(|p| ForumError::Invalid(vec![p]))?;
        self.pace(user)?;
        let bypass = policy::allows(Some(user), Action::Moderate);
        let (user, limit) = (user.clone(), self.limit);
        let posted = self
            .run(move |conn, _| {
                let (html, mentioned) = render(conn, &body)?;
                let post = NewPost {
                    author: &user,
                    body: &body,
                    body_html: &html,
                    mentioned: &mentioned,
                    at: now(),
                };
                Ok(store::reply(conn, thread_id, &post, (limit, bypass))?)
            })
            .await?;
        posted.map_err(ForumError::Refused)
    }

    /// Votes for a post (`up`) or withdraws the vote; not for one's own posts.
    pub async fn vote(
        &self,
        user: &User,
        post_id: i32,
        up: bool,
    ) -> Result<store::Voted, ForumError> {
        let (_, post) = self.post(user, post_id).await?;
        if post.author_id == Some(user.id) {
            return Err(ForumError::Refused(Refused::NotApplicable));
        }
        let user_id = user.id;
        let voted = self
            .run(move |conn, _| {
                let at = now();
                Ok(if up {
                    store::vote(conn, &post, user_id, at)?
                } else {
                    store::unvote(conn, &post, user_id, at)?
                })
            })
            .await?;
        Ok(voted)
    }

    /// Marks a reply the accepted answer of its question.
    pub async fn accept(
        &self,
        user: &User,
        thread_id: i32,
        post_id: i32,
    ) -> Result<store::Accepted, ForumError> {
        let thread = self.thread(user, thread_id).await?;
        let asker_id = thread.row.author_id;
        if !policy::allows(Some(user), Action::AcceptAnswer { asker_id }) {
            return Err(ForumError::Forbidden);
        }
        let (_, post) = self.post(user, post_id).await?;
        let is_question = thread.row.kind == compose::Kind::Question.code();
        if post.thread_id != thread_id || post.opening || !is_question {
            return Err(ForumError::Refused(Refused::NotApplicable));
        }
        let by = user.id;
        let accepted = self
            .run(move |conn, _| Ok(store::accept(conn, &thread.row, &post, (by, now()))?))
            .await?;
        Ok(accepted)
    }

    /// Flags a post for the moderators (one flag per person per post): the
    /// flag's id and the post's thread.
    pub async fn flag(
        &self,
        user: &User,
        post_id: i32,
        (reason, note): (&str, &str),
    ) -> Result<(i32, i32), ForumError> {
        let (_, post) = self.post(user, post_id).await?;
        let (reason, note) =
            compose::flag(reason, note).map_err(|p| ForumError::Invalid(vec![p]))?;
        let text = if note.is_empty() {
            reason.code().to_owned()
        } else {
            format!("{}: {note}", reason.code())
        };
        let by = user.id;
        let thread_id = post.thread_id;
        let flagged = self
            .run(move |conn, _| Ok(store::flag(conn, post.id, by, &text, now())?))
            .await?;
        flagged
            .map(|id| (id, thread_id))
            .map_err(ForumError::Refused)
    }
}

/// The body's sanitised HTML, with links for the mentions of real people, and
/// those people's ids.
pub(super) fn render(conn: &mut DbConnection, body: &str) -> anyhow::Result<(String, Vec<i32>)> {
    let handles = mentions::extract(body);
    let known = store::handles_known(conn, &handles)?;
    let html = markdown::render(body, &|handle| known.contains_key(handle));
    Ok((html, known.into_values().collect()))
}
