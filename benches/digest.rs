//! Weekly digests at scale: seeds a fresh SQLite database with readers in
//! cities, a week of forum activity and their notifications, then times
//! (1) composing every due digest through the real pass (a dry run: composed
//! and rendered, nothing written), (2) a real pass that composes, records and
//! sends some of them over SMTP to a local server (mailin-embedded), and
//! (3) the pooled SMTP transport alone. Figures are printed, never asserted:
//! `cargo bench --bench digest` (PEERHALL_BENCH_READERS, PEERHALL_BENCH_SENT).

// Shared with the other benches; this one reports rates, not percentiles.
#[allow(dead_code)]
mod common;

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::{DateTime, NaiveDateTime, Utc};
use common::{CpuMeter, env_count, load_average, machine};
use diesel::connection::SimpleConnection;
use peerhall::bench::mail_sink::Sink;
use peerhall::config::{Secret, Settings};
use peerhall::digest::Digests;
use peerhall::email::{Mailer, Outgoing};
use peerhall::scale::sql::inserts;
use peerhall::startup::AppState;

const READERS_ENV: &str = "PEERHALL_BENCH_READERS";
const SENT_ENV: &str = "PEERHALL_BENCH_SENT";
const READERS_PER_CITY: usize = 100;
const THREADS_PER_CITY: usize = 2;
const NOTIFICATIONS_PER_READER: usize = 4;
/// Raw SMTP sends, per concurrency level.
const RAW_SENDS: usize = 2_000;
/// A Monday noon: every reader (UTC, Monday 08:00 by default) is due.
const NOW: &str = "2026-11-23T12:00:00Z";

fn main() -> anyhow::Result<()> {
    let readers = env_count(READERS_ENV, 100_000)?;
    let sent = env_count(SENT_ENV, 3_000)?.min(readers);
    let now: DateTime<Utc> = DateTime::parse_from_rfc3339(NOW)?.with_timezone(&Utc);
    let data = tempfile::tempdir().context("temp dir")?;
    let sink = Sink::start()?;
    let state = AppState::prepare(&settings(data.path(), &sink)?)?;
    let started = Instant::now();
    seed(&state, readers, now.naive_utc())?;
    let mut conn = state.pool.get()?;
    state
        .peers
        .refresh_now(&mut conn, state.standards.current()?)?;
    drop(conn);
    eprintln!(
        "seeded {readers} readers in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let load = load_average();
    let digests = Digests::of(&state);

    let started = Instant::now();
    let meter = CpuMeter::start();
    let (dry, _) = digests.dry_run(now)?;
    let compose = started.elapsed();
    eprintln!(
        "composed in {:.1} s ({})",
        compose.as_secs_f64(),
        meter.report()
    );

    keep_only_first(&state, sent)?;
    let started = Instant::now();
    let meter = CpuMeter::start();
    let pass = digests.pass(now)?;
    let send = started.elapsed();
    eprintln!("sent in {:.1} s ({})", send.as_secs_f64(), meter.report());
    anyhow::ensure!(
        sink.count() == pass.sent,
        "the sink got {} of {}",
        sink.count(),
        pass.sent
    );

    let raw = [1, 4].map(|threads| (threads, raw_rate(&state.mailer, threads)));
    println!("Machine: {}; load before: {load}", machine());
    println!(
        "{readers} readers in {} cities, {} threads; pass time {NOW}\n",
        readers / READERS_PER_CITY,
        threads(readers)
    );
    println!("| what | count | time | rate |");
    println!("| --- | --- | --- | --- |");
    let per_s = peerhall::bench::load::per_second;
    println!(
        "| compose and render every due digest (dry run) | {} due, {} with something to say | {:.1} s | {:.0} digests/s |",
        dry.due,
        dry.sent,
        compose.as_secs_f64(),
        per_s(dry.due, compose)
    );
    println!(
        "| a real pass: ledger, compose, send over SMTP | {} sent | {:.1} s | {:.0} messages/s |",
        pass.sent,
        send.as_secs_f64(),
        per_s(pass.sent, send)
    );
    for (threads, (n, took)) in raw {
        println!(
            "| SMTP transport alone, pooled, {threads} sender thread(s) | {n} | {:.2} s | {:.0} messages/s |",
            took.as_secs_f64(),
            per_s(n, took)
        );
    }
    Ok(())
}

fn settings(data: &Path, sink: &Sink) -> anyhow::Result<Settings> {
    let mut settings = Settings::load_from(Path::new("config"), None)?;
    settings.data_dir = data.to_owned();
    settings.search.dir = data.join("index");
    settings.email.outbox_dir = data.join("outbox");
    settings.database.url = Secret::new(format!("sqlite://{}", data.join("bench.db").display()));
    settings.email = sink.settings(&settings.email, 4);
    Ok(settings)
}

fn threads(readers: usize) -> usize {
    (readers / READERS_PER_CITY).max(1) * THREADS_PER_CITY
}

/// The seeded world's sizes and its clock.
struct World {
    readers: usize,
    cities: usize,
    threads: usize,
    now: NaiveDateTime,
}

impl World {
    /// `'2026-11-20 12:00:00'`, `days_ago` days before the pass.
    fn ts(&self, days_ago: i64) -> String {
        (self.now - chrono::Duration::days(days_ago))
            .format("'%Y-%m-%d %H:%M:%S'")
            .to_string()
    }
}

/// Cities with an assessment each (a tenth of them rising to Silver this
/// week), readers, tagged questions with replies, and each reader's
/// notifications from the last days, in one transaction.
fn seed(state: &AppState, readers: usize, now: NaiveDateTime) -> anyhow::Result<()> {
    let world = World {
        readers,
        cities: (readers / READERS_PER_CITY).max(1),
        threads: threads(readers),
        now,
    };
    let codes: Vec<String> = state
        .standards
        .current()?
        .criteria
        .iter()
        .map(|c| c.code.to_lowercase())
        .collect();
    let mut sql = cities(&world);
    sql.extend(forum(&world, &codes));
    sql.extend(notifications(&world));
    let mut conn = state.pool.get()?;
    conn.batch_execute("BEGIN")?;
    for statement in &sql {
        conn.batch_execute(statement)?;
    }
    conn.batch_execute("COMMIT")?;
    Ok(())
}

fn cities(w: &World) -> Vec<String> {
    let mut sql = inserts(
        "INSERT INTO cities (id, slug, name, country, region, population, language, discoverable)",
        1..=w.cities,
        |s, i| {
            let _ = write!(
                s,
                "{i}, 'city-{i}', 'City {i}', 'US', 'us_canada', {}, 'en', 1",
                50_000 + i * 37 % 900_000
            );
        },
    );
    // 10 to 21 of the first criteria met 40 days ago (below Silver, 22 of 43);
    // every tenth city reaches 24 two days ago.
    let mask = |met: usize| ((1u64 << met) - 1) as i64;
    let head = "INSERT INTO assessments (city_id, standard, met_mask, submitted_at)";
    sql.extend(inserts(head, 1..=w.cities, |s, i| {
        let _ = write!(s, "{i}, 'wwc-2022', {}, {}", mask(10 + i % 12), w.ts(40));
    }));
    sql.extend(inserts(
        head,
        (1..=w.cities).filter(|i| i % 10 == 0),
        |s, i| {
            let _ = write!(s, "{i}, 'wwc-2022', {}, {}", mask(24), w.ts(2));
        },
    ));
    sql.extend(inserts("INSERT INTO users (id, email, display_name, language, time_zone, city_id, role, handle)", 1..=w.readers, |s, i| {
        let lang = ["en", "es", "pt", "fr"][i % 4];
        let _ = write!(s, "{i}, 'reader{i}@example.org', 'Reader {i}', '{lang}', 'UTC', {}, 'member', 'reader{i}'", (i - 1) / READERS_PER_CITY + 1);
    }));
    sql
}

/// Questions (a third unanswered) with an opening post and two replies each,
/// tagged with one of the first twelve criteria.
fn forum(w: &World, codes: &[String]) -> Vec<String> {
    let mut sql = inserts(
        "INSERT INTO threads (id, category, kind, title, lang, author_id, locked, visible, reply_count, created_at, last_post_at)",
        1..=w.threads,
        |s, i| {
            let replies = if i % 3 == 0 { 0 } else { 2 };
            let _ = write!(
                s,
                "{i}, 'dm', 'question', 'How do others handle open data question {i}?', 'en', {}, 0, 1, {replies}, {}, {}",
                (i * 7919) % w.readers + 1,
                w.ts(3),
                w.ts(1)
            );
        },
    );
    sql.extend(inserts("INSERT INTO posts (id, thread_id, author_id, opening, body, body_html, votes, hidden, deleted, created_at)", 1..=w.threads * 3, |s, p| {
        let thread = (p - 1) / 3 + 1;
        let _ = write!(s, "{p}, {thread}, {}, {}, 'Text', '<p>Text</p>', {}, 0, 0, {}", (p * 104_729) % w.readers + 1, ((p - 1) % 3 == 0) as u8, p % 9, w.ts(2));
    }));
    sql.extend(inserts(
        "INSERT INTO thread_tags (thread_id, tag)",
        1..=w.threads,
        |s, i| {
            let _ = write!(s, "{i}, '{}'", codes[i % 12]);
        },
    ));
    sql
}

fn notifications(w: &World) -> Vec<String> {
    let kinds = ["reply", "new_thread", "mention", "reply"];
    inserts(
        "INSERT INTO notifications (user_id, kind, thread_id, post_id, created_at)",
        0..w.readers * NOTIFICATIONS_PER_READER,
        |s, n| {
            let (reader, k) = (
                n / NOTIFICATIONS_PER_READER + 1,
                n % NOTIFICATIONS_PER_READER,
            );
            let thread = (reader * 31 + k * 17) % w.threads + 1;
            let _ = write!(
                s,
                "{reader}, '{}', {thread}, {}, {}",
                kinds[k],
                (thread - 1) * 3 + 2,
                w.ts(1 + k as i64)
            );
        },
    )
}

/// Turns the digest off for every reader after the first `n`.
fn keep_only_first(state: &AppState, n: usize) -> anyhow::Result<()> {
    let mut conn = state.pool.get()?;
    conn.batch_execute(&format!(
        "INSERT INTO digest_preferences (user_id, digest, digest_day, digest_hour, notify_immediately, updated_at) \
         SELECT id, 0, 'mon', 8, 1, '2026-11-01 00:00:00' FROM users WHERE id > {n}"
    ))?;
    Ok(())
}

/// `RAW_SENDS` small multipart messages through the configured (pooled) SMTP
/// transport from `threads` threads.
fn raw_rate(mailer: &Mailer, threads: usize) -> (usize, Duration) {
    let message = Outgoing {
        to: "reader@example.org".into(),
        lang: peerhall::i18n::Lang::En,
        subject: "Bench".into(),
        text: "Hello".into(),
        html: maud::html! { p { "Hello" } },
    };
    let started = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                for _ in 0..RAW_SENDS / threads {
                    let _ = mailer.send_with(&message, None);
                }
            });
        }
    });
    (RAW_SENDS / threads * threads, started.elapsed())
}
