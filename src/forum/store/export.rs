//! What the search index needs of the forum, read in bulk: visible threads
//! with their tags and space, and their visible posts with each author's
//! handle and city. Hidden threads and hidden or deleted posts never leave here.

use std::collections::HashMap;

use diesel::prelude::*;

use super::ThreadRow;
use super::read::{grouped, tags_of};
use crate::db::DbConnection;
use crate::schema::{cities, posts, threads, users};

/// A thread as the index sees it.
#[derive(Debug, Clone)]
pub struct ThreadExport {
    pub row: ThreadRow,
    /// The city whose private space holds the thread; None when public.
    pub space_city: Option<String>,
    pub tags: Vec<String>,
    /// Visible posts, opening post first.
    pub posts: Vec<PostExport>,
}

/// The columns of a post the index reads. Not the rendered HTML, as long as
/// the text again: without it, a rebuild read a million posts' rows in
/// about 6 s instead of 8 (BENCHMARKS.md, "Thirteenth run").
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = posts)]
pub struct IndexedPostRow {
    pub id: i32,
    pub thread_id: i32,
    pub opening: bool,
    /// Markdown.
    pub body: String,
    pub votes: i32,
    pub created_at: chrono::NaiveDateTime,
}

#[derive(Debug, Clone)]
pub struct PostExport {
    pub row: IndexedPostRow,
    /// None for a removed account.
    pub author_handle: Option<String>,
    /// The author's city slug; None for program staff.
    pub author_city: Option<String>,
}

/// The visible threads among `ids` (a missing or hidden one is simply absent).
pub fn threads_for_index(conn: &mut DbConnection, ids: &[i32]) -> QueryResult<Vec<ThreadExport>> {
    threads_with(conn, ids, None)
}

/// The visible threads among `ids` as [`threads_for_index`] reads them, but
/// with only those of their visible posts whose ids are in `posts`: what a
/// new reply or a vote changes.
pub fn threads_with_posts(
    conn: &mut DbConnection,
    ids: &[i32],
    posts: &[i32],
) -> QueryResult<Vec<ThreadExport>> {
    threads_with(conn, ids, Some(posts))
}

fn threads_with(
    conn: &mut DbConnection,
    ids: &[i32],
    only_posts: Option<&[i32]>,
) -> QueryResult<Vec<ThreadExport>> {
    let rows: Vec<ThreadRow> = threads::table
        .filter(threads::id.eq_any(ids))
        .filter(threads::visible.eq(true))
        .order(threads::id.asc())
        .select(ThreadRow::as_select())
        .load(conn)?;
    let ids: Vec<i32> = rows.iter().map(|t| t.id).collect();
    let mut tags = tags_of(conn, &ids)?;
    let mut posts = posts_of(conn, &ids, only_posts)?;
    let space_ids: Vec<i32> = rows.iter().filter_map(|t| t.space_city_id).collect();
    let slugs = city_slugs(conn, &space_ids)?;
    Ok(rows
        .into_iter()
        .map(|row| ThreadExport {
            space_city: row.space_city_id.and_then(|c| slugs.get(&c).cloned()),
            tags: tags.remove(&row.id).unwrap_or_default(),
            posts: posts.remove(&row.id).unwrap_or_default(),
            row,
        })
        .collect())
}

type PostWithAuthor = (IndexedPostRow, Option<String>, Option<i32>);

fn posts_of(
    conn: &mut DbConnection,
    ids: &[i32],
    only: Option<&[i32]>,
) -> QueryResult<HashMap<i32, Vec<PostExport>>> {
    let mut query = posts::table
        .left_join(users::table.on(users::id.nullable().eq(posts::author_id)))
        .filter(posts::thread_id.eq_any(ids))
        .filter(posts::hidden.eq(false))
        .filter(posts::deleted.eq(false))
        .order((posts::thread_id, posts::opening.desc(), posts::id))
        .select((
            IndexedPostRow::as_select(),
            users::handle.nullable(),
            users::city_id.nullable(),
        ))
        .into_boxed();
    if let Some(only) = only {
        query = query.filter(posts::id.eq_any(only));
    }
    let rows: Vec<PostWithAuthor> = query.load(conn)?;
    let city_ids: Vec<i32> = rows.iter().filter_map(|r| r.2).collect();
    let slugs = city_slugs(conn, &city_ids)?;
    Ok(grouped(rows.into_iter().map(|(row, handle, city)| {
        let post = PostExport {
            author_handle: handle,
            author_city: city.and_then(|c| slugs.get(&c).cloned()),
            row,
        };
        (post.row.thread_id, post)
    })))
}

fn city_slugs(conn: &mut DbConnection, ids: &[i32]) -> QueryResult<HashMap<i32, String>> {
    Ok(cities::table
        .filter(cities::id.eq_any(ids))
        .select((cities::id, cities::slug))
        .load::<(i32, String)>(conn)?
        .into_iter()
        .collect())
}
