//! One digest pass: open a ledger row for everyone due now in their own zone,
//! then claim each ready row, compose, send and close it. Any number of
//! passes, on any number of instances, send each (person, week) once.

use std::collections::HashSet;
use std::fmt;
use std::sync::Arc;

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Serialize;

use super::gather::{self, Shared};
use super::ledger::{self, Entry, Outcome};
use super::schedule::{self, Week};
use super::{message, store};
use crate::accounts::users::{self, User};
use crate::db::{DbConnection, DbPool};
use crate::email::unsubscribe::UnsubscribeKey;
use crate::email::{Bulk, Mailer, SendError};
use crate::peers::PeerDirectory;
use crate::standard::Standards;
use crate::startup::AppState;

/// What a pass needs.
#[derive(Clone)]
pub struct Digests {
    pool: DbPool,
    standards: Standards,
    peers: PeerDirectory,
    mailer: Mailer,
    unsubscribe: UnsubscribeKey,
    /// Only these people's digests, when set: `peerhall bench` sends a
    /// sample of them without turning anyone's digest off.
    only: Option<Arc<HashSet<i32>>>,
}

/// What a pass did, or (dry run) would do.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// People whose digest time has come this week.
    pub due: usize,
    /// Ledger rows opened by this pass.
    pub opened: usize,
    pub sent: usize,
    /// Nothing to say: no mail.
    pub empty: usize,
    pub skipped: usize,
    /// Failed this time; tried again later.
    pub retrying: usize,
    pub failed: usize,
    /// Held by another pass or instance.
    pub busy: usize,
}

/// A digest a dry run would send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub user_id: i32,
    pub week: String,
    pub subject: String,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "due {}, opened {}, sent {}, empty {}, skipped {}, retrying {}, failed {}, busy elsewhere {}",
            self.due,
            self.opened,
            self.sent,
            self.empty,
            self.skipped,
            self.retrying,
            self.failed,
            self.busy
        )
    }
}

impl Digests {
    pub fn of(state: &AppState) -> Digests {
        Digests {
            pool: state.pool.clone(),
            standards: state.standards.clone(),
            peers: state.peers.clone(),
            mailer: state.mailer.clone(),
            unsubscribe: state.unsubscribe.clone(),
            only: None,
        }
    }

    /// The same passes, for `people` alone.
    pub fn only(mut self, people: HashSet<i32>) -> Digests {
        self.only = Some(Arc::new(people));
        self
    }

    /// The same passes, sending through `mailer`.
    pub fn sending_through(mut self, mailer: Mailer) -> Digests {
        self.mailer = mailer;
        self
    }

    fn includes(&self, (user_id, _): &Entry) -> bool {
        self.only.as_ref().is_none_or(|only| only.contains(user_id))
    }

    /// Everyone due at `now` this pass looks at.
    fn due(&self, conn: &mut DbConnection, now: DateTime<Utc>) -> anyhow::Result<Due> {
        due(conn, now, |e| self.includes(e))
    }

    /// Ledger rows ready to be (re)tried at `at`.
    fn ready(&self, conn: &mut DbConnection, at: NaiveDateTime) -> anyhow::Result<Vec<Entry>> {
        let mut ready = ledger::ready(conn, at)?;
        ready.retain(|e| self.includes(e));
        Ok(ready)
    }

    /// One pass as if the time were `now`. Blocking.
    pub fn pass(&self, now: DateTime<Utc>) -> anyhow::Result<Report> {
        let mut conn = self.pool.get()?;
        let at = now.naive_utc();
        let mut report = Report::default();
        let due = self.due(&mut conn, now)?;
        report.due = due.len();
        for (user_id, week) in &due.new {
            if ledger::open(&mut conn, *user_id, week, at)? {
                report.opened += 1;
            }
        }
        let ready = self.ready(&mut conn, at)?;
        if ready.is_empty() {
            return Ok(report);
        }
        let mut shared = Shared::load(&mut conn, &self.standards, &self.peers, at)?;
        for entry in ready {
            if !ledger::claim(&mut conn, &entry, at)? {
                report.busy += 1;
                continue;
            }
            // One digest that cannot be composed must not hold up the others.
            let outcome = match self.deliver(&mut conn, &mut shared, &entry, at) {
                Ok(outcome) => outcome,
                Err(e) => {
                    tracing::error!(
                        user = entry.0,
                        error = format!("{e:#}"),
                        "digest not composed"
                    );
                    retry_or_give_up(&mut conn, &entry, format!("{e:#}"), at)?
                }
            };
            ledger::finish(&mut conn, &entry, &outcome, at)?;
            report.count(&outcome);
        }
        Ok(report)
    }

    /// One pass of immediate notices at `now`. Blocking.
    pub fn notices(&self, now: DateTime<Utc>) -> anyhow::Result<super::notices::NoticeReport> {
        let mut conn = self.pool.get()?;
        super::notices::pass(&mut conn, &self.mailer, now.naive_utc())
    }

    /// What a pass at `now` would send, without writing or sending anything.
    pub fn dry_run(&self, now: DateTime<Utc>) -> anyhow::Result<(Report, Vec<Planned>)> {
        let mut conn = self.pool.get()?;
        let at = now.naive_utc();
        let due = self.due(&mut conn, now)?;
        let mut report = Report {
            due: due.len(),
            ..Report::default()
        };
        let mut shared = Shared::load(&mut conn, &self.standards, &self.peers, at)?;
        let mut would = Vec::new();
        let ready = self.ready(&mut conn, at)?;
        for entry in due.new.iter().chain(ready.iter()) {
            let Some(user) = users::find_by_id(&mut conn, entry.0)? else {
                continue;
            };
            match self.compose(&mut conn, &mut shared, (&user, &entry.1), at)? {
                Some((_, outgoing)) => {
                    report.sent += 1;
                    would.push(Planned {
                        user_id: entry.0,
                        week: entry.1.clone(),
                        subject: outgoing.subject,
                    });
                }
                None => report.empty += 1,
            }
        }
        Ok((report, would))
    }

    /// Composes and sends one claimed digest.
    fn deliver(
        &self,
        conn: &mut DbConnection,
        shared: &mut Shared,
        entry: &Entry,
        at: NaiveDateTime,
    ) -> anyhow::Result<Outcome> {
        let Some(user) = users::find_by_id(conn, entry.0)? else {
            return Ok(Outcome::Skipped);
        };
        let prefs = store::load(conn, user.id)?;
        if !prefs.digest || ledger::undeliverable(conn, user.id, &user.email)?.is_some() {
            return Ok(Outcome::Skipped);
        }
        let Some((bulk, outgoing)) = self.compose(conn, shared, (&user, &entry.1), at)? else {
            return Ok(Outcome::Empty);
        };
        Ok(match self.mailer.send_with(&outgoing, Some(&bulk)) {
            Ok(()) => Outcome::Sent,
            Err(SendError::Refused(error)) => {
                tracing::warn!(user = user.id, %error, "digest refused for good; mail to this address stops");
                ledger::mark_undeliverable(conn, user.id, &user.email, &error, at)?;
                Outcome::Failed { error }
            }
            Err(SendError::Permanent(error)) => {
                tracing::error!(user = user.id, %error, "digest refused for good; check the mail settings");
                Outcome::Failed { error }
            }
            Err(SendError::Transient(error)) => {
                tracing::warn!(user = user.id, %error, "digest not sent; will retry");
                retry_or_give_up(conn, entry, error, at)?
            }
        })
    }

    /// The message for `user`'s digest of `week`; None when there is nothing to say.
    fn compose(
        &self,
        conn: &mut DbConnection,
        shared: &mut Shared,
        (user, week): (&User, &str),
        at: NaiveDateTime,
    ) -> anyhow::Result<Option<(Bulk, crate::email::Outgoing)>> {
        let week =
            Week::parse(week).ok_or_else(|| anyhow::anyhow!("ledger week {week} is not a week"))?;
        let window = gather::window(ledger::last_sent(conn, user.id)?, at);
        let digest = gather::compose(conn, shared, user, week, window)?;
        if digest.is_empty() {
            return Ok(None);
        }
        Ok(Some(self.render(user, &digest, shared, week)))
    }

    fn render(
        &self,
        user: &User,
        digest: &super::compose::Digest,
        shared: &Shared,
        week: Week,
    ) -> (Bulk, crate::email::Outgoing) {
        let unsubscribe = self.mailer.link(&format!(
            "/unsubscribe/{}",
            self.unsubscribe.token(user.id, &user.email)
        ));
        let site = self.mailer.link("");
        let links = message::Links {
            site: &site,
            unsubscribe: &unsubscribe,
        };
        let outgoing = message::message(
            (&user.email, user.language),
            digest,
            &shared.catalog,
            &links,
        );
        let bulk = Bulk {
            list: "digest",
            list_name: user.language.t("digest-list-name"),
            message_key: format!("digest.{}.{}", user.id, week.key()),
            unsubscribe,
        };
        (bulk, outgoing)
    }
}

impl Report {
    fn count(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Sent => self.sent += 1,
            Outcome::Empty => self.empty += 1,
            Outcome::Skipped => self.skipped += 1,
            Outcome::Retry { .. } => self.retrying += 1,
            Outcome::Failed { .. } => self.failed += 1,
        }
    }
}

/// Another attempt after a back-off, or failed once the attempts are spent.
fn retry_or_give_up(
    conn: &mut DbConnection,
    entry: &Entry,
    error: String,
    at: NaiveDateTime,
) -> anyhow::Result<Outcome> {
    Ok(match ledger::retry_after(ledger::attempts(conn, entry)?) {
        Some(wait) => Outcome::Retry {
            error,
            retry_at: at + wait,
        },
        None => Outcome::Failed { error },
    })
}

/// Everyone due at `now`, and which of them have no ledger row yet.
struct Due {
    all: usize,
    new: Vec<Entry>,
}

impl Due {
    fn len(&self) -> usize {
        self.all
    }
}

fn due(
    conn: &mut DbConnection,
    now: DateTime<Utc>,
    include: impl Fn(&Entry) -> bool,
) -> anyhow::Result<Due> {
    let people: Vec<Entry> = store::subscribers(conn)?
        .into_iter()
        .filter_map(|(row, prefs)| {
            let zone = row.time_zone.parse().unwrap_or(chrono_tz::UTC);
            schedule::due(&prefs, zone, now).map(|(week, _)| (row.id, week.key()))
        })
        .filter(|e| include(e))
        .collect();
    let weeks: Vec<String> = people
        .iter()
        .map(|(_, w)| w.clone())
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let existing = ledger::existing(conn, &weeks)?;
    Ok(Due {
        all: people.len(),
        new: people
            .into_iter()
            .filter(|e| !existing.contains(e))
            .collect(),
    })
}
