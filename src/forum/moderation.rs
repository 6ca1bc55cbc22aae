//! Changing what is already there, as a person does it: an author edits or
//! deletes their post; a moderator (or program staff) also hides and restores
//! posts, locks and moves threads, and works through the flag queue. The
//! policy decides who; the store keeps every earlier version and log line.

use super::compose::{self, Problem};
use super::cursor::split_page;
use super::service::{Forum, ForumError, render};
use super::space::SpaceName;
use super::store::{self, Edit, PostRow, ThreadView, Visibility};
use crate::accounts::policy::{self, Action};
use crate::accounts::users::{User, now};
use crate::db::DbConnection;

/// A moderator's decision on a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Hide,
    Restore,
    /// Keep it as it is and close its flags.
    Dismiss,
}

impl Forum {
    fn is_moderator(user: &User) -> bool {
        policy::allows(Some(user), Action::Moderate)
    }

    /// A thread in a space the person reads; a hidden one only for moderators.
    pub async fn thread_for(&self, user: &User, id: i32) -> Result<ThreadView, ForumError> {
        self.readable_thread(user, id, Self::is_moderator(user))
            .await
    }

    /// [`Forum::thread_for`] and what `then` reads of it, such as a page of
    /// its posts, in one trip to the database.
    pub async fn thread_for_with<T: Send + 'static>(
        &self,
        user: &User,
        id: i32,
        then: impl FnOnce(&mut DbConnection, &ThreadView) -> anyhow::Result<T> + Send + 'static,
    ) -> Result<(ThreadView, T), ForumError> {
        self.readable_thread_with(user, (id, Self::is_moderator(user)), then)
            .await
    }

    /// A post that is not deleted; a hidden one (or one in a hidden thread)
    /// only for moderators.
    pub async fn post_for(
        &self,
        user: &User,
        id: i32,
    ) -> Result<(ThreadView, PostRow), ForumError> {
        self.readable_post(user, id, Self::is_moderator(user)).await
    }

    /// A new version of a post (and, for the opening post, of the title);
    /// the post's thread id.
    pub async fn edit(
        &self,
        user: &User,
        post_id: i32,
        texts: (&str, Option<&str>),
    ) -> Result<i32, ForumError> {
        let found = self.post(user, post_id).await?;
        self.edit_found(user, found, texts).await
    }

    /// [`Forum::edit`] of a post the caller has already looked up.
    pub async fn edit_found(
        &self,
        user: &User,
        (thread, post): (ThreadView, PostRow),
        (body, title): (&str, Option<&str>),
    ) -> Result<i32, ForumError> {
        let thread_id = thread.row.id;
        if !policy::allows(
            Some(user),
            Action::EditPost {
                author_id: post.author_id,
            },
        ) {
            return Err(ForumError::Forbidden);
        }
        if thread.row.locked && !Self::is_moderator(user) {
            return Err(ForumError::Refused(store::Refused::Locked));
        }
        let body = compose::body(body);
        let title = match title.map(str::trim).filter(|t| !t.is_empty()) {
            Some(_) if !post.opening => Err(Problem::new("title", "forum-error-title-reply")),
            Some(t) => compose::title(t).map(Some),
            None => Ok(None),
        };
        let (body, title) = match (body, title) {
            (Ok(body), Ok(title)) => (body, title),
            (body, title) => {
                let problems = [body.err(), title.err()].into_iter().flatten().collect();
                return Err(ForumError::Invalid(problems));
            }
        };
        let by = user.id;
        self.run(move |conn, _| {
            let (html, _) = render(conn, &body)?;
            let edit = Edit {
                body: &body,
                body_html: &html,
                title: title.as_deref(),
            };
            Ok(store::edit(conn, (&thread.row, &post), edit, (by, now()))?)
        })
        .await?;
        Ok(thread_id)
    }

    /// Deletes a post (softly): its author or a moderator. The opening post
    /// takes its thread with it.
    pub async fn delete(&self, user: &User, post_id: i32) -> Result<i32, ForumError> {
        let (thread, post) = self.post_for(user, post_id).await?;
        if !policy::allows(
            Some(user),
            Action::EditPost {
                author_id: post.author_id,
            },
        ) {
            return Err(ForumError::Forbidden);
        }
        let by = user.id;
        self.run(move |conn, _| {
            Ok(store::set_visibility(
                conn,
                &post,
                Visibility::Delete,
                (by, now()),
                None,
            )?)
        })
        .await?;
        Ok(thread.row.id)
    }

    /// Hides, restores or clears the flags of a post: moderators only.
    pub async fn decide(
        &self,
        user: &User,
        post_id: i32,
        decision: Decision,
    ) -> Result<i32, ForumError> {
        if !Self::is_moderator(user) {
            return Err(ForumError::Forbidden);
        }
        let (thread, post) = self.post_for(user, post_id).await?;
        let act = (user.id, now());
        self.run(move |conn, _| {
            match decision {
                Decision::Hide => store::set_visibility(conn, &post, Visibility::Hide, act, None)?,
                Decision::Restore => {
                    store::set_visibility(conn, &post, Visibility::Restore, act, None)?
                }
                Decision::Dismiss => store::dismiss_flags(conn, &post, act)?,
            }
            Ok(())
        })
        .await?;
        Ok(thread.row.id)
    }

    /// Locks or unlocks a thread: moderators only.
    pub async fn lock(&self, user: &User, thread_id: i32, locked: bool) -> Result<(), ForumError> {
        if !Self::is_moderator(user) {
            return Err(ForumError::Forbidden);
        }
        let thread = self.thread_for(user, thread_id).await?;
        let act = (user.id, now());
        self.run(move |conn, _| Ok(store::set_locked(conn, &thread.row, locked, act)?))
            .await?;
        Ok(())
    }

    /// Moves a thread to another space the moderator may read.
    pub async fn move_to(&self, user: &User, thread_id: i32, to: &str) -> Result<(), ForumError> {
        if !Self::is_moderator(user) {
            return Err(ForumError::Forbidden);
        }
        let thread = self.thread_for(user, thread_id).await?;
        let name = SpaceName::parse(&self.catalog, to).ok_or_else(|| {
            ForumError::Invalid(vec![Problem::new("category", "forum-error-category")])
        })?;
        let space = self.space(name).await?;
        if !policy::allows(Some(user), space.read_action()) {
            return Err(ForumError::NotFound("category"));
        }
        let act = (user.id, now());
        self.run(move |conn, _| Ok(store::move_thread(conn, &thread.row, &space, act)?))
            .await?;
        Ok(())
    }
}

/// Posts shown on one page of the flag queue.
const QUEUE_PAGE: usize = 20;

impl Forum {
    /// A page of flagged posts, and where the next starts: moderators only;
    /// private spaces' posts for program staff only.
    pub async fn queue(
        &self,
        user: &User,
        after: Option<i32>,
    ) -> Result<(Vec<store::Flagged>, Option<i32>), ForumError> {
        if !Self::is_moderator(user) {
            return Err(ForumError::Forbidden);
        }
        let everything = policy::allows(Some(user), Action::AdministerProgram);
        let page = self
            .run(move |conn, _| Ok(store::open_flags(conn, after, QUEUE_PAGE + 1, everything)?))
            .await?;
        Ok(split_page(page, QUEUE_PAGE, |f| f.first_flag))
    }

    /// A page of the moderation log, newest first, and where the next starts:
    /// moderators; lines about private spaces for program staff only.
    pub async fn log(
        &self,
        user: &User,
        before: Option<i32>,
    ) -> Result<(Vec<store::LogLine>, Option<i32>), ForumError> {
        if !Self::is_moderator(user) {
            return Err(ForumError::Forbidden);
        }
        let everything = policy::allows(Some(user), Action::AdministerProgram);
        let size = (LOG_PAGE + 1) as i64;
        let page = self
            .run(move |conn, _| Ok(store::log_page(conn, (before, size), everything)?))
            .await?;
        Ok(split_page(page, LOG_PAGE, |line| line.id))
    }
}

/// Lines shown on one page of the moderation log.
const LOG_PAGE: usize = 50;
