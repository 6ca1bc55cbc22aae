//! Peer matching over seeded cities: the order and reasons for a criterion, the
//! overall lists, the roadmap's steps, and that hidden cities never appear.

use diesel::prelude::*;
use peerhall::schema::cities;
use serde_json::{Value, json};

use crate::helpers::{TestApp, criterion_codes};

struct Seed {
    slug: &'static str,
    region: &'static str,
    language: &'static str,
    population: i32,
    discoverable: bool,
    /// How many of the first criteria it meets (in catalog order).
    met: usize,
}

const SEEDS: [Seed; 5] = [
    // The city asking: Spanish-speaking, Latin America, 100k, 25 met (Silver).
    Seed {
        slug: "tandil",
        region: "latin_america",
        language: "es",
        population: 100_000,
        discoverable: false,
        met: 25,
    },
    // Alike in every way and one level ahead.
    Seed {
        slug: "rafaela",
        region: "latin_america",
        language: "es",
        population: 120_000,
        discoverable: true,
        met: 31,
    },
    // Meets as much, but far in size, region and language.
    Seed {
        slug: "houston",
        region: "us_canada",
        language: "en",
        population: 2_300_000,
        discoverable: true,
        met: 31,
    },
    // Alike, but hidden: must never appear.
    Seed {
        slug: "lujan",
        region: "latin_america",
        language: "es",
        population: 110_000,
        discoverable: false,
        met: 40,
    },
    // Behind the asking city: one it can help.
    Seed {
        slug: "azul",
        region: "latin_america",
        language: "es",
        population: 70_000,
        discoverable: true,
        met: 10,
    },
];

/// The seeded cities with their assessments; returns the asking city's token.
async fn seed(app: &TestApp) -> String {
    let codes = criterion_codes();
    for s in &SEEDS {
        app.create_city(s.slug);
        diesel::update(cities::table.filter(cities::slug.eq(s.slug)))
            .set((
                cities::region.eq(s.region),
                cities::language.eq(s.language),
                cities::population.eq(s.population),
                cities::country.eq(if s.region == "us_canada" { "US" } else { "AR" }),
                cities::discoverable.eq(s.discoverable),
            ))
            .execute(&mut app.conn())
            .unwrap();
        let email = format!("staff@{}.example", s.slug);
        app.create_user(&email, "member", Some(s.slug));
        assert_eq!(submit(app, &codes, s.slug, s.met).await, 201);
    }
    app.token_for("staff@tandil.example")
}

/// Submits an assessment for `slug` meeting its first `met` criteria, as
/// its staff member; the response's status.
async fn submit(app: &TestApp, codes: &[String], slug: &str, met: usize) -> u16 {
    let token = app.token_for(&format!("staff@{slug}.example"));
    let answers: serde_json::Map<String, Value> = codes
        .iter()
        .enumerate()
        .map(|(i, c)| {
            (
                c.clone(),
                json!(if i < met { "met" } else { "not_started" }),
            )
        })
        .collect();
    let body = json!({"answers": answers, "outcomes": {"broadband_pct": 80.0}});
    let response = app
        .client
        .post(app.url(&format!("/api/v1/cities/{slug}/assessments")))
        .bearer_auth(&token)
        .json(&body)
        .send()
        .await
        .unwrap();
    response.status().as_u16()
}

async fn json_of(response: reqwest::Response) -> Value {
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

fn slugs(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|c| c["city"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn peers_for_a_criterion_are_ranked_by_likeness_with_reasons() {
    let app = TestApp::spawn().await;
    let token = seed(&app).await;
    let codes = criterion_codes();
    // The 28th criterion: rafaela and houston meet it, tandil and azul do not.
    let code = &codes[27];
    let response = app
        .get_as(
            &token,
            &format!("/api/v1/cities/tandil/peers?criterion={code}&limit=5&lang=es"),
        )
        .await;
    assert_eq!(response.status(), 200);
    let peers: Value = response.json().await.unwrap();
    assert_eq!(slugs(&peers), ["rafaela", "houston"]);
    let first = &peers[0];
    assert_eq!(first["name"], "rafaela");
    assert_eq!(first["level"], "gold");
    let reasons: Vec<&str> = first["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    let year = chrono::Utc::now().format("%Y").to_string();
    assert_eq!(
        reasons,
        [
            format!("cumple {code} desde {year}").as_str(),
            "un nivel por encima (Oro)",
            "25 de sus 25 criterios en común",
            "tamaño similar",
            "también hispanohablante",
            "también en América Latina",
        ]
    );
    assert!(first["score"].as_f64().unwrap() > peers[1]["score"].as_f64().unwrap());
}

#[tokio::test]
async fn overall_lists_name_peers_ahead_and_cities_to_help_but_never_hidden_ones() {
    let app = TestApp::spawn().await;
    let token = seed(&app).await;
    let lists = json_of(app.get_as(&token, "/api/v1/cities/tandil/peers").await).await;
    assert_eq!(slugs(&lists["like_you"])[0], "rafaela");
    assert_eq!(slugs(&lists["can_help"]), ["azul"]);
    assert_eq!(
        lists["can_help"][0]["reasons"][0],
        "lacks 15 criteria yours meets"
    );
    let everything = lists.to_string();
    assert!(!everything.contains("lujan"), "a hidden city never appears");
    assert!(!everything.contains("\"tandil\""), "nor the city itself");

    let page = app.get_as(&token, "/cities/tandil/peers").await;
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap();
    assert!(page.contains("Peers like you") && page.contains("rafaela"));
    assert!(!page.contains("lujan"));
}

#[tokio::test]
async fn a_city_that_turns_discoverable_appears_to_others() {
    let app = TestApp::spawn().await;
    let token = seed(&app).await;
    app.create_user("admin@lujan.example", "city_admin", Some("lujan"));
    let admin = app.sign_in("admin@lujan.example").await;
    let people = app.page_text(&admin, "/cities/lujan/people").await;
    let csrf = crate::helpers::csrf_of(&people);
    let saved = app
        .post_form(
            &admin,
            "/cities/lujan/settings",
            &[("csrf", &csrf), ("discoverable", "on")],
        )
        .await;
    assert_eq!(saved.status(), 303);
    let lists = json_of(app.get_as(&token, "/api/v1/cities/tandil/peers").await).await;
    assert!(slugs(&lists["like_you"]).contains(&"lujan"));
}

#[tokio::test]
async fn each_roadmap_step_lists_its_top_three_peers() {
    let app = TestApp::spawn().await;
    let token = seed(&app).await;
    let roadmap = json_of(app.get_as(&token, "/api/v1/cities/tandil/roadmap").await).await;
    let steps = roadmap["steps"].as_array().unwrap();
    let codes = criterion_codes();
    let step = steps
        .iter()
        .find(|s| s["code"] == codes[27].as_str())
        .unwrap();
    assert_eq!(slugs(&step["peers"]), ["rafaela", "houston"]);
    let beyond = steps
        .iter()
        .find(|s| s["code"] == codes[35].as_str())
        .unwrap();
    assert_eq!(
        slugs(&beyond["peers"]),
        Vec::<&str>::new(),
        "only lujan meets it, and it is hidden"
    );
    let page = app
        .get_as(&token, "/cities/tandil/roadmap")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Cities like yours that meet"));
}

/// Rebuilds after writes are shared: whichever rebuild answers a submission,
/// it must have read that submission.
#[tokio::test]
async fn assessments_sent_at_once_each_reach_the_peer_directory() {
    let app = TestApp::spawn().await;
    let token = seed(&app).await;
    let codes = criterion_codes();
    let code = &codes[40];
    let peers_path = format!("/api/v1/cities/tandil/peers?criterion={code}&limit=20");
    let before = json_of(app.get_as(&token, &peers_path).await).await;
    assert_eq!(
        slugs(&before),
        Vec::<&str>::new(),
        "only hidden lujan meets it"
    );
    let newcomers: Vec<String> = (0..12).map(|i| format!("newcomer-{i}")).collect();
    for slug in &newcomers {
        app.create_city(slug);
        diesel::update(cities::table.filter(cities::slug.eq(slug)))
            .set(cities::discoverable.eq(true))
            .execute(&mut app.conn())
            .unwrap();
        app.create_user(&format!("staff@{slug}.example"), "member", Some(slug));
    }
    let mut all: Vec<&str> = newcomers.iter().map(String::as_str).collect();
    all.sort_unstable();
    // Each round undoes the one before: every city meets the criterion, then
    // none, then every one again.
    for (round, met) in [codes.len(), 40, codes.len()].into_iter().enumerate() {
        let sent = newcomers.iter().map(|slug| submit(&app, &codes, slug, met));
        let statuses = futures_util::future::join_all(sent).await;
        assert!(
            statuses.iter().all(|s| *s == 201),
            "round {round}: {statuses:?}"
        );
        let after = json_of(app.get_as(&token, &peers_path).await).await;
        let mut found = slugs(&after);
        found.sort_unstable();
        let expected = if met > 40 { all.clone() } else { Vec::new() };
        assert_eq!(found, expected, "round {round}");
    }
}

#[tokio::test]
async fn bad_queries_name_the_parameter() {
    let app = TestApp::spawn().await;
    let token = seed(&app).await;
    let unknown = app
        .get_as(&token, "/api/v1/cities/tandil/peers?criterion=ZZ9")
        .await;
    assert_eq!(unknown.status(), 400);
    let body: Value = unknown.json().await.unwrap();
    assert!(
        body["fields"]["criterion"]
            .as_str()
            .unwrap()
            .contains("ZZ9")
    );
    let limit = app
        .get_as(&token, "/api/v1/cities/tandil/peers?limit=0")
        .await;
    assert_eq!(limit.status(), 400);
    let body: Value = limit.json().await.unwrap();
    assert!(body["fields"]["limit"].is_string());
    let page = app
        .get_as(&token, "/cities/tandil/peers?criterion=ZZ9")
        .await;
    assert_eq!(page.status(), 400);
    assert!(page.text().await.unwrap().contains("href=\"#criterion\""));
}
