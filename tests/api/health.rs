use serde_json::{Value, json};

use crate::helpers::TestApp;

#[tokio::test]
async fn healthz_reports_every_part_ok_with_the_version() {
    let app = TestApp::spawn().await;
    let response = app.get("/healthz").await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(
        body,
        json!({"status": "ok", "database": "ok", "search": "ok", "version": env!("CARGO_PKG_VERSION")})
    );
}

#[tokio::test]
async fn healthz_is_503_naming_the_database_when_it_is_unreachable() {
    let app = TestApp::spawn().await;
    match &app.pg {
        Some(pg) => pg.drop_now(),
        None => {
            let db = app.data.path().join("peerhall.db");
            std::fs::remove_file(&db).expect("remove the SQLite file");
        }
    }
    let response = app.get("/healthz").await;
    assert_eq!(response.status(), 503);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], "unavailable");
    assert_eq!(body["database"], "unavailable");
    assert_eq!(body["search"], "ok");
}

#[tokio::test]
async fn healthz_is_503_naming_search_when_the_index_is_gone() {
    let app = TestApp::spawn().await;
    // A rename is atomic; removing the tree could race with the indexer's
    // background writes and fail with "directory not empty".
    let index = app.data.path().join("index");
    std::fs::rename(&index, app.data.path().join("index-gone")).expect("move the index away");
    let response = app.get("/healthz").await;
    assert_eq!(response.status(), 503);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["database"], "ok");
    assert_eq!(body["search"], "unavailable");
}

#[tokio::test]
async fn start_up_creates_the_database_index_and_outbox() {
    let app = TestApp::spawn().await;
    let data = app.data.path();
    let current = std::fs::read_to_string(data.join("index").join("CURRENT")).unwrap();
    assert!(
        data.join("index")
            .join(current.trim())
            .join("meta.json")
            .is_file()
    );
    assert!(data.join("outbox").is_dir());
    assert_eq!(data.join("peerhall.db").is_file(), !app.is_postgres());
    // Every migration is applied on whichever backend the test runs.
    let applied = peerhall::db::applied_migrations(&mut app.conn()).unwrap();
    let shipped = std::fs::read_dir("migrations/sqlite").unwrap().count();
    assert_eq!(applied.len(), shipped);
}

#[tokio::test]
async fn healthz_answers_head_requests_for_load_balancers() {
    let app = TestApp::spawn().await;
    let response = app.client.head(app.url("/healthz")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.text().await.unwrap().is_empty());
}
