//! Introductions between peer cities: asked from a peer card, written to the
//! asked city's admins, accepted or declined, contacts exchanged by email; the
//! limits, closed and hidden cities, and the city settings API.

use diesel::prelude::*;
use peerhall::schema::{cities, introductions, users};
use serde_json::{Value, json};

use crate::helpers::{TestApp, criterion_codes, csrf_of, full_assessment};

/// The asking city "tandil" (25 met) and the peer "rafaela" (31 met), with an
/// asker, rafaela's Spanish-speaking admin and one of its members.
async fn two_cities(app: &TestApp) {
    for (slug, met) in [("tandil", 25), ("rafaela", 31)] {
        app.create_city(slug);
        let staff = format!("staff@{slug}.example");
        app.create_user(&staff, "member", Some(slug));
        let submitted = app
            .client
            .post(app.url(&format!("/api/v1/cities/{slug}/assessments")))
            .bearer_auth(app.token_for(&staff))
            .json(&full_assessment(met))
            .send()
            .await
            .unwrap();
        assert_eq!(submitted.status(), 201);
    }
    app.create_user("ana@tandil.example", "member", Some("tandil"));
    app.create_user("rosa@rafaela.example", "city_admin", Some("rafaela"));
    diesel::update(users::table.filter(users::email.eq("rosa@rafaela.example")))
        .set(users::language.eq("es"))
        .execute(&mut app.conn())
        .unwrap();
}

/// Asks from `browser` (signed in at tandil); returns the response.
async fn ask(
    app: &TestApp,
    browser: &reqwest::Client,
    peer: &str,
    message: &str,
) -> reqwest::Response {
    let form = app
        .page_text(
            browser,
            &format!("/cities/tandil/introductions/new?peer={peer}"),
        )
        .await;
    let csrf = csrf_of(&form);
    let fields = [
        ("csrf", csrf.as_str()),
        ("peer", peer),
        ("message", message),
    ];
    app.post_form(browser, "/cities/tandil/introductions", &fields)
        .await
}

fn statuses(app: &TestApp) -> Vec<String> {
    introductions::table
        .order(introductions::id.asc())
        .select(introductions::status)
        .load(&mut app.conn())
        .unwrap()
}

fn location(response: &reqwest::Response) -> String {
    response.headers()["location"].to_str().unwrap().to_owned()
}

#[tokio::test]
async fn an_introduction_asked_from_a_peer_card_is_accepted_and_contacts_are_exchanged() {
    let app = TestApp::spawn().await;
    two_cities(&app).await;
    let ana = app.sign_in("ana@tandil.example").await;
    // The 28th criterion: rafaela meets it, tandil does not.
    let code = &criterion_codes()[27];
    let peers = app
        .page_text(&ana, &format!("/cities/tandil/peers?criterion={code}"))
        .await;
    let link = format!("/cities/tandil/introductions/new?peer=rafaela&amp;criterion={code}");
    assert!(peers.contains(&link), "the card links to the request form");

    let form = app.page_text(&ana, &link.replace("&amp;", "&")).await;
    assert!(form.contains("Ask rafaela for an introduction"));
    let csrf = csrf_of(&form);
    let note = "How did you set up your data governance body?";
    let fields = [
        ("csrf", csrf.as_str()),
        ("peer", "rafaela"),
        ("criterion", code.as_str()),
        ("message", note),
    ];
    let asked = app
        .post_form(&ana, "/cities/tandil/introductions", &fields)
        .await;
    assert_eq!(asked.status(), 303);
    let page = location(&asked);
    let page = page.split('?').next().unwrap().to_owned();
    assert!(page.starts_with("/introductions/"), "{page}");

    // Rafaela's admin is written to, in Spanish; its member is not.
    let request = app.wait_for_mail(2).await;
    assert!(request.contains("To: rosa@rafaela.example"), "{request}");
    assert!(request.contains("tandil pide a rafaela una presentaci"));
    assert!(request.contains(note));
    assert!(
        request.contains(&page),
        "the mail links to the introduction"
    );
    assert!(
        !request.contains("ana@tandil.example"),
        "no contact before acceptance"
    );
    assert_eq!(statuses(&app), ["pending"]);

    let waiting = app.page_text(&ana, &page).await;
    assert!(waiting.contains("Waiting for rafaela to answer."));
    assert!(!waiting.contains("rosa@rafaela.example"));

    let rosa = app.sign_in("rosa@rafaela.example").await;
    let answer_page = app.page_text(&rosa, &page).await;
    assert!(answer_page.contains("value=\"accept\""), "{answer_page}");
    let csrf = csrf_of(&answer_page);
    let accepted = app
        .post_form(&rosa, &page, &[("csrf", &csrf), ("decision", "accept")])
        .await;
    assert_eq!(accepted.status(), 303);
    assert_eq!(statuses(&app), ["accepted"]);

    // Both sides get the other's contact, each in their own language.
    let to_ana = app.wait_for_mail(4).await;
    assert!(to_ana.contains("To: ana@tandil.example"));
    assert!(to_ana.contains("Introduction accepted: rafaela"));
    assert!(to_ana.contains("rosa@rafaela.example"));
    let to_rosa = app.wait_for_mail(5).await;
    assert!(to_rosa.contains("To: rosa@rafaela.example"));
    assert!(to_rosa.contains("ana@tandil.example"));
    assert!(to_rosa.contains("Presentaci"));
    for browser in [&ana, &rosa] {
        let shown = app.page_text(browser, &page).await;
        assert!(shown.contains("mailto:ana@tandil.example"));
        assert!(shown.contains("mailto:rosa@rafaela.example"));
    }

    let again = app
        .post_form(&rosa, &page, &[("csrf", &csrf), ("decision", "decline")])
        .await;
    assert_eq!(again.status(), 409, "an answer is given once");
    let twice = ask(&app, &ana, "rafaela", "Again?").await;
    assert_eq!(twice.status(), 409);
    assert!(twice.text().await.unwrap().contains("already asked"));
    assert_eq!(statuses(&app), ["accepted"]);
    assert_eq!(app.mails().len(), 5, "nobody else was written to");
}

#[tokio::test]
async fn a_declined_city_is_not_asked_again_and_a_city_without_admins_reaches_program_staff() {
    let app = TestApp::spawn().await;
    two_cities(&app).await;
    app.create_city("azul");
    app.create_user("ops@program.org", "program_admin", None);
    let ana = app.sign_in("ana@tandil.example").await;

    assert_eq!(ask(&app, &ana, "rafaela", "").await.status(), 303);
    let rosa = app.sign_in("rosa@rafaela.example").await;
    let page = "/introductions/1".to_owned();
    let csrf = csrf_of(&app.page_text(&rosa, &page).await);
    let declined = app
        .post_form(&rosa, &page, &[("csrf", &csrf), ("decision", "decline")])
        .await;
    assert_eq!(declined.status(), 303);
    let mails = app.mails();
    let told = mails.last().unwrap();
    assert!(told.contains("To: ana@tandil.example"));
    assert!(told.contains("Introduction declined: rafaela"));
    assert!(
        !told.contains("rosa@rafaela.example"),
        "no contact on a decline"
    );
    let again = ask(&app, &ana, "rafaela", "Please?").await;
    assert_eq!(again.status(), 409);
    assert!(again.text().await.unwrap().contains("less than 90 days"));

    // azul has nobody on Peerhall: the program admin answers for it.
    let before = app.mails().len();
    let asked = ask(&app, &ana, "azul", "").await;
    assert_eq!(asked.status(), 303);
    // Not id 2 on PostgreSQL: the refused request used up a sequence number.
    let page = location(&asked).replace("?asked=1", "");
    let request = app.wait_for_mail(before + 1).await;
    assert!(request.contains("To: ops@program.org"), "{request}");
    let accepted = app
        .client
        .post(app.url(&page))
        .bearer_auth(app.token_for("ops@program.org"))
        .form(&[("decision", "accept")])
        .send()
        .await
        .unwrap();
    assert_eq!(accepted.status(), 303);
    assert_eq!(statuses(&app), ["declined", "accepted"]);
    let shown = app.page_text(&ana, &page).await;
    assert!(
        shown.contains("ops (the Peerhall program team)"),
        "staff answer as staff, not as the city"
    );
}

#[tokio::test]
async fn a_person_asks_at_most_the_daily_limit_and_closed_or_hidden_cities_cannot_be_asked() {
    let app = TestApp::spawn_with(|s| s.limits.introductions_per_day = 1).await;
    two_cities(&app).await;
    app.create_city("azul");
    app.create_user("ops@program.org", "program_admin", None);
    let ana = app.sign_in("ana@tandil.example").await;
    assert_eq!(ask(&app, &ana, "rafaela", "").await.status(), 303);
    let limited = ask(&app, &ana, "azul", "").await;
    assert_eq!(limited.status(), 429);
    assert!(
        limited
            .text()
            .await
            .unwrap()
            .contains("one introduction a day")
    );
    assert_eq!(
        statuses(&app),
        ["pending"],
        "the refused request is not kept"
    );

    // rafaela's admin closes introductions through the API.
    let token = app.token_for("rosa@rafaela.example");
    let patched = app
        .client
        .patch(app.url("/api/v1/cities/rafaela"))
        .bearer_auth(&token)
        .json(&json!({"introductions": false}))
        .send()
        .await
        .unwrap();
    assert_eq!(patched.status(), 200);
    let city: Value = patched.json().await.unwrap();
    assert_eq!(city["introductions"], false);
    assert_eq!(city["discoverable"], true, "an absent field is unchanged");
    let closed = app
        .page_text(&ana, "/cities/tandil/introductions/new?peer=rafaela")
        .await;
    assert!(closed.contains("not taking introduction requests"));
    assert!(
        !closed.contains("name=\"message\""),
        "no form for a closed city"
    );

    diesel::update(cities::table.filter(cities::slug.eq("azul")))
        .set(cities::discoverable.eq(false))
        .execute(&mut app.conn())
        .unwrap();
    let hidden = ana
        .get(app.url("/cities/tandil/introductions/new?peer=azul"))
        .send()
        .await
        .unwrap();
    assert_eq!(hidden.status(), 404, "a hidden city is not there to ask");
}

#[tokio::test]
async fn the_city_api_changes_settings_for_the_city_s_admins_only_and_names_bad_fields() {
    let app = TestApp::spawn().await;
    app.create_city("mesa");
    app.create_user("kim@mesa.gov", "city_admin", Some("mesa"));
    app.create_user("lee@mesa.gov", "member", Some("mesa"));
    let patch = |token: String, body: Value| {
        app.client
            .patch(app.url("/api/v1/cities/mesa"))
            .bearer_auth(token)
            .json(&body)
            .send()
    };
    let hidden = patch(
        app.token_for("kim@mesa.gov"),
        json!({"discoverable": false}),
    )
    .await
    .unwrap();
    assert_eq!(hidden.status(), 200);
    let city: Value = hidden.json().await.unwrap();
    assert_eq!(city["slug"], "mesa");
    assert_eq!(city["discoverable"], false);
    let stored: bool = cities::table
        .filter(cities::slug.eq("mesa"))
        .select(cities::discoverable)
        .first(&mut app.conn())
        .unwrap();
    assert!(!stored);

    let member = patch(app.token_for("lee@mesa.gov"), json!({"discoverable": true}))
        .await
        .unwrap();
    assert_eq!(member.status(), 403);
    let unknown = patch(app.token_for("kim@mesa.gov"), json!({"name": "Other"}))
        .await
        .unwrap();
    assert_eq!(unknown.status(), 400);
    let body: Value = unknown.json().await.unwrap();
    assert!(
        body["fields"].as_object().unwrap().contains_key("name"),
        "{body}"
    );
    let wrong = patch(
        app.token_for("kim@mesa.gov"),
        json!({"discoverable": "yes", "introductions": true}),
    )
    .await
    .unwrap();
    assert_eq!(wrong.status(), 400);
    let body: Value = wrong.json().await.unwrap();
    assert!(
        body["fields"]
            .as_object()
            .unwrap()
            .contains_key("discoverable"),
        "{body}"
    );
    let unchanged: bool = cities::table
        .filter(cities::slug.eq("mesa"))
        .select(cities::accepts_introductions)
        .first(&mut app.conn())
        .unwrap();
    assert!(unchanged, "nothing is half-written");
}
