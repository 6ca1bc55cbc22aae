//! The roadmap from a city's assessments: JSON, page and CSV, with the standing,
//! ordered steps, progress since the previous assessment and peer medians.

use diesel::prelude::*;
use peerhall::schema::threads;
use serde_json::{Value, json};

use crate::helpers::{TestApp, criterion_codes, full_assessment};

async fn submit(app: &TestApp, token: &str, slug: &str, body: &Value) {
    let response = app
        .client
        .post(app.url(&format!("/api/v1/cities/{slug}/assessments")))
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
}

async fn roadmap_json(app: &TestApp, token: &str, slug: &str) -> Value {
    let response = app
        .get_as(token, &format!("/api/v1/cities/{slug}/roadmap"))
        .await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

/// A city with a member; returns the member's token.
fn city(app: &TestApp, slug: &str) -> String {
    app.create_city(slug);
    let email = format!("staff@{slug}.example");
    app.create_user(&email, "member", Some(slug));
    app.token_for(&email)
}

#[tokio::test]
async fn the_roadmap_orders_steps_and_shows_what_changed() {
    let app = TestApp::spawn().await;
    let token = city(&app, "akron");
    submit(&app, &token, "akron", &full_assessment(20)).await;
    let codes = criterion_codes();
    let mut second = full_assessment(28);
    second["answers"][codes[0].as_str()] = json!("not_started");
    second["answers"][codes[40].as_str()] = json!("in_progress");
    second["outcomes"] = json!({});
    submit(&app, &token, "akron", &second).await;

    let roadmap = roadmap_json(&app, &token, "akron").await;
    assert_eq!(roadmap["score"]["met"], 27);
    assert_eq!(roadmap["score"]["level"], "silver");
    assert_eq!(roadmap["next_level"], json!({"level": "gold", "needed": 3}));
    assert_eq!(roadmap["eligibility"]["eligible"], true);
    assert_eq!(roadmap["history"].as_array().unwrap().len(), 2);
    let gained: Vec<&str> = roadmap["changes"]["gained"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        gained,
        codes[20..28].iter().map(String::as_str).collect::<Vec<_>>()
    );
    assert_eq!(roadmap["changes"]["lost"], json!([codes[0]]));
    let steps = roadmap["steps"].as_array().unwrap();
    // No outcome reported: that is a step of its own, first; then the work under way.
    assert_eq!(steps[0]["code"], "outcome");
    assert_eq!(steps[1]["code"], codes[40].as_str());
    assert_eq!(steps[1]["why"], "in_progress");
    assert_eq!(steps[1]["horizon_months"], 3);
    assert_eq!(steps[1]["toward"], "gold");
    assert_eq!(steps.len(), 1 + 43 - 27);
    assert!(
        steps
            .iter()
            .all(|s| s["peers"] == json!([]) && s["threads"] == json!([]))
    );
    let equity: Vec<&str> = roadmap["equity"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap())
        .collect();
    assert_eq!(equity, ["DM7", "DM8", "OD4", "RDC5", "RDC8"]);
}

#[tokio::test]
async fn areas_compare_with_discoverable_peers_only() {
    let app = TestApp::spawn().await;
    let token = city(&app, "mesa");
    let peer = city(&app, "gilbert");
    submit(&app, &token, "mesa", &full_assessment(9)).await;
    submit(&app, &peer, "gilbert", &full_assessment(43)).await;
    let roadmap = roadmap_json(&app, &token, "mesa").await;
    assert_eq!(roadmap["areas"][0]["area"], "DM");
    assert_eq!(roadmap["areas"][0]["peer_median"], 100.0);
    assert_eq!(roadmap["opportunities"].as_array().unwrap().len(), 7);

    // Gilbert's admin hides it; the peer directory follows at once.
    app.create_user("admin@gilbert.gov", "city_admin", Some("gilbert"));
    let hidden = app
        .client
        .patch(app.url("/api/v1/cities/gilbert"))
        .bearer_auth(app.token_for("admin@gilbert.gov"))
        .json(&serde_json::json!({"discoverable": false}))
        .send()
        .await
        .unwrap();
    assert_eq!(hidden.status(), 200);
    let roadmap = roadmap_json(&app, &token, "mesa").await;
    assert_eq!(roadmap["areas"][0]["peer_median"], Value::Null);
}

#[tokio::test]
async fn the_page_and_the_csv_tell_the_same_roadmap_in_the_readers_language() {
    let app = TestApp::spawn().await;
    let token = city(&app, "tandil");
    submit(&app, &token, "tandil", &full_assessment(31)).await;
    submit(&app, &token, "tandil", &full_assessment(33)).await;
    let page = app
        .get_as(&token, "/cities/tandil/roadmap?lang=es")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("<h1>Hoja de ruta de tandil</h1>"), "{page}");
    assert!(page.contains("33 de 43 criterios cumplidos"));
    assert!(page.contains("Faltan 4 criterios para Platino."));
    assert!(
        page.contains("role=\"img\""),
        "the charts are images with text"
    );
    assert!(page.contains("<caption>Criterios cumplidos en cada autoevaluación</caption>"));
    assert!(page.contains("<ol class=\"steps\">"));
    let profile = app.get_as(&token, "/profile").await.text().await.unwrap();
    assert!(
        profile.contains("href=\"/cities/tandil/roadmap\""),
        "the header leads a city's people to its roadmap"
    );

    let response = app
        .get_as(&token, "/cities/tandil/roadmap.csv?lang=fr")
        .await;
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = response.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "order,code,area,status,toward,horizon_months,step,why"
    );
    assert_eq!(lines.len(), 1 + (43 - 33));
    assert!(lines[1].contains("Platine"), "{csv}");
}

#[tokio::test]
async fn before_the_first_assessment_there_is_no_roadmap_yet() {
    let app = TestApp::spawn().await;
    let token = city(&app, "ames");
    let response = app.get_as(&token, "/api/v1/cities/ames/roadmap").await;
    assert_eq!(response.status(), 404);
    let body: Value = response.json().await.unwrap();
    assert!(body["fields"]["assessment"].is_string());
    let page = app.get_as(&token, "/cities/ames/roadmap").await;
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("No assessment yet"));
}

/// Starts a thread through the API; returns its id.
async fn ask(app: &TestApp, token: &str, (category, title): (&str, &str)) -> i64 {
    let thread = json!({"category": category, "title": title, "body": "How?", "tags": ["dm1"]});
    post_as(app, token, "/api/v1/threads", thread).await["id"]
        .as_i64()
        .unwrap()
}

async fn post_as(app: &TestApp, token: &str, path: &str, body: Value) -> Value {
    let (status, answer) = app.send_json("POST", token, path, body).await;
    assert!((200..300).contains(&status), "{path}: {answer}");
    answer
}

#[tokio::test]
async fn a_step_shows_the_readable_forum_threads_about_its_criterion() {
    let app = TestApp::spawn().await;
    let token = city(&app, "akron");
    let other = city(&app, "boise");
    let mut assessment = full_assessment(30);
    assessment["answers"]["DM1"] = json!("not_started");
    submit(&app, &token, "akron", &assessment).await;

    ask(&app, &token, ("dm", "Oldest, cut by the limit")).await;
    let solved = ask(&app, &token, ("dm", "Solved")).await;
    let reply = post_as(
        &app,
        &other,
        &format!("/api/v1/threads/{solved}/posts"),
        json!({"body": "Like this."}),
    )
    .await;
    let accept = format!("/api/v1/threads/{solved}/accept/{}", reply["id"]);
    post_as(&app, &token, &accept, json!({})).await;
    ask(&app, &token, ("general", "Unsolved")).await;
    let own = ask(&app, &token, ("city:akron", "Our own space")).await;
    // Newest of all: each would push a readable thread out if it leaked in.
    ask(&app, &other, ("city:boise", "Boise only")).await;
    let hidden = ask(&app, &token, ("dm", "Hidden")).await;
    diesel::update(threads::table.find(hidden as i32))
        .set(threads::visible.eq(false))
        .execute(&mut app.conn())
        .unwrap();

    // Steps find their threads through search, which indexes in the background.
    let mut roadmap = Value::Null;
    for _ in 0..100 {
        roadmap = roadmap_json(&app, &token, "akron").await;
        let dm1 = roadmap["steps"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["code"] == "DM1");
        if dm1.unwrap()["threads"].as_array().unwrap().len() == 3 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let steps = roadmap["steps"].as_array().unwrap();
    let step = steps.iter().find(|s| s["code"] == "DM1").unwrap();
    let titles: Vec<&str> = step["threads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Solved", "Our own space", "Unsolved"]);
    assert_eq!(
        step["threads"][0],
        json!({"id": solved, "title": "Solved", "url": format!("/forum/threads/{solved}"),
               "reply_count": 1, "solved": true})
    );
    let others: Vec<_> = steps
        .iter()
        .filter(|s| s["code"] != "DM1" && s["threads"] != json!([]))
        .map(|s| (&s["code"], &s["title"], &s["threads"]))
        .collect();
    assert!(others.is_empty(), "{others:?}");

    // Untagged, but titled with the words of a step's name ("Open and Shared
    // Procurement Data"), in another form: it is about that step.
    let thread =
        json!({"category": "general", "title": "Sharing procurement data", "body": "How?"});
    let untagged = post_as(&app, &other, "/api/v1/threads", thread).await["id"].clone();
    let mut rdc7 = Value::Null;
    for _ in 0..100 {
        let roadmap = roadmap_json(&app, &token, "akron").await;
        rdc7 = roadmap["steps"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["code"] == "RDC7")
            .unwrap()["threads"]
            .clone();
        if rdc7 != json!([]) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(rdc7[0]["id"], untagged, "{rdc7}");

    let page = app
        .get_as(&token, "/cities/akron/roadmap")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Forum threads about DM1:"), "{page}");
    assert!(page.contains(&format!(
        "<a href=\"/forum/threads/{own}\">Our own space</a>"
    )));
    assert!(page.contains("<a href=\"/forum/tags/dm1\">All threads about DM1</a>"));
    assert!(page.contains("<a href=\"/forum/new?category=dm\">Ask about this</a>"));
    assert!(!page.contains("Boise only") && !page.contains("Hidden"));
}

/// DM1's thread titles in the city's roadmap, and whether DM1 is a step.
async fn dm1_threads(app: &TestApp, token: &str) -> Option<Vec<String>> {
    let roadmap = roadmap_json(app, token, "akron").await;
    let step = roadmap["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["code"] == "DM1")?
        .clone();
    Some(
        step["threads"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["title"].as_str().unwrap().to_owned())
            .collect(),
    )
}

#[tokio::test]
async fn a_roadmap_read_again_shows_new_threads_hides_and_assessments_at_once() {
    let app = TestApp::spawn().await;
    let token = city(&app, "akron");
    app.create_user("mod@program.org", "moderator", None);
    let moderator = app.token_for("mod@program.org");
    let mut assessment = full_assessment(30);
    assessment["answers"]["DM1"] = json!("not_started");
    submit(&app, &token, "akron", &assessment).await;
    assert_eq!(dm1_threads(&app, &token).await, Some(vec![]));
    // The page is rendered once per kept roadmap: read it now, so that a
    // stale body would show below.
    let page = roadmap_page(&app, &token).await;
    assert!(page.contains("<h3>DM1 · "), "{page}");
    assert!(!page.contains("Where to start"));

    // A new thread shows once the index has it, though the roadmap was built before.
    let thread =
        json!({"category": "dm", "title": "Where to start", "body": "How?", "tags": ["dm1"]});
    let (_, created) = app
        .send_json("POST", &token, "/api/v1/threads", thread)
        .await;
    let mut shown = None;
    for _ in 0..100 {
        shown = dm1_threads(&app, &token).await;
        if shown != Some(vec![]) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(shown, Some(vec!["Where to start".to_owned()]));
    assert!(roadmap_page(&app, &token).await.contains("Where to start"));

    // Hidden by a moderator: gone on the next read, before the index commits.
    let hide = format!("/api/v1/posts/{}/hide", created["post_id"]);
    let (status, _) = app.send_json("POST", &moderator, &hide, json!({})).await;
    assert_eq!(status, 200);
    assert!(!roadmap_page(&app, &token).await.contains("Where to start"));
    assert_eq!(dm1_threads(&app, &token).await, Some(vec![]));

    // A new assessment that meets DM1: the step is gone on the next read.
    assessment["answers"]["DM1"] = json!("met");
    submit(&app, &token, "akron", &assessment).await;
    assert!(!roadmap_page(&app, &token).await.contains("<h3>DM1 · "));
    assert_eq!(dm1_threads(&app, &token).await, None);
}

async fn roadmap_page(app: &TestApp, token: &str) -> String {
    let response = app.get_as(token, "/cities/akron/roadmap").await;
    assert_eq!(response.status(), 200);
    response.text().await.unwrap()
}
