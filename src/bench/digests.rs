//! Weekly digests on this database: every due digest composed (a dry run,
//! which writes and sends nothing), then a sample sent for real (ledger,
//! compose, SMTP to a local sink). The sample's ledger rows are removed
//! after, so that the next run finds the same people due again.

use std::collections::HashSet;
use std::time::Instant;

use chrono::{DateTime, Datelike, NaiveTime, Utc};
use diesel::prelude::*;

use super::load::per_second;
use super::mail_sink::Sink;
use super::report::{Row, Target};
use crate::config::Settings;
use crate::db::DbConnection;
use crate::digest::Digests;
use crate::email::Mailer;
use crate::schema::{digest_ledger, posts};
use crate::startup::AppState;

/// Issue 9: 100,000 digests composed in at most a minute.
const COMPOSE_GOAL: f64 = 100_000.0 / 60.0;
/// Issue 9: at least 300 messages/s through a pooled SMTP transport.
const SEND_GOAL: f64 = 300.0;
const SMTP_POOL: u32 = 4;

pub fn measure(
    state: &AppState,
    settings: &Settings,
    mails: usize,
    rows: &mut Vec<Row>,
) -> anyhow::Result<()> {
    let now = pass_time(&mut *state.pool.get()?)?;
    let started = Instant::now();
    let (dry, planned) = Digests::of(state).dry_run(now)?;
    let took = started.elapsed();
    rows.push(Row::rate(
        &format!(
            "digests: compose every due one, dry run ({} due, {} with news)",
            dry.due, dry.sent
        ),
        per_second(dry.due, took),
        "digests/s",
        Target::AtLeast(COMPOSE_GOAL),
    ));
    let sample = &planned[..mails.min(planned.len())];
    let people: HashSet<i32> = sample.iter().map(|p| p.user_id).collect();
    let weeks: HashSet<String> = sample.iter().map(|p| p.week.clone()).collect();
    rows.push(send(state, settings, now, people, weeks)?);
    Ok(())
}

/// A real pass for `people` alone, then their ledger rows of `weeks` removed.
fn send(
    state: &AppState,
    settings: &Settings,
    now: DateTime<Utc>,
    people: HashSet<i32>,
    weeks: HashSet<String>,
) -> anyhow::Result<Row> {
    let sink = Sink::start()?;
    let email = sink.settings(&settings.email, SMTP_POOL);
    let mailer = Mailer::from_settings(&email, &settings.server.public_url)?;
    let digests = Digests::of(state)
        .only(people.clone())
        .sending_through(mailer);
    let started = Instant::now();
    let pass = digests.pass(now);
    let took = started.elapsed();
    let forgotten = forget(&mut *state.pool.get()?, &people, &weeks);
    let pass = pass?;
    forgotten?;
    let received = sink.count();
    let clean = pass.failed == 0 && pass.retrying == 0 && received == pass.sent;
    let mut row = Row::rate(
        &format!(
            "digests: a real pass for {} people (ledger, compose, SMTP to a local sink)",
            people.len()
        ),
        per_second(pass.sent, took),
        "messages/s",
        Target::AtLeast(SEND_GOAL),
    );
    row.failures = format!(
        "{} failed, {} retrying; the sink got {received} of {} sent",
        pass.failed, pass.retrying, pass.sent
    );
    row.met = row.met.map(|met| met && clean);
    Ok(row)
}

/// Sunday 23:00 UTC of the week of the newest post: every zone of the
/// Americas is past its Monday digest hour, and the week has news.
fn pass_time(conn: &mut DbConnection) -> anyhow::Result<DateTime<Utc>> {
    let newest: Option<chrono::NaiveDateTime> = posts::table
        .select(diesel::dsl::max(posts::created_at))
        .first(conn)?;
    let day = newest.map_or_else(|| Utc::now().date_naive(), |t| t.date());
    let sunday = day + chrono::Days::new(u64::from(6 - day.weekday().num_days_from_monday()));
    let at = NaiveTime::from_hms_opt(23, 0, 0).unwrap_or_default();
    Ok(sunday.and_time(at).and_utc())
}

fn forget(
    conn: &mut DbConnection,
    people: &HashSet<i32>,
    weeks: &HashSet<String>,
) -> QueryResult<usize> {
    // A statement's bound values are limited: a thousand people at a time.
    let people: Vec<i32> = people.iter().copied().collect();
    let mut removed = 0;
    for chunk in people.chunks(1000) {
        removed += diesel::delete(
            digest_ledger::table
                .filter(digest_ledger::user_id.eq_any(chunk))
                .filter(digest_ledger::week.eq_any(weeks)),
        )
        .execute(conn)?;
    }
    Ok(removed)
}
