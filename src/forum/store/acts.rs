//! What people do to posts: vote (once each), accept an answer, flag for the
//! moderators. Votes and acceptances reach the search outbox; flags do not
//! change what is shown.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error};

use super::outbox::{self, Change};
use super::{Abort, PostRow, Refused, ThreadRow, notify, settle};
use crate::db::DbConnection;
use crate::schema::{flags, posts, threads, votes};

/// A post's votes after a vote or its withdrawal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Voted {
    pub votes: i32,
    pub voted: bool,
}

/// One vote per person per post: a second vote changes nothing.
pub fn vote(
    conn: &mut DbConnection,
    post: &PostRow,
    user_id: i32,
    at: NaiveDateTime,
) -> QueryResult<Voted> {
    conn.transaction(|conn| {
        // A savepoint, so that a concurrent duplicate does not abort the
        // whole transaction on PostgreSQL.
        let inserted = conn.transaction(|conn| {
            diesel::insert_into(votes::table)
                .values((
                    votes::post_id.eq(post.id),
                    votes::user_id.eq(user_id),
                    votes::created_at.eq(at),
                ))
                .execute(conn)
        });
        match inserted {
            // Stored now, or already there: either way the person has voted.
            Ok(_) | Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {}
            Err(e) => return Err(e),
        }
        recount(conn, post, at).map(|votes| Voted { votes, voted: true })
    })
}

pub fn unvote(
    conn: &mut DbConnection,
    post: &PostRow,
    user_id: i32,
    at: NaiveDateTime,
) -> QueryResult<Voted> {
    conn.transaction(|conn| {
        diesel::delete(
            votes::table
                .filter(votes::post_id.eq(post.id))
                .filter(votes::user_id.eq(user_id)),
        )
        .execute(conn)?;
        recount(conn, post, at).map(|votes| Voted {
            votes,
            voted: false,
        })
    })
}

/// Stores the post's vote count from the votes themselves (never drifts).
fn recount(conn: &mut DbConnection, post: &PostRow, at: NaiveDateTime) -> QueryResult<i32> {
    let count: i64 = votes::table
        .filter(votes::post_id.eq(post.id))
        .count()
        .get_result(conn)?;
    let count = i32::try_from(count).unwrap_or(i32::MAX);
    diesel::update(posts::table.find(post.id))
        .set(posts::votes.eq(count))
        .execute(conn)?;
    outbox::append(conn, Change::PostVoted, (post.thread_id, Some(post.id)), at)?;
    Ok(count)
}

/// Who accepted which answer, for the caller's audit and response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Accepted {
    pub thread_id: i32,
    pub post_id: i32,
}

/// Marks `post` the thread's accepted answer (replacing any other) and tells
/// its author. The caller checked who may and that it is a visible reply.
pub fn accept(
    conn: &mut DbConnection,
    thread: &ThreadRow,
    post: &PostRow,
    (by, at): (i32, NaiveDateTime),
) -> QueryResult<Accepted> {
    conn.transaction(|conn| {
        diesel::update(threads::table.find(thread.id))
            .set(threads::accepted_post_id.eq(Some(post.id)))
            .execute(conn)?;
        outbox::append(conn, Change::AnswerAccepted, (thread.id, Some(post.id)), at)?;
        if thread.accepted_post_id != Some(post.id) {
            notify::after_accept(conn, thread, (post.id, post.author_id), (by, at))?;
        }
        Ok(Accepted {
            thread_id: thread.id,
            post_id: post.id,
        })
    })
}

/// The thread has no accepted answer any more.
pub fn unaccept(conn: &mut DbConnection, thread: &ThreadRow, at: NaiveDateTime) -> QueryResult<()> {
    conn.transaction(|conn| {
        diesel::update(threads::table.find(thread.id))
            .set(threads::accepted_post_id.eq(None::<i32>))
            .execute(conn)?;
        outbox::append(
            conn,
            Change::AnswerAccepted,
            (thread.id, thread.accepted_post_id),
            at,
        )
    })
}

/// Files a flag for the moderators' queue; one per person per post.
pub fn flag(
    conn: &mut DbConnection,
    post_id: i32,
    by: i32,
    reason: &str,
    at: NaiveDateTime,
) -> QueryResult<Result<i32, Refused>> {
    settle(conn.transaction::<_, Abort, _>(|conn| {
        let earlier: i64 = flags::table
            .filter(flags::post_id.eq(post_id))
            .filter(flags::flagged_by.eq(by))
            .count()
            .get_result(conn)?;
        if earlier > 0 {
            return Err(Abort::Refused(Refused::AlreadyDone));
        }
        let inserted = diesel::insert_into(flags::table)
            .values((
                flags::post_id.eq(post_id),
                flags::flagged_by.eq(by),
                flags::reason.eq(reason),
                flags::created_at.eq(at),
            ))
            .returning(flags::id)
            .get_result(conn);
        match inserted {
            Ok(id) => Ok(id),
            Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
                Err(Abort::Refused(Refused::AlreadyDone))
            }
            Err(e) => Err(Abort::Db(e)),
        }
    }))
}
