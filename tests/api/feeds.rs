//! The forum's Atom feeds: a category's and a tag's newest public threads,
//! read without signing in, never a private space's or a hidden thread.

use atom_syndication::Feed;
use diesel::prelude::*;
use peerhall::schema::{posts, threads};
use serde_json::{Value, json};

use crate::helpers::{TestApp, assert_no_script};

const SITE: &str = "https://peerhall.example";

/// A city `north` with a member, and the member's token.
async fn forum_with(adjust: impl FnOnce(&mut peerhall::config::Settings)) -> (TestApp, String) {
    let app = TestApp::spawn_with(|s| {
        s.server.public_url = url::Url::parse(SITE).unwrap();
        adjust(s);
    })
    .await;
    app.create_city("north");
    app.create_user("asker@north.gov", "member", Some("north"));
    let token = app.token_for("asker@north.gov");
    (app, token)
}

async fn ask(app: &TestApp, token: &str, thread: Value) -> i32 {
    let response = app
        .client
        .post(app.url("/api/v1/threads"))
        .bearer_auth(token)
        .json(&thread)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201, "{thread}");
    response.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap() as i32
}

fn thread(category: &str, title: &str, body: &str, tags: &[&str]) -> Value {
    json!({"category": category, "title": title, "body": body, "tags": tags})
}

/// A feed fetched without signing in, checked to be Atom.
async fn feed(app: &TestApp, path: &str) -> Feed {
    let response = app.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    assert_eq!(
        response.headers()["content-type"],
        "application/atom+xml; charset=utf-8"
    );
    let xml = response.bytes().await.unwrap();
    Feed::read_from(&xml[..]).unwrap()
}

fn titles(feed: &Feed) -> Vec<&str> {
    feed.entries
        .iter()
        .map(|e| e.title.value.as_str())
        .collect()
}

#[tokio::test]
async fn a_category_feed_lists_its_public_threads_newest_first_for_anyone() {
    let (app, token) = forum_with(|_| {}).await;
    let first = ask(&app, &token, thread("dm", "First", "Plain text.", &[])).await;
    ask(
        &app,
        &token,
        thread("general", "Elsewhere", "Not data.", &[]),
    )
    .await;
    ask(
        &app,
        &token,
        thread("city:north", "Our secret", "Between us.", &[]),
    )
    .await;
    let body = "We chartered a **data committee**. <script>alert(1)</script>";
    let second = ask(&app, &token, thread("dm", "Second", body, &[])).await;

    let feed = feed(&app, "/forum/c/dm/feed.atom").await;
    assert_eq!(feed.title.value, "Peerhall forum: Data Management");
    assert_eq!(feed.id, format!("{SITE}/forum/c/dm/feed.atom"));
    assert_eq!(titles(&feed), ["Second", "First"], "newest first, dm only");
    let entry = &feed.entries[0];
    assert_eq!(entry.id, format!("{SITE}/forum/threads/{second}"));
    assert_eq!(entry.links[0].href, entry.id);
    assert_eq!(entry.authors[0].name, "asker");
    assert!(entry.published.is_some());
    let summary = &entry.summary.as_ref().unwrap().value;
    assert!(
        summary.starts_with("We chartered a data committee"),
        "{summary}"
    );
    assert!(!summary.contains('<'), "plain text: {summary}");
    let content = entry.content.as_ref().unwrap();
    assert_eq!(content.content_type.as_deref(), Some("html"));
    let html = content.value.as_deref().unwrap();
    assert!(html.contains("<strong>data committee</strong>"), "{html}");
    assert!(
        html.contains("&lt;script&gt;"),
        "raw HTML stays text: {html}"
    );
    assert_eq!(feed.entries[1].id, format!("{SITE}/forum/threads/{first}"));

    let spanish = self::feed(&app, "/forum/c/DM/feed.atom?lang=es").await;
    assert_eq!(spanish.title.value, "Foro de Peerhall: Gestión de datos");
    assert_eq!(spanish.lang.as_deref(), Some("es"));
    for missing in [
        "/forum/c/sports/feed.atom",
        "/forum/c/city/feed.atom",
        "/forum/city/north/feed.atom",
    ] {
        assert_eq!(app.get(missing).await.status(), 404, "{missing}");
    }
}

#[tokio::test]
async fn a_tag_feed_lists_public_threads_with_the_tag_and_nothing_private() {
    let (app, token) = forum_with(|_| {}).await;
    ask(
        &app,
        &token,
        thread("dm", "Portal", "Which vendor?", &["open-data"]),
    )
    .await;
    ask(&app, &token, thread("general", "Untagged", "Hello.", &[])).await;
    ask(
        &app,
        &token,
        thread("city:north", "Ours", "Hush.", &["open-data"]),
    )
    .await;
    ask(
        &app,
        &token,
        thread("od", "Licences", "Which one?", &["Open Data", "dm1"]),
    )
    .await;

    let feed = feed(&app, "/forum/tags/Open%20Data/feed.atom").await;
    assert_eq!(feed.title.value, "Peerhall forum: tag open-data");
    assert_eq!(feed.id, format!("{SITE}/forum/tags/open-data/feed.atom"));
    assert_eq!(titles(&feed), ["Licences", "Portal"]);

    let unused = self::feed(&app, "/forum/tags/nobody-yet/feed.atom").await;
    assert!(unused.entries.is_empty(), "a valid tag nobody used: empty");
    assert_eq!(app.get("/forum/tags/..../feed.atom").await.status(), 404);
}

#[tokio::test]
async fn hidden_threads_leave_the_feed_and_a_hidden_question_leaves_its_text() {
    let (app, token) = forum_with(|_| {}).await;
    let kept = ask(&app, &token, thread("pa", "Kept", "Visible words.", &[])).await;
    let hidden = ask(&app, &token, thread("pa", "Hidden", "Spam words.", &[])).await;
    let before = feed(&app, "/forum/c/pa/feed.atom").await;
    assert_eq!(titles(&before), ["Hidden", "Kept"]);

    let mut conn = app.conn();
    diesel::update(threads::table.find(hidden))
        .set(threads::visible.eq(false))
        .execute(&mut conn)
        .unwrap();
    // Hiding a question through moderation hides its thread too; should a
    // question ever be hidden alone, its text still stays out of the feed.
    diesel::update(posts::table.filter(posts::thread_id.eq(kept)))
        .set(posts::hidden.eq(true))
        .execute(&mut conn)
        .unwrap();
    let after = feed(&app, "/forum/c/pa/feed.atom").await;
    assert_eq!(titles(&after), ["Kept"]);
    let entry = &after.entries[0];
    assert!(
        entry.content.is_none() && entry.summary.is_none(),
        "{entry:?}"
    );
}

#[tokio::test]
async fn script_injection_payloads_never_survive_in_feeds() {
    let (app, token) = forum_with(|s| {
        s.limits.new_account_posts_per_hour = 10_000;
        s.limits.posts_per_account_per_hour = 10_000;
        s.limits.posts_per_ip_per_hour = 10_000;
    })
    .await;
    let payloads: Vec<&str> = include_str!("../data/xss-payloads.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .collect();
    assert!(payloads.len() >= 60);
    // A feed holds 20 threads: each batch of 20 payloads gets a tag of its own
    // (not `batch0`, which looks like a criterion code and is refused).
    let batches = payloads.len().div_ceil(20);
    for (n, payload) in payloads.iter().enumerate() {
        let tag = format!("batch-{}", n / 20);
        let title = format!("Payload {n}");
        ask(&app, &token, thread("general", &title, payload, &[&tag])).await;
    }
    let mut seen = 0;
    for batch in 0..batches {
        let feed = feed(&app, &format!("/forum/tags/batch-{batch}/feed.atom")).await;
        for entry in &feed.entries {
            let content = entry.content.as_ref().unwrap();
            assert_no_script(content.value.as_deref().unwrap_or_default());
            seen += 1;
        }
    }
    assert_eq!(seen, payloads.len(), "every payload was in a feed");
}
