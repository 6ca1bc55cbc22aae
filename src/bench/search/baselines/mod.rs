//! The baselines a user would otherwise pick for forum search: SQLite FTS5
//! and PostgreSQL full-text search, each filled a batch of posts at a time
//! and asked the same queries as Peerhall. What both share is here.

mod fts5;
mod pg;

pub use fts5::Fts5;
pub use pg::Pg;

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Context;
use diesel::prelude::*;
use diesel::sql_types::{Double, Integer, Text};

use crate::scale::sql::inserts;
use crate::scale::vocabulary::LANGUAGES;

/// Hits per page, as the API and the search page ask by default.
pub const PER_PAGE: usize = 10;

/// One post a baseline indexes, with what its search needs.
pub struct BaselineRow<'a> {
    pub id: i64,
    pub thread_id: i64,
    /// The thread's title on the opening post only, as Peerhall indexes it.
    pub title: &'a str,
    pub thread_title: &'a str,
    pub body: &'a str,
    /// The post's language as a PostgreSQL text search configuration.
    pub pg_config: &'static str,
    pub area: &'a str,
    /// "public" or "city:<slug>".
    pub space: &'a str,
}

/// The PostgreSQL configuration of a language code; `simple` for others.
pub fn pg_config(lang: &str) -> &'static str {
    LANGUAGES
        .iter()
        .find(|l| l.code == lang)
        .map_or("simple", |l| l.pg_config)
}

/// What a build took, and what it left on disk.
#[derive(Debug, Clone)]
pub struct Built {
    pub what: String,
    pub took: Duration,
    pub posts: usize,
    pub size: u64,
    pub note: String,
}

/// The rows each baseline returns: the page a search shows.
#[derive(QueryableByName)]
pub struct Found {
    #[diesel(sql_type = Integer)]
    pub post_id: i32,
    #[diesel(sql_type = Integer)]
    pub thread_id: i32,
    #[diesel(sql_type = Text)]
    pub title: String,
    #[diesel(sql_type = Text)]
    pub snippet: String,
    #[diesel(sql_type = Double)]
    pub score: f64,
}

#[derive(QueryableByName)]
pub(super) struct Version {
    #[diesel(sql_type = Text)]
    pub(super) version: String,
}

/// What a baseline's inserts have loaded so far, and how long they took.
#[derive(Default)]
pub(super) struct Loaded {
    pub(super) took: Duration,
    pub(super) posts: usize,
}

impl Loaded {
    /// `rows` in multi-row INSERTs after `into`, in one transaction, each
    /// row's values written by `values`. Only this is timed: not reading
    /// the rows.
    pub(super) fn insert<C: Connection>(
        &mut self,
        conn: &mut C,
        rows: &[BaselineRow],
        into: &str,
        values: impl FnMut(&mut String, &BaselineRow),
    ) -> anyhow::Result<()> {
        let started = Instant::now();
        let statements = inserts(into, rows.iter(), values);
        conn.transaction(|conn| -> anyhow::Result<()> {
            for statement in &statements {
                conn.batch_execute(statement)?;
            }
            Ok(())
        })?;
        self.took += started.elapsed();
        self.posts += rows.len();
        Ok(())
    }
}

/// A file's size (with its WAL, for a database) or a directory's, all of it.
pub fn size_on_disk(path: &Path) -> anyhow::Result<u64> {
    let meta = std::fs::metadata(path).with_context(|| format!("{}", path.display()))?;
    if meta.is_file() {
        let wal = std::fs::metadata(path.with_extension("db-wal")).map_or(0, |m| m.len());
        let is_db = path.extension().is_some_and(|e| e == "db");
        return Ok(meta.len() + if is_db { wal } else { 0 });
    }
    let mut total = 0;
    for entry in std::fs::read_dir(path)? {
        total += size_on_disk(&entry?.path())?;
    }
    Ok(total)
}

pub fn human_size(bytes: u64) -> String {
    let mib = bytes as f64 / 1_048_576.0;
    if mib >= 1024.0 {
        format!("{:.2} GiB", mib / 1024.0)
    } else {
        format!("{mib:.0} MiB")
    }
}
