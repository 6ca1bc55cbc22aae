//! "Similar questions" through the running service: while writing a question,
//! the threads whose titles share its telling words, in any of their forms,
//! among those the writer may read; asking changes nothing.

use std::time::Duration;

use diesel::prelude::*;
use peerhall::schema::threads;
use serde_json::{Value, json};

use crate::helpers::{TestApp, csrf_of};

async fn ask(app: &TestApp, token: &str, (category, title, lang): (&str, &str, &str)) -> i64 {
    let thread = json!({"category": category, "title": title, "body": "How?", "lang": lang});
    let (status, created) = app
        .send_json("POST", token, "/api/v1/threads", thread)
        .await;
    assert_eq!(status, 201, "{created}");
    created["id"].as_i64().unwrap()
}

async fn similar(app: &TestApp, token: &str, query: &str) -> (u16, Value) {
    let response = app
        .get_as(token, &format!("/api/v1/search/similar?{query}"))
        .await;
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn titles(found: &Value) -> Vec<&str> {
    found["threads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["title"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn similar_questions_share_telling_words_in_any_form_and_stay_private() {
    let app = TestApp::spawn().await;
    app.create_city("north");
    app.create_city("south");
    app.create_user("ana@north.gov", "member", Some("north"));
    app.create_user("bo@south.gov", "member", Some("south"));
    let (north, south) = (
        app.token_for("ana@north.gov"),
        app.token_for("bo@south.gov"),
    );
    let portal = ask(
        &app,
        &north,
        ("od", "Which open data portal software?", "en"),
    )
    .await;
    ask(
        &app,
        &north,
        ("eval", "Evaluaciones de programas sociales", "es"),
    )
    .await;
    ask(
        &app,
        &south,
        ("city:south", "Our open data portal budget", "en"),
    )
    .await;
    ask(
        &app,
        &north,
        ("general", "Hiring a city statistician", "en"),
    )
    .await;

    // The indexer runs in the background: wait until the public thread is found.
    let query = "title=Choosing%20portals%20for%20open%20data&body=We%20want%20one";
    let mut found = Value::Null;
    for _ in 0..100 {
        found = similar(&app, &north, query).await.1;
        if !titles(&found).is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(titles(&found), ["Which open data portal software?"]);
    assert_eq!(
        found["threads"][0]["url"],
        format!("/forum/threads/{portal}")
    );
    // Each thread is indexed in its own time: wait for the south's own too.
    let mut own = Value::Null;
    for _ in 0..100 {
        own = similar(&app, &south, query).await.1;
        if own["threads"].as_array().map_or(0, Vec::len) >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(own["threads"].as_array().unwrap().len(), 2, "{own}");
    let (_, es) = similar(&app, &south, "title=evaluacion%20de%20un%20programa").await;
    assert_eq!(titles(&es), ["Evaluaciones de programas sociales"]);

    let (status, empty) = similar(&app, &north, "title=%20&body=").await;
    assert_eq!(status, 400);
    assert!(empty["fields"]["title"].is_string(), "{empty}");
    let (status, bad) = similar(&app, &north, "title=data&limit=0").await;
    assert_eq!(status, 400);
    assert!(bad["fields"]["limit"].is_string(), "{bad}");
}

#[tokio::test]
async fn the_new_thread_form_looks_for_similar_questions_without_posting() {
    let app = TestApp::spawn().await;
    app.create_city("north");
    app.create_user("ana@north.gov", "member", Some("north"));
    let token = app.token_for("ana@north.gov");
    let portal = ask(
        &app,
        &token,
        ("od", "Open data portal: which software?", "en"),
    )
    .await;
    let browser = app.sign_in("ana@north.gov").await;
    let csrf = csrf_of(&app.page_text(&browser, "/forum/new").await);
    let form = |title: &'static str, body: &'static str| {
        [
            ("csrf", csrf.as_str()),
            ("category", "od"),
            ("kind", "question"),
            ("title", title),
            ("body", body),
            ("tags", ""),
            ("lang", "en"),
            ("check", "similar"),
        ]
    };
    let mut page = String::new();
    for _ in 0..100 {
        let response = app
            .post_form(
                &browser,
                "/forum/threads",
                &form("Picking portal software", "We need one."),
            )
            .await;
        assert_eq!(response.status(), 200);
        page = response.text().await.unwrap();
        if page.contains(&format!("href=\"/forum/threads/{portal}\"")) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        page.contains("<h2 id=\"similar-heading\">Similar questions</h2>"),
        "{page}"
    );
    assert!(page.contains("Open data portal: which software?"), "{page}");
    assert!(
        page.contains("value=\"Picking portal software\""),
        "what was typed is kept"
    );
    let count: i64 = threads::table.count().get_result(&mut app.conn()).unwrap();
    assert_eq!(count, 1, "looking for similar questions posts nothing");

    let none = app
        .post_form(
            &browser,
            "/forum/threads",
            &form("Hiring statisticians", "Whom to hire?"),
        )
        .await;
    assert!(
        none.text()
            .await
            .unwrap()
            .contains("No similar questions found.")
    );
    let no_csrf = app
        .post_form(
            &browser,
            "/forum/threads",
            &[("title", "x"), ("check", "similar")],
        )
        .await;
    assert_eq!(no_csrf.status(), 403);
}
