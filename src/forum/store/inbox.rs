//! A person's notifications as they read them: only those about threads and
//! posts still visible and in a space they may read (a thread hidden or moved
//! after the fact leaves the list), newest first, and how many are unread.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::read::readable_by;
use crate::db::DbConnection;
use crate::schema::{notifications, posts, threads};

/// A line in a person's notification list.
#[derive(Debug, Clone, Queryable)]
pub struct Notification {
    pub id: i32,
    pub kind: String,
    pub thread_id: i32,
    pub post_id: Option<i32>,
    pub actor_id: Option<i32>,
    pub created_at: NaiveDateTime,
    pub read_at: Option<NaiveDateTime>,
}

/// Who is reading: their id and city (for the private spaces they may read).
pub type Reader = (i32, Option<i32>);

type Shown = diesel::dsl::IntoBoxed<
    'static,
    diesel::dsl::LeftJoin<
        diesel::dsl::InnerJoin<notifications::table, threads::table>,
        posts::table,
    >,
    <DbConnection as diesel::Connection>::Backend,
>;

/// The person's notifications that still point at something they may see.
fn shown((user_id, city): Reader) -> Shown {
    notifications::table
        .inner_join(threads::table)
        .left_join(posts::table)
        .filter(notifications::user_id.eq(user_id))
        .filter(threads::visible.eq(true))
        .filter(readable_by(city))
        .filter(posts::hidden.eq(false).or(posts::id.is_null()))
        .filter(posts::deleted.eq(false).or(posts::id.is_null()))
        .into_boxed()
}

/// A person's notifications, newest first, before `before` (an id) if given;
/// one more than `limit` so the caller knows whether more follow.
pub fn notifications(
    conn: &mut DbConnection,
    reader: Reader,
    before: Option<i32>,
    limit: i64,
) -> QueryResult<Vec<Notification>> {
    let mut query = shown(reader)
        .order(notifications::id.desc())
        .limit(limit + 1)
        .select((
            notifications::id,
            notifications::kind,
            notifications::thread_id,
            notifications::post_id,
            notifications::actor_id,
            notifications::created_at,
            notifications::read_at,
        ));
    if let Some(before) = before {
        query = query.filter(notifications::id.lt(before));
    }
    query.load(conn)
}

pub fn unread_count(conn: &mut DbConnection, reader: Reader) -> QueryResult<i64> {
    shown(reader)
        .filter(notifications::read_at.is_null())
        .count()
        .get_result(conn)
}

/// Marks every notification of a person read.
pub fn mark_read(conn: &mut DbConnection, user_id: i32, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        notifications::table
            .filter(notifications::user_id.eq(user_id))
            .filter(notifications::read_at.is_null()),
    )
    .set(notifications::read_at.eq(Some(at)))
    .execute(conn)
}

/// A page of notifications with who did it and the thread's title.
pub fn notification_lines(
    conn: &mut DbConnection,
    reader: Reader,
    before: Option<i32>,
    limit: i64,
) -> QueryResult<Vec<(Notification, String, String)>> {
    let rows = notifications(conn, reader, before, limit)?;
    let actor_ids: Vec<i32> = rows.iter().filter_map(|n| n.actor_id).collect();
    let people = super::people::authors(conn, &actor_ids)?;
    let thread_ids: Vec<i32> = rows.iter().map(|n| n.thread_id).collect();
    let titles: HashMap<i32, String> = threads::table
        .filter(threads::id.eq_any(&thread_ids))
        .select((threads::id, threads::title))
        .load::<(i32, String)>(conn)?
        .into_iter()
        .collect();
    Ok(rows
        .into_iter()
        .map(|n| {
            let actor = n
                .actor_id
                .and_then(|a| people.get(&a))
                .map(|a| a.name.clone())
                .unwrap_or_default();
            let title = titles.get(&n.thread_id).cloned().unwrap_or_default();
            (n, actor, title)
        })
        .collect())
}
