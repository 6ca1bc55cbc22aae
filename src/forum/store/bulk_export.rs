//! Every visible thread as the search index needs it, read in consecutive
//! ranges of thread ids for a full rebuild. [`super::export`] reads named
//! threads, for the indexer's few at a time; read its way, a million posts
//! cost the thread that feeds a rebuild a statement parsed per batch (each
//! with thousands of ids) and a join into the people table per post. Here
//! every statement is the same from batch to batch, and the authors and
//! city slugs are read once.

use std::collections::HashMap;

use diesel::prelude::*;

use super::ThreadRow;
use super::export::{IndexedPostRow, PostExport, ThreadExport};
use super::read::grouped;
use crate::db::DbConnection;
use crate::schema::{cities, posts, thread_tags, threads, users};

/// Reads every visible thread, `threads_per_batch` at a time, in order of id.
pub struct BulkExport {
    threads_per_batch: i64,
    /// The last thread id read.
    after: i32,
    /// Handle and city slug of each person, by id.
    people: HashMap<i32, (Option<String>, Option<String>)>,
    /// Slug of each city, by id.
    cities: HashMap<i32, String>,
}

impl BulkExport {
    /// Reads who writes and where, which every batch looks up.
    pub fn start(conn: &mut DbConnection, threads_per_batch: i64) -> QueryResult<BulkExport> {
        let cities: HashMap<i32, String> = cities::table
            .select((cities::id, cities::slug))
            .load::<(i32, String)>(conn)?
            .into_iter()
            .collect();
        let people = users::table
            .select((users::id, users::handle, users::city_id))
            .load::<(i32, Option<String>, Option<i32>)>(conn)?
            .into_iter()
            .map(|(id, handle, city)| (id, (handle, city.and_then(|c| cities.get(&c).cloned()))))
            .collect();
        Ok(BulkExport {
            threads_per_batch,
            after: 0,
            people,
            cities,
        })
    }

    /// The next visible threads with their tags and visible posts (opening
    /// post first); None once every thread was read.
    pub fn next_batch(
        &mut self,
        conn: &mut DbConnection,
    ) -> QueryResult<Option<Vec<ThreadExport>>> {
        let rows: Vec<ThreadRow> = threads::table
            .filter(threads::id.gt(self.after))
            .filter(threads::visible.eq(true))
            .order(threads::id.asc())
            .limit(self.threads_per_batch)
            .select(ThreadRow::as_select())
            .load(conn)?;
        let Some(last) = rows.last().map(|t| t.id) else {
            return Ok(None);
        };
        let mut tags = self.tags(conn, last)?;
        let mut posts = self.posts(conn, last)?;
        self.after = last;
        Ok(Some(
            rows.into_iter()
                .map(|row| ThreadExport {
                    space_city: row.space_city_id.and_then(|c| self.cities.get(&c).cloned()),
                    tags: tags.remove(&row.id).unwrap_or_default(),
                    posts: posts.remove(&row.id).unwrap_or_default(),
                    row,
                })
                .collect(),
        ))
    }

    /// Tags of the threads after `self.after` up to `last`, hidden ones' too.
    fn tags(&self, conn: &mut DbConnection, last: i32) -> QueryResult<HashMap<i32, Vec<String>>> {
        let rows: Vec<(i32, String)> = thread_tags::table
            .filter(thread_tags::thread_id.gt(self.after))
            .filter(thread_tags::thread_id.le(last))
            .order((thread_tags::thread_id, thread_tags::tag))
            .select((thread_tags::thread_id, thread_tags::tag))
            .load(conn)?;
        Ok(grouped(rows))
    }

    /// Visible posts of the threads after `self.after` up to `last`, read in
    /// the order of the index on thread and id (ordering by opening post
    /// first as well made SQLite sort the rows, bodies and all).
    fn posts(
        &self,
        conn: &mut DbConnection,
        last: i32,
    ) -> QueryResult<HashMap<i32, Vec<PostExport>>> {
        let rows: Vec<(IndexedPostRow, Option<i32>)> = posts::table
            .filter(posts::thread_id.gt(self.after))
            .filter(posts::thread_id.le(last))
            .filter(posts::hidden.eq(false))
            .filter(posts::deleted.eq(false))
            .order((posts::thread_id, posts::id))
            .select((IndexedPostRow::as_select(), posts::author_id))
            .load(conn)?;
        let mut by_thread = grouped(rows.into_iter().map(|(row, author)| {
            let (author_handle, author_city) = author
                .and_then(|id| self.people.get(&id).cloned())
                .unwrap_or_default();
            let post = PostExport {
                author_handle,
                author_city,
                row,
            };
            (post.row.thread_id, post)
        }));
        for posts in by_thread.values_mut() {
            // Stable: the replies stay in order of id.
            posts.sort_by_key(|post| !post.row.opening);
        }
        Ok(by_thread)
    }
}
