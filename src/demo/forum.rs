//! `seed-demo`'s forum: the people, threads, replies, votes and accepted
//! answers of `forum.toml`, written through the forum's own store so they get
//! rendered bodies, watches, notifications and outbox rows like real ones.
//! Idempotent: a thread already there (same title) is left as it is.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::forum_seed::{self, ForumSeed, SeedPerson, SeedReply, SeedThread};
use crate::accounts::cities;
use crate::accounts::users::{self, NewUser, User, now};
use crate::db::DbConnection;
use crate::forum::compose::Kind;
use crate::forum::space::{Category, Space};
use crate::forum::store::{self, NewPost, NewThread, PostLimit};
use crate::forum::text::{markdown, mentions};
use crate::i18n::Lang;
use crate::schema::{threads, users as users_table};
use crate::standard::Catalog;

/// What a run added.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ForumReport {
    pub people_added: usize,
    pub threads_added: usize,
    pub replies_added: usize,
}

pub fn seed(conn: &mut DbConnection, catalog: &Catalog) -> anyhow::Result<ForumReport> {
    let seed = forum_seed::load()?;
    conn.transaction(|conn| {
        let mut report = ForumReport::default();
        let people = people(conn, &seed, &mut report)?;
        let start = now();
        for thread in &seed.threads {
            let exists: i64 = threads::table
                .filter(threads::title.eq(&thread.title))
                .count()
                .get_result(conn)?;
            if exists == 0 {
                seed_thread(conn, catalog, (&people, start), thread, &mut report)?;
            }
        }
        Ok(report)
    })
}

/// Every demo person, created when missing, by handle.
fn people(
    conn: &mut DbConnection,
    seed: &ForumSeed,
    report: &mut ForumReport,
) -> anyhow::Result<HashMap<String, User>> {
    let mut found = HashMap::new();
    for person in &seed.people {
        let email = format!("{}@demo.peerhall.org", person.handle);
        let existing: Option<i32> = users_table::table
            .filter(users_table::email.eq(&email))
            .select(users_table::id)
            .first(conn)
            .optional()?;
        let id = match existing {
            Some(id) => id,
            None => {
                report.people_added += 1;
                add_person(conn, person, &email)?
            }
        };
        let user = users::find_by_id(conn, id)?
            .ok_or_else(|| anyhow::anyhow!("demo person {} vanished", person.handle))?;
        found.insert(person.handle.clone(), user);
    }
    Ok(found)
}

fn add_person(conn: &mut DbConnection, person: &SeedPerson, email: &str) -> anyhow::Result<i32> {
    let city_id = match &person.city {
        Some(slug) => Some(
            cities::find_by_slug(conn, slug)?
                .ok_or_else(|| anyhow::anyhow!("demo city {slug} is not seeded"))?
                .id,
        ),
        None => None,
    };
    let new = NewUser {
        email,
        display_name: &person.name,
        language: &person.language,
        time_zone: zone_for(&person.language),
        city_id,
        role: &person.role,
    };
    Ok(users::insert_with_handle(conn, &new, &person.handle)?)
}

/// A plausible zone for a demo person; people set their own.
fn zone_for(language: &str) -> &'static str {
    match language {
        "pt" => "America/Sao_Paulo",
        "es" => "America/Bogota",
        "fr" => "America/Toronto",
        _ => "America/Chicago",
    }
}

fn person<'a>(people: &'a HashMap<String, User>, handle: &str) -> anyhow::Result<&'a User> {
    people
        .get(handle)
        .ok_or_else(|| anyhow::anyhow!("unknown demo author {handle}"))
}

/// The body's HTML and the ids of the people it mentions.
fn render(people: &HashMap<String, User>, body: &str) -> (String, Vec<i32>) {
    let html = markdown::render(body, &|h| people.contains_key(h));
    let mentioned = mentions::extract(body)
        .iter()
        .filter_map(|h| people.get(h).map(|u| u.id))
        .collect();
    (html, mentioned)
}

fn seed_thread(
    conn: &mut DbConnection,
    catalog: &Catalog,
    (people, start): (&HashMap<String, User>, NaiveDateTime),
    thread: &SeedThread,
    report: &mut ForumReport,
) -> anyhow::Result<()> {
    let category = Category::parse(catalog, &thread.category)
        .ok_or_else(|| anyhow::anyhow!("unknown category {}", thread.category))?;
    let author = person(people, &thread.author)?;
    let (html, mentioned) = render(people, &thread.body);
    let at = start - Duration::days(i64::from(thread.days_ago));
    let new = NewThread {
        space: &Space::Public(category),
        kind: Kind::from_code(&thread.kind).unwrap_or(Kind::Question),
        title: &thread.title,
        lang: Lang::from_tag(&thread.lang).unwrap_or_default(),
        tags: &thread.tags,
        post: NewPost {
            author,
            body: &thread.body,
            body_html: &html,
            mentioned: &mentioned,
            at,
        },
    };
    let created = store::create_thread(conn, &new, PostLimit::NONE)?
        .map_err(|refused| anyhow::anyhow!("demo thread refused: {refused:?}"))?;
    report.threads_added += 1;
    for (index, reply) in thread.replies.iter().enumerate() {
        // Replies of one day keep their order, an hour apart.
        let at =
            start - Duration::days(i64::from(reply.days_ago)) + Duration::hours(index as i64 + 1);
        let post_id = seed_reply(conn, people, (created.thread_id, at), reply)?;
        report.replies_added += 1;
        if thread.accepted == Some(index + 1) {
            accept(conn, catalog, (created.thread_id, post_id), author, at)?;
        }
    }
    Ok(())
}

fn seed_reply(
    conn: &mut DbConnection,
    people: &HashMap<String, User>,
    (thread_id, at): (i32, NaiveDateTime),
    reply: &SeedReply,
) -> anyhow::Result<i32> {
    let author = person(people, &reply.author)?;
    let (html, mentioned) = render(people, &reply.body);
    let post = NewPost {
        author,
        body: &reply.body,
        body_html: &html,
        mentioned: &mentioned,
        at,
    };
    let post_id = store::reply(conn, thread_id, &post, (PostLimit::NONE, true))?
        .map_err(|refused| anyhow::anyhow!("demo reply refused: {refused:?}"))?;
    let row = store::find_post(conn, post_id)?
        .ok_or_else(|| anyhow::anyhow!("demo reply {post_id} vanished"))?;
    // The first people other than the author vote, so the counts are the file's.
    let mut voters: Vec<&User> = people.values().filter(|u| u.id != author.id).collect();
    voters.sort_by_key(|u| u.id);
    for voter in voters.into_iter().take(reply.votes as usize) {
        store::vote(conn, &row, voter.id, at)?;
    }
    Ok(post_id)
}

fn accept(
    conn: &mut DbConnection,
    catalog: &Catalog,
    (thread_id, post_id): (i32, i32),
    asker: &User,
    at: NaiveDateTime,
) -> anyhow::Result<()> {
    let thread = store::find_thread(conn, catalog, thread_id)?
        .ok_or_else(|| anyhow::anyhow!("demo thread {thread_id} vanished"))?;
    let post = store::find_post(conn, post_id)?
        .ok_or_else(|| anyhow::anyhow!("demo reply {post_id} vanished"))?;
    store::accept(conn, &thread.row, &post, (asker.id, at))?;
    Ok(())
}
