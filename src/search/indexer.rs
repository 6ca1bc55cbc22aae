//! Keeps the index in step with the database: applies the forum's search
//! outbox in order, re-deriving from the database each thread it names (or
//! only the post, for a reply or a vote: see [`super::redo`]), and
//! commits the last applied outbox id as the commit's payload, so a restart
//! (or a crash mid-batch) replays from there and nothing is lost or doubled.

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::NaiveDateTime;

use super::redo::{self, Redo};
use super::{PostDoc, SearchIndex, document};
use crate::db::DbConnection;
use crate::forum::store::export::{self, ThreadExport};
use crate::forum::store::outbox::{self, Entry};
use crate::forum::text::{markdown, tags};

/// Outbox rows applied per commit.
pub const BATCH: i64 = 500;

/// A gap in outbox ids younger than this may be a transaction still in flight
/// (PostgreSQL hands out ids before commit), so the position waits before it.
const GAP_GRACE_SECS: i64 = 10;

/// The last outbox id the index has applied (0 for a new index).
pub fn position(index: &SearchIndex) -> anyhow::Result<i32> {
    Ok(index
        .committed_payload()?
        .and_then(|p| p.trim().parse().ok())
        .unwrap_or(0))
}

/// Applies one batch of at most `batch` outbox rows; how many it moved the
/// position past (0: caught up, or waiting on a gap).
pub fn catch_up(
    conn: &mut DbConnection,
    index: &SearchIndex,
    (now, batch): (NaiveDateTime, i64),
) -> anyhow::Result<usize> {
    let last = position(index)?;
    let entries = outbox::after(conn, last, batch)?;
    if entries.is_empty() {
        return Ok(0);
    }
    let (whole, partial) = exported(conn, index, &redo::plan(&entries))?;
    index.with_writer(|writer| {
        for (thread, _) in &whole {
            super::delete_thread(writer, i64::from(*thread))?;
        }
        for post in partial.iter().flat_map(|(posts, _)| posts) {
            super::delete_post(writer, i64::from(*post))?;
        }
        let rewritten = whole.iter().filter_map(|(_, t)| t.as_ref());
        let mut threads = rewritten.chain(partial.iter().map(|(_, t)| t));
        threads.try_for_each(|thread| add_docs(index, writer, &docs_of(thread)))
    })?;
    let reached = settled(last, &entries, now);
    index.commit_with_payload(&reached.to_string())?;
    Ok(entries.iter().filter(|e| e.id <= reached).count())
}

/// A thread to rewrite whole, as the database has it now (None: no longer
/// visible, so its documents only go).
type Whole = (i32, Option<ThreadExport>);
/// Posts to rewrite, and their thread with just those of them still visible.
type Partial = (Vec<i32>, ThreadExport);

/// The threads a batch rewrites whole and those it rewrites only some posts
/// of (with just those posts), as the database has them now.
fn exported(
    conn: &mut DbConnection,
    index: &SearchIndex,
    plan: &BTreeMap<i32, Redo>,
) -> anyhow::Result<(Vec<Whole>, Vec<Partial>)> {
    let mut whole: Vec<i32> = Vec::new();
    let mut partial: BTreeMap<i32, &[i32]> = BTreeMap::new();
    for (thread, redo) in plan {
        match redo {
            Redo::Thread => whole.push(*thread),
            Redo::Posts(posts) => {
                partial.insert(*thread, posts);
            }
        }
    }
    let (posts_only, unsure) = checked(conn, index, partial)?;
    whole.extend(unsure);
    whole.sort_unstable();
    let mut found = if whole.is_empty() {
        BTreeMap::new()
    } else {
        by_id(export::threads_for_index(conn, &whole)?)
    };
    let whole = whole.into_iter().map(|t| (t, found.remove(&t))).collect();
    Ok((whole, posts_only))
}

/// The threads planned by their posts whose posts alone may be rewritten,
/// and those to rewrite whole after all: gone from the database, or whose
/// documents carry another `answered` than the thread now has (its first
/// reply).
fn checked(
    conn: &mut DbConnection,
    index: &SearchIndex,
    partial: BTreeMap<i32, &[i32]>,
) -> anyhow::Result<(Vec<Partial>, Vec<i32>)> {
    if partial.is_empty() {
        return Ok((Vec::new(), Vec::new()));
    }
    let ids: Vec<i32> = partial.keys().copied().collect();
    let posts: Vec<i32> = partial.values().flat_map(|p| p.iter().copied()).collect();
    let mut found = by_id(export::threads_with_posts(conn, &ids, &posts)?);
    // The last commit, which the batch before made visible unless its
    // reload failed.
    index.reload()?;
    let searcher = index.searcher();
    let (mut posts_only, mut whole) = (Vec::new(), Vec::new());
    for (thread, posts) in partial {
        let Some(now) = found.remove(&thread) else {
            whole.push(thread);
            continue;
        };
        let indexed = document::thread_answered(&searcher, index.fields(), i64::from(thread))?;
        if indexed == Some(now.row.reply_count > 0) {
            posts_only.push((posts.to_vec(), now));
        } else {
            whole.push(thread);
        }
    }
    Ok((posts_only, whole))
}

fn by_id(threads: Vec<ThreadExport>) -> BTreeMap<i32, ThreadExport> {
    threads.into_iter().map(|t| (t.row.id, t)).collect()
}

/// How far the position may move: to the last entry, unless ids skip one
/// recently, when it stops before the gap (the entries past it are applied
/// again next time, which is harmless: each pass rewrites what it names as
/// the database has it then).
fn settled(last: i32, entries: &[Entry], now: NaiveDateTime) -> i32 {
    let mut reached = last;
    for entry in entries {
        let young = now - entry.created_at < chrono::Duration::seconds(GAP_GRACE_SECS);
        if entry.id != reached + 1 && young {
            break;
        }
        reached = entry.id;
    }
    reached
}

/// Adds `docs` (uncommitted).
pub(super) fn add_docs(
    index: &SearchIndex,
    writer: &mut tantivy::IndexWriter,
    docs: &[PostDoc],
) -> anyhow::Result<()> {
    for doc in docs {
        writer.add_document(super::document::to_document(index.fields(), doc))?;
    }
    Ok(())
}

/// The documents of one visible thread: one per visible post.
pub fn docs_of(thread: &ThreadExport) -> Vec<PostDoc> {
    let row = &thread.row;
    let criteria: Vec<String> = thread
        .tags
        .iter()
        .filter_map(|t| tags::criterion_code(t))
        .collect();
    let space = match &thread.space_city {
        Some(slug) => format!("city:{slug}"),
        None => "public".to_owned(),
    };
    thread
        .posts
        .iter()
        .map(|post| PostDoc {
            post_id: i64::from(post.row.id),
            thread_id: i64::from(row.id),
            is_opening: post.row.opening,
            title: row.title.clone(),
            body: markdown::plain_text(&post.row.body),
            lang: row.lang.clone(),
            area: row.category.clone(),
            criteria: criteria.clone(),
            tags: thread.tags.clone(),
            space: space.clone(),
            city: post.author_city.clone().unwrap_or_default(),
            author: post.author_handle.clone().unwrap_or_default(),
            created: post.row.created_at,
            solved: row.accepted_post_id.is_some(),
            answered: row.reply_count > 0,
            accepted: row.accepted_post_id == Some(post.row.id),
            votes: i64::from(post.row.votes),
        })
        .collect()
}

/// How long the background indexer sleeps when it has caught up: short, so
/// a write is searchable within about a second.
pub const IDLE: Duration = Duration::from_millis(250);

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: i32, secs_ago: i64, now: NaiveDateTime) -> Entry {
        Entry {
            id,
            change: "post.created".into(),
            thread_id: 1,
            post_id: None,
            created_at: now - chrono::Duration::seconds(secs_ago),
        }
    }

    #[test]
    fn the_position_stops_before_a_young_gap_and_passes_an_old_one() {
        let now = chrono::Utc::now().naive_utc();
        let contiguous = [entry(5, 1, now), entry(6, 1, now)];
        assert_eq!(settled(4, &contiguous, now), 6);
        let young_gap = [entry(5, 1, now), entry(7, 1, now), entry(8, 1, now)];
        assert_eq!(settled(4, &young_gap, now), 5);
        let old_gap = [entry(5, 60, now), entry(7, 60, now), entry(9, 1, now)];
        assert_eq!(settled(4, &old_gap, now), 7);
    }
}
