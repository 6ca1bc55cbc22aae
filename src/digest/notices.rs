//! Immediate notices by mail: replies, mentions and accepted answers that
//! reached someone and that they have not read, in one mail at most every 15
//! minutes. `notice_mail` remembers the last notification mailed; a claim
//! (one conditional UPDATE with a lease) keeps two passes from mailing the
//! same ones.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use maud::html;

use super::{forum_news, ledger, store};
use crate::accounts::users::{self, User};
use crate::db::DbConnection;
use crate::email::{Mailer, Outgoing, SendError};
use crate::forum::watch::Event;
use crate::schema::{notice_mail, notifications, users as users_table};

/// At most one notice mail per person in this time.
pub const BATCH: Duration = Duration::minutes(15);
/// Unread notifications older than this are left to the digest.
const FRESH: Duration = Duration::days(1);
const ADDRESSED: [&str; 3] = ["reply", "mention", "accepted"];

/// What a notices pass did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct NoticeReport {
    pub sent: usize,
    /// Claimed, but everything was hidden, read or muted by now.
    pub nothing: usize,
    pub failed: usize,
}

/// People with fresh unread notifications addressed to them, and the newest one's id.
fn waiting(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<Vec<(i32, i32)>> {
    let rows: Vec<(i32, i32)> = notifications::table
        .filter(notifications::created_at.ge(now - FRESH))
        .filter(notifications::created_at.le(now))
        .filter(notifications::read_at.is_null())
        .filter(notifications::kind.eq_any(ADDRESSED))
        .select((notifications::user_id, notifications::id))
        .load(conn)?;
    let mut newest: HashMap<i32, i32> = HashMap::new();
    for (user, id) in rows {
        let top = newest.entry(user).or_insert(id);
        *top = (*top).max(id);
    }
    Ok(newest.into_iter().collect())
}

/// Takes the person's notices up to `newest` for one mail; None when they
/// were mailed less than 15 minutes ago, are being mailed, or are all mailed.
fn claim(
    conn: &mut DbConnection,
    user_id: i32,
    newest: i32,
    now: NaiveDateTime,
) -> QueryResult<Option<i32>> {
    let inserted = conn.transaction(|conn| {
        diesel::insert_into(notice_mail::table)
            .values((
                notice_mail::user_id.eq(user_id),
                notice_mail::last_notification_id.eq(0),
                notice_mail::lease_until.eq(now),
                notice_mail::attempts.eq(0),
            ))
            .execute(conn)
    });
    match inserted {
        Ok(_)
        | Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => {}
        Err(e) => return Err(e),
    }
    let last: i32 = notice_mail::table
        .find(user_id)
        .select(notice_mail::last_notification_id)
        .first(conn)?;
    if last >= newest {
        return Ok(None);
    }
    let row = notice_mail::table
        .find(user_id)
        .filter(notice_mail::last_notification_id.eq(last))
        .filter(notice_mail::lease_until.le(now))
        .filter(
            notice_mail::last_sent_at
                .is_null()
                .or(notice_mail::last_sent_at.le(now - BATCH)),
        );
    let taken = diesel::update(row)
        .set((
            notice_mail::lease_until.eq(now + ledger::LEASE),
            notice_mail::attempts.eq(notice_mail::attempts + 1),
        ))
        .execute(conn)?;
    Ok((taken == 1).then_some(last))
}

/// One notices pass at `now`: a mail to each person with something new.
pub fn pass(
    conn: &mut DbConnection,
    mailer: &Mailer,
    now: NaiveDateTime,
) -> anyhow::Result<NoticeReport> {
    let mut report = NoticeReport::default();
    for (user_id, newest) in waiting(conn, now)? {
        let Some(user) = wants_notices(conn, user_id)? else {
            continue;
        };
        let Some(last) = claim(conn, user_id, newest, now)? else {
            continue;
        };
        let settled = notify(conn, mailer, &user, (last, newest), now)?;
        match settled {
            Settled::Sent(_) => report.sent += 1,
            Settled::Nothing(_) => report.nothing += 1,
            Settled::Refused(_) | Settled::Retry(_) => report.failed += 1,
        }
        settle(conn, user_id, settled, now)?;
    }
    Ok(report)
}

/// The person, if they want immediate notices and their address takes mail.
fn wants_notices(conn: &mut DbConnection, user_id: i32) -> anyhow::Result<Option<User>> {
    let Some(user) = users::find_by_id(conn, user_id)? else {
        return Ok(None);
    };
    let on = store::load(conn, user_id)?.notify_immediately;
    let refused = ledger::undeliverable(conn, user_id, &user.email)?.is_some();
    Ok((on && !refused).then_some(user))
}

/// How a claimed batch ended; the ids are the newest notification it covered.
enum Settled {
    Sent(i32),
    /// Everything was read, hidden or muted by now: nothing to mail.
    Nothing(i32),
    /// Refused for good (the address, or the server's settings): given up.
    Refused(i32),
    Retry(String),
}

/// Mails the notifications in `(after, upto]` that are still worth telling.
fn notify(
    conn: &mut DbConnection,
    mailer: &Mailer,
    user: &User,
    (after, upto): (i32, i32),
    now: NaiveDateTime,
) -> anyhow::Result<Settled> {
    let lines = lines(conn, user, (after, upto), now)?;
    if lines.is_empty() {
        return Ok(Settled::Nothing(upto));
    }
    Ok(
        match mailer.send_with(&message(user, &lines, mailer), None) {
            Ok(()) => Settled::Sent(upto),
            Err(SendError::Refused(error)) => {
                ledger::mark_undeliverable(conn, user.id, &user.email, &error, now)?;
                Settled::Refused(upto)
            }
            Err(SendError::Permanent(error)) => {
                tracing::error!(user = user.id, %error, "notice mail refused for good; check the mail settings");
                Settled::Refused(upto)
            }
            Err(SendError::Transient(error)) => {
                tracing::warn!(user = user.id, %error, "notice mail not sent; will retry");
                Settled::Retry(error)
            }
        },
    )
}

fn settle(
    conn: &mut DbConnection,
    user_id: i32,
    settled: Settled,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let row = notice_mail::table.find(user_id);
    let (newest, sent) = match settled {
        Settled::Sent(newest) => (newest, true),
        Settled::Nothing(newest) | Settled::Refused(newest) => (newest, false),
        Settled::Retry(error) => {
            let attempts: i32 = row.select(notice_mail::attempts).first(conn)?;
            let wait = ledger::retry_after(attempts).unwrap_or(Duration::hours(6));
            return diesel::update(row)
                .set((
                    notice_mail::lease_until.eq(now + wait),
                    notice_mail::last_error.eq(Some(error)),
                ))
                .execute(conn)
                .map(|_| ());
        }
    };
    diesel::update(row)
        .set((
            notice_mail::last_notification_id.eq(newest),
            notice_mail::lease_until.eq(now),
            notice_mail::attempts.eq(0),
            notice_mail::last_error.eq(None::<String>),
        ))
        .execute(conn)?;
    if sent {
        diesel::update(row)
            .set(notice_mail::last_sent_at.eq(Some(now)))
            .execute(conn)?;
    }
    Ok(())
}

/// One line per notification in `(after, upto]` still unread, visible, readable and not muted.
struct Line {
    text: String,
    thread_id: i32,
}

fn lines(
    conn: &mut DbConnection,
    reader: &User,
    (after, upto): (i32, i32),
    now: NaiveDateTime,
) -> anyhow::Result<Vec<Line>> {
    let rows: Vec<(String, i32, Option<i32>, Option<i32>)> = notifications::table
        .filter(notifications::user_id.eq(reader.id))
        .filter(notifications::id.gt(after))
        .filter(notifications::id.le(upto))
        .filter(notifications::read_at.is_null())
        .filter(notifications::created_at.ge(now - FRESH))
        .filter(notifications::kind.eq_any(ADDRESSED))
        .order(notifications::id)
        .select((
            notifications::kind,
            notifications::thread_id,
            notifications::post_id,
            notifications::actor_id,
        ))
        .load(conn)?;
    let post_ids: Vec<i32> = rows.iter().filter_map(|r| r.2).collect();
    let gone = forum_news::removed_posts(conn, &post_ids)?;
    let thread_ids: Vec<i32> = rows.iter().map(|r| r.1).collect();
    let titles: HashMap<i32, String> = forum_news::readable_facts(conn, reader, &thread_ids)?
        .into_iter()
        .map(|t| (t.id, t.title))
        .collect();
    let actor_ids: Vec<i32> = rows.iter().filter_map(|r| r.3).collect();
    let names: HashMap<i32, String> = users_table::table
        .filter(users_table::id.eq_any(&actor_ids))
        .select((users_table::id, users_table::display_name))
        .load::<(i32, String)>(conn)?
        .into_iter()
        .collect();
    Ok(rows
        .into_iter()
        .filter(|(_, _, post, _)| !post.is_some_and(|p| gone.contains(&p)))
        .filter_map(|(kind, thread_id, _, actor)| {
            let title = titles.get(&thread_id)?;
            let person = actor.and_then(|a| names.get(&a)).map_or("", String::as_str);
            let text = Event::from_code(&kind)?.sentence(reader.language, person, title);
            Some(Line { text, thread_id })
        })
        .collect())
}

fn message(reader: &User, lines: &[Line], mailer: &Mailer) -> Outgoing {
    let lang = reader.language;
    let subject = match lines {
        [one] => one.text.clone(),
        _ => lang.t_args(
            "notice-subject",
            &[("count", crate::i18n::Arg::Num(lines.len() as f64))],
        ),
    };
    let link = |line: &Line| mailer.link(&format!("/forum/threads/{}", line.thread_id));
    let off = lang.t("notice-why");
    let profile = mailer.link("/profile");
    let mut text = String::new();
    for line in lines {
        text.push_str(&format!("* {}\n  {}\n\n", line.text, link(line)));
    }
    text.push_str(&format!("--\n{off}\n{profile}\n"));
    Outgoing {
        to: reader.email.clone(),
        lang,
        subject,
        text,
        html: html! {
            ul {
                @for line in lines { li { a href=(link(line)) { (line.text) } } }
            }
            p style="color:#4a5360" { (off) " " a href=(profile) { (lang.t("digest-preferences")) } }
        },
    }
}
