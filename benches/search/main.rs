//! Forum search at scale: generates a forum corpus in four languages (domain
//! phrases, acronyms and codes, Zipf-distributed words), loads it into the
//! app's SQLite database, times the full reindex (`search::rebuild`), then runs
//! one query set, single client and warm, against Peerhall in process, Peerhall
//! over HTTP, SQLite FTS5 and PostgreSQL full-text search, and prints markdown
//! tables for BENCHMARKS.md. Figures are reported, never asserted:
//! `cargo bench --bench search`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, anyhow};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use peerhall::accounts::admin::{self, UserArgs};
use peerhall::bench::client::RawClient;
use peerhall::config::{EmailTransport, Secret, Settings};
use peerhall::db::{self, DatabaseTarget, DbConnection};
use peerhall::scale::forum::{Corpus, Shape, generate};
use peerhall::scale::sql::inserts;
use peerhall::scale::vocabulary::{LANGUAGES, languages};
use peerhall::scale::write::{Extras, forum_rows};
use peerhall::search::{self, LiveIndex, SearchIndex, Viewer};
use peerhall::startup::Application;

mod app_db;
#[path = "../common/mod.rs"]
mod common;
mod engines;
mod report;

use app_db::*;
use common::*;
use engines::*;
use peerhall::bench::load::percentile;
use peerhall::bench::search::baselines::*;
use peerhall::bench::search::queries::*;
use report::*;

/// Same seed, same corpus and queries: runs on different machines compare like with like.
const SEED: u64 = 0x5EA2_C4ED_2026;
const POSTS_ENV: &str = "PEERHALL_BENCH_POSTS";
const DEFAULT_POSTS: usize = 1_000_000;
/// The PostgreSQL server's maintenance database; `off` skips the baseline.
const PG_ENV: &str = "PEERHALL_BENCH_PG_URL";
const DEFAULT_PG: &str = "postgres://postgres@127.0.0.1:5432/postgres";
/// Timed passes over the query set, after one warm-up pass.
const ROUNDS: usize = 3;
/// Posts per baseline transaction.
const FTS_POSTS_PER_TX: usize = 20_000;
const CITIES: usize = 300;
const USERS: usize = 3_000;
/// Who may appear in the corpus; 3% of threads are in a city's private space.
const SHAPE: Shape = Shape {
    cities: CITIES,
    users: USERS,
    city_space_pct: 3,
};
/// Threads per seeding transaction.
const THREADS_PER_TX: usize = 2_000;
/// The bench user's city: a member sees public posts and this city's space.
const BENCH_CITY: usize = 7;
const BENCH_EMAIL: &str = "bench@example.org";

fn main() -> anyhow::Result<()> {
    // tantivy's and the app's warnings (through `log` too) go to stderr.
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter("warn")
        .try_init();
    let count = env_count(POSTS_ENV, DEFAULT_POSTS)?;
    let data = tempfile::tempdir().context("temp dir")?;
    let settings = settings(data.path())?;
    let languages = languages(SEED);

    let started = Instant::now();
    let corpus = generate(&languages, SHAPE, SEED, count);
    let generated = started.elapsed();
    eprintln!(
        "generated {} posts in {} threads in {:.1} s",
        corpus.posts,
        corpus.threads.len(),
        generated.as_secs_f64()
    );

    let target = DatabaseTarget::parse(&settings.database_url()).map_err(|e| anyhow!("{e}"))?;
    let (_pool, mut conn) = db::build_pool(&target, 1, Duration::from_secs(5))?;
    db::run_migrations(&mut conn)?;
    let started = Instant::now();
    seed(&mut conn, &corpus)?;
    let seeded = started.elapsed();
    let token = bench_user(&mut conn)?;
    let db_size = size_on_disk(&data.path().join("peerhall.db"))?;
    eprintln!("seeded the app's database in {:.1} s", seeded.as_secs_f64());

    let load = load_average();
    let root = settings.search.dir.clone();
    let started = Instant::now();
    let meter = CpuMeter::start();
    let rebuilt = search::rebuild(&mut conn, &root, settings.search.rebuild_memory_bytes())?;
    let reindex = Built {
        what: "Peerhall full reindex from the database (`search::rebuild`)".into(),
        took: started.elapsed(),
        posts: rebuilt.posts,
        size: size_on_disk(&root)?,
        note: format!("{} segment(s); {}", segments(&root)?, meter.report()),
    };
    eprintln!(
        "reindexed {} posts in {:.1} s",
        rebuilt.posts,
        reindex.took.as_secs_f64()
    );
    drop(conn);

    let mut fts = Fts5::create(&data.path().join("fts.db"))?;
    feed(&corpus, |batch| fts.insert(batch))?;
    let fts_built = fts.finish()?;
    eprintln!("FTS5 built in {:.1} s", fts_built.took.as_secs_f64());
    let pg = build_pg(&corpus);
    match &pg {
        Ok((_, built)) => eprintln!("PostgreSQL built in {:.1} s", built.took.as_secs_f64()),
        Err(e) => eprintln!("PostgreSQL unavailable: {e:#}"),
    }
    let facts = Facts::of(&corpus, generated, seeded, db_size);
    drop(corpus);

    let queries = query_set(&languages, SEED);
    let viewer = Viewer {
        all_spaces: false,
        city_space: Some(format!("city:{}", city_slug(BENCH_CITY))),
    };
    let space = viewer.city_space.as_deref().unwrap_or_default();
    let live = LiveIndex::open(&root, settings.search.writer_memory_bytes())?;
    let index = live.get();
    let timing_load = load_average();
    let mut runs = vec![measure(
        "Peerhall in process (`SearchIndex::search`: top 10, snippets, total, facets)",
        &queries,
        |q| in_process(&index, &viewer, q),
    )?];

    // The server runs on its own threads; the client below needs no runtime.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()?;
    let app = runtime.block_on(async { Application::build(&settings) })?;
    let port = app.port();
    runtime.spawn(app.run_until_stopped());
    let mut client = RawClient::connect(port)?;
    let mut http = |q: &BenchQuery| over_http(&mut client, &token, q);
    runs.push(measure(
        "Peerhall over HTTP (`GET /api/v1/search`, bearer token, one keep-alive connection)",
        &queries,
        &mut http,
    )?);
    // What a search costs before anything is found: the fixed part.
    let nothing = vec![BenchQuery::new(Kind::Rare, "zzqxvw"); queries.len()];
    let floors = [
        measure(
            "… for comparison, in process, totals and facets counted afresh for every query",
            &queries,
            |q| {
                index.forget_counts();
                in_process(&index, &viewer, q)
            },
        )?,
        measure(
            "… for comparison, in process, a word no post has",
            &nothing,
            |q| in_process(&index, &viewer, q),
        )?,
        measure(
            "… for comparison, over HTTP, a word no post has (token check, routing, JSON)",
            &nothing,
            &mut http,
        )?,
    ];
    runs.push(measure(
        "SQLite FTS5 (bm25, snippet(), LIMIT 10)",
        &queries,
        |q| answered(fts.search(q, space)),
    )?);
    let pg_row = match pg {
        Ok((mut pg, built)) => {
            let run = measure(
                "PostgreSQL FTS (tsvector + GIN, ts_rank, ts_headline, LIMIT 10)",
                &queries,
                |q| answered(pg.search(q, space)),
            );
            drop(pg);
            Some((run?, built))
        }
        Err(_) => None,
    };
    let (pg_run, pg_built) = pg_row.unzip();
    runs.extend(pg_run);

    print_facts(&facts, &queries, (&load, &timing_load));
    let builds: Vec<&Built> = [Some(&reindex), Some(&fts_built), pg_built.as_ref()]
        .into_iter()
        .flatten()
        .collect();
    print_builds(&builds, facts.posts, pg_built.is_none());
    print_latency(&runs, &floors, pg_built.is_none());
    print_kinds(&runs, &queries, facts.posts);
    print_agreement(&runs, &queries);
    Ok(())
}

/// PostgreSQL full-text search over the corpus, on the server `PG_ENV` names.
fn build_pg(corpus: &Corpus) -> anyhow::Result<(Pg, Built)> {
    let admin_url = std::env::var(PG_ENV).unwrap_or_else(|_| DEFAULT_PG.to_owned());
    anyhow::ensure!(admin_url != "off", "{PG_ENV}=off");
    let mut pg = Pg::create(&admin_url)?;
    feed(corpus, |batch| pg.insert(batch))?;
    let built = pg.finish()?;
    Ok((pg, built))
}

/// The app's defaults with everything under `dir`. Not `Settings::load`: it
/// refuses unknown `PEERHALL_*` variables, this bench's own included.
fn settings(dir: &Path) -> anyhow::Result<Settings> {
    let mut settings: Settings = toml::from_str(include_str!("../../config/default.toml"))?;
    settings.data_dir = dir.to_owned();
    settings.search.dir = dir.join("index");
    settings.email.outbox_dir = dir.join("outbox");
    settings.email.transport = EmailTransport::Stub;
    settings.server.port = 0;
    settings.server.shutdown_timeout_secs = 1;
    // The bench's 3,000 authors would all be due a first digest, and composing
    // them would share the cores with the timed searches.
    settings.digest.scheduler = false;
    settings.database.url = Secret::new(String::new());
    Ok(settings.validated()?)
}
