//! The forum's part of a digest, from the database: what happened in threads
//! the reader follows (their notifications, re-checked now for visibility,
//! permissions and mutes) and unanswered questions they could answer.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::compose::{Happened, Item, ThreadFact};
use crate::accounts::policy::{self, Action};
use crate::accounts::users::User;
use crate::db::DbConnection;
use crate::forum::store::ThreadRow;
use crate::forum::watch::{Event, Level, Watches, is_muted};
use crate::schema::{notifications, posts, thread_tags, threads, watches};

/// A reader's window: from their last digest (or a week ago) to now.
pub type Window = (NaiveDateTime, NaiveDateTime);

/// Threads where something reached the reader in `window`, with what happened.
pub fn activity(
    conn: &mut DbConnection,
    reader: &User,
    (since, until): Window,
) -> QueryResult<Vec<Item>> {
    let told: Vec<(String, i32, Option<i32>)> = notifications::table
        .filter(notifications::user_id.eq(reader.id))
        .filter(notifications::created_at.ge(since))
        .filter(notifications::created_at.lt(until))
        .select((
            notifications::kind,
            notifications::thread_id,
            notifications::post_id,
        ))
        .load(conn)?;
    let post_ids: Vec<i32> = told.iter().filter_map(|(_, _, post)| *post).collect();
    let gone = removed_posts(conn, &post_ids)?;
    let mut happened: HashMap<i32, Happened> = HashMap::new();
    for (kind, thread, post) in &told {
        if post.is_some_and(|p| gone.contains(&p)) {
            continue;
        }
        let h = happened.entry(*thread).or_default();
        match Event::from_code(kind) {
            Some(Event::NewThread) => h.new_thread = true,
            Some(Event::Reply) => h.replies += 1,
            Some(Event::Mention) => h.mentioned = true,
            Some(Event::Accepted) => h.accepted = true,
            None => {}
        }
    }
    let ids: Vec<i32> = happened.keys().copied().collect();
    let facts = readable_facts(conn, reader, &ids)?;
    Ok(facts
        .into_iter()
        .filter_map(|thread| {
            let happened = *happened.get(&thread.id)?;
            Some(Item { thread, happened })
        })
        .collect())
}

/// Which of `ids` were hidden or deleted since they were written.
pub(super) fn removed_posts(conn: &mut DbConnection, ids: &[i32]) -> QueryResult<HashSet<i32>> {
    Ok(posts::table
        .filter(posts::id.eq_any(ids))
        .filter(posts::hidden.or(posts::deleted))
        .select(posts::id)
        .load::<i32>(conn)?
        .into_iter()
        .collect())
}

/// Open questions kept per city and window, best first: more than any
/// digest shows, so that each reader still has enough after their own and
/// their muted ones are dropped.
const CANDIDATES: usize = 50;

/// Ids per query where a list of them is bound: well under what SQLite and
/// PostgreSQL accept in one statement.
const IDS_PER_QUERY: usize = 5_000;

/// An unanswered question some readers could answer, with what ranking,
/// muting and matching need, loaded once per digest pass for every city.
#[derive(Debug, Clone)]
pub struct Candidate {
    row: ThreadRow,
    votes: i32,
    tags: Vec<String>,
}

/// Questions opened in `window`, visible, tagged, and still without a reply
/// or accepted answer, best first. One query for every city: per city, a
/// search of its criteria's tags scanned each tag's every thread, and was
/// nine tenths of composing a pass at 200,000 posts.
pub fn open_questions(
    conn: &mut DbConnection,
    (since, until): Window,
) -> QueryResult<Vec<Candidate>> {
    let rows: Vec<ThreadRow> = threads::table
        .filter(threads::kind.eq("question"))
        .filter(threads::visible.eq(true))
        .filter(threads::reply_count.eq(0))
        .filter(threads::accepted_post_id.is_null())
        .filter(threads::created_at.ge(since))
        .filter(threads::created_at.lt(until))
        .select(ThreadRow::as_select())
        .load(conn)?;
    let mut tags = tags_of(conn, &rows)?;
    let votes = opening_votes(conn, &rows)?;
    let mut found: Vec<Candidate> = rows
        .into_iter()
        .filter_map(|row| {
            Some(Candidate {
                votes: votes.get(&row.id).copied().unwrap_or(0),
                tags: tags.remove(&row.id)?,
                row,
            })
        })
        .collect();
    found.sort_by(|a, b| {
        b.votes
            .cmp(&a.votes)
            .then(b.row.created_at.cmp(&a.row.created_at))
    });
    Ok(found)
}

/// Those of `all` asked in `window` and tagged with one of `tags` (the
/// criteria a city meets), best first, as many as a city keeps.
pub fn for_city(all: &[Candidate], tags: &[String], (since, until): Window) -> Vec<Candidate> {
    all.iter()
        .filter(|c| (since..until).contains(&c.row.created_at))
        .filter(|c| c.tags.iter().any(|t| tags.contains(t)))
        .take(CANDIDATES)
        .cloned()
        .collect()
}

/// Those of `candidates` this reader could answer: not their own, readable
/// by them, not muted.
pub fn could_answer(
    conn: &mut DbConnection,
    reader: &User,
    candidates: &[Candidate],
) -> QueryResult<Vec<Item>> {
    let rows: Vec<ThreadRow> = candidates
        .iter()
        .filter(|c| c.row.author_id != Some(reader.id) && may_read(reader, &c.row))
        .map(|c| c.row.clone())
        .collect();
    let muted = muted_threads(conn, reader.id, &rows)?;
    let votes: HashMap<i32, i32> = candidates.iter().map(|c| (c.row.id, c.votes)).collect();
    Ok(rows
        .into_iter()
        .filter(|t| !muted.contains(&t.id))
        .map(|t| Item {
            thread: fact(t, &votes),
            happened: Happened {
                new_thread: true,
                ..Happened::default()
            },
        })
        .collect())
}

fn may_read(reader: &User, thread: &ThreadRow) -> bool {
    policy::allows(
        Some(reader),
        Action::ReadForum {
            private_to: thread.space_city_id,
        },
    )
}

fn opening_votes(conn: &mut DbConnection, rows: &[ThreadRow]) -> QueryResult<HashMap<i32, i32>> {
    let ids: Vec<i32> = rows.iter().map(|t| t.id).collect();
    let mut votes = HashMap::new();
    for chunk in ids.chunks(IDS_PER_QUERY) {
        votes.extend(
            posts::table
                .filter(posts::thread_id.eq_any(chunk))
                .filter(posts::opening.eq(true))
                .select((posts::thread_id, posts::votes))
                .load::<(i32, i32)>(conn)?,
        );
    }
    Ok(votes)
}

/// The tags of each of `rows` that has any.
fn tags_of(conn: &mut DbConnection, rows: &[ThreadRow]) -> QueryResult<HashMap<i32, Vec<String>>> {
    let ids: Vec<i32> = rows.iter().map(|t| t.id).collect();
    let mut tags: HashMap<i32, Vec<String>> = HashMap::new();
    for chunk in ids.chunks(IDS_PER_QUERY) {
        for (thread, tag) in thread_tags::table
            .filter(thread_tags::thread_id.eq_any(chunk))
            .select((thread_tags::thread_id, thread_tags::tag))
            .load::<(i32, String)>(conn)?
        {
            tags.entry(thread).or_default().push(tag);
        }
    }
    Ok(tags)
}

fn fact(t: ThreadRow, votes: &HashMap<i32, i32>) -> ThreadFact {
    ThreadFact {
        votes: votes.get(&t.id).copied().unwrap_or(0),
        solved: t.accepted_post_id.is_some(),
        id: t.id,
        title: t.title,
        author_id: t.author_id,
        reply_count: t.reply_count,
        created_at: t.created_at,
    }
}

/// Those of `ids` that are visible, that the reader may read and has not muted.
pub(super) fn readable_facts(
    conn: &mut DbConnection,
    reader: &User,
    ids: &[i32],
) -> QueryResult<Vec<ThreadFact>> {
    let rows: Vec<ThreadRow> = threads::table
        .filter(threads::id.eq_any(ids))
        .filter(threads::visible.eq(true))
        .select(ThreadRow::as_select())
        .load(conn)?;
    let rows: Vec<ThreadRow> = rows.into_iter().filter(|t| may_read(reader, t)).collect();
    let muted = muted_threads(conn, reader.id, &rows)?;
    let votes = opening_votes(conn, &rows)?;
    Ok(rows
        .into_iter()
        .filter(|t| !muted.contains(&t.id))
        .map(|t| fact(t, &votes))
        .collect())
}

/// Which of `rows` the reader silenced: the thread, or its category or a tag
/// (unless they chose a level for the thread itself).
fn muted_threads(
    conn: &mut DbConnection,
    reader: i32,
    rows: &[ThreadRow],
) -> QueryResult<HashSet<i32>> {
    let mine: Vec<(String, String, String)> = watches::table
        .filter(watches::user_id.eq(reader))
        .select((watches::target_kind, watches::target, watches::level))
        .load(conn)?;
    if mine.is_empty() {
        return Ok(HashSet::new());
    }
    let level = |kind: &str, target: &str| {
        mine.iter()
            .find(|(k, t, _)| k == kind && t == target)
            .and_then(|(_, _, l)| Level::from_code(l))
    };
    let tags = tags_of(conn, rows)?;
    Ok(rows
        .iter()
        .filter(|t| {
            let watches = Watches {
                thread: level("thread", &t.id.to_string()),
                category: level("category", &t.category),
                tags: tags
                    .get(&t.id)
                    .into_iter()
                    .flatten()
                    .filter_map(|tag| level("tag", tag))
                    .collect(),
            };
            is_muted(&watches)
        })
        .map(|t| t.id)
        .collect())
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, NaiveDate};

    use super::*;

    fn asked(id: i32, at: NaiveDateTime, tags: &[&str]) -> Candidate {
        Candidate {
            row: ThreadRow {
                id,
                category: "dm".to_owned(),
                space_city_id: None,
                kind: "question".to_owned(),
                title: format!("question {id}"),
                lang: "en".to_owned(),
                author_id: None,
                accepted_post_id: None,
                locked: false,
                visible: true,
                reply_count: 0,
                created_at: at,
                last_post_at: at,
            },
            votes: 0,
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
        }
    }

    #[test]
    fn a_city_gets_the_questions_of_the_readers_window_with_its_tags_in_order() {
        let now = NaiveDate::from_ymd_opt(2026, 12, 7)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .expect("a time");
        let days_ago = |d: i64| now - Duration::days(d);
        // Best first, as `open_questions` leaves them.
        let all = [
            asked(1, days_ago(10), &["dm1"]),
            asked(2, days_ago(3), &["dm1", "ev2"]),
            asked(3, days_ago(2), &["pa1"]),
            asked(4, days_ago(1), &["ev2"]),
        ];
        let ids = |found: Vec<Candidate>| found.iter().map(|c| c.row.id).collect::<Vec<_>>();
        let tags = ["dm1".to_owned(), "ev2".to_owned()];
        assert_eq!(ids(for_city(&all, &tags, (days_ago(14), now))), [1, 2, 4]);
        assert_eq!(ids(for_city(&all, &tags, (days_ago(7), now))), [2, 4]);
        assert_eq!(ids(for_city(&all, &tags, (days_ago(3), days_ago(1)))), [2]);
        assert!(for_city(&all, &[], (days_ago(14), now)).is_empty());
    }
}
