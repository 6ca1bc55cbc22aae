//! What moderators read: the open flags grouped by post (oldest first), the
//! moderation log (newest first), and a post's earlier versions.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::PostRow;
use super::people::authors;
use crate::db::DbConnection;
use crate::forum::space::CITY_SPACE;
use crate::schema::{flags, moderation_log, post_revisions, posts, threads};

/// A flagged post awaiting review.
#[derive(Debug, Clone)]
pub struct Flagged {
    pub post: PostRow,
    pub thread_title: String,
    /// Each flag's reason (and note), oldest first.
    pub reasons: Vec<String>,
    /// The oldest open flag's id: the queue's order and cursor.
    pub first_flag: i32,
}

/// Up to `limit` flagged posts whose oldest open flag comes after `after`;
/// private spaces only for those who may read them all (program staff).
pub fn open_flags(
    conn: &mut DbConnection,
    after: Option<i32>,
    limit: usize,
    include_private: bool,
) -> QueryResult<Vec<Flagged>> {
    let mut query = flags::table
        .inner_join(posts::table.on(posts::id.eq(flags::post_id)))
        .inner_join(threads::table.on(threads::id.eq(posts::thread_id)))
        .filter(flags::resolved_at.is_null())
        .order(flags::id.asc())
        .select((flags::id, flags::post_id, flags::reason, threads::title))
        .limit(500)
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(flags::id.gt(after));
    }
    if !include_private {
        query = query.filter(threads::category.ne(CITY_SPACE));
    }
    let rows: Vec<(i32, i32, String, String)> = query.load(conn)?;
    let mut by_post: BTreeMap<i32, (i32, String, Vec<String>)> = BTreeMap::new();
    for (flag_id, post_id, reason, title) in rows {
        let entry = by_post
            .entry(post_id)
            .or_insert((flag_id, title, Vec::new()));
        entry.2.push(reason);
    }
    let mut grouped: Vec<(i32, i32, String, Vec<String>)> = by_post
        .into_iter()
        .map(|(post, (first, title, reasons))| (first, post, title, reasons))
        .collect();
    grouped.sort_by_key(|g| g.0);
    grouped.truncate(limit);
    let ids: Vec<i32> = grouped.iter().map(|g| g.1).collect();
    let mut found: BTreeMap<i32, PostRow> = posts::table
        .filter(posts::id.eq_any(&ids))
        .select(PostRow::as_select())
        .load(conn)?
        .into_iter()
        .map(|p: PostRow| (p.id, p))
        .collect();
    Ok(grouped
        .into_iter()
        .filter_map(|(first_flag, post, thread_title, reasons)| {
            Some(Flagged {
                post: found.remove(&post)?,
                thread_title,
                reasons,
                first_flag,
            })
        })
        .collect())
}

/// A line of the moderation log.
#[derive(Debug, Clone)]
pub struct LogLine {
    pub id: i32,
    pub moderator: Option<String>,
    pub action: String,
    pub thread_id: Option<i32>,
    pub post_id: Option<i32>,
    pub detail: Option<String>,
    pub created_at: NaiveDateTime,
}

type LogRow = (
    i32,
    Option<i32>,
    String,
    Option<i32>,
    Option<i32>,
    Option<String>,
    NaiveDateTime,
);

/// Newest first, before the line `before` if given, at most `limit`; lines
/// about threads in cities' private spaces only with `everything`.
pub fn log_page(
    conn: &mut DbConnection,
    (before, limit): (Option<i32>, i64),
    everything: bool,
) -> QueryResult<Vec<LogLine>> {
    let mut query = moderation_log::table
        .left_join(threads::table)
        .order(moderation_log::id.desc())
        .limit(limit)
        .select((
            moderation_log::id,
            moderation_log::moderator_id,
            moderation_log::action,
            moderation_log::thread_id,
            moderation_log::post_id,
            moderation_log::detail,
            moderation_log::created_at,
        ))
        .into_boxed();
    if let Some(before) = before {
        query = query.filter(moderation_log::id.lt(before));
    }
    if !everything {
        query = query.filter(threads::space_city_id.is_null());
    }
    let rows: Vec<LogRow> = query.load(conn)?;
    let ids: Vec<i32> = rows.iter().filter_map(|r| r.1).collect();
    let people = authors(conn, &ids)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, by, action, thread_id, post_id, detail, created_at)| LogLine {
                id,
                moderator: by.and_then(|b| people.get(&b)).map(|a| a.name.clone()),
                action,
                thread_id,
                post_id,
                detail,
                created_at,
            },
        )
        .collect())
}

/// An earlier version of a post.
#[derive(Debug, Clone, Queryable)]
pub struct Revision {
    pub title: Option<String>,
    pub body: String,
    pub edited_by: Option<i32>,
    pub replaced_at: NaiveDateTime,
}

/// A post's earlier versions, oldest first (at most 100: edits are rare).
pub fn revisions(conn: &mut DbConnection, post_id: i32) -> QueryResult<Vec<Revision>> {
    post_revisions::table
        .filter(post_revisions::post_id.eq(post_id))
        .order(post_revisions::id.asc())
        .limit(100)
        .select((
            post_revisions::title,
            post_revisions::body,
            post_revisions::edited_by,
            post_revisions::replaced_at,
        ))
        .load(conn)
}
