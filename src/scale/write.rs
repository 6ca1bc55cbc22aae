//! Writing a generated world into the database: multi-row INSERTs of literal
//! values with explicit ids, a transaction per batch.

use std::fmt::Write as _;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;

use super::cities::{City, Point};
use super::forum::Thread;
use super::people::Person;
use super::sql::{boolean, inserts, quoted, timestamp};
use super::vocabulary::LANGUAGES;
use crate::db::DbConnection;
use crate::standard::Catalog;

/// Refuses a database that already has cities, people or threads: the
/// generator numbers its rows from 1.
pub fn ensure_empty(conn: &mut DbConnection) -> anyhow::Result<()> {
    use crate::schema::{cities, threads, users};
    let counts = [
        ("cities", cities::table.count().get_result::<i64>(conn)?),
        ("users", users::table.count().get_result::<i64>(conn)?),
        ("threads", threads::table.count().get_result::<i64>(conn)?),
    ];
    if let Some((table, n)) = counts.iter().find(|(_, n)| *n > 0) {
        anyhow::bail!(
            "seed-scale fills an empty database, and this one already has {n} rows in \
             `{table}`; point database.url (or PEERHALL_DATA_DIR) at a new one"
        );
    }
    Ok(())
}

/// Runs the statements in one transaction.
pub fn execute(conn: &mut DbConnection, statements: &[String]) -> anyhow::Result<()> {
    conn.transaction(|conn| -> anyhow::Result<()> {
        for statement in statements {
            conn.batch_execute(statement)?;
        }
        Ok(())
    })
}

/// `cities` numbered from `first_id`.
pub fn city_rows(cities: &[City], first_id: usize) -> Vec<String> {
    let head = "INSERT INTO cities (id, slug, name, country, region, population, language, \
                discoverable, is_demo)";
    inserts(head, cities.iter().enumerate(), |sql, (i, c)| {
        let _ = write!(sql, "{}, ", first_id + i);
        quoted(sql, &c.slug);
        sql.push_str(", ");
        quoted(sql, &c.name);
        let _ = write!(
            sql,
            ", '{}', '{}', {}, '{}', {}, FALSE",
            c.country,
            c.region,
            c.population,
            c.language,
            boolean(c.discoverable)
        );
    })
}

/// Assessments with every criterion answered, and a certification for each
/// year whose assessment reached a level. `first_id` numbers the assessments.
pub fn history_rows(
    catalog: &Catalog,
    city_id: usize,
    history: &[Point],
    first_id: usize,
) -> Vec<String> {
    let head = "INSERT INTO assessments (id, city_id, standard, met_mask, broadband_pct, \
                pm25_ugm3, submitted_at)";
    let mut rows = inserts(head, history.iter().enumerate(), |sql, (j, p)| {
        let _ = write!(
            sql,
            "{}, {city_id}, '{}', {}, {}, {}, {}",
            first_id + j,
            catalog.id,
            p.mask as i64,
            p.broadband_pct,
            p.pm25_ugm3,
            timestamp(p.at)
        );
    });
    rows.extend(answer_rows(catalog, history, first_id));
    let total = catalog.criteria.len();
    let levels = history.iter().filter_map(|p| {
        let level = catalog
            .thresholds
            .level_for(p.mask.count_ones() as usize, total)?;
        Some((chrono::Datelike::year(&p.at), level))
    });
    let head = "INSERT INTO certifications (city_id, standard, level, year)";
    rows.extend(inserts(head, levels, |sql, (year, level)| {
        let _ = write!(
            sql,
            "{city_id}, '{}', '{}', {year}",
            catalog.id,
            level.code()
        );
    }));
    rows
}

/// Met where the mask says; of the rest, about one in four under way.
fn answer_rows(catalog: &Catalog, history: &[Point], first_id: usize) -> Vec<String> {
    let answers = history.iter().enumerate().flat_map(|(j, p)| {
        catalog.criteria.iter().enumerate().map(move |(i, c)| {
            let status = if p.mask & (1 << i) != 0 {
                "met"
            } else if (i + j + first_id).is_multiple_of(4) {
                "in_progress"
            } else {
                "not_started"
            };
            (first_id + j, c.code.as_str(), status)
        })
    });
    let head = "INSERT INTO assessment_answers (assessment_id, criterion, status)";
    inserts(head, answers, |sql, (id, code, status)| {
        let _ = write!(sql, "{id}, ");
        quoted(sql, code);
        let _ = write!(sql, ", '{status}'");
    })
}

pub fn people_rows(people: &[Person], first_id: usize) -> Vec<String> {
    let head = "INSERT INTO users (id, email, display_name, language, time_zone, city_id, \
                role, handle, created_at)";
    inserts(head, people.iter().enumerate(), |sql, (i, p)| {
        let _ = write!(sql, "{}, ", first_id + i);
        quoted(sql, &p.email);
        sql.push_str(", ");
        quoted(sql, &p.display_name);
        let city = p.city.map_or("NULL".to_owned(), |c| (c + 1).to_string());
        let _ = write!(
            sql,
            ", '{}', '{}', {city}, '{}', '{}', {}",
            p.language,
            p.time_zone,
            p.role,
            p.handle,
            timestamp(joined(first_id + i))
        );
    })
}

/// Everyone joined during 2017, before the forum's first post: none of
/// them is a new account with a new account's posting allowance.
fn joined(id: usize) -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2017, 1, 1)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .unwrap_or_default()
        + chrono::Duration::minutes((id % (365 * 24 * 60)) as i64)
}

/// Threads, their posts with `html` (the rendered bodies, post by post),
/// tags, and the given votes and watches.
pub fn forum_rows(threads: &[Thread], html: &[String], extras: &Extras) -> Vec<String> {
    let mut rows = thread_rows(threads);
    rows.extend(post_rows(threads, html));
    let tags = threads
        .iter()
        .flat_map(|t| t.tags.iter().map(move |tag| (t.id, tag)));
    rows.extend(inserts(
        "INSERT INTO thread_tags (thread_id, tag)",
        tags,
        |sql, (id, tag)| {
            let _ = write!(sql, "{id}, ");
            quoted(sql, tag);
        },
    ));
    let head = "INSERT INTO votes (post_id, user_id, created_at)";
    rows.extend(inserts(
        head,
        extras.votes.iter(),
        |sql, (post, user, at)| {
            let _ = write!(sql, "{post}, {user}, {}", timestamp(*at));
        },
    ));
    rows.extend(watch_rows(&extras.watches));
    rows
}

/// (person, kind, target) rows, all at the `watching` level.
pub fn watch_rows(watches: &[(usize, &'static str, String)]) -> Vec<String> {
    let head = "INSERT INTO watches (user_id, target_kind, target, level)";
    inserts(head, watches.iter(), |sql, (user, kind, target)| {
        let _ = write!(sql, "{user}, '{kind}', ");
        quoted(sql, target);
        sql.push_str(", 'watching'");
    })
}

/// Rows that go with a batch of threads but are drawn apart from them.
#[derive(Debug, Default)]
pub struct Extras {
    /// (post, voter, when)
    pub votes: Vec<(i32, usize, chrono::NaiveDateTime)>,
    /// (person, kind, target)
    pub watches: Vec<(usize, &'static str, String)>,
}

fn thread_rows(threads: &[Thread]) -> Vec<String> {
    let head = "INSERT INTO threads (id, category, space_city_id, kind, title, lang, author_id, \
                accepted_post_id, locked, visible, reply_count, created_at, last_post_at)";
    inserts(head, threads.iter(), |sql, t| {
        let space = t.space_city.map_or("NULL".into(), |c| c.to_string());
        let accepted = t.accepted.map_or("NULL".into(), |p| p.to_string());
        let kind = if t.question { "question" } else { "discussion" };
        let _ = write!(sql, "{}, '{}', {space}, '{kind}', ", t.id, t.category);
        quoted(sql, &t.title);
        let first = t.posts.first().map(|p| p.created).unwrap_or_default();
        let last = t.posts.last().map(|p| p.created).unwrap_or_default();
        let _ = write!(
            sql,
            ", '{}', {}, {accepted}, FALSE, TRUE, {}, {}, {}",
            LANGUAGES[t.lang].code,
            t.author,
            t.posts.len() - 1,
            timestamp(first),
            timestamp(last)
        );
    })
}

fn post_rows(threads: &[Thread], html: &[String]) -> Vec<String> {
    let posts = threads
        .iter()
        .flat_map(|t| t.posts.iter().map(move |p| (t, p)))
        .zip(html);
    let head = "INSERT INTO posts (id, thread_id, author_id, opening, body, body_html, votes, \
                hidden, deleted, created_at)";
    inserts(head, posts, |sql, ((t, p), html)| {
        let opening = t.posts.first().is_some_and(|o| o.id == p.id);
        let _ = write!(
            sql,
            "{}, {}, {}, {}, ",
            p.id,
            t.id,
            p.author,
            boolean(opening)
        );
        quoted(sql, &p.body);
        sql.push_str(", ");
        quoted(sql, html);
        let _ = write!(sql, ", {}, FALSE, FALSE, {}", p.votes, timestamp(p.created));
    })
}

/// PostgreSQL's sequences do not follow explicit ids: without this, the next
/// row the service writes would collide with a generated one.
pub fn reset_sequences(conn: &mut DbConnection) -> anyhow::Result<()> {
    if !matches!(conn, DbConnection::Postgres(_)) {
        return Ok(());
    }
    for table in [
        "cities",
        "users",
        "assessments",
        "certifications",
        "threads",
        "posts",
    ] {
        conn.batch_execute(&format!(
            "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
             (SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)"
        ))?;
    }
    Ok(())
}
