//! New threads and replies: the rows, the tags, the outbox line, the author's
//! and mentioned people's watches and notifications, and the new-account
//! limit, all in one transaction.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::outbox::{self, Change};
use super::{Abort, Refused, ThreadRow, notify, settle};
use crate::accounts::users::User;
use crate::db::DbConnection;
use crate::forum::compose::Kind;
use crate::forum::space::Space;
use crate::i18n::Lang;
use crate::schema::{posts, thread_tags, threads, users};

/// How much a new account may post.
#[derive(Debug, Clone, Copy)]
pub struct PostLimit {
    pub per_hour: u32,
    /// Accounts younger than this many days are new.
    pub new_for_days: u32,
}

impl PostLimit {
    /// For the demo seed and the scale generator, which write history.
    pub const NONE: PostLimit = PostLimit {
        per_hour: u32::MAX,
        new_for_days: 0,
    };
}

/// A post about to be written.
#[derive(Debug, Clone, Copy)]
pub struct NewPost<'a> {
    pub author: &'a User,
    pub body: &'a str,
    /// The body rendered and sanitised.
    pub body_html: &'a str,
    /// The people it @mentions (those who cannot read the space are skipped).
    pub mentioned: &'a [i32],
    pub at: NaiveDateTime,
}

#[derive(Debug, Clone, Copy)]
pub struct NewThread<'a> {
    pub space: &'a Space,
    pub kind: Kind,
    pub title: &'a str,
    pub lang: Lang,
    pub tags: &'a [String],
    pub post: NewPost<'a>,
}

/// The ids a new thread was stored under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Created {
    pub thread_id: i32,
    pub post_id: i32,
}

pub fn create_thread(
    conn: &mut DbConnection,
    new: &NewThread,
    limit: PostLimit,
) -> QueryResult<Result<Created, Refused>> {
    settle(conn.transaction::<_, Abort, _>(|conn| {
        let at = new.post.at;
        let thread_id: i32 = diesel::insert_into(threads::table)
            .values((
                threads::category.eq(new.space.column()),
                threads::space_city_id.eq(new.space.city_id()),
                threads::kind.eq(new.kind.code()),
                threads::title.eq(new.title),
                threads::lang.eq(new.lang.code()),
                threads::author_id.eq(Some(new.post.author.id)),
                threads::created_at.eq(at),
                threads::last_post_at.eq(at),
            ))
            .returning(threads::id)
            .get_result(conn)?;
        let post_id = insert_post(conn, thread_id, &new.post, true)?;
        for tag in new.tags {
            diesel::insert_into(thread_tags::table)
                .values((
                    thread_tags::thread_id.eq(thread_id),
                    thread_tags::tag.eq(tag),
                ))
                .execute(conn)?;
        }
        within_limit(conn, new.post.author.id, at, limit)?;
        outbox::append(conn, Change::ThreadCreated, (thread_id, Some(post_id)), at)?;
        let thread: ThreadRow = threads::table
            .find(thread_id)
            .select(ThreadRow::as_select())
            .first(conn)?;
        notify::after_post(conn, &thread, (post_id, &new.post), true)?;
        Ok(Created { thread_id, post_id })
    }))
}

/// Adds a reply; `bypass_lock` for moderators, who may still answer in a
/// locked thread.
pub fn reply(
    conn: &mut DbConnection,
    thread_id: i32,
    post: &NewPost,
    (limit, bypass_lock): (PostLimit, bool),
) -> QueryResult<Result<i32, Refused>> {
    settle(conn.transaction::<_, Abort, _>(|conn| {
        let post_id = insert_post(conn, thread_id, post, false)?;
        let thread: ThreadRow = threads::table
            .find(thread_id)
            .select(ThreadRow::as_select())
            .first(conn)?;
        if !thread.visible {
            return Err(Abort::Refused(Refused::NotFound));
        }
        if thread.locked && !bypass_lock {
            return Err(Abort::Refused(Refused::Locked));
        }
        diesel::update(threads::table.find(thread_id))
            .set((
                threads::reply_count.eq(threads::reply_count + 1),
                threads::last_post_at.eq(post.at),
            ))
            .execute(conn)?;
        within_limit(conn, post.author.id, post.at, limit)?;
        outbox::append(
            conn,
            Change::PostCreated,
            (thread_id, Some(post_id)),
            post.at,
        )?;
        notify::after_post(conn, &thread, (post_id, post), false)?;
        Ok(post_id)
    }))
}

fn insert_post(
    conn: &mut DbConnection,
    thread_id: i32,
    post: &NewPost,
    opening: bool,
) -> QueryResult<i32> {
    diesel::insert_into(posts::table)
        .values((
            posts::thread_id.eq(thread_id),
            posts::author_id.eq(Some(post.author.id)),
            posts::opening.eq(opening),
            posts::body.eq(post.body),
            posts::body_html.eq(post.body_html),
            posts::created_at.eq(post.at),
        ))
        .returning(posts::id)
        .get_result(conn)
}

/// Counts the post just written, so the limit holds under concurrent writes.
fn within_limit(
    conn: &mut DbConnection,
    author: i32,
    at: NaiveDateTime,
    limit: PostLimit,
) -> Result<(), Abort> {
    let joined: NaiveDateTime = users::table
        .find(author)
        .select(users::created_at)
        .first(conn)?;
    if joined + Duration::days(i64::from(limit.new_for_days)) <= at {
        return Ok(());
    }
    let written: i64 = posts::table
        .filter(posts::author_id.eq(author))
        .filter(posts::created_at.gt(at - Duration::hours(1)))
        .count()
        .get_result(conn)?;
    if written > i64::from(limit.per_hour) {
        // The allowance frees up when the oldest post of the hour leaves it.
        let oldest: Option<NaiveDateTime> = posts::table
            .filter(posts::author_id.eq(author))
            .filter(posts::created_at.gt(at - Duration::hours(1)))
            .select(diesel::dsl::min(posts::created_at))
            .first(conn)?;
        let frees_at = oldest.unwrap_or(at) + Duration::hours(1);
        return Err(Abort::Refused(Refused::TooManyPosts {
            per_hour: limit.per_hour,
            wait_secs: u64::try_from((frees_at - at).num_seconds())
                .unwrap_or(0)
                .max(1),
        }));
    }
    Ok(())
}
