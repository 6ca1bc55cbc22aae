//! `seed-scale`'s generator: a consistent database the service serves and
//! writes on, the same data from the same seed, and a refusal to mix with
//! data already there.

use std::time::Duration;

use diesel::dsl::{count_star, sum};
use diesel::prelude::*;
use peerhall::scale::{self, Report, Sizes};
use peerhall::schema::{
    assessments, certifications, cities, posts, threads, users, votes, watches,
};
use serde_json::{Value, json};

use crate::helpers::TestApp;

pub(crate) const SIZES: Sizes = Sizes {
    cities: 12,
    users: 80,
    posts: 500,
    seed: 7,
};

pub(crate) fn seed(app: &TestApp, sizes: Sizes) -> anyhow::Result<Report> {
    let catalog = app.state.standards.current().unwrap();
    scale::seed(&mut app.conn(), catalog, sizes, &mut |_| {})
}

#[tokio::test]
async fn a_generated_program_is_consistent_served_searched_and_written_on() {
    let app = TestApp::spawn().await;
    let report = seed(&app, SIZES).unwrap();
    assert_eq!(report.posts, 500);
    let mut conn = app.conn();
    assert_eq!(
        posts::table.count().get_result::<i64>(&mut conn).unwrap(),
        500
    );
    assert_eq!(
        cities::table.count().get_result::<i64>(&mut conn).unwrap(),
        12
    );
    assert_eq!(
        users::table.count().get_result::<i64>(&mut conn).unwrap(),
        80
    );
    let thread_count: i64 = threads::table.count().get_result(&mut conn).unwrap();
    assert_eq!(thread_count as usize, report.threads);
    // Each post's vote count is its vote rows.
    let counted: Option<i64> = posts::table
        .select(sum(posts::votes))
        .first(&mut conn)
        .unwrap();
    let rows: i64 = votes::table.count().get_result(&mut conn).unwrap();
    assert_eq!(counted.unwrap_or(0), rows);
    assert_eq!(rows as usize, report.votes);
    assert!(rows > 0);
    assert_eq!(
        watches::table.count().get_result::<i64>(&mut conn).unwrap() as usize,
        report.watches
    );
    assert_replies_and_answers_fit(&mut conn);
    let histories: i64 = assessments::table.count().get_result(&mut conn).unwrap();
    assert_eq!(histories as usize, report.assessments);
    assert!(histories >= 12);
    drop(conn);
    let reader = "user2@scale.example.org";
    let token = app.token_for(reader);
    let (id, title) = a_public_thread(&app);
    let page = app.get_as(&token, &format!("/forum/threads/{id}")).await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(
        html.contains(&maud::html!((title)).into_string()),
        "{title}"
    );
    rebuild_and_find(&app, &token, id, &title).await;
    boosted_posts_are_apart(&app);
    writes_continue_after_the_generated_rows(&app, &token, report).await;
}

fn assert_replies_and_answers_fit(conn: &mut peerhall::db::DbConnection) {
    let listed: Vec<(i32, i32, Option<i32>)> = threads::table
        .select((threads::id, threads::reply_count, threads::accepted_post_id))
        .load(conn)
        .unwrap();
    let mut accepted = 0;
    for (id, replies, answer) in listed {
        let in_thread: Vec<(i32, bool)> = posts::table
            .filter(posts::thread_id.eq(id))
            .select((posts::id, posts::opening))
            .load(conn)
            .unwrap();
        assert_eq!(in_thread.len() as i32, replies + 1, "thread {id}");
        assert_eq!(in_thread.iter().filter(|p| p.1).count(), 1, "thread {id}");
        if let Some(answer) = answer {
            assert!(in_thread.contains(&(answer, false)), "thread {id}");
            accepted += 1;
        }
    }
    assert!(accepted > 0, "some questions have an accepted answer");
    let certified: i64 = certifications::table.count().get_result(conn).unwrap();
    assert!(certified > 0, "some cities reached a level");
}

fn a_public_thread(app: &TestApp) -> (i32, String) {
    threads::table
        .filter(threads::category.ne("city"))
        .order(threads::id)
        .select((threads::id, threads::title))
        .first(&mut app.conn())
        .unwrap()
}

/// `seed-scale` ends with a rebuild; the running service follows it.
async fn rebuild_and_find(app: &TestApp, token: &str, id: i32, title: &str) {
    let root = app.data.path().join("index");
    let built = peerhall::search::rebuild(&mut app.conn(), &root, 15_000_000).unwrap();
    assert_eq!(built.posts, 500);
    let words: String = title.chars().filter(|c| *c != '?').collect();
    let query = format!("\"{words}\"");
    for _ in 0..100 {
        let response = app
            .client
            .get(app.url("/api/v1/search"))
            .query(&[("q", query.as_str())])
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let found: Value = response.json().await.unwrap();
        let hits = found["hits"].as_array().cloned().unwrap_or_default();
        if hits.iter().any(|h| h["thread_id"] == id) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("thread {id} ({title}) was never found");
}

/// A rebuild gives each step of boost segments of their own: posts without
/// votes (ceiling 1.0), with 1 to 3 (at most 1.28), and those boosted more
/// (an accepted answer, or more than 3 votes), so that most segments'
/// ceiling, which bounds their pruning, stays low.
fn boosted_posts_are_apart(app: &TestApp) {
    app.state.search.follow().unwrap();
    let ceilings = app.state.search.get().boost_ceilings().unwrap();
    let low_ceiling = 1.0 + 4f32.ln() * 0.2;
    let (mut none, mut low, mut high) = (0u32, 0u32, 0u32);
    for (posts, ceiling) in &ceilings {
        match *ceiling {
            c if c <= 1.0 => none += posts,
            c if c <= low_ceiling + 1e-4 => low += posts,
            _ => high += posts,
        }
    }
    let accepted = || {
        threads::table
            .filter(threads::accepted_post_id.is_not_null())
            .select(threads::accepted_post_id.assume_not_null())
    };
    let boosted: i64 = posts::table
        .filter(posts::votes.gt(3).or(posts::id.eq_any(accepted())))
        .count()
        .get_result(&mut app.conn())
        .unwrap();
    let voted: i64 = posts::table
        .filter(posts::votes.between(1, 3))
        .filter(posts::id.ne_all(accepted()))
        .count()
        .get_result(&mut app.conn())
        .unwrap();
    assert!(boosted > 0 && voted > 0, "the seed has boosted posts");
    assert_eq!(i64::from(high), boosted, "{ceilings:?}");
    assert_eq!(i64::from(low), voted, "{ceilings:?}");
    assert_eq!(none + low + high, 500, "{ceilings:?}");
}

/// New rows get ids after the generated ones (PostgreSQL's sequences moved on).
async fn writes_continue_after_the_generated_rows(app: &TestApp, token: &str, report: Report) {
    let thread = json!({"category": "dm", "title": "After the seed", "body": "A new question."});
    let (status, made) = app
        .send_json("POST", token, "/api/v1/threads", thread)
        .await;
    assert_eq!(status, 201, "{made}");
    assert!(
        made["id"].as_i64().unwrap() > report.threads as i64,
        "{made}"
    );
    let city = app.create_city("new-after-seed");
    assert!(city > 12);
    let user = app.create_user("new@after.seed", "member", Some("new-after-seed"));
    assert!(user > 80);
}

/// Everything the generator decides, read back in id order.
fn fingerprint(app: &TestApp) -> Vec<String> {
    let mut conn = app.conn();
    let cities: Vec<(String, String, i32, bool)> = cities::table
        .order(cities::id)
        .select((
            cities::slug,
            cities::region,
            cities::population,
            cities::discoverable,
        ))
        .load(&mut conn)
        .unwrap();
    let people: Vec<(String, String, String, Option<i32>, String)> = users::table
        .order(users::id)
        .select((
            users::email,
            users::display_name,
            users::time_zone,
            users::city_id,
            users::role,
        ))
        .load(&mut conn)
        .unwrap();
    let history: Vec<(i32, i64, chrono::NaiveDateTime)> = assessments::table
        .order(assessments::id)
        .select((
            assessments::city_id,
            assessments::met_mask,
            assessments::submitted_at,
        ))
        .load(&mut conn)
        .unwrap();
    let forum: Vec<(i32, i32, Option<i32>, String, i32)> = posts::table
        .order(posts::id)
        .select((
            posts::id,
            posts::thread_id,
            posts::author_id,
            posts::body,
            posts::votes,
        ))
        .load(&mut conn)
        .unwrap();
    let voters: Vec<(i32, i64)> = votes::table
        .group_by(votes::user_id)
        .select((votes::user_id, count_star()))
        .order(votes::user_id)
        .load(&mut conn)
        .unwrap();
    vec![
        format!("{cities:?}"),
        format!("{people:?}"),
        format!("{history:?}"),
        format!("{forum:?}"),
        format!("{voters:?}"),
    ]
}

#[tokio::test]
async fn the_same_seed_gives_the_same_program_and_another_seed_another() {
    let first = TestApp::spawn().await;
    let second = TestApp::spawn().await;
    let third = TestApp::spawn().await;
    seed(&first, SIZES).unwrap();
    seed(&second, SIZES).unwrap();
    seed(&third, Sizes { seed: 8, ..SIZES }).unwrap();
    let (a, b, c) = (
        fingerprint(&first),
        fingerprint(&second),
        fingerprint(&third),
    );
    assert_eq!(a, b);
    assert_ne!(a[3], c[3], "another seed, another forum");
}

#[tokio::test]
async fn a_database_with_data_is_refused_and_left_as_it_was() {
    let app = TestApp::spawn().await;
    app.create_city("already-here");
    let error = seed(&app, SIZES).unwrap_err().to_string();
    assert!(error.contains("empty database"), "{error}");
    assert!(error.contains("cities"), "{error}");
    let mut conn = app.conn();
    assert_eq!(
        cities::table.count().get_result::<i64>(&mut conn).unwrap(),
        1
    );
    assert_eq!(
        users::table.count().get_result::<i64>(&mut conn).unwrap(),
        0
    );
}
