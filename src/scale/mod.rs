//! `peerhall seed-scale`: fills an empty database with a generated program of
//! any size (cities with assessment histories, people, a forum in four
//! languages with votes, accepted answers and watches), deterministic from a
//! seed, for benchmarks and load drills. The generators are pure; `write`
//! owns the SQL.

pub mod cities;
pub mod forum;
pub mod people;
pub mod sql;
pub mod vocabulary;
pub mod write;

use std::sync::mpsc;

use crate::db::DbConnection;
use crate::standard::Catalog;

/// How much to generate, and from which seed.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    pub cities: usize,
    pub users: usize,
    pub posts: usize,
    pub seed: u64,
}

/// What was written so far.
#[derive(Debug, Default, Clone)]
pub struct Report {
    pub cities: usize,
    pub assessments: usize,
    pub users: usize,
    pub threads: usize,
    pub posts: usize,
    pub votes: usize,
    pub watches: usize,
}

/// Percent of threads in a city's private space.
const CITY_SPACE_PCT: u32 = 3;
/// Rows of each kind generated and written per transaction.
const CITIES_PER_BATCH: usize = 500;
const PEOPLE_PER_BATCH: usize = 5_000;
const THREADS_PER_BATCH: usize = 1_000;
/// Keeps the forum's own draws apart from the votes' and watches'.
const EXTRAS_SEED: u64 = 0xE7_7A5;

/// Writes the whole world, reporting after each forum batch. Fails, writing
/// nothing, on a database that already has cities, people or threads.
pub fn seed(
    conn: &mut DbConnection,
    catalog: &Catalog,
    sizes: Sizes,
    progress: &mut dyn FnMut(&Report),
) -> anyhow::Result<Report> {
    if sizes.cities == 0 || sizes.users == 0 {
        anyhow::bail!("seed-scale needs at least one city and one user");
    }
    write::ensure_empty(conn)?;
    let mut report = Report::default();
    fill(conn, catalog, sizes, &mut report, progress).map_err(|e| {
        e.context(format!(
            "seed-scale stopped after {} cities, {} people and {} posts; those stay \
             written, so start again on a new database",
            report.cities, report.users, report.posts
        ))
    })?;
    Ok(report)
}

fn fill(
    conn: &mut DbConnection,
    catalog: &Catalog,
    sizes: Sizes,
    report: &mut Report,
    progress: &mut dyn FnMut(&Report),
) -> anyhow::Result<()> {
    let mut rng = fastrand::Rng::with_seed(sizes.seed);
    let towns = seed_cities(conn, catalog, &mut rng, sizes.cities, report)?;
    seed_people(conn, &mut rng, &towns, sizes.users, report)?;
    progress(report);
    seed_forum(conn, sizes, report, progress)?;
    write::reset_sequences(conn)
}

fn seed_cities(
    conn: &mut DbConnection,
    catalog: &Catalog,
    rng: &mut fastrand::Rng,
    count: usize,
    report: &mut Report,
) -> anyhow::Result<Vec<cities::City>> {
    let difficulty = crate::demo::difficulty(catalog);
    let mut towns = Vec::with_capacity(count);
    for start in (0..count).step_by(CITIES_PER_BATCH) {
        let end = (start + CITIES_PER_BATCH).min(count);
        let mut statements = Vec::new();
        let batch: Vec<cities::City> = (start + 1..=end).map(|i| cities::city(rng, i)).collect();
        statements.extend(write::city_rows(&batch, start + 1));
        for i in start + 1..=end {
            let history = cities::history(rng, catalog, &difficulty);
            let first_id = report.assessments + 1;
            statements.extend(write::history_rows(catalog, i, &history, first_id));
            report.assessments += history.len();
        }
        write::execute(conn, &statements)?;
        report.cities = end;
        towns.extend(batch);
    }
    Ok(towns)
}

fn seed_people(
    conn: &mut DbConnection,
    rng: &mut fastrand::Rng,
    towns: &[cities::City],
    count: usize,
    report: &mut Report,
) -> anyhow::Result<()> {
    let mut extras = fastrand::Rng::with_seed(rng.u64(..));
    for start in (0..count).step_by(PEOPLE_PER_BATCH) {
        let end = (start + PEOPLE_PER_BATCH).min(count);
        let batch: Vec<people::Person> = (start + 1..=end)
            .map(|i| people::person(rng, i, towns))
            .collect();
        let watches: Vec<(usize, &'static str, String)> = (start + 1..=end)
            .filter_map(|i| interest(&mut extras, i))
            .collect();
        let mut statements = write::people_rows(&batch, start + 1);
        statements.extend(write::watch_rows(&watches));
        write::execute(conn, &statements)?;
        report.users = end;
        report.watches += watches.len();
    }
    Ok(())
}

/// One person in four follows a category, one in eight a tag.
fn interest(rng: &mut fastrand::Rng, person: usize) -> Option<(usize, &'static str, String)> {
    match rng.u32(0..8) {
        0 | 1 => {
            let (slug, _, _) = forum::CATEGORIES[rng.usize(0..forum::CATEGORIES.len())];
            Some((person, "category", slug.to_owned()))
        }
        2 => {
            let tag = forum::FREE_TAGS[rng.usize(0..forum::FREE_TAGS.len())];
            Some((person, "tag", tag.to_owned()))
        }
        _ => None,
    }
}

/// Generation and Markdown rendering on one thread, the database on this
/// one: on two cores neither waits long for the other.
fn seed_forum(
    conn: &mut DbConnection,
    sizes: Sizes,
    report: &mut Report,
    progress: &mut dyn FnMut(&Report),
) -> anyhow::Result<()> {
    let (sender, batches) = mpsc::sync_channel::<Batch>(2);
    std::thread::scope(|scope| -> anyhow::Result<()> {
        let producer = scope.spawn(move || produce(sizes, &sender));
        let written = write_batches(conn, &batches, report, progress);
        // Dropping the receiver stops a producer that is still going.
        drop(batches);
        producer
            .join()
            .map_err(|_| anyhow::anyhow!("the forum generator failed"))?;
        written
    })?;
    if report.posts < sizes.posts {
        anyhow::bail!("the forum generator stopped after {} posts", report.posts);
    }
    Ok(())
}

fn write_batches(
    conn: &mut DbConnection,
    batches: &mpsc::Receiver<Batch>,
    report: &mut Report,
    progress: &mut dyn FnMut(&Report),
) -> anyhow::Result<()> {
    for batch in batches {
        write::execute(conn, &batch.statements)?;
        report.threads += batch.threads;
        report.posts += batch.posts;
        report.votes += batch.votes;
        report.watches += batch.watches;
        progress(report);
    }
    Ok(())
}

/// One transaction's worth of forum rows.
struct Batch {
    statements: Vec<String>,
    threads: usize,
    posts: usize,
    votes: usize,
    watches: usize,
}

fn produce(sizes: Sizes, sender: &mpsc::SyncSender<Batch>) {
    let langs = vocabulary::languages(sizes.seed);
    let shape = forum::Shape {
        cities: sizes.cities,
        users: sizes.users,
        city_space_pct: CITY_SPACE_PCT,
    };
    let mut extras_rng = fastrand::Rng::with_seed(sizes.seed ^ EXTRAS_SEED);
    let mut threads = forum::Threads::new(&langs, shape, sizes.seed, sizes.posts).peekable();
    while threads.peek().is_some() {
        let mut batch: Vec<forum::Thread> = threads.by_ref().take(THREADS_PER_BATCH).collect();
        for post in batch.iter_mut().flat_map(|t| &mut t.posts) {
            // The generator's years run to 2026; a year back keeps every post
            // in the past whenever the data is made.
            post.created -= chrono::Duration::days(366);
        }
        let extras = extras(&mut extras_rng, &mut batch, sizes.users);
        let html: Vec<String> = batch
            .iter()
            .flat_map(|t| &t.posts)
            .map(|p| crate::forum::text::markdown::render(&p.body, &|_| false))
            .collect();
        let batch = Batch {
            statements: write::forum_rows(&batch, &html, &extras),
            threads: batch.len(),
            posts: html.len(),
            votes: extras.votes.len(),
            watches: extras.watches.len(),
        };
        // The receiver has gone only when writing failed; it reports why.
        if sender.send(batch).is_err() {
            return;
        }
    }
}

/// Voters for each post's votes (never its author, never twice), so that a
/// post's count matches its vote rows; each opener watches their thread.
fn extras(rng: &mut fastrand::Rng, threads: &mut [forum::Thread], users: usize) -> write::Extras {
    let mut extras = write::Extras::default();
    for thread in threads.iter_mut() {
        extras
            .watches
            .push((thread.author, "thread", thread.id.to_string()));
        for post in &mut thread.posts {
            let wanted = (post.votes.max(0) as usize).min(users.saturating_sub(1));
            let mut voters: Vec<usize> = Vec::with_capacity(wanted);
            while voters.len() < wanted {
                let voter = rng.usize(1..=users);
                if voter != post.author && !voters.contains(&voter) {
                    voters.push(voter);
                }
            }
            post.votes = voters.len() as i32;
            let at = post.created + chrono::Duration::minutes(rng.i64(1..=10_000));
            extras
                .votes
                .extend(voters.into_iter().map(|voter| (post.id, voter, at)));
        }
    }
    extras
}
