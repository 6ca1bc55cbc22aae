//! SQLite FTS5, as one would add it to the app's SQLite.

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::Text;

use super::{BaselineRow, Built, Found, Loaded, PER_PAGE, Version, size_on_disk};
use crate::bench::search::queries::BenchQuery;
use crate::scale::sql::quoted;

/// SQLite FTS5 over title and body, accents folded, BM25 with titles
/// weighing three times the body, as one would add it to the app's SQLite.
pub struct Fts5 {
    conn: SqliteConnection,
    path: PathBuf,
    version: String,
    loaded: Loaded,
}

impl Fts5 {
    /// A new FTS5 table in a new file at `path`.
    pub fn create(path: &Path) -> anyhow::Result<Fts5> {
        let mut conn = SqliteConnection::establish(&path.to_string_lossy())?;
        let version: Vec<Version> =
            diesel::sql_query("SELECT sqlite_version() AS version").load(&mut conn)?;
        conn.batch_execute(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
             CREATE VIRTUAL TABLE posts_fts USING fts5(
                 title, body, thread_id UNINDEXED, thread_title UNINDEXED, area UNINDEXED,
                 space UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');
             INSERT INTO posts_fts (posts_fts, rank) VALUES ('rank', 'bm25(3.0, 1.0)');",
        )?;
        Ok(Fts5 {
            conn,
            path: path.to_owned(),
            version: version.into_iter().next().map_or("?".into(), |v| v.version),
            loaded: Loaded::default(),
        })
    }

    /// Adds `rows` in one transaction; only this is timed, not reading them.
    pub fn insert(&mut self, rows: &[BaselineRow]) -> anyhow::Result<()> {
        self.loaded.insert(
            &mut self.conn,
            rows,
            "INSERT INTO posts_fts (rowid, title, body, thread_id, thread_title, area, space)",
            |sql, r| {
                let _ = write!(sql, "{}, ", r.id);
                quoted(sql, r.title);
                sql.push_str(", ");
                quoted(sql, r.body);
                let _ = write!(sql, ", {}, ", r.thread_id);
                quoted(sql, r.thread_title);
                sql.push_str(", ");
                quoted(sql, r.area);
                sql.push_str(", ");
                quoted(sql, r.space);
            },
        )
    }

    /// Merges the table's segments, as one would after a bulk load.
    pub fn finish(&mut self) -> anyhow::Result<Built> {
        let started = Instant::now();
        self.conn
            .batch_execute("INSERT INTO posts_fts (posts_fts) VALUES ('optimize');")?;
        let optimize = started.elapsed();
        self.conn
            .batch_execute("PRAGMA wal_checkpoint(TRUNCATE);")?;
        Ok(Built {
            what: "SQLite FTS5 build (INSERT, then `optimize`)".into(),
            took: self.loaded.took + optimize,
            posts: self.loaded.posts,
            size: size_on_disk(&self.path)?,
            note: format!(
                "SQLite {}; insert {:.1} s + optimize {:.1} s; text stored in the table",
                self.version,
                self.loaded.took.as_secs_f64(),
                optimize.as_secs_f64()
            ),
        })
    }

    /// Top 10 with snippets, for a reader of `space` (and the public).
    pub fn search(&mut self, q: &BenchQuery, space: &str) -> anyhow::Result<(Duration, usize)> {
        let area = if q.area.is_some() {
            " AND area = ?3"
        } else {
            ""
        };
        let sql = format!(
            "SELECT rowid AS post_id, thread_id, thread_title AS title, \
             snippet(posts_fts, 1, '<mark>', '</mark>', '…', 32) AS snippet, rank AS score \
             FROM posts_fts WHERE posts_fts MATCH ?1 AND space IN ('public', ?2){area} \
             ORDER BY rank LIMIT {PER_PAGE}"
        );
        let started = Instant::now();
        let query = diesel::sql_query(sql)
            .bind::<Text, _>(&q.fts)
            .bind::<Text, _>(space);
        let found: Vec<Found> = match &q.area {
            Some(area) => query.bind::<Text, _>(area).load(&mut self.conn),
            None => query.load(&mut self.conn),
        }
        .with_context(|| format!("FTS5: {}", q.fts))?;
        Ok((started.elapsed(), black_box(found).len()))
    }
}

impl Drop for Fts5 {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let mut file = self.path.clone().into_os_string();
            file.push(suffix);
            let _ = std::fs::remove_file(file);
        }
    }
}
