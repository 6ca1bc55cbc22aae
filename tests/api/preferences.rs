//! `GET` and `PATCH /api/v1/me/preferences`: defaults, partial changes that
//! reach the database, and every bad field named in the caller's language.

use diesel::prelude::*;
use peerhall::digest::store;
use peerhall::schema::digest_preferences;
use serde_json::{Value, json};

use crate::helpers::TestApp;

async fn person(app: &TestApp) -> (i32, String) {
    app.create_city("recife");
    let id = app.create_user("ana@recife.gov.br", "member", Some("recife"));
    (id, app.token_for("ana@recife.gov.br"))
}

#[tokio::test]
async fn preferences_start_at_the_defaults_and_a_patch_changes_only_what_it_sends() {
    let app = TestApp::spawn().await;
    let (id, token) = person(&app).await;
    let (status, before) = app
        .send_json("GET", &token, "/api/v1/me/preferences", Value::Null)
        .await;
    assert_eq!(status, 200, "{before}");
    assert_eq!(
        before,
        json!({"digest": true, "digest_day": "mon", "digest_hour": 8,
            "time_zone": "America/Chicago", "language": "en", "notify_immediately": true})
    );
    let change = json!({"digest_day": "thu", "digest_hour": 17,
        "time_zone": "America/Sao_Paulo", "language": "pt", "notify_immediately": false});
    let (status, after) = app
        .send_json("PATCH", &token, "/api/v1/me/preferences", change)
        .await;
    assert_eq!(status, 200, "{after}");
    let expected = json!({"digest": true, "digest_day": "thu", "digest_hour": 17,
        "time_zone": "America/Sao_Paulo", "language": "pt", "notify_immediately": false});
    assert_eq!(after, expected);
    let (_, again) = app
        .send_json("GET", &token, "/api/v1/me/preferences", Value::Null)
        .await;
    assert_eq!(again, expected);
    let me: Value = app.get_as(&token, "/api/v1/me").await.json().await.unwrap();
    assert_eq!(
        (&me["time_zone"], &me["language"]),
        (&json!("America/Sao_Paulo"), &json!("pt"))
    );
    let stored = store::load(&mut app.conn(), id).unwrap();
    assert_eq!((stored.digest_day.code(), stored.digest_hour), ("thu", 17));
    assert!(stored.digest && !stored.notify_immediately);
    let (_, off) = app
        .send_json(
            "PATCH",
            &token,
            "/api/v1/me/preferences",
            json!({"digest": false}),
        )
        .await;
    assert_eq!(
        (&off["digest"], &off["digest_day"]),
        (&json!(false), &json!("thu"))
    );
    let rows: i64 = digest_preferences::table
        .count()
        .get_result(&mut app.conn())
        .unwrap();
    assert_eq!(rows, 1, "a change updates the one row");
}

#[tokio::test]
async fn bad_fields_are_all_named_in_the_callers_language_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let (id, token) = person(&app).await;
    let response = app
        .client
        .patch(app.url("/api/v1/me/preferences?lang=es"))
        .bearer_auth(&token)
        .json(&json!({"digest_day": "someday", "digest_hour": 24,
            "time_zone": "Mars/Olympus", "language": "de", "digest": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    let fields = body["fields"].as_object().unwrap();
    let mut named: Vec<&str> = fields.keys().map(String::as_str).collect();
    named.sort_unstable();
    assert_eq!(
        named,
        ["digest_day", "digest_hour", "language", "time_zone"]
    );
    assert!(
        fields["digest_hour"]
            .as_str()
            .unwrap()
            .contains("Elija una hora"),
        "{body}"
    );
    let (status, mistyped) = app
        .send_json(
            "PATCH",
            &token,
            "/api/v1/me/preferences",
            json!({"digest": "yes", "colour": 1}),
        )
        .await;
    assert_eq!(status, 400, "{mistyped}");
    assert!(mistyped["fields"]["digest"].is_string() && mistyped["fields"]["colour"].is_string());
    let (status, _) = app
        .send_json("PATCH", &token, "/api/v1/me/preferences", json!([true]))
        .await;
    assert_eq!(status, 400);
    let rows: i64 = digest_preferences::table
        .filter(digest_preferences::user_id.eq(id))
        .count()
        .get_result(&mut app.conn())
        .unwrap();
    assert_eq!(rows, 0, "a refused change writes nothing");
    let me: Value = app.get_as(&token, "/api/v1/me").await.json().await.unwrap();
    assert_eq!(me["time_zone"], "America/Chicago");
}

#[tokio::test]
async fn the_profile_form_sets_the_digest_and_an_older_form_without_its_controls_leaves_it() {
    let app = TestApp::spawn().await;
    let (_, token) = person(&app).await;
    let browser = app.sign_in("ana@recife.gov.br").await;
    let page = app.page_text(&browser, "/profile").await;
    for control in [
        "name=\"digest\"",
        "name=\"digest_day\"",
        "name=\"digest_hour\"",
        "name=\"notify_immediately\"",
        "<legend>",
    ] {
        assert!(page.contains(control), "{control} in {page}");
    }
    // The script fills or offers the device's time zone; the page works without it.
    assert!(
        page.contains("id=\"time_zone\"") && page.contains("data-browser-zone=\"Use this device"),
        "{page}"
    );
    let script = page
        .split("<script src=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap();
    let served = app.get(script).await;
    assert_eq!(served.status(), 200);
    assert!(
        served.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/javascript")
    );
    assert!(
        served
            .text()
            .await
            .unwrap()
            .contains("resolvedOptions().timeZone")
    );
    let csrf = crate::helpers::csrf_of(&page);
    let base = [
        ("csrf", csrf.as_str()),
        ("display_name", "Ana"),
        ("language", "en"),
        ("time_zone", "America/Recife"),
    ];
    // The boxes are unchecked: with the controls on the form, that turns both off.
    let mut fields = base.to_vec();
    fields.extend([
        ("mail_prefs", "1"),
        ("digest_day", "fri"),
        ("digest_hour", "17"),
    ]);
    assert_eq!(
        app.post_form(&browser, "/profile", &fields).await.status(),
        303
    );
    let (_, prefs) = app
        .send_json("GET", &token, "/api/v1/me/preferences", Value::Null)
        .await;
    assert_eq!(
        prefs,
        json!({"digest": false, "digest_day": "fri", "digest_hour": 17,
            "time_zone": "America/Recife", "language": "en", "notify_immediately": false})
    );
    let saved = app.page_text(&browser, "/profile").await;
    assert!(saved.contains("<option value=\"fri\" selected>"), "{saved}");

    // A page rendered before the controls existed changes only what it had.
    let mut older = base.to_vec();
    older[1] = ("display_name", "Ana Lima");
    assert_eq!(
        app.post_form(&browser, "/profile", &older).await.status(),
        303
    );
    let (_, unchanged) = app
        .send_json("GET", &token, "/api/v1/me/preferences", Value::Null)
        .await;
    assert_eq!(unchanged, prefs);

    let mut bad = base.to_vec();
    bad.extend([
        ("mail_prefs", "1"),
        ("digest", "on"),
        ("digest_day", "someday"),
        ("digest_hour", "25"),
    ]);
    let refused = app.post_form(&browser, "/profile?lang=es", &bad).await;
    assert_eq!(refused.status(), 422);
    let body = refused.text().await.unwrap();
    assert!(
        body.contains("id=\"digest_day-error\"") && body.contains("id=\"digest_hour-error\""),
        "{body}"
    );
    let (_, still) = app
        .send_json("GET", &token, "/api/v1/me/preferences", Value::Null)
        .await;
    assert_eq!(still["digest"], false, "nothing written on refusal");
}

/// Found by contract fuzzing: two `PATCH {}` at once for someone without a
/// stored preference row. Each read, then wrote; on SQLite the second write
/// found the snapshot it had read from stale and failed at once with
/// "database is locked", and on PostgreSQL both inserted the missing row
/// (a unique violation): a 500 either way. Writers now take SQLite's write
/// lock, and on PostgreSQL the person's row, before they read.
#[tokio::test]
async fn concurrent_patches_all_succeed_and_leave_one_row() {
    let app = TestApp::spawn().await;
    let (id, token) = person(&app).await;
    for round in 0..5 {
        let patches = (0..24).map(|i| {
            let change = if (i + round) % 2 == 0 {
                json!({})
            } else {
                json!({"digest_hour": i})
            };
            app.send_json("PATCH", &token, "/api/v1/me/preferences", change)
        });
        for (status, body) in futures_util::future::join_all(patches).await {
            assert_eq!(status, 200, "round {round}: {body}");
        }
    }
    let rows: i64 = digest_preferences::table
        .filter(digest_preferences::user_id.eq(id))
        .count()
        .get_result(&mut app.conn())
        .unwrap();
    assert_eq!(rows, 1);
}
