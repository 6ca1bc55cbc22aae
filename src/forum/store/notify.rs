//! Watches and notifications in the database: who follows what, the automatic
//! watches of authors and mentioned people, and the notification rows a
//! post, a mention or an accepted answer leaves for each person it concerns.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::people::readers;
use super::{NewPost, ThreadRow};
use crate::db::DbConnection;
use crate::forum::watch::{Event, Level, Target, Watches, notifies};
use crate::schema::{notifications, thread_tags, watches};

/// Sets a person's level on a target, replacing any earlier choice.
pub fn set_watch(
    conn: &mut DbConnection,
    user_id: i32,
    target: &Target,
    level: Level,
) -> QueryResult<()> {
    let key = target.key();
    let mine = watches::table
        .filter(watches::user_id.eq(user_id))
        .filter(watches::target_kind.eq(target.kind()))
        .filter(watches::target.eq(&key));
    let changed = diesel::update(mine)
        .set(watches::level.eq(level.code()))
        .execute(conn)?;
    if changed == 0 {
        diesel::insert_into(watches::table)
            .values((
                watches::user_id.eq(user_id),
                watches::target_kind.eq(target.kind()),
                watches::target.eq(&key),
                watches::level.eq(level.code()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The level a person set (or was given) on a thread, if any.
pub fn thread_watch(
    conn: &mut DbConnection,
    user_id: i32,
    thread_id: i32,
) -> QueryResult<Option<Level>> {
    watch_level(conn, user_id, &Target::Thread(thread_id))
}

/// The level a person set (or was given) on a thread, category or tag, if any.
pub fn watch_level(
    conn: &mut DbConnection,
    user_id: i32,
    target: &Target,
) -> QueryResult<Option<Level>> {
    let level: Option<String> = crate::on_backend!(conn, |c| watches::table
        .filter(watches::user_id.eq(user_id))
        .filter(watches::target_kind.eq(target.kind()))
        .filter(watches::target.eq(target.key()))
        .select(watches::level)
        .first(c)
        .optional())?;
    Ok(level.as_deref().and_then(Level::from_code))
}

/// Authors and mentioned people watch a thread, unless they chose otherwise.
fn watch_unless_chosen(conn: &mut DbConnection, user_id: i32, thread_id: i32) -> QueryResult<()> {
    let chosen: i64 = watches::table
        .filter(watches::user_id.eq(user_id))
        .filter(watches::target_kind.eq("thread"))
        .filter(watches::target.eq(thread_id.to_string()))
        .count()
        .get_result(conn)?;
    if chosen == 0 {
        set_watch(conn, user_id, &Target::Thread(thread_id), Level::Watching)?;
    }
    Ok(())
}

/// After a thread or reply is written: the author and the mentioned watch it;
/// the mentioned, the thread's watchers (for a reply) or the category's and
/// tags' watchers (for a new thread) are notified, if they may read it.
pub(super) fn after_post(
    conn: &mut DbConnection,
    thread: &ThreadRow,
    (post_id, post): (i32, &NewPost),
    opening: bool,
) -> QueryResult<()> {
    let author = post.author.id;
    watch_unless_chosen(conn, author, thread.id)?;
    let mentioned: HashSet<i32> = readers(conn, post.mentioned, thread.space_city_id)?
        .into_iter()
        .filter(|id| *id != author)
        .collect();
    let tags: Vec<String> = thread_tags::table
        .filter(thread_tags::thread_id.eq(thread.id))
        .select(thread_tags::tag)
        .load(conn)?;
    let event = if opening {
        Event::NewThread
    } else {
        Event::Reply
    };
    let mut candidates = watchers(conn, thread, &tags, event)?;
    candidates.retain(|id| *id != author && !mentioned.contains(id));
    let followers = readers(conn, &candidates, thread.space_city_id)?;
    let everyone: Vec<i32> = mentioned.iter().copied().chain(followers.clone()).collect();
    let watches = watches_of(conn, &everyone, thread.id, (&thread.category, &tags))?;
    let told = |id: &i32, event| notifies(event, watches.get(id).unwrap_or(&Watches::default()));
    let at = post.at;
    for id in &mentioned {
        watch_unless_chosen(conn, *id, thread.id)?;
        if told(id, Event::Mention) {
            record(
                conn,
                (*id, Event::Mention),
                (thread.id, Some(post_id)),
                (author, at),
            )?;
        }
    }
    for id in followers.iter().filter(|id| told(id, event)) {
        record(conn, (*id, event), (thread.id, Some(post_id)), (author, at))?;
    }
    Ok(())
}

/// Tells an answer's author it was accepted (not when they accepted it).
pub(super) fn after_accept(
    conn: &mut DbConnection,
    thread: &ThreadRow,
    (post_id, post_author): (i32, Option<i32>),
    (by, at): (i32, NaiveDateTime),
) -> QueryResult<()> {
    let Some(author) = post_author.filter(|a| *a != by) else {
        return Ok(());
    };
    if readers(conn, &[author], thread.space_city_id)?.is_empty() {
        return Ok(());
    }
    let tags: Vec<String> = thread_tags::table
        .filter(thread_tags::thread_id.eq(thread.id))
        .select(thread_tags::tag)
        .load(conn)?;
    let watches = watches_of(conn, &[author], thread.id, (&thread.category, &tags))?;
    if notifies(
        Event::Accepted,
        watches.get(&author).unwrap_or(&Watches::default()),
    ) {
        record(
            conn,
            (author, Event::Accepted),
            (thread.id, Some(post_id)),
            (by, at),
        )?;
    }
    Ok(())
}

/// Who watches what the event concerns: the thread for a reply, the category
/// or a tag for a new thread.
fn watchers(
    conn: &mut DbConnection,
    thread: &ThreadRow,
    tags: &[String],
    event: Event,
) -> QueryResult<Vec<i32>> {
    let watching = watches::table
        .filter(watches::level.eq(Level::Watching.code()))
        .select(watches::user_id)
        .distinct()
        .into_boxed();
    if event == Event::Reply {
        return watching
            .filter(watches::target_kind.eq("thread"))
            .filter(watches::target.eq(thread.id.to_string()))
            .load(conn);
    }
    watching
        .filter(
            (watches::target_kind
                .eq("category")
                .and(watches::target.eq(&thread.category)))
            .or(watches::target_kind
                .eq("tag")
                .and(watches::target.eq_any(tags))),
        )
        .load(conn)
}

/// Each person's watches that bear on the thread.
fn watches_of(
    conn: &mut DbConnection,
    people: &[i32],
    thread_id: i32,
    (category, tags): (&str, &[String]),
) -> QueryResult<HashMap<i32, Watches>> {
    let rows: Vec<(i32, String, String, String)> = watches::table
        .filter(watches::user_id.eq_any(people))
        .select((
            watches::user_id,
            watches::target_kind,
            watches::target,
            watches::level,
        ))
        .load(conn)?;
    let thread_key = thread_id.to_string();
    let mut by_person: HashMap<i32, Watches> = HashMap::new();
    for (user, kind, target, level) in rows {
        let Some(level) = Level::from_code(&level) else {
            continue;
        };
        let entry = by_person.entry(user).or_default();
        match kind.as_str() {
            "thread" if target == thread_key => entry.thread = Some(level),
            "category" if target == category => entry.category = Some(level),
            "tag" if tags.contains(&target) => entry.tags.push(level),
            _ => {}
        }
    }
    Ok(by_person)
}

fn record(
    conn: &mut DbConnection,
    (user_id, event): (i32, Event),
    (thread_id, post_id): (i32, Option<i32>),
    (actor, at): (i32, NaiveDateTime),
) -> QueryResult<()> {
    diesel::insert_into(notifications::table)
        .values((
            notifications::user_id.eq(user_id),
            notifications::kind.eq(event.code()),
            notifications::thread_id.eq(thread_id),
            notifications::post_id.eq(post_id),
            notifications::actor_id.eq(Some(actor)),
            notifications::created_at.eq(at),
        ))
        .execute(conn)
        .map(|_| ())
}
