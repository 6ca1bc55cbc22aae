//! The authorization matrix: every private route against six actors, with the
//! exact status for each cell. A new private route is one more `Route` line.

use crate::helpers::TestApp;

/// Columns, in order.
const ACTORS: [&str; 6] = [
    "anonymous",
    "member of another city",
    "member of the same city",
    "city_admin of the same city",
    "moderator",
    "program_admin",
];

struct Route {
    method: &'static str,
    path: &'static str,
    /// Form fields for POSTs (bearer requests need no CSRF token).
    form: &'static [(&'static str, &'static str)],
    expect: [u16; 6],
}

const fn get(path: &'static str, expect: [u16; 6]) -> Route {
    Route {
        method: "GET",
        path,
        form: &[],
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
        expect,
    }
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
        post("/profile", PREFERENCES, [303, 303, 303, 303, 303, 303]),
        post(
            "/profile/tokens",
            &[("name", "matrix")],
            [303, 200, 200, 200, 200, 200],
        ),
        post("/sign-out", &[], [303, 303, 303, 303, 303, 303]),
        get("/api/v1/me", [401, 200, 200, 200, 200, 200]),
        get(
            "/api/v1/cities/{city}/assessments",
            [401, 403, 200, 200, 403, 200],
        ),
        get(
            "/api/v1/cities/nowhere/assessments",
            [401, 404, 404, 404, 404, 404],
        ),
    ]
}

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
    let mut tokens: Vec<Option<String>> = vec![None];
    for (email, role, city) in people {
        app.create_user(email, role, city);
        tokens.push(Some(app.token_for(email)));
    }
    let mut failures = Vec::new();
    for route in routes() {
        let path = route.path.replace("{city}", "home-city");
        for (column, token) in tokens.iter().enumerate() {
            let form: Vec<(&str, String)> = route
                .form
                .iter()
                .map(|(k, v)| (*k, v.replace("{actor}", &column.to_string())))
                .collect();
            let mut request = match route.method {
                "GET" => app.client.get(app.url(&path)),
                _ => app.client.post(app.url(&path)).form(&form),
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
