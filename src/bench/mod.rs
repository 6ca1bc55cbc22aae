//! `peerhall bench`: the service measured on the configured database (filled
//! by `seed-scale`): a full reindex, the peer directory's recompute, digests
//! composed and sent, page throughput and latency under concurrent load from
//! this process against `peerhall serve` in another, concurrent writers, and
//! the server's memory; one table, with the targets.

pub mod client;
mod digests;
pub mod load;
pub mod mail_sink;
mod mix;
mod peers;
mod report;
pub mod search;
mod server;
mod world;

use std::time::{Duration, Instant};

use anyhow::Context;
use clap::ValueEnum;

use crate::config::Settings;
use crate::startup::AppState;
use load::Request;
use report::Row;
use server::Server;
use world::World;

/// What `peerhall bench` can measure; all of it unless `--only` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Part {
    /// A full rebuild of the search index from the database
    Reindex,
    /// The peer directory's full recompute
    Peers,
    /// Every due weekly digest composed, and a sample sent over SMTP
    Digests,
    /// One query set against the search API and its SQLite FTS5 and
    /// PostgreSQL baselines
    Search,
    /// /healthz, a thread page and a city's roadmap (page and API) under load
    Pages,
    /// Concurrent writers posting replies
    Writers,
    /// The load drill: browsing, searching, replying, voting and submitting
    /// assessments at once; no 5xx, and every acknowledged write stored
    Mix,
    /// The server's resident memory after the rest
    Memory,
}

#[derive(Debug, Clone)]
pub struct Options {
    pub only: Vec<Part>,
    pub connections: usize,
    pub writers: usize,
    pub seconds: u64,
    /// Digests the real pass sends.
    pub mails: usize,
    pub search: search::SearchOptions,
}

impl Options {
    fn wants(&self, part: Part) -> bool {
        self.only.is_empty() || self.only.contains(&part)
    }

    fn window(&self) -> (Duration, Duration) {
        let seconds = Duration::from_secs(self.seconds.max(1));
        (seconds / 5, seconds)
    }
}

/// Runs the chosen parts and prints the table (markdown, for BENCHMARKS.md).
pub fn run(settings: &Settings, options: &Options) -> anyhow::Result<()> {
    let state = AppState::prepare(settings)?;
    let world = World::read(&state.pool, options.writers.max(options.connections))?;
    let mut conn = state.pool.get()?;
    let mut rows = Vec::new();
    if options.wants(Part::Reindex) {
        rows.push(reindex(settings, &mut conn)?);
        // The bench's own live index still reads the generation the rebuild
        // replaced, which the server removes at start: its reader would
        // then poll a deleted meta.json, and warn, until the bench ends.
        state.search.follow()?;
    }
    if options.wants(Part::Peers) {
        rows.push(peers::recompute(&state)?);
    }
    if options.wants(Part::Digests) {
        digests::measure(&state, settings, options.mails, &mut rows)?;
    }
    let measured = with_server((&state, settings), &world, options, &mut rows);
    let cleaned = world.forget_tokens(&mut conn);
    measured?;
    cleaned?;
    println!("{}", report::table(&rows, &report::facts(&state, &world)));
    Ok(())
}

fn reindex(settings: &Settings, conn: &mut crate::db::DbConnection) -> anyhow::Result<Row> {
    write_back(&settings.data_dir)?;
    let started = Instant::now();
    let root = &settings.search.dir;
    let built = crate::search::rebuild(conn, root, settings.search.rebuild_memory_bytes())?;
    Ok(Row::rate(
        "full reindex",
        load::per_second(built.posts, started.elapsed()),
        "posts/s",
        report::Target::AtLeast(40_000.0),
    ))
}

/// Writes every file under `dir` to disk. A database copied just before the
/// bench is still mostly dirty pages, and writing 1.9 GB of them back while
/// the rebuild ran cut its rate by a fifth (BENCHMARKS.md, "Seventeenth
/// run"): that measured the copy, not the rebuild.
fn write_back(dir: &std::path::Path) -> anyhow::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            write_back(&path)?;
        } else if entry.file_type()?.is_file() {
            std::fs::File::open(&path)
                .and_then(|file| file.sync_all())
                .with_context(|| format!("cannot write {} to disk", path.display()))?;
        }
    }
    Ok(())
}

fn with_server(
    (state, settings): (&AppState, &Settings),
    world: &World,
    options: &Options,
    rows: &mut Vec<Row>,
) -> anyhow::Result<()> {
    let needs_server = [
        Part::Pages,
        Part::Search,
        Part::Writers,
        Part::Mix,
        Part::Memory,
    ]
    .iter()
    .any(|p| options.wants(*p));
    if !needs_server {
        return Ok(());
    }
    let server = Server::start()?;
    if options.wants(Part::Pages) {
        pages(&server, world, options, rows)?;
    }
    if options.wants(Part::Writers) {
        rows.push(writers(&server, world, options)?);
    }
    if options.wants(Part::Mix) {
        let catalog = state.standards.current()?;
        let conn = &mut state.pool.get()?;
        mix::measure((&server, world, catalog), options, conn, rows)?;
    }
    // After the writers: building the PostgreSQL baseline leaves that server
    // writing for a while, on the same cores and disk.
    if options.wants(Part::Search) {
        settle(&server, rows);
        let (token, city) = world.member(0);
        let who = search::Searcher {
            token,
            city,
            port: server.port,
        };
        search::measure(state, &settings.data_dir, &who, &options.search, rows)?;
    }
    if options.wants(Part::Memory)
        && let Some(memory) = server.memory()
    {
        rows.push(Row::memory(&memory));
    }
    Ok(())
}

/// Searches are timed warm and alone, not while the server still indexes
/// and merges what the writers and the mix wrote; the wait is a row.
fn settle(server: &Server, rows: &mut Vec<Row>) {
    let waited = server.settle(Duration::from_secs(120));
    let said = match waited {
        Some(waited) => format!("idle after {:.1} s", waited.as_secs_f64()),
        None => "its CPU time could not be read; not waited for".to_owned(),
    };
    rows.push(Row::note("search: the server before it", &said));
}

/// GET requests from `--connections` connections, each expected to be a 200.
fn pages_load(
    server: &Server,
    options: &Options,
    next: &(dyn Fn(usize, u64) -> Request + Sync),
) -> anyhow::Result<load::Outcome> {
    let connections = options.connections.max(1);
    load::run(server.port, connections, options.window(), 200, next)
}

fn pages(
    server: &Server,
    world: &World,
    options: &Options,
    rows: &mut Vec<Row>,
) -> anyhow::Result<()> {
    let health = pages_load(server, options, &|_, _| {
        Request::get("/healthz".into(), "", "application/json")
    })?;
    let ceiling = health.rate();
    rows.push(Row::load(
        "GET /healthz (the ceiling)",
        &health,
        report::Target::None,
    ));
    let thread = pages_load(server, options, &|c, n| {
        let path = format!("/forum/threads/{}", world.thread(c, n));
        Request::get(path, world.member(c).0, "text/html")
    })?;
    rows.push(Row::load(
        "GET /forum/threads/{id} (page)",
        &thread,
        report::Target::Pages {
            share_of: ceiling,
            share: 0.25,
            p99_ms: 20.0,
        },
    ));
    roadmaps(server, world, options, rows)
}

/// Each connection's member asks for their own city's roadmap.
fn roadmaps(
    server: &Server,
    world: &World,
    options: &Options,
    rows: &mut Vec<Row>,
) -> anyhow::Result<()> {
    for (label, prefix, accept) in [
        ("GET /cities/{slug}/roadmap (page)", "/cities/", "text/html"),
        (
            "GET /api/v1/cities/{slug}/roadmap",
            "/api/v1/cities/",
            "application/json",
        ),
    ] {
        let roadmap = pages_load(server, options, &|c, _| {
            let (token, city) = world.member(c);
            Request::get(format!("{prefix}{city}/roadmap"), token, accept)
        })?;
        rows.push(Row::load(label, &roadmap, report::Target::P99Ms(5.0)));
    }
    first_roadmaps(server, world, options, rows)
}

/// A program admin reads roadmaps of cities chosen at random among thousands:
/// nearly every one is built, none kept from before. What a city's people
/// pay the first time, and after their city or the forum changes.
fn first_roadmaps(
    server: &Server,
    world: &World,
    options: &Options,
    rows: &mut Vec<Row>,
) -> anyhow::Result<()> {
    if world.staff_visit(0, 0).is_none() {
        return Ok(());
    }
    let built = pages_load(server, options, &|c, n| {
        let (token, city) = world.staff_visit(c, n).unwrap_or_default();
        let path = format!("/api/v1/cities/{city}/roadmap");
        Request::get(path, token, "application/json")
    })?;
    rows.push(Row::load(
        "GET /api/v1/cities/{slug}/roadmap, built (a new city each time)",
        &built,
        report::Target::None,
    ));
    Ok(())
}

/// Each writer posts replies as its own member; every acknowledged reply
/// must then be in the database.
fn writers(server: &Server, world: &World, options: &Options) -> anyhow::Result<Row> {
    let before = world.posts()?;
    let writers = options.writers.max(1);
    let outcome = load::run(server.port, writers, options.window(), 201, &|c, n| {
        let (token, _) = world.member(c);
        Request::Post {
            path: format!("/api/v1/threads/{}/posts", world.thread(c, n)),
            token: token.to_owned(),
            body: format!(r#"{{"body":"A reply from writer {c}, number {n}, under load."}}"#)
                .into_bytes(),
        }
    })?;
    let stored = world.posts()? - before;
    Ok(Row::writers(
        writers,
        &outcome,
        stored,
        server.lock_errors(),
    ))
}
