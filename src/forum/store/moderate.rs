//! Changing what was written: the author's edits (earlier versions kept) and
//! soft deletion; the moderators' hide and restore, lock, move and flag
//! dismissal, each with its moderation-log line and, where the index cares,
//! its outbox row, in one transaction.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::outbox::{self, Change};
use super::{PostRow, ThreadRow};
use crate::db::DbConnection;
use crate::forum::space::Space;
use crate::schema::{flags, moderation_log, post_revisions, posts, threads};

/// Who did it and when.
pub type Act = (i32, NaiveDateTime);

/// A new version of a post (and of the thread's title, for the opening post).
#[derive(Debug, Clone, Copy)]
pub struct Edit<'a> {
    pub body: &'a str,
    pub body_html: &'a str,
    pub title: Option<&'a str>,
}

pub fn edit(
    conn: &mut DbConnection,
    (thread, post): (&ThreadRow, &PostRow),
    edit: Edit,
    (by, at): Act,
) -> QueryResult<()> {
    conn.transaction(|conn| {
        let old_title = edit
            .title
            .filter(|_| post.opening)
            .map(|_| thread.title.as_str());
        diesel::insert_into(post_revisions::table)
            .values((
                post_revisions::post_id.eq(post.id),
                post_revisions::title.eq(old_title),
                post_revisions::body.eq(&post.body),
                post_revisions::edited_by.eq(Some(by)),
                post_revisions::replaced_at.eq(at),
            ))
            .execute(conn)?;
        diesel::update(posts::table.find(post.id))
            .set((
                posts::body.eq(edit.body),
                posts::body_html.eq(edit.body_html),
                posts::edited_at.eq(Some(at)),
            ))
            .execute(conn)?;
        if let (Some(title), true) = (edit.title, post.opening) {
            diesel::update(threads::table.find(thread.id))
                .set(threads::title.eq(title))
                .execute(conn)?;
        }
        if by != post.author_id.unwrap_or_default() {
            log(
                conn,
                (by, at),
                "post.edit",
                (thread.id, Some(post.id)),
                None,
            )?;
        }
        outbox::append(conn, Change::PostEdited, (thread.id, Some(post.id)), at)
    })
}

/// What happens to a post's visibility.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    /// By its author (or a moderator on their behalf); not undone here.
    Delete,
    Hide,
    Restore,
}

/// Deletes, hides or restores a post; the thread follows its opening post,
/// and its reply count and accepted answer follow what is visible.
pub fn set_visibility(
    conn: &mut DbConnection,
    post: &PostRow,
    change: Visibility,
    (by, at): Act,
    reason: Option<&str>,
) -> QueryResult<()> {
    conn.transaction(|conn| {
        let target = posts::table.find(post.id);
        let (action, outbox_change) = match change {
            Visibility::Delete => {
                diesel::update(target)
                    .set(posts::deleted.eq(true))
                    .execute(conn)?;
                ("post.delete", Change::PostDeleted)
            }
            Visibility::Hide => {
                diesel::update(target)
                    .set(posts::hidden.eq(true))
                    .execute(conn)?;
                resolve_flags(conn, post.id, "hidden", (by, at))?;
                ("post.hide", Change::PostHidden)
            }
            Visibility::Restore => {
                diesel::update(target)
                    .set(posts::hidden.eq(false))
                    .execute(conn)?;
                ("post.restore", Change::PostRestored)
            }
        };
        sync_thread(conn, post.thread_id)?;
        if change != Visibility::Delete || Some(by) != post.author_id {
            log(
                conn,
                (by, at),
                action,
                (post.thread_id, Some(post.id)),
                reason,
            )?;
        }
        outbox::append(conn, outbox_change, (post.thread_id, Some(post.id)), at)
    })
}

/// The thread's visibility, reply count and accepted answer, from its posts.
fn sync_thread(conn: &mut DbConnection, thread_id: i32) -> QueryResult<()> {
    let visible = posts::table
        .filter(posts::thread_id.eq(thread_id))
        .filter(posts::hidden.eq(false))
        .filter(posts::deleted.eq(false));
    let opening_visible: i64 = visible
        .filter(posts::opening.eq(true))
        .count()
        .get_result(conn)?;
    let replies: i64 = visible
        .filter(posts::opening.eq(false))
        .count()
        .get_result(conn)?;
    let accepted: Option<i32> = threads::table
        .find(thread_id)
        .select(threads::accepted_post_id)
        .first(conn)?;
    let still_accepted = match accepted {
        Some(id) => {
            visible
                .filter(posts::id.eq(id))
                .count()
                .get_result::<i64>(conn)?
                > 0
        }
        None => false,
    };
    diesel::update(threads::table.find(thread_id))
        .set((
            threads::visible.eq(opening_visible > 0),
            threads::reply_count.eq(i32::try_from(replies).unwrap_or(i32::MAX)),
            threads::accepted_post_id.eq(accepted.filter(|_| still_accepted)),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn set_locked(
    conn: &mut DbConnection,
    thread: &ThreadRow,
    locked: bool,
    act: Act,
) -> QueryResult<()> {
    conn.transaction(|conn| {
        diesel::update(threads::table.find(thread.id))
            .set(threads::locked.eq(locked))
            .execute(conn)?;
        let action = if locked {
            "thread.lock"
        } else {
            "thread.unlock"
        };
        log(conn, act, action, (thread.id, None), None)
    })
}

/// Moves a thread to another space (its watches and tags go with it).
pub fn move_thread(
    conn: &mut DbConnection,
    thread: &ThreadRow,
    to: &Space,
    (by, at): Act,
) -> QueryResult<()> {
    conn.transaction(|conn| {
        diesel::update(threads::table.find(thread.id))
            .set((
                threads::category.eq(to.column()),
                threads::space_city_id.eq(to.city_id()),
            ))
            .execute(conn)?;
        let detail = format!("{} → {}", thread.category, to.api_name());
        log(
            conn,
            (by, at),
            "thread.move",
            (thread.id, None),
            Some(&detail),
        )?;
        outbox::append(conn, Change::ThreadMoved, (thread.id, None), at)
    })
}

/// Closes a post's open flags as reviewed without hiding it.
pub fn dismiss_flags(conn: &mut DbConnection, post: &PostRow, act: Act) -> QueryResult<()> {
    conn.transaction(|conn| {
        resolve_flags(conn, post.id, "dismissed", act)?;
        log(
            conn,
            act,
            "flags.dismiss",
            (post.thread_id, Some(post.id)),
            None,
        )
    })
}

fn resolve_flags(
    conn: &mut DbConnection,
    post_id: i32,
    resolution: &str,
    (by, at): Act,
) -> QueryResult<usize> {
    diesel::update(
        flags::table
            .filter(flags::post_id.eq(post_id))
            .filter(flags::resolved_at.is_null()),
    )
    .set((
        flags::resolved_at.eq(Some(at)),
        flags::resolved_by.eq(Some(by)),
        flags::resolution.eq(Some(resolution)),
    ))
    .execute(conn)
}

fn log(
    conn: &mut DbConnection,
    (by, at): Act,
    action: &str,
    (thread_id, post_id): (i32, Option<i32>),
    detail: Option<&str>,
) -> QueryResult<()> {
    diesel::insert_into(moderation_log::table)
        .values((
            moderation_log::moderator_id.eq(Some(by)),
            moderation_log::action.eq(action),
            moderation_log::thread_id.eq(Some(thread_id)),
            moderation_log::post_id.eq(post_id),
            moderation_log::detail.eq(detail),
            moderation_log::created_at.eq(at),
        ))
        .execute(conn)
        .map(|_| ())
}
