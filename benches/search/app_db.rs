//! Loading the corpus into the app's own database, in big multi-row INSERTs.

#[allow(clippy::wildcard_imports)]
use super::*;

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
            // Stands in for the rendered HTML: the reindex reads it, never uses it.
            let html: Vec<String> = chunk
                .iter()
                .flat_map(|t| &t.posts)
                .map(|p| format!("<p>{}</p>", p.body))
                .collect();
            for statement in forum_rows(chunk, &html, &Extras::default()) {
                conn.batch_execute(&statement)?;
            }
            Ok(())
        })?;
    }
    Ok(())
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

pub(crate) fn city_slug(i: usize) -> String {
    format!("bench-city-{i:03}")
}
