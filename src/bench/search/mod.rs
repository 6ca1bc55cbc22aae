//! Forum search in `peerhall bench`: one query set against Peerhall in
//! process and over HTTP, and against SQLite FTS5 and PostgreSQL full-text
//! search built from the same visible posts, with the targets.

pub mod baselines;
pub mod queries;

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::anyhow;

use super::client::RawClient;
use super::load::{per_second, percentile};
use super::report::{Row, Target};
use crate::db::DbConnection;
use crate::forum::store::bulk_export::BulkExport;
use crate::scale::vocabulary::languages;
use crate::search::{self, PostDoc, Results, SearchIndex, SearchRequest, Sort, Viewer};
use crate::startup::AppState;
use baselines::{BaselineRow, Built, Fts5, PER_PAGE, Pg, pg_config};
use queries::{BenchQuery, Kind, query_set};

/// Timed passes over the query set, after one warm-up pass.
const ROUNDS: usize = 3;
/// Threads read from the database per batch a baseline is fed.
const THREADS_PER_BATCH: i64 = 2_000;
/// Issue 8: over HTTP, p50 ≤ 0.6 ms and p99 ≤ 10 ms, and at least this many
/// times faster than FTS5 and PostgreSQL at both.
const HTTP_P50_MS: f64 = 0.6;
const HTTP_P99_MS: f64 = 10.0;
const FASTER_THAN_FTS5: f64 = 5.0;
const FASTER_THAN_PG: f64 = 15.0;

#[derive(Debug, Clone)]
pub struct SearchOptions {
    /// The seed `seed-scale` was given: the query set's rare words come from
    /// its vocabulary.
    pub seed: u64,
    /// A PostgreSQL server's maintenance database for the baseline, or "off".
    pub pg_url: String,
}

/// Who searches: a member's API token and their city's slug.
pub struct Searcher<'a> {
    pub token: &'a str,
    pub city: &'a str,
    pub port: u16,
}

/// Sorted latencies of one engine over the query set, and each with its
/// query's kind.
struct Timed {
    samples: Vec<Duration>,
    kinds: Vec<(Kind, Duration)>,
}

impl Timed {
    fn p50(&self) -> Duration {
        percentile(&self.samples, 0.5)
    }
    fn p99(&self) -> Duration {
        percentile(&self.samples, 0.99)
    }
}

pub fn measure(
    state: &AppState,
    data_dir: &Path,
    who: &Searcher,
    options: &SearchOptions,
    rows: &mut Vec<Row>,
) -> anyhow::Result<()> {
    let queries = query_set(&languages(options.seed), options.seed);
    let space = format!("city:{}", who.city);
    let http = peerhall_rows(state, who, (&queries, &space), rows)?;
    let fts_file = data_dir.join(format!("bench-fts5-{}.db", std::process::id()));
    let (mut fts, pg) = build_baselines(&mut *state.pool.get()?, &fts_file, options, rows)?;
    let against = (&queries[..], &http);
    let fts_timed = time(&queries, |q| Ok(fts.search(q, &space)?.0))?;
    rows.push(baseline_row(
        "search: SQLite FTS5",
        &fts_timed,
        against,
        FASTER_THAN_FTS5,
    ));
    rows.push(match pg {
        Some(mut pg) => {
            let pg_timed = time(&queries, |q| Ok(pg.search(q, &space)?.0))?;
            baseline_row(
                "search: PostgreSQL full-text",
                &pg_timed,
                against,
                FASTER_THAN_PG,
            )
        }
        None => Row::note(
            "search: PostgreSQL full-text",
            "not run: PostgreSQL is off or unreachable (see the log)",
        ),
    });
    Ok(())
}

/// Peerhall in process and over HTTP, as a member of `space`'s city; the
/// HTTP latencies, which the baselines are held against.
fn peerhall_rows(
    state: &AppState,
    who: &Searcher,
    (queries, space): (&[BenchQuery], &str),
    rows: &mut Vec<Row>,
) -> anyhow::Result<Timed> {
    let viewer = Viewer {
        all_spaces: false,
        city_space: Some(space.to_owned()),
    };
    // The reindex part may have made a new generation since this process opened its index.
    state.search.follow()?;
    let index = state.search.get();
    let local = time(queries, |q| Ok(in_process(&index, &viewer, q)?.0))?;
    let mut client = RawClient::connect(who.port)?;
    let http = time(queries, |q| Ok(over_http(&mut client, who.token, q)?.0))?;
    rows.push(latency_row("search: in process", &local, queries, None));
    rows.push(http_row(&http, queries));
    rows.extend(by_kind_rows("search over HTTP by kind", &http, queries));
    Ok(http)
}

/// FTS5 in a file beside the database, and PostgreSQL unless it is off or
/// unreachable (said in a row), fed the same posts in one pass.
fn build_baselines(
    conn: &mut DbConnection,
    fts_file: &Path,
    options: &SearchOptions,
    rows: &mut Vec<Row>,
) -> anyhow::Result<(Fts5, Option<Pg>)> {
    let mut fts = Fts5::create(fts_file)?;
    let mut pg = match options.pg_url.as_str() {
        "off" => None,
        url => match Pg::create(url) {
            Ok(pg) => Some(pg),
            Err(e) => {
                tracing::warn!(error = format!("{e:#}"), "no PostgreSQL baseline");
                None
            }
        },
    };
    feed(conn, |batch| {
        fts.insert(batch)?;
        pg.as_mut().map_or(Ok(()), |pg| pg.insert(batch))
    })?;
    rows.push(build_row(&fts.finish()?));
    if let Some(pg) = pg.as_mut() {
        rows.push(build_row(&pg.finish()?));
    }
    Ok((fts, pg))
}

/// Every visible post, as the search index gets it, a batch of threads at a time.
fn feed(
    conn: &mut DbConnection,
    mut each: impl FnMut(&[BaselineRow]) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut export = BulkExport::start(conn, THREADS_PER_BATCH)?;
    while let Some(threads) = export.next_batch(conn)? {
        let docs: Vec<PostDoc> = threads.iter().flat_map(search::indexer::docs_of).collect();
        let batch: Vec<BaselineRow> = docs.iter().map(baseline_row_of).collect();
        each(&batch)?;
    }
    Ok(())
}

fn baseline_row_of(doc: &PostDoc) -> BaselineRow<'_> {
    BaselineRow {
        id: doc.post_id,
        thread_id: doc.thread_id,
        title: if doc.is_opening { &doc.title } else { "" },
        thread_title: &doc.title,
        body: &doc.body,
        pg_config: pg_config(&doc.lang),
        area: &doc.area,
        space: &doc.space,
    }
}

/// One warm-up pass, then [`ROUNDS`] timed ones, one query at a time.
fn time(
    queries: &[BenchQuery],
    mut run: impl FnMut(&BenchQuery) -> anyhow::Result<Duration>,
) -> anyhow::Result<Timed> {
    for q in queries {
        run(q)?;
    }
    let mut kinds = Vec::with_capacity(queries.len() * ROUNDS);
    for _ in 0..ROUNDS {
        for q in queries {
            kinds.push((q.kind, run(q)?));
        }
    }
    let mut samples: Vec<Duration> = kinds.iter().map(|(_, took)| *took).collect();
    samples.sort_unstable();
    Ok(Timed { samples, kinds })
}

/// One row per kind of query: which kinds keep the whole set's median
/// where it is.
fn by_kind_rows(what: &str, timed: &Timed, queries: &[BenchQuery]) -> Vec<Row> {
    let mut kinds: BTreeMap<Kind, Vec<Duration>> = BTreeMap::new();
    for (kind, took) in &timed.kinds {
        kinds.entry(*kind).or_default().push(*took);
    }
    kinds
        .into_iter()
        .map(|(kind, mut samples)| {
            samples.sort_unstable();
            let count = queries.iter().filter(|q| q.kind == kind).count();
            let label = format!("{what}: {} ({count} queries × {ROUNDS})", kind.describe());
            Row::latencies(&label, &samples, String::new(), None)
        })
        .collect()
}

/// One search as the search box would make it, timed from parsing the
/// query to the page with its snippets, total and facets.
pub fn in_process(
    index: &SearchIndex,
    viewer: &Viewer,
    q: &BenchQuery,
) -> anyhow::Result<(Duration, Results)> {
    let started = Instant::now();
    let query = search::parse(&q.text).map_err(|e| anyhow!("{}: {e}", q.text))?;
    let request = SearchRequest {
        query,
        sort: Sort::Relevance,
        page: 1,
        per_page: PER_PAGE,
    };
    let results = black_box(index.search(viewer, &request)?);
    Ok((started.elapsed(), results))
}

/// The search API's answer to `q`, timed from writing the request to the
/// body's last byte; an error unless it is a 200.
pub fn over_http(
    client: &mut RawClient,
    token: &str,
    q: &BenchQuery,
) -> anyhow::Result<(Duration, Vec<u8>)> {
    let query: String = url::form_urlencoded::byte_serialize(q.text.as_bytes()).collect();
    let target = format!("/api/v1/search?q={query}");
    let started = Instant::now();
    let (status, body) = client.get(&target, token, "application/json")?;
    let took = started.elapsed();
    anyhow::ensure!(
        status == 200,
        "{status} for {}: {}",
        q.text,
        String::from_utf8_lossy(&body)
    );
    Ok((took, body))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn latency_row(
    what: &str,
    timed: &Timed,
    queries: &[BenchQuery],
    target: Option<(String, bool)>,
) -> Row {
    let (text, met) = target.map_or((String::new(), None), |(t, m)| (t, Some(m)));
    Row::latencies(
        &format!("{what} ({} queries × {ROUNDS}, one client)", queries.len()),
        &timed.samples,
        text,
        met,
    )
}

fn http_row(http: &Timed, queries: &[BenchQuery]) -> Row {
    let met = ms(http.p50()) <= HTTP_P50_MS && ms(http.p99()) <= HTTP_P99_MS;
    let target = format!("p50 ≤ {HTTP_P50_MS} ms, p99 ≤ {HTTP_P99_MS} ms");
    latency_row(
        "search: GET /api/v1/search",
        http,
        queries,
        Some((target, met)),
    )
}

/// A baseline's latencies, with how much faster Peerhall over HTTP answered.
fn baseline_row(
    what: &str,
    timed: &Timed,
    (queries, http): (&[BenchQuery], &Timed),
    goal: f64,
) -> Row {
    let ratio = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64().max(1e-9);
    let (p50, p99) = (
        ratio(timed.p50(), http.p50()),
        ratio(timed.p99(), http.p99()),
    );
    let target = format!("over HTTP ≥ {goal:.0}× faster: {p50:.1}× at p50, {p99:.1}× at p99");
    latency_row(
        what,
        timed,
        queries,
        Some((target, p50 >= goal && p99 >= goal)),
    )
}

fn build_row(built: &Built) -> Row {
    let rate = per_second(built.posts, built.took);
    let what = format!(
        "search: {} of {} posts in {:.1} s ({})",
        built.what,
        built.posts,
        built.took.as_secs_f64(),
        built.note
    );
    Row::rate(&what, rate, "posts/s", Target::None)
}
