//! The baselines a user would otherwise pick: SQLite FTS5 and PostgreSQL full-text search.

#[allow(clippy::wildcard_imports)]
use super::*;

/// SQLite FTS5 over title and body, accents folded, BM25 with titles
/// weighing three times the body, as one would add it to the app's SQLite.
pub(crate) struct Fts5 {
    pub(crate) conn: SqliteConnection,
    pub(crate) built: Built,
}

pub(crate) const FTS_POSTS_PER_TX: usize = 20_000;

impl Fts5 {
    pub(crate) fn build(path: &Path, corpus: &Corpus) -> anyhow::Result<Fts5> {
        let url = path.to_string_lossy();
        let mut conn = SqliteConnection::establish(&url)?;
        let version: Vec<Version> =
            diesel::sql_query("SELECT sqlite_version() AS version").load(&mut conn)?;
        conn.batch_execute(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
             CREATE VIRTUAL TABLE posts_fts USING fts5(
                 title, body, thread_id UNINDEXED, thread_title UNINDEXED, area UNINDEXED,
                 space UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');
             INSERT INTO posts_fts (posts_fts, rank) VALUES ('rank', 'bm25(3.0, 1.0)');",
        )?;
        let started = Instant::now();
        let all: Vec<Row> = rows(corpus).collect();
        for chunk in all.chunks(FTS_POSTS_PER_TX) {
            let statements = inserts(
                "INSERT INTO posts_fts (rowid, title, body, thread_id, thread_title, area, space)",
                chunk.iter(),
                |sql, r| {
                    let _ = write!(sql, "{}, ", r.id);
                    quoted(sql, r.title);
                    sql.push_str(", ");
                    quoted(sql, r.body);
                    let _ = write!(sql, ", {}, ", r.thread_id);
                    quoted(sql, r.thread_title);
                    let _ = write!(sql, ", '{}', ", r.area);
                    quoted(sql, &r.space);
                },
            );
            conn.transaction(|conn| -> anyhow::Result<()> {
                for statement in &statements {
                    conn.batch_execute(statement)?;
                }
                Ok(())
            })?;
        }
        let inserted = started.elapsed();
        conn.batch_execute("INSERT INTO posts_fts (posts_fts) VALUES ('optimize');")?;
        let took = started.elapsed();
        conn.batch_execute("PRAGMA wal_checkpoint(TRUNCATE);")?;
        let sqlite = version.first().map_or("?", |v| v.version.as_str());
        Ok(Fts5 {
            conn,
            built: Built {
                what: "SQLite FTS5 build (INSERT, then `optimize`)".into(),
                took,
                posts: corpus.posts,
                size: size_on_disk(path)?,
                note: format!(
                    "SQLite {sqlite}; insert {:.1} s + optimize {:.1} s; text stored in the table",
                    inserted.as_secs_f64(),
                    (took - inserted).as_secs_f64()
                ),
            },
        })
    }

    pub(crate) fn search(
        &mut self,
        q: &BenchQuery,
        viewer: &Viewer,
    ) -> anyhow::Result<(Duration, Answer)> {
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
        let space = viewer.city_space.clone().unwrap_or_default();
        let started = Instant::now();
        let query = diesel::sql_query(sql)
            .bind::<Text, _>(&q.fts)
            .bind::<Text, _>(&space);
        let found: Vec<Found> = match &q.area {
            Some(area) => query.bind::<Text, _>(area).load(&mut self.conn),
            None => query.load(&mut self.conn),
        }
        .with_context(|| format!("FTS5: {}", q.fts))?;
        let took = started.elapsed();
        Ok((
            took,
            Answer {
                hits: black_box(found).len(),
                total: None,
            },
        ))
    }
}

#[derive(QueryableByName)]
pub(crate) struct Version {
    #[diesel(sql_type = Text)]
    pub(crate) version: String,
}

/// PostgreSQL full-text search in a database made for the run and dropped
/// after it: a `tsvector` per post in its own language's configuration (title
/// weighted A, body D), a GIN index, and each query in all four
/// configurations OR'd together, since a query carries no language.
pub(crate) struct Pg {
    pub(crate) conn: PgConnection,
    pub(crate) admin_url: String,
    pub(crate) name: String,
    pub(crate) built: Built,
}

impl Pg {
    pub(crate) fn build(corpus: &Corpus) -> anyhow::Result<Pg> {
        let admin_url = std::env::var(PG_ENV).unwrap_or_else(|_| DEFAULT_PG.to_owned());
        anyhow::ensure!(admin_url != "off", "{PG_ENV}=off");
        let name = format!("peerhall_bench_{}", std::process::id());
        let mut admin_conn =
            PgConnection::establish(&admin_url).with_context(|| admin_url.clone())?;
        // One statement each: CREATE DATABASE refuses to run in a transaction.
        admin_conn.batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))?;
        admin_conn.batch_execute(&format!("CREATE DATABASE {name}"))?;
        drop(admin_conn);
        let url = database_url(&admin_url, &name)?;
        let conn = PgConnection::establish(&url)?;
        let mut pg = Pg {
            conn,
            admin_url,
            name,
            built: Built {
                what: String::new(),
                took: Duration::ZERO,
                posts: corpus.posts,
                size: 0,
                note: String::new(),
            },
        };
        pg.load(corpus)?;
        Ok(pg)
    }

    pub(crate) fn load(&mut self, corpus: &Corpus) -> anyhow::Result<()> {
        let conn = &mut self.conn;
        let version: Vec<Version> =
            diesel::sql_query("SELECT current_setting('server_version') AS version").load(conn)?;
        conn.batch_execute(
            "CREATE TABLE posts (
                 id integer PRIMARY KEY,
                 thread_id integer NOT NULL,
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
        let started = Instant::now();
        let all: Vec<Row> = rows(corpus).collect();
        for chunk in all.chunks(FTS_POSTS_PER_TX) {
            let statements = inserts(
                "INSERT INTO posts (id, thread_id, title, thread_title, body, cfg, area, space)",
                chunk.iter(),
                |sql, r| {
                    let _ = write!(sql, "{}, {}, ", r.id, r.thread_id);
                    quoted(sql, r.title);
                    sql.push_str(", ");
                    quoted(sql, r.thread_title);
                    sql.push_str(", ");
                    quoted(sql, r.body);
                    let _ = write!(sql, ", '{}', '{}', ", r.lang.pg_config, r.area);
                    quoted(sql, &r.space);
                },
            );
            conn.transaction(|conn| -> anyhow::Result<()> {
                for statement in &statements {
                    conn.batch_execute(statement)?;
                }
                Ok(())
            })?;
        }
        let inserted = started.elapsed();
        conn.batch_execute(
            "SET maintenance_work_mem = '1GB';
             CREATE INDEX posts_tsv ON posts USING gin (tsv);
             RESET maintenance_work_mem;
             ANALYZE posts;",
        )?;
        let took = started.elapsed();
        let sizes: Vec<Sizes> = diesel::sql_query(
            "SELECT pg_total_relation_size('posts')::bigint AS total, \
             pg_relation_size('posts_tsv')::bigint AS gin",
        )
        .load(conn)?;
        let (total, gin) = sizes.first().map_or((0, 0), |s| (s.total, s.gin));
        let server = version.first().map_or("?", |v| v.version.as_str());
        self.built = Built {
            what: "PostgreSQL build (INSERT with generated `tsvector`, GIN, ANALYZE)".into(),
            took,
            posts: corpus.posts,
            size: u64::try_from(total).unwrap_or_default(),
            note: format!(
                "PostgreSQL {server}; insert {:.1} s + GIN and ANALYZE {:.1} s; GIN alone {}",
                inserted.as_secs_f64(),
                (took - inserted).as_secs_f64(),
                human_size(u64::try_from(gin).unwrap_or_default())
            ),
        };
        Ok(())
    }

    pub(crate) fn search(
        &mut self,
        q: &BenchQuery,
        viewer: &Viewer,
    ) -> anyhow::Result<(Duration, Answer)> {
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
             SELECT top.id AS post_id, top.thread_id, top.thread_title AS title, \
                    ts_headline(top.cfg, top.body, q.q, \
                        'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15') AS snippet, \
                    top.score::float8 AS score \
             FROM top, q ORDER BY top.score DESC",
            configs.join(" || ")
        );
        let space = viewer.city_space.clone().unwrap_or_default();
        let started = Instant::now();
        let query = diesel::sql_query(sql)
            .bind::<Text, _>(&q.words)
            .bind::<Text, _>(&space);
        let found: Vec<Found> = match &q.area {
            Some(area) => query.bind::<Text, _>(area).load(&mut self.conn),
            None => query.load(&mut self.conn),
        }
        .with_context(|| format!("PostgreSQL: {}", q.words))?;
        let took = started.elapsed();
        Ok((
            took,
            Answer {
                hits: black_box(found).len(),
                total: None,
            },
        ))
    }
}

impl Drop for Pg {
    fn drop(&mut self) {
        let drop_sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        let dropped = PgConnection::establish(&self.admin_url)
            .map_err(anyhow::Error::from)
            .and_then(|mut conn| Ok(conn.batch_execute(&drop_sql)?));
        if let Err(e) = dropped {
            eprintln!("could not drop the database {}: {e}", self.name);
        }
    }
}

#[derive(QueryableByName)]
pub(crate) struct Sizes {
    #[diesel(sql_type = BigInt)]
    pub(crate) total: i64,
    #[diesel(sql_type = BigInt)]
    pub(crate) gin: i64,
}

/// The server's maintenance URL with another database name.
pub(crate) fn database_url(admin_url: &str, name: &str) -> anyhow::Result<String> {
    let mut url = url::Url::parse(admin_url)?;
    url.set_path(name);
    Ok(url.to_string())
}
