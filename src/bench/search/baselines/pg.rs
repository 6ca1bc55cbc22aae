//! PostgreSQL full-text search, in a database made for the run.

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

use anyhow::Context;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use super::{BaselineRow, Built, Found, Loaded, PER_PAGE, Version, human_size};
use crate::bench::search::queries::BenchQuery;
use crate::scale::sql::quoted;
use crate::scale::vocabulary::LANGUAGES;

/// PostgreSQL full-text search in a database made for the run and dropped
/// after it: a `tsvector` per post in its own language's configuration (title
/// weighted A, body D), a GIN index, and each query in all four
/// configurations OR'd together, since a query carries no language.
pub struct Pg {
    conn: PgConnection,
    admin_url: String,
    name: String,
    version: String,
    loaded: Loaded,
}

impl Pg {
    /// A new database on the server of `admin_url`, with the posts table.
    pub fn create(admin_url: &str) -> anyhow::Result<Pg> {
        let name = format!("peerhall_bench_{}", std::process::id());
        let mut admin = PgConnection::establish(admin_url).context("PostgreSQL baseline")?;
        // One statement each: CREATE DATABASE refuses to run in a transaction.
        admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))?;
        admin.batch_execute(&format!("CREATE DATABASE {name}"))?;
        drop(admin);
        let mut url = url::Url::parse(admin_url)?;
        url.set_path(&name);
        let mut conn = PgConnection::establish(url.as_str())?;
        let version: Vec<Version> =
            diesel::sql_query("SELECT current_setting('server_version') AS version")
                .load(&mut conn)?;
        conn.batch_execute(
            "CREATE TABLE posts (
                 id bigint PRIMARY KEY,
                 thread_id bigint NOT NULL,
                 title text NOT NULL,
                 thread_title text NOT NULL,
                 body text NOT NULL,
                 cfg regconfig NOT NULL,
                 area text NOT NULL,
                 space text NOT NULL,
                 tsv tsvector GENERATED ALWAYS AS
                     (setweight(to_tsvector(cfg, title), 'A') || setweight(to_tsvector(cfg, body), 'D')) STORED
             );",
        )?;
        Ok(Pg {
            conn,
            admin_url: admin_url.to_owned(),
            name,
            version: version.into_iter().next().map_or("?".into(), |v| v.version),
            loaded: Loaded::default(),
        })
    }

    /// Adds `rows` in one transaction; only this is timed, not reading them.
    pub fn insert(&mut self, rows: &[BaselineRow]) -> anyhow::Result<()> {
        self.loaded.insert(
            &mut self.conn,
            rows,
            "INSERT INTO posts (id, thread_id, title, thread_title, body, cfg, area, space)",
            |sql, r| {
                let _ = write!(sql, "{}, {}, ", r.id, r.thread_id);
                quoted(sql, r.title);
                sql.push_str(", ");
                quoted(sql, r.thread_title);
                sql.push_str(", ");
                quoted(sql, r.body);
                let _ = write!(sql, ", '{}', ", r.pg_config);
                quoted(sql, r.area);
                sql.push_str(", ");
                quoted(sql, r.space);
            },
        )
    }

    /// The GIN index and statistics, after the last insert.
    pub fn finish(&mut self) -> anyhow::Result<Built> {
        let started = Instant::now();
        self.conn.batch_execute(
            "SET maintenance_work_mem = '1GB';
             CREATE INDEX posts_tsv ON posts USING gin (tsv);
             RESET maintenance_work_mem;
             ANALYZE posts;",
        )?;
        let indexing = started.elapsed();
        let sizes: Vec<Sizes> = diesel::sql_query(
            "SELECT pg_total_relation_size('posts')::bigint AS total, \
             pg_relation_size('posts_tsv')::bigint AS gin",
        )
        .load(&mut self.conn)?;
        let (total, gin) = sizes.first().map_or((0, 0), |s| (s.total, s.gin));
        Ok(Built {
            what: "PostgreSQL build (INSERT with generated `tsvector`, GIN, ANALYZE)".into(),
            took: self.loaded.took + indexing,
            posts: self.loaded.posts,
            size: u64::try_from(total).unwrap_or_default(),
            note: format!(
                "PostgreSQL {}; insert {:.1} s + GIN and ANALYZE {:.1} s; GIN alone {}",
                self.version,
                self.loaded.took.as_secs_f64(),
                indexing.as_secs_f64(),
                human_size(u64::try_from(gin).unwrap_or_default())
            ),
        })
    }

    /// Top 10 with `ts_headline` snippets, for a reader of `space` (and the public).
    pub fn search(&mut self, q: &BenchQuery, space: &str) -> anyhow::Result<(Duration, usize)> {
        let area = if q.area.is_some() {
            " AND p.area = $3"
        } else {
            ""
        };
        let configs: Vec<String> = LANGUAGES
            .iter()
            .map(|l| format!("websearch_to_tsquery('{}', $1)", l.pg_config))
            .collect();
        let sql = format!(
            "WITH q AS (SELECT {} AS q), \
             top AS (SELECT p.id, p.thread_id, p.thread_title, p.body, p.cfg, ts_rank(p.tsv, q.q) AS score \
                     FROM posts p, q WHERE p.tsv @@ q.q AND p.space IN ('public', $2){area} \
                     ORDER BY score DESC LIMIT {PER_PAGE}) \
             SELECT top.id::int4 AS post_id, top.thread_id::int4 AS thread_id, top.thread_title AS title, \
                    ts_headline(top.cfg, top.body, q.q, \
                        'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15') AS snippet, \
                    top.score::float8 AS score \
             FROM top, q ORDER BY top.score DESC",
            configs.join(" || ")
        );
        let started = Instant::now();
        let query = diesel::sql_query(sql)
            .bind::<Text, _>(&q.words)
            .bind::<Text, _>(space);
        let found: Vec<Found> = match &q.area {
            Some(area) => query.bind::<Text, _>(area).load(&mut self.conn),
            None => query.load(&mut self.conn),
        }
        .with_context(|| format!("PostgreSQL: {}", q.words))?;
        Ok((started.elapsed(), black_box(found).len()))
    }
}

impl Drop for Pg {
    fn drop(&mut self) {
        let drop_sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        let dropped = PgConnection::establish(&self.admin_url)
            .map_err(anyhow::Error::from)
            .and_then(|mut conn| Ok(conn.batch_execute(&drop_sql)?));
        if let Err(e) = dropped {
            tracing::warn!(database = %self.name, error = %e, "cannot drop the bench's database");
        }
    }
}

#[derive(QueryableByName)]
struct Sizes {
    #[diesel(sql_type = BigInt)]
    total: i64,
    #[diesel(sql_type = BigInt)]
    gin: i64,
}
