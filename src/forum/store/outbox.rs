//! The search outbox: one row per forum write, appended in the write's own
//! transaction, so the index (derived) can always catch up with the database.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::schema::search_outbox;

/// What changed, as the indexer reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    ThreadCreated,
    PostCreated,
    PostEdited,
    PostHidden,
    PostRestored,
    PostDeleted,
    ThreadMoved,
    AnswerAccepted,
    PostVoted,
}

impl Change {
    pub fn code(self) -> &'static str {
        match self {
            Change::ThreadCreated => "thread.created",
            Change::PostCreated => "post.created",
            Change::PostEdited => "post.edited",
            Change::PostHidden => "post.hidden",
            Change::PostRestored => "post.restored",
            Change::PostDeleted => "post.deleted",
            Change::ThreadMoved => "thread.moved",
            Change::AnswerAccepted => "answer.accepted",
            Change::PostVoted => "post.voted",
        }
    }
}

pub fn append(
    conn: &mut DbConnection,
    change: Change,
    (thread_id, post_id): (i32, Option<i32>),
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(search_outbox::table)
        .values((
            search_outbox::change.eq(change.code()),
            search_outbox::thread_id.eq(thread_id),
            search_outbox::post_id.eq(post_id),
            search_outbox::created_at.eq(at),
        ))
        .execute(conn)
        .map(|_| ())
}

/// One outbox row: what changed in which thread (and post).
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct Entry {
    pub id: i32,
    pub change: String,
    pub thread_id: i32,
    pub post_id: Option<i32>,
    pub created_at: NaiveDateTime,
}

/// The rows after `after`, oldest first, at most `limit`.
pub fn after(conn: &mut DbConnection, after: i32, limit: i64) -> QueryResult<Vec<Entry>> {
    search_outbox::table
        .filter(search_outbox::id.gt(after))
        .order(search_outbox::id.asc())
        .limit(limit)
        .select((
            search_outbox::id,
            search_outbox::change,
            search_outbox::thread_id,
            search_outbox::post_id,
            search_outbox::created_at,
        ))
        .load(conn)
}

/// The newest outbox id (0 when empty): where a full rebuild starts replaying.
pub fn newest(conn: &mut DbConnection) -> QueryResult<i32> {
    crate::on_backend!(conn, |c| search_outbox::table
        .select(diesel::dsl::max(search_outbox::id))
        .first::<Option<i32>>(c))
    .map(|id| id.unwrap_or(0))
}
