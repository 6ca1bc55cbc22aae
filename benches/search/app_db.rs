//! Loading the corpus into the app's own database, in big multi-row INSERTs.

#[allow(clippy::wildcard_imports)]
use super::*;

/// `'text'` with quotes doubled: every value here is generated, none typed.
pub(crate) fn quoted(out: &mut String, text: &str) {
    out.push('\'');
    for c in text.chars() {
        if c == '\'' {
            out.push('\'');
        }
        out.push(c);
    }
    out.push('\'');
}

pub(crate) fn timestamp(at: NaiveDateTime) -> String {
    at.format("'%Y-%m-%d %H:%M:%S'").to_string()
}

/// Cities, people, threads, posts and tags straight into the tables, without
/// search outbox rows: the rebuild reads the tables, and the running app has
/// nothing to replay.
pub(crate) fn seed(conn: &mut DbConnection, corpus: &Corpus) -> anyhow::Result<()> {
    let cities = inserts(
        "INSERT INTO cities (id, slug, name, country, region, population, language, discoverable)",
        1..=CITIES,
        |sql, i| {
            let _ = write!(
                sql,
                "{i}, '{}', 'Bench City {i:03}', 'US', 'us_canada', 100000, 'en', 1",
                city_slug(i)
            );
        },
    );
    let users = inserts(
        "INSERT INTO users (id, email, display_name, language, time_zone, city_id, role, handle)",
        1..=USERS,
        |sql, i| {
            let city = if i % 50 == 0 {
                "NULL".to_owned()
            } else {
                (i % CITIES + 1).to_string()
            };
            let role = if i % 50 == 0 { "moderator" } else { "member" };
            let _ = write!(
                sql,
                "{i}, 'user{i}@example.org', 'User {i}', 'en', 'America/Chicago', {city}, '{role}', 'user{i}'"
            );
        },
    );
    conn.transaction(|conn| -> anyhow::Result<()> {
        for statement in cities.iter().chain(&users) {
            conn.batch_execute(statement)?;
        }
        Ok(())
    })?;
    for chunk in corpus.threads.chunks(THREADS_PER_TX) {
        conn.transaction(|conn| -> anyhow::Result<()> {
            for statement in thread_rows(chunk)
                .into_iter()
                .chain(post_rows(chunk))
                .chain(tag_rows(chunk))
            {
                conn.batch_execute(&statement)?;
            }
            Ok(())
        })?;
    }
    Ok(())
}

pub(crate) fn thread_rows(threads: &[Thread]) -> Vec<String> {
    inserts(
        "INSERT INTO threads (id, category, space_city_id, kind, title, lang, author_id, \
         accepted_post_id, locked, visible, reply_count, created_at, last_post_at)",
        threads.iter(),
        |sql, t| {
            let space = t.space_city.map_or("NULL".into(), |c| c.to_string());
            let accepted = t.accepted.map_or("NULL".into(), |p| p.to_string());
            let kind = if t.question { "question" } else { "discussion" };
            let _ = write!(sql, "{}, '{}', {space}, '{kind}', ", t.id, t.category);
            quoted(sql, &t.title);
            let first = t.posts.first().map(|p| p.created).unwrap_or_default();
            let last = t.posts.last().map(|p| p.created).unwrap_or_default();
            let _ = write!(
                sql,
                ", '{}', {}, {accepted}, 0, 1, {}, {}, {}",
                LANGUAGES[t.lang].code,
                t.author,
                t.posts.len() - 1,
                timestamp(first),
                timestamp(last)
            );
        },
    )
}

pub(crate) fn post_rows(threads: &[Thread]) -> Vec<String> {
    let posts = threads
        .iter()
        .flat_map(|t| t.posts.iter().map(move |p| (t, p)));
    inserts(
        "INSERT INTO posts (id, thread_id, author_id, opening, body, body_html, votes, hidden, \
         deleted, created_at)",
        posts,
        |sql, (t, p)| {
            let opening = t.posts.first().is_some_and(|o| o.id == p.id);
            let _ = write!(sql, "{}, {}, {}, {}, ", p.id, t.id, p.author, opening as u8);
            quoted(sql, &p.body);
            sql.push_str(", ");
            // Stands in for the rendered HTML: the reindex reads it, never uses it.
            quoted(sql, &format!("<p>{}</p>", p.body));
            let _ = write!(sql, ", {}, 0, 0, {}", p.votes, timestamp(p.created));
        },
    )
}

pub(crate) fn tag_rows(threads: &[Thread]) -> Vec<String> {
    let tags = threads
        .iter()
        .flat_map(|t| t.tags.iter().map(move |tag| (t.id, tag)));
    inserts(
        "INSERT INTO thread_tags (thread_id, tag)",
        tags,
        |sql, (id, tag)| {
            let _ = write!(sql, "{id}, ");
            quoted(sql, tag);
        },
    )
}

/// A member of [`BENCH_CITY`] with an API token, made as an admin would.
pub(crate) fn bench_user(conn: &mut DbConnection) -> anyhow::Result<String> {
    let city = city_slug(BENCH_CITY);
    let args = UserArgs {
        email: BENCH_EMAIL,
        name: "Bench",
        city: Some(&city),
        role: "member",
        language: "en",
        time_zone: "America/Chicago",
    };
    admin::create_user(conn, &args)?;
    admin::create_token(conn, BENCH_EMAIL, "bench")
}
