//! The authorization matrix: every private route against six actors, with the
//! exact status for each cell. A new private route is one more `Route` line.

use crate::helpers::{TestApp, full_assessment};

/// Columns, in order.
const ACTORS: [&str; 6] = [
    "anonymous",
    "member of another city",
    "member of the same city",
    "city_admin of the same city",
    "moderator",
    "program_admin",
];

#[derive(Clone, Copy, PartialEq)]
enum Body {
    Form,
    /// A complete, valid JSON assessment.
    Assessment,
    /// A complete, valid CSV assessment as a multipart file upload.
    Upload,
    /// A JSON PATCH turning the city discoverable.
    Patch,
    /// A JSON body, as written.
    Json(&'static str),
}

struct Route {
    method: &'static str,
    path: &'static str,
    /// Form fields for POSTs (bearer requests need no CSRF token).
    form: &'static [(&'static str, &'static str)],
    /// What a POST carries besides `form`.
    body: Body,
    expect: [u16; 6],
}

const fn get(path: &'static str, expect: [u16; 6]) -> Route {
    Route {
        method: "GET",
        path,
        form: &[],
        body: Body::Form,
        expect,
    }
}

const fn post(
    path: &'static str,
    form: &'static [(&'static str, &'static str)],
    expect: [u16; 6],
) -> Route {
    Route {
        method: "POST",
        path,
        form,
        body: Body::Form,
        expect,
    }
}

const fn post_assessment(path: &'static str, expect: [u16; 6]) -> Route {
    Route {
        method: "POST",
        path,
        form: &[],
        body: Body::Assessment,
        expect,
    }
}

const fn post_upload(path: &'static str, expect: [u16; 6]) -> Route {
    Route {
        method: "POST",
        path,
        form: &[],
        body: Body::Upload,
        expect,
    }
}

const fn patch(path: &'static str, expect: [u16; 6]) -> Route {
    Route {
        method: "PATCH",
        path,
        form: &[],
        body: Body::Patch,
        expect,
    }
}

const fn post_json(path: &'static str, json: &'static str, expect: [u16; 6]) -> Route {
    send_json("POST", path, json, expect)
}

/// Any method with a JSON body (PATCH, DELETE…).
const fn send_json(
    method: &'static str,
    path: &'static str,
    json: &'static str,
    expect: [u16; 6],
) -> Route {
    Route {
        method,
        path,
        form: &[],
        body: Body::Json(json),
        expect,
    }
}

fn csv_assessment() -> String {
    let mut csv = "code,status,evidence\n".to_owned();
    for code in crate::helpers::criterion_codes() {
        csv.push_str(&format!("{code},met,\n"));
    }
    csv
}

const PREFERENCES: &[(&str, &str)] = &[
    ("display_name", "Someone"),
    ("language", "en"),
    ("time_zone", "UTC"),
];

/// `{city}` is the city of the "same city" actors.
fn routes() -> Vec<Route> {
    vec![
        //                                                anon other same admin  mod  prog
        get("/profile", [303, 200, 200, 200, 200, 200]),
        get("/profile/digest", [303, 200, 200, 200, 200, 200]),
        post("/profile", PREFERENCES, [303, 303, 303, 303, 303, 303]),
        post(
            "/profile/tokens",
            &[("name", "matrix")],
            [303, 200, 200, 200, 200, 200],
        ),
        post("/sign-out", &[], [303, 303, 303, 303, 303, 303]),
        get("/api/v1/me", [401, 200, 200, 200, 200, 200]),
        get("/api/v1/me/preferences", [401, 200, 200, 200, 200, 200]),
        send_json(
            "PATCH",
            "/api/v1/me/preferences",
            r#"{"digest_hour": 7}"#,
            [401, 200, 200, 200, 200, 200],
        ),
        get(
            "/api/v1/cities/{city}/assessments",
            [401, 403, 200, 200, 403, 200],
        ),
        get(
            "/api/v1/cities/nowhere/assessments",
            [401, 404, 404, 404, 404, 404],
        ),
        post_assessment(
            "/api/v1/cities/{city}/assessments",
            [401, 403, 201, 201, 403, 201],
        ),
        post_assessment(
            "/api/v1/cities/nowhere/assessments",
            [401, 404, 404, 404, 404, 404],
        ),
        // The roadmap rows come after the assessment rows above have given the city one.
        get("/cities/{city}/roadmap", [303, 403, 200, 200, 403, 200]),
        get("/cities/{city}/roadmap.csv", [303, 403, 200, 200, 403, 200]),
        get("/cities/nowhere/roadmap", [303, 404, 404, 404, 404, 404]),
        get(
            "/api/v1/cities/{city}/roadmap",
            [401, 403, 200, 200, 403, 200],
        ),
        get("/cities/{city}/peers", [303, 403, 200, 200, 403, 200]),
        get(
            "/api/v1/cities/{city}/peers",
            [401, 403, 200, 200, 403, 200],
        ),
        get(
            "/api/v1/cities/nowhere/peers",
            [401, 404, 404, 404, 404, 404],
        ),
        get("/cities/{city}/assessment", [303, 403, 200, 200, 403, 200]),
        get("/cities/nowhere/assessment", [303, 404, 404, 404, 404, 404]),
        post(
            "/cities/{city}/assessment",
            &[("action", "save"), ("DM1_evidence", "note {actor}")],
            [303, 403, 303, 303, 403, 303],
        ),
        post_upload(
            "/cities/{city}/assessment/upload",
            [303, 403, 303, 303, 403, 303],
        ),
        post(
            "/profile/password",
            PASSWORD,
            [303, 303, 303, 303, 303, 303],
        ),
        // Token 1 belongs to a bystander: nobody else can revoke it.
        post(
            "/profile/tokens/1/revoke",
            &[],
            [303, 404, 404, 404, 404, 404],
        ),
        get("/cities/{city}/people", [303, 403, 403, 200, 403, 200]),
        get("/cities/nowhere/people", [303, 404, 404, 404, 404, 404]),
        post(
            "/cities/{city}/people",
            &[
                ("email", "new{actor}@x.org"),
                ("display_name", "New"),
                ("role", "member"),
            ],
            [303, 403, 403, 303, 403, 303],
        ),
        post(
            "/cities/{city}/settings",
            &[("discoverable", "on")],
            [303, 403, 403, 303, 403, 303],
        ),
        patch("/api/v1/cities/{city}", [401, 403, 403, 200, 403, 200]),
        patch("/api/v1/cities/nowhere", [401, 404, 404, 404, 404, 404]),
        get(
            "/cities/{city}/introductions/new?peer=other-city",
            [303, 403, 200, 200, 403, 200],
        ),
        // One request per pair of cities at a time: later askers are told so (409).
        post(
            "/cities/{city}/introductions",
            &[("peer", "other-city")],
            [303, 403, 303, 409, 403, 409],
        ),
        // Introduction 1 was asked by other-city of home-city (see the test's set-up).
        get("/introductions/1", [303, 200, 200, 200, 403, 200]),
        get("/introductions/999", [303, 404, 404, 404, 404, 404]),
        // Once the city admin has answered, the program admin finds it answered (409).
        post(
            "/introductions/1",
            &[("decision", "decline")],
            [303, 403, 403, 303, 403, 409],
        ),
        // Forum: thread 1 is in home-city's private space, thread 2 a public
        // question by the same-city member, post 3 another city's reply to it.
        get("/forum", [303, 200, 200, 200, 200, 200]),
        get("/api/v1/categories", [401, 200, 200, 200, 200, 200]),
        get("/api/v1/threads", [401, 200, 200, 200, 200, 200]),
        get("/forum/city/{city}", [303, 404, 200, 200, 404, 200]),
        get(
            "/api/v1/threads?category=city:{city}",
            [401, 404, 200, 200, 404, 200],
        ),
        get("/forum/threads/1", [303, 404, 200, 200, 404, 200]),
        get("/api/v1/threads/1", [401, 404, 200, 200, 404, 200]),
        get("/forum/threads/2", [303, 200, 200, 200, 200, 200]),
        get("/forum/threads/999", [303, 404, 404, 404, 404, 404]),
        get("/forum/posts/1/flag", [303, 404, 200, 200, 404, 200]),
        get("/notifications", [303, 200, 200, 200, 200, 200]),
        post(
            "/forum/threads",
            &[
                ("category", "city:{city}"),
                ("title", "T {actor}"),
                ("body", "B"),
            ],
            [303, 404, 303, 303, 404, 303],
        ),
        post(
            "/forum/threads",
            &[
                ("category", "announcements"),
                ("title", "T {actor}"),
                ("body", "B"),
            ],
            [303, 403, 403, 403, 403, 303],
        ),
        post(
            "/forum/threads/1/replies",
            &[("body", "Reply {actor}")],
            [303, 404, 303, 303, 404, 303],
        ),
        // The same-city member wrote post 1: not theirs to vote for.
        post(
            "/forum/posts/1/vote",
            &[("up", "1")],
            [303, 404, 409, 303, 404, 303],
        ),
        post(
            "/forum/threads/2/accept",
            &[("post_id", "3")],
            [303, 403, 303, 403, 303, 303],
        ),
        post(
            "/forum/posts/1/flag",
            &[("reason", "spam")],
            [303, 404, 303, 303, 404, 303],
        ),
        post(
            "/forum/watch",
            &[
                ("target_kind", "thread"),
                ("target", "1"),
                ("level", "muted"),
            ],
            [303, 404, 303, 303, 404, 303],
        ),
        post_json(
            "/api/v1/threads",
            r#"{"category": "city:home-city", "title": "T", "body": "B"}"#,
            [401, 404, 201, 201, 404, 201],
        ),
        post_json(
            "/api/v1/threads/1/posts",
            r#"{"body": "B"}"#,
            [401, 404, 201, 201, 404, 201],
        ),
        post_json("/api/v1/posts/1/vote", "{}", [401, 404, 409, 200, 404, 200]),
        post_json(
            "/api/v1/threads/2/accept/3",
            "{}",
            [401, 403, 200, 403, 200, 200],
        ),
        post_json(
            "/api/v1/posts/2/flag",
            r#"{"reason": "off_topic"}"#,
            [401, 201, 201, 201, 201, 201],
        ),
        get("/forum/c/general", [303, 200, 200, 200, 200, 200]),
        get("/forum/c/general/feed.atom", [200, 200, 200, 200, 200, 200]),
        get("/forum/tags/dm1", [303, 200, 200, 200, 200, 200]),
        get("/forum/unanswered", [303, 200, 200, 200, 200, 200]),
        get("/forum/answerable", [303, 200, 200, 200, 200, 200]),
        get("/forum/people/same", [303, 200, 200, 200, 200, 200]),
        get("/forum/new", [303, 200, 200, 200, 200, 200]),
        post("/notifications/read", &[], [303, 303, 303, 303, 303, 303]),
        send_json(
            "DELETE",
            "/api/v1/posts/2/vote",
            "{}",
            [401, 200, 409, 200, 200, 200],
        ),
        send_json(
            "PATCH",
            "/api/v1/posts/2",
            r#"{"body": "Anyone at all?"}"#,
            [401, 403, 200, 403, 200, 200],
        ),
        post_json("/api/v1/posts/3/hide", "{}", [401, 403, 403, 403, 200, 200]),
        post_json(
            "/api/v1/posts/3/restore",
            "{}",
            [401, 403, 403, 403, 200, 200],
        ),
        post_json(
            "/api/v1/threads/2/lock",
            "{}",
            [401, 403, 403, 403, 204, 204],
        ),
        send_json(
            "DELETE",
            "/api/v1/threads/2/lock",
            "{}",
            [401, 403, 403, 403, 204, 204],
        ),
        post_json(
            "/api/v1/threads/2/move",
            r#"{"category": "general"}"#,
            [401, 403, 403, 403, 204, 204],
        ),
        get("/forum/moderation", [303, 403, 403, 403, 200, 200]),
        get("/api/v1/moderation/flags", [401, 403, 403, 403, 200, 200]),
        get("/api/v1/posts/2/revisions", [401, 403, 403, 403, 200, 200]),
        get("/forum/posts/2/edit", [303, 403, 200, 403, 200, 200]),
        post(
            "/forum/posts/2/edit",
            &[("title", "Anyone?"), ("body", "Anyone at all, still?")],
            [303, 403, 303, 403, 303, 303],
        ),
        get("/forum/posts/2/revisions", [303, 403, 403, 403, 200, 200]),
        post(
            "/forum/threads/2/move",
            &[("category", "general")],
            [303, 403, 403, 403, 303, 303],
        ),
        get("/forum/moderation/log", [303, 403, 403, 403, 200, 200]),
        get("/search?q=anyone", [303, 200, 200, 200, 200, 200]),
        get("/api/v1/search?q=anyone", [401, 200, 200, 200, 200, 200]),
        get(
            "/api/v1/search/similar?title=anyone",
            [401, 200, 200, 200, 200, 200],
        ),
        get("/api/v1/moderation/log", [401, 403, 403, 403, 200, 200]),
        post("/forum/posts/3/hide", &[], [303, 403, 403, 403, 303, 303]),
        post(
            "/forum/posts/3/restore",
            &[],
            [303, 403, 403, 403, 303, 303],
        ),
        post(
            "/forum/threads/2/lock",
            &[("locked", "0")],
            [303, 403, 403, 403, 303, 303],
        ),
        // Last of the forum rows: the author deletes post 1, and it is gone for everyone after.
        post("/forum/posts/1/delete", &[], [303, 404, 303, 404, 404, 404]),
        send_json(
            "DELETE",
            "/api/v1/posts/2",
            "{}",
            [401, 403, 204, 404, 404, 404],
        ),
        get("/admin", [303, 403, 403, 403, 403, 200]),
        post(
            "/admin/cities",
            &[
                ("slug", "matrix-{actor}"),
                ("name", "Matrix"),
                ("country", "US"),
                ("region", "us_canada"),
                ("population", "50000"),
                ("language", "en"),
            ],
            [303, 403, 403, 403, 403, 303],
        ),
        post(
            "/admin/invitations",
            &[
                ("email", "staff{actor}@x.org"),
                ("display_name", "Staff"),
                ("role", "moderator"),
            ],
            [303, 403, 403, 403, 403, 303],
        ),
    ]
}

const PASSWORD: &[(&str, &str)] = &[
    ("password", "correct horse battery"),
    ("confirm", "correct horse battery"),
];

#[tokio::test]
async fn every_private_route_answers_each_actor_exactly_as_the_policy_says() {
    let app = TestApp::spawn().await;
    app.create_city("home-city");
    app.create_city("other-city");
    let people = [
        ("other@x.org", "member", Some("other-city")),
        ("same@x.org", "member", Some("home-city")),
        ("admin@x.org", "city_admin", Some("home-city")),
        ("mod@x.org", "moderator", None),
        ("prog@x.org", "program_admin", None),
    ];
    // A bystander's token is token 1.
    app.create_user("bystander@x.org", "member", Some("other-city"));
    app.token_for("bystander@x.org");
    let mut tokens: Vec<Option<String>> = vec![None];
    for (email, role, city) in people {
        app.create_user(email, role, city);
        tokens.push(Some(app.token_for(email)));
    }
    an_introduction(&app, ("other-city", "home-city"), "other@x.org");
    forum_threads(&app, (tokens[2].as_deref(), tokens[1].as_deref())).await;
    let mut failures = Vec::new();
    for route in routes() {
        let path = route.path.replace("{city}", "home-city");
        for (column, token) in tokens.iter().enumerate() {
            let form: Vec<(&str, String)> = route
                .form
                .iter()
                .map(|(k, v)| {
                    let v = v.replace("{actor}", &column.to_string());
                    (*k, v.replace("{city}", "home-city"))
                })
                .collect();
            let mut request = match (route.method, route.body) {
                ("GET", _) => app.client.get(app.url(&path)),
                (_, Body::Assessment) => app.client.post(app.url(&path)).json(&full_assessment(30)),
                (_, Body::Upload) => {
                    let file = reqwest::multipart::Part::text(csv_assessment())
                        .file_name("assessment.csv");
                    let upload = reqwest::multipart::Form::new().part("file", file);
                    app.client.post(app.url(&path)).multipart(upload)
                }
                (_, Body::Form) => app.client.post(app.url(&path)).form(&form),
                (_, Body::Patch) => app
                    .client
                    .patch(app.url(&path))
                    .json(&serde_json::json!({"discoverable": true})),
                (method, Body::Json(json)) => app
                    .client
                    .request(method.parse().unwrap(), app.url(&path))
                    .header("Content-Type", "application/json")
                    .body(json),
            };
            if let Some(token) = token {
                request = request.bearer_auth(token);
            }
            let status = request.send().await.unwrap().status().as_u16();
            if status != route.expect[column] {
                failures.push(format!(
                    "{} {} as {}: expected {}, got {status}",
                    route.method, path, ACTORS[column], route.expect[column]
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Stores a pending introduction asked by `by` of city `to` for city `from`.
fn an_introduction(app: &TestApp, (from, to): (&str, &str), by: &str) {
    use diesel::prelude::*;
    use peerhall::schema::{cities, introductions, users};
    let mut conn = app.conn();
    let mut city = |slug: &str| -> i32 {
        cities::table
            .filter(cities::slug.eq(slug))
            .select(cities::id)
            .first(&mut conn)
            .unwrap()
    };
    let (from, to) = (city(from), city(to));
    let by: i32 = users::table
        .filter(users::email.eq(by))
        .select(users::id)
        .first(&mut conn)
        .unwrap();
    diesel::insert_into(introductions::table)
        .values((
            introductions::from_city_id.eq(from),
            introductions::to_city_id.eq(to),
            introductions::requested_by.eq(by),
            introductions::message.eq(""),
            introductions::status.eq("pending"),
            introductions::created_at.eq(chrono::Utc::now().naive_utc()),
        ))
        .execute(&mut conn)
        .unwrap();
}

/// Thread 1 (post 1) in home-city's private space and thread 2 (post 2), a
/// public question, both by the same-city member; post 3 is the other city's
/// member's reply to thread 2.
async fn forum_threads(app: &TestApp, (same, other): (Option<&str>, Option<&str>)) {
    let send = |token: Option<&str>, path: &str, body: serde_json::Value| {
        let request = app
            .client
            .post(app.url(path))
            .bearer_auth(token.unwrap_or_default());
        async move {
            let response = request.json(&body).send().await.unwrap();
            assert_eq!(response.status(), 201);
        }
    };
    send(
        same,
        "/api/v1/threads",
        serde_json::json!({"category": "city:home-city", "title": "Private", "body": "Ours"}),
    )
    .await;
    send(
        same,
        "/api/v1/threads",
        serde_json::json!({"category": "general", "title": "Public", "body": "Anyone?"}),
    )
    .await;
    send(
        other,
        "/api/v1/threads/2/posts",
        serde_json::json!({"body": "Us"}),
    )
    .await;
}

#[tokio::test]
async fn every_form_refuses_a_signed_in_browser_without_its_csrf_token() {
    // The matrix above posts with bearer tokens, which need no CSRF token; a
    // browser's session cookie does. Program staff may use every form, so a
    // 403 here can only be the missing token.
    let app = TestApp::spawn().await;
    app.create_city("home-city");
    app.create_user("prog@x.org", "program_admin", None);
    let browser = app.sign_in("prog@x.org").await;
    let mut unguarded = Vec::new();
    let forms = routes().into_iter().filter(|r| {
        r.method == "POST"
            && matches!(r.body, Body::Form | Body::Upload)
            && !matches!(r.expect[5], 403 | 404)
    });
    let mut checked = 0;
    for route in forms {
        let path = route.path.replace("{city}", "home-city");
        let form: Vec<(&str, String)> = route
            .form
            .iter()
            .map(|(k, v)| (*k, v.replace("{actor}", "9").replace("{city}", "home-city")))
            .collect();
        let request = browser.post(app.url(&path));
        let request = if route.body == Body::Upload {
            let file = reqwest::multipart::Part::text(csv_assessment()).file_name("a.csv");
            request.multipart(reqwest::multipart::Form::new().part("file", file))
        } else {
            request.form(&form)
        };
        let status = request.send().await.unwrap().status().as_u16();
        checked += 1;
        if status != 403 {
            unguarded.push(format!("POST {path}: {status}"));
        }
    }
    assert!(checked > 10, "only {checked} forms checked");
    assert!(unguarded.is_empty(), "{}", unguarded.join("\n"));
}
