//! Peer matching at scale: seeds a fresh SQLite database with synthetic cities
//! and assessment histories, then times the full directory rebuild and single
//! requests over the in-memory snapshot, and prints a markdown table for
//! BENCHMARKS.md. Figures are reported, never asserted: `cargo bench --bench peers`.

mod common;

use std::collections::HashMap;
use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use common::{CpuMeter, env_count, load_average, machine};
use diesel::prelude::*;
use peerhall::accounts::cities::City;
use peerhall::bench::load::percentile;
use peerhall::config::StandardSettings;
use peerhall::db::{self, DatabaseTarget, DbConnection, DbPool};
use peerhall::i18n::Lang;
use peerhall::peers::cards::{PeerCard, cards};
use peerhall::peers::directory::{self, profile_of};
use peerhall::peers::handlers::for_steps;
use peerhall::peers::profile::Profile;
use peerhall::peers::{PeerDirectory, rank};
use peerhall::scale::cities;
use peerhall::schema::{assessments, cities as cities_table};
use peerhall::standard::{Catalog, Level, Standards};

/// Same seed, same cities: runs on different machines compare like with like.
const SEED: u64 = 0x5EED_2026;
const DEFAULT_CITIES: usize = 10_000;
const CITIES_ENV: &str = "PEERHALL_BENCH_CITIES";
/// Cities per seeding transaction: one fsync per batch, not per row.
const BATCH: usize = 500;
const RECOMPUTE_RUNS: usize = 20;
const REQUESTS: usize = 1_000;
/// What the API and the peers page ask for by default.
const LIMIT: usize = 5;
/// What the roadmap asks for per step.
const ROADMAP_LIMIT: usize = 3;
const THIS_YEAR: i32 = 2026;

fn main() -> anyhow::Result<()> {
    let count = env_count(CITIES_ENV, DEFAULT_CITIES)?;
    let catalog = load_catalog()?;
    let data = tempfile::tempdir().context("temp dir")?;
    let (_pool, mut conn) = open_database(data.path())?;
    let seeded = seed(&mut conn, &catalog, count)?;
    eprintln!(
        "seeded {} cities and {} assessments in {:.1} s",
        seeded.cities,
        seeded.assessments,
        seeded.took.as_secs_f64()
    );
    let load = load_average();
    let full = full_recompute(&mut conn, &catalog)?;
    let peers = PeerDirectory::default();
    peers.refresh_now(&mut conn, &catalog)?;
    let (cities, _) = directory::query(&mut conn, &catalog)?;
    let askers = askers(&peers.snapshot(), &cities, &catalog);
    let mut one = requests(&peers, &catalog, &askers);
    one.push(scoring_floor(&peers, &askers));
    one.push(area_masks(&peers, &askers));
    print_facts(&seeded, &peers.snapshot(), askers.len(), &load);
    print_table(&full, Table::Recompute);
    print_table(&one, Table::Request);
    Ok(())
}

/// The current catalog as the server loads it. Not through `Settings`: it
/// refuses unknown `PEERHALL_*` variables, this bench's own included, and the
/// PM2.5 target it would supply plays no part in matching.
fn load_catalog() -> anyhow::Result<Arc<Catalog>> {
    let settings = StandardSettings {
        pm25_target_ugm3: 10.0,
    };
    let standards = Standards::load(&settings)?;
    Ok(standards.current()?.clone())
}

/// A new SQLite file with every migration applied, through the app's own pool.
fn open_database(dir: &Path) -> anyhow::Result<(DbPool, DbConnection)> {
    let url = format!("sqlite://{}", dir.join("bench.db").display());
    let target = DatabaseTarget::parse(&url).map_err(|e| anyhow::anyhow!("{url} {e}"))?;
    let (pool, mut conn) = db::build_pool(&target, 1, Duration::from_secs(5))?;
    db::run_migrations(&mut conn)?;
    Ok((pool, conn))
}

// ---------------------------------------------------------------- seeding

#[derive(Default)]
struct Seeded {
    cities: usize,
    discoverable: usize,
    assessments: usize,
    took: Duration,
}

fn seed(conn: &mut DbConnection, catalog: &Catalog, count: usize) -> anyhow::Result<Seeded> {
    let started = Instant::now();
    let mut rng = fastrand::Rng::with_seed(SEED);
    let difficulty = peerhall::demo::difficulty(catalog);
    let mut seeded = Seeded::default();
    for start in (0..count).step_by(BATCH) {
        conn.transaction(|conn| -> anyhow::Result<()> {
            for i in start..(start + BATCH).min(count) {
                let city = cities::city(&mut rng, i);
                let city_id = insert_city(conn, &city)?;
                let history = cities::history(&mut rng, catalog, &difficulty);
                for point in &history {
                    insert_assessment(conn, (&catalog.id, city_id), point)?;
                }
                seeded.cities += 1;
                seeded.discoverable += usize::from(city.discoverable);
                seeded.assessments += history.len();
            }
            Ok(())
        })?;
    }
    seeded.took = started.elapsed();
    Ok(seeded)
}

/// Straight into the table rather than through `NewCity`: the bench only
/// needs the columns matching reads, whatever else a city gains later.
fn insert_city(conn: &mut DbConnection, city: &cities::City) -> QueryResult<i32> {
    diesel::insert_into(cities_table::table)
        .values((
            cities_table::slug.eq(&city.slug),
            cities_table::name.eq(&city.name),
            cities_table::country.eq(city.country),
            cities_table::region.eq(city.region),
            cities_table::population.eq(city.population),
            cities_table::language.eq(city.language),
            cities_table::discoverable.eq(city.discoverable),
        ))
        .returning(cities_table::id)
        .get_result(conn)
}

/// Only the columns peer matching and the roadmap's peer query read; the
/// per-criterion answers live in another table that neither touches.
fn insert_assessment(
    conn: &mut DbConnection,
    (standard, city_id): (&str, i32),
    point: &cities::Point,
) -> QueryResult<usize> {
    diesel::insert_into(assessments::table)
        .values((
            assessments::city_id.eq(city_id),
            assessments::standard.eq(standard),
            assessments::met_mask.eq(point.mask as i64),
            assessments::broadband_pct.eq(Some(point.broadband_pct)),
            assessments::pm25_ugm3.eq(Some(point.pm25_ugm3)),
            assessments::submitted_at.eq(point.at),
        ))
        .execute(conn)
}

// ---------------------------------------------------------- full recompute

/// One line of the results table: what was timed, and every sample.
struct Row {
    what: String,
    samples: Vec<Duration>,
}

fn full_recompute(conn: &mut DbConnection, catalog: &Catalog) -> anyhow::Result<Vec<Row>> {
    let peers = PeerDirectory::default();
    let rows = directory::query(conn, catalog)?;
    Ok(vec![
        Row {
            what: "Full recompute: `directory::load` (2 queries + every profile)".into(),
            samples: time_runs(|| Ok(directory::load(conn, catalog)?))?,
        },
        Row {
            what: "… of which the 2 SQL queries alone".into(),
            samples: time_runs(|| Ok(directory::query(conn, catalog)?))?,
        },
        Row {
            what: "… of which the in-memory part (histories → `met_since` → profiles)".into(),
            samples: time_runs(|| Ok(directory::build(&rows, catalog)))?,
        },
        Row {
            what: "Full recompute: `PeerDirectory::refresh_now` (load + swap)".into(),
            samples: time_runs(|| Ok(peers.refresh_now(conn, catalog)?))?,
        },
    ])
}

/// A warm-up run, then `RECOMPUTE_RUNS` timed ones.
fn time_runs<T>(mut work: impl FnMut() -> anyhow::Result<T>) -> anyhow::Result<Vec<Duration>> {
    black_box(work()?);
    let mut samples = Vec::with_capacity(RECOMPUTE_RUNS);
    let meter = CpuMeter::start();
    for _ in 0..RECOMPUTE_RUNS {
        let started = Instant::now();
        let out = black_box(work()?);
        samples.push(started.elapsed());
        drop(out);
    }
    eprintln!("{RECOMPUTE_RUNS} timed runs: {}", meter.report());
    Ok(samples)
}

// ---------------------------------------------------------------- requests

/// A city asking for its peers, with what it would ask about.
struct Asker {
    city: City,
    lang: Lang,
    /// A criterion it does not meet, for the `?criterion=` request.
    missing: Option<usize>,
    /// Every criterion it does not meet: the roadmap's steps.
    steps: Vec<String>,
}

/// `REQUESTS` assessed cities, drawn with a fixed seed.
fn askers(all: &[Profile], cities: &[City], catalog: &Catalog) -> Vec<Asker> {
    let mut rng = fastrand::Rng::with_seed(SEED ^ 1);
    let by_id: HashMap<i32, &City> = cities.iter().map(|c| (c.id, c)).collect();
    let mut assessed: Vec<&Profile> = all.iter().filter(|p| p.assessed).collect();
    rng.shuffle(&mut assessed);
    assessed.truncate(REQUESTS);
    assessed
        .into_iter()
        .filter_map(|p| by_id.get(&p.city_id).map(|c| (p, *c)))
        .map(|(profile, city)| {
            let unmet: Vec<usize> = (0..catalog.criteria.len())
                .filter(|&i| profile.mask & (1u64 << i) == 0)
                .collect();
            Asker {
                city: city.clone(),
                lang: Lang::from_tag(&city.language).unwrap_or_default(),
                missing: (!unmet.is_empty()).then(|| unmet[rng.usize(0..unmet.len())]),
                steps: unmet
                    .iter()
                    .map(|&i| catalog.criteria[i].code.clone())
                    .collect(),
            }
        })
        .collect()
}

/// Each request as its handler runs it after the access check: take the
/// snapshot, find the asking city's profile, rank, make the cards.
fn requests(peers: &PeerDirectory, catalog: &Catalog, askers: &[Asker]) -> Vec<Row> {
    let mean_steps =
        askers.iter().map(|a| a.steps.len()).sum::<usize>() as f64 / askers.len().max(1) as f64;
    let one = |a: &Asker| {
        a.missing
            .map(|index| criterion_request(peers, catalog, a, index))
    };
    let overall = |a: &Asker| Some(overall_request(peers, catalog, a));
    let roadmap = |a: &Asker| Some(roadmap_request(peers, catalog, a));
    vec![
        Row {
            what: format!(
                "Request: peers for one unmet criterion (`for_criterion`, limit {LIMIT}) + cards"
            ),
            samples: time_each(askers, one),
        },
        Row {
            what: format!(
                "Request: overall lists (`like_you` + `you_can_help`, limit {LIMIT}) + cards"
            ),
            samples: time_each(askers, overall),
        },
        Row {
            what: format!(
                "Request: roadmap peers (`for_steps`, every unmet criterion — mean {mean_steps:.1} — limit {ROADMAP_LIMIT})"
            ),
            samples: time_each(askers, roadmap),
        },
    ]
}

/// One warm-up pass over every asker, then one timed call each.
fn time_each<T>(askers: &[Asker], work: impl Fn(&Asker) -> Option<T>) -> Vec<Duration> {
    for asker in askers {
        black_box(work(black_box(asker)));
    }
    askers
        .iter()
        .filter_map(|asker| {
            let started = Instant::now();
            let out = black_box(work(black_box(asker)))?;
            let took = started.elapsed();
            drop(out);
            Some(took)
        })
        .collect()
}

fn criterion_request(
    peers: &PeerDirectory,
    catalog: &Catalog,
    asker: &Asker,
    index: usize,
) -> Vec<PeerCard> {
    let all = peers.snapshot();
    let me = profile_of(&all, &asker.city);
    let code = &catalog.criteria[index].code;
    let found = rank::for_criterion(&all, &me, (index, code), LIMIT, THIS_YEAR);
    cards(asker.lang, catalog, &found)
}

fn overall_request(
    peers: &PeerDirectory,
    catalog: &Catalog,
    asker: &Asker,
) -> (Vec<PeerCard>, Vec<PeerCard>) {
    let all = peers.snapshot();
    let me = profile_of(&all, &asker.city);
    (
        cards(asker.lang, catalog, &rank::like_you(&all, &me, LIMIT)),
        cards(asker.lang, catalog, &rank::you_can_help(&all, &me, LIMIT)),
    )
}

/// What the roadmap asks: peers for each of its steps, one ranking per step.
fn roadmap_request(peers: &PeerDirectory, catalog: &Catalog, asker: &Asker) -> Vec<Vec<PeerCard>> {
    let (lang, city) = (asker.lang, &asker.city);
    for_steps(lang, catalog, peers, city, &asker.steps, ROADMAP_LIMIT)
}

/// The floor under any one list: a `likeness` per candidate and nothing kept.
/// A list's cost above it is the reasons built, and sorted, for every candidate.
fn scoring_floor(peers: &PeerDirectory, askers: &[Asker]) -> Row {
    let all = peers.snapshot();
    let best = |asker: &Asker| {
        let me = profile_of(&all, &asker.city);
        let others = all.iter().filter(|p| p.discoverable && p.assessed);
        let others = others.filter(|p| p.city_id != me.city_id);
        Some(others.map(|p| rank::likeness(&me, p)).fold(0.0, f64::max))
    };
    Row {
        what: "For comparison, one list's floor: `rank::likeness` against every peer, no reasons, no sort".into(),
        samples: time_each(askers, best),
    }
}

/// The roadmap's area comparison reads every discoverable city's latest met set
/// from the snapshot (it once queried the database for it on each request).
fn area_masks(peers: &PeerDirectory, askers: &[Asker]) -> Row {
    Row {
        what: "Request: roadmap's area comparison sets (`directory::discoverable_masks`)".into(),
        samples: time_each(askers, |asker| {
            let all = peers.snapshot();
            Some(directory::discoverable_masks(&all, asker.city.id))
        }),
    }
}

// ------------------------------------------------------------------ report

fn print_facts(seeded: &Seeded, all: &[Profile], askers: usize, load: &str) {
    let assessed = all.iter().filter(|p| p.assessed).count();
    let peers = all.iter().filter(|p| p.assessed && p.discoverable).count();
    println!(
        "- Cities: {} ({} discoverable)",
        seeded.cities, seeded.discoverable
    );
    println!("- Assessed cities: {assessed}; cities that can appear as peers: {peers}");
    println!(
        "- Assessments: {} (seeded in {:.1} s, not part of the figures)",
        seeded.assessments,
        seeded.took.as_secs_f64()
    );
    let at = |level: Option<Level>| {
        all.iter()
            .filter(|p| p.assessed && p.level == level)
            .count()
    };
    println!(
        "- Latest level: {} below Silver, {} Silver, {} Gold, {} Platinum",
        at(None),
        at(Some(Level::Silver)),
        at(Some(Level::Gold)),
        at(Some(Level::Platinum))
    );
    println!("- Asking cities per request kind: {askers}, drawn at random among the assessed");
    println!("- Machine: {}", machine());
    println!("- Load average when timing began: {load}");
}

/// Which statistics a table shows: a recompute runs a few times, a request a
/// thousand, where the tail is what a user feels.
#[derive(Clone, Copy, PartialEq)]
enum Table {
    Recompute,
    Request,
}

fn print_table(rows: &[Row], table: Table) {
    let (unit, picks, heads) = match table {
        Table::Recompute => (
            1e3,
            [0.0, 0.5, 1.0],
            "Runs | Min (ms) | Median (ms) | Max (ms)",
        ),
        Table::Request => (
            1e6,
            [0.5, 0.99, 1.0],
            "Samples | Median (µs) | p99 (µs) | Max (µs)",
        ),
    };
    println!();
    println!("| Measurement | {heads} |");
    println!("|---|---:|---:|---:|---:|");
    for row in rows {
        let mut sorted = row.samples.clone();
        sorted.sort_unstable();
        let cell = |q: f64| {
            let value = percentile(&sorted, q).as_secs_f64() * unit;
            if table == Table::Recompute {
                format!("{value:.2}")
            } else {
                format!("{value:.1}")
            }
        };
        let cells = picks.map(cell).join(" | ");
        println!("| {} | {} | {cells} |", row.what, sorted.len());
    }
}
