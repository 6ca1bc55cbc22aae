//! The digest ledger: one row per (person, ISO week), opened before the send
//! and closed after it, so that reruns, restarts and several instances on one
//! database send each digest once; and the addresses that refused mail for good.

use std::collections::HashSet;

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error};

use crate::db::DbConnection;
use crate::schema::{digest_ledger, undeliverable_addresses};

/// How long a claimed send may take before another pass may take it over
/// (the claimer crashed, or hangs on a dead connection).
pub const LEASE: Duration = Duration::minutes(10);
/// Attempts before a digest is given up.
pub const MAX_ATTEMPTS: i32 = 8;

const PENDING: &str = "pending";

/// How a claimed digest ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Sent,
    /// Nothing to say this week: no mail.
    Empty,
    /// Turned off, or the address refused mail, between opening and sending.
    Skipped,
    /// The server said try later; `retry_at` unless the attempts ran out.
    Retry {
        error: String,
        retry_at: NaiveDateTime,
    },
    /// Given up: a permanent refusal, or too many attempts.
    Failed {
        error: String,
    },
}

/// A (person, week) the ledger holds.
pub type Entry = (i32, String);

/// Opens the week's row for `user_id`, unless there is one (then false).
pub fn open(
    conn: &mut DbConnection,
    user_id: i32,
    week: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    // In its own transaction: a refused duplicate must not abort an outer one on PostgreSQL.
    let inserted = conn.transaction(|conn| {
        diesel::insert_into(digest_ledger::table)
            .values((
                digest_ledger::user_id.eq(user_id),
                digest_ledger::week.eq(week),
                digest_ledger::status.eq(PENDING),
                digest_ledger::attempts.eq(0),
                digest_ledger::next_attempt_at.eq(now),
                digest_ledger::lease_until.eq(now),
                digest_ledger::created_at.eq(now),
            ))
            .execute(conn)
    });
    match inserted {
        Ok(_) => Ok(true),
        Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Which of `weeks`' rows exist for anyone: those people need no new row.
pub fn existing(conn: &mut DbConnection, weeks: &[String]) -> QueryResult<HashSet<Entry>> {
    let rows: Vec<Entry> = digest_ledger::table
        .filter(digest_ledger::week.eq_any(weeks))
        .select((digest_ledger::user_id, digest_ledger::week))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// Pending rows whose time has come and whose lease (if any) ran out, oldest first.
pub fn ready(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<Vec<Entry>> {
    digest_ledger::table
        .filter(digest_ledger::status.eq(PENDING))
        .filter(digest_ledger::next_attempt_at.le(now))
        .filter(digest_ledger::lease_until.le(now))
        .order((digest_ledger::next_attempt_at, digest_ledger::user_id))
        .select((digest_ledger::user_id, digest_ledger::week))
        .load(conn)
}

/// Takes the row for one attempt; false when another pass (or instance) holds
/// it or finished it. The condition and the write are one statement, so two
/// claimers can never both win.
pub fn claim(
    conn: &mut DbConnection,
    (user_id, week): &Entry,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let row = digest_ledger::table
        .filter(digest_ledger::user_id.eq(user_id))
        .filter(digest_ledger::week.eq(week))
        .filter(digest_ledger::status.eq(PENDING))
        .filter(digest_ledger::next_attempt_at.le(now))
        .filter(digest_ledger::lease_until.le(now));
    let taken = diesel::update(row)
        .set((
            digest_ledger::lease_until.eq(now + LEASE),
            digest_ledger::attempts.eq(digest_ledger::attempts + 1),
        ))
        .execute(conn)?;
    Ok(taken == 1)
}

/// Records how a claimed attempt ended.
pub fn finish(
    conn: &mut DbConnection,
    (user_id, week): &Entry,
    outcome: &Outcome,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let row = digest_ledger::table
        .filter(digest_ledger::user_id.eq(user_id))
        .filter(digest_ledger::week.eq(week));
    let done = |status: &'static str, error: Option<&str>| {
        (
            digest_ledger::status.eq(status),
            digest_ledger::last_error.eq(error.map(str::to_owned)),
            digest_ledger::finished_at.eq(Some(now)),
        )
    };
    match outcome {
        Outcome::Sent => diesel::update(row).set(done("sent", None)).execute(conn),
        Outcome::Empty => diesel::update(row).set(done("empty", None)).execute(conn),
        Outcome::Skipped => diesel::update(row).set(done("skipped", None)).execute(conn),
        Outcome::Failed { error } => diesel::update(row)
            .set(done("failed", Some(error)))
            .execute(conn),
        Outcome::Retry { error, retry_at } => diesel::update(row)
            .set((
                digest_ledger::last_error.eq(Some(error)),
                digest_ledger::next_attempt_at.eq(retry_at),
                digest_ledger::lease_until.eq(now),
            ))
            .execute(conn),
    }
    .map(|_| ())
}

/// When to try again after `attempts` failed tries: 1, 2, 4 … minutes, at most
/// six hours; None once the attempts are spent.
pub fn retry_after(attempts: i32) -> Option<Duration> {
    if attempts >= MAX_ATTEMPTS {
        return None;
    }
    let minutes = 1i64 << attempts.clamp(0, 20);
    Some(Duration::minutes(minutes.min(360)))
}

/// How many attempts the row has had (0 if there is no row).
pub fn attempts(conn: &mut DbConnection, (user_id, week): &Entry) -> QueryResult<i32> {
    let n = digest_ledger::table
        .find((user_id, week))
        .select(digest_ledger::attempts)
        .first(conn)
        .optional()?;
    Ok(n.unwrap_or(0))
}

/// When this person's last digest went out, if one ever did.
pub fn last_sent(conn: &mut DbConnection, user_id: i32) -> QueryResult<Option<NaiveDateTime>> {
    digest_ledger::table
        .filter(digest_ledger::user_id.eq(user_id))
        .filter(digest_ledger::status.eq("sent"))
        .select(diesel::dsl::max(digest_ledger::finished_at))
        .first(conn)
}

/// Stops mail to `email`, the address `user_id` has now, and says why.
pub fn mark_undeliverable(
    conn: &mut DbConnection,
    user_id: i32,
    email: &str,
    reason: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    conn.transaction(|conn| {
        diesel::delete(undeliverable_addresses::table.find(user_id)).execute(conn)?;
        diesel::insert_into(undeliverable_addresses::table)
            .values((
                undeliverable_addresses::user_id.eq(user_id),
                undeliverable_addresses::email.eq(email),
                undeliverable_addresses::reason.eq(reason),
                undeliverable_addresses::created_at.eq(now),
            ))
            .execute(conn)
            .map(|_| ())
    })
}

/// Why mail to this person's current address stopped, if it did. A new
/// address starts afresh.
pub fn undeliverable(
    conn: &mut DbConnection,
    user_id: i32,
    email: &str,
) -> QueryResult<Option<String>> {
    undeliverable_addresses::table
        .find(user_id)
        .filter(undeliverable_addresses::email.eq(email))
        .select(undeliverable_addresses::reason)
        .first(conn)
        .optional()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_and_stop() {
        assert_eq!(retry_after(1), Some(Duration::minutes(2)));
        assert_eq!(retry_after(3), Some(Duration::minutes(8)));
        assert_eq!(retry_after(7), Some(Duration::minutes(128)));
        assert_eq!(retry_after(MAX_ATTEMPTS), None);
        assert_eq!(retry_after(-5), Some(Duration::minutes(1)));
    }
}
