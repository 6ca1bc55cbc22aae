//! What the Atom feeds read: a public category's or tag's newest visible
//! threads with their questions and authors; never a private space.

use std::collections::HashMap;

use diesel::prelude::*;

use super::people::{Author, authors};
use super::{PostRow, ThreadRow};
use crate::db::DbConnection;
use crate::forum::space::{CITY_SPACE, Category};
use crate::schema::{posts, thread_tags, threads};

/// Which public threads a feed carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedFilter {
    Category(Category),
    /// A normalised tag.
    Tag(String),
}

/// A thread as a feed shows it.
#[derive(Debug, Clone)]
pub struct FeedItem {
    pub thread: ThreadRow,
    /// The question; None once it is hidden or deleted.
    pub opening: Option<PostRow>,
    pub author: Option<Author>,
}

/// The most recently created visible threads in public categories that match
/// `filter`, newest first, with their questions and authors.
pub fn recent_public(
    conn: &mut DbConnection,
    filter: &FeedFilter,
    limit: i64,
) -> QueryResult<Vec<FeedItem>> {
    // The table's CHECK ties a null space_city_id to every other category.
    let public = threads::table
        .filter(threads::visible.eq(true))
        .filter(threads::category.ne(CITY_SPACE))
        .into_boxed();
    let matching = match filter {
        FeedFilter::Category(c) => public.filter(threads::category.eq(c.slug().to_owned())),
        FeedFilter::Tag(tag) => public.filter(
            threads::id.eq_any(
                thread_tags::table
                    .filter(thread_tags::tag.eq(tag.clone()))
                    .select(thread_tags::thread_id),
            ),
        ),
    };
    let rows: Vec<ThreadRow> = matching
        .order((threads::created_at.desc(), threads::id.desc()))
        .limit(limit)
        .select(ThreadRow::as_select())
        .load(conn)?;
    let ids: Vec<i32> = rows.iter().map(|t| t.id).collect();
    let mut openings = visible_openings(conn, &ids)?;
    let author_ids: Vec<i32> = rows.iter().filter_map(|t| t.author_id).collect();
    let people = authors(conn, &author_ids)?;
    Ok(rows
        .into_iter()
        .map(|thread| FeedItem {
            opening: openings.remove(&thread.id),
            author: thread.author_id.and_then(|a| people.get(&a).cloned()),
            thread,
        })
        .collect())
}

/// The threads' questions, by thread, unless hidden or deleted.
fn visible_openings(conn: &mut DbConnection, ids: &[i32]) -> QueryResult<HashMap<i32, PostRow>> {
    let rows: Vec<PostRow> = posts::table
        .filter(posts::thread_id.eq_any(ids))
        .filter(posts::opening.eq(true))
        .filter(posts::hidden.eq(false))
        .filter(posts::deleted.eq(false))
        .select(PostRow::as_select())
        .load(conn)?;
    Ok(rows.into_iter().map(|p| (p.thread_id, p)).collect())
}
