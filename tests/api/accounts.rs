//! Signing in and out, CSRF, rate limits, tokens and the profile.

use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;
use peerhall::schema::api_tokens;
use serde_json::Value;

use crate::helpers::{TestApp, csrf_of, sign_in_token};

async fn ask_for_link(app: &TestApp, email: &str) -> reqwest::Response {
    let browser = app.browser();
    let page = browser.get(app.url("/sign-in")).send().await.unwrap();
    let csrf = csrf_of(&page.text().await.unwrap());
    app.post_form(&browser, "/sign-in", &[("email", email), ("csrf", &csrf)])
        .await
}

#[tokio::test]
async fn an_emailed_link_signs_in_and_signing_out_ends_the_session_everywhere() {
    let app = TestApp::spawn().await;
    app.create_city("recife");
    app.create_user("ana@recife.gov.br", "member", Some("recife"));
    let browser = app.sign_in("Ana@Recife.gov.br").await;

    let mail = app.mails().remove(0);
    assert!(mail.contains("To: ana@recife.gov.br"));
    assert!(mail.contains("Content-Type: multipart/alternative"));
    assert!(mail.contains("text/html"));

    let profile = browser.get(app.url("/profile")).send().await.unwrap();
    assert_eq!(profile.status(), 200);
    let page = profile.text().await.unwrap();
    assert!(page.contains("ana@recife.gov.br"));
    assert!(page.contains("<dd>recife</dd>"), "the city by name");

    let csrf = csrf_of(&page);
    let out = app
        .post_form(&browser, "/sign-out", &[("csrf", csrf.as_str())])
        .await;
    assert_eq!(out.status(), 303);
    let after = browser.get(app.url("/profile")).send().await.unwrap();
    assert_eq!(after.status(), 303);
    assert_eq!(after.headers()["location"], "/sign-in?next=%2Fprofile");
}

#[tokio::test]
async fn a_copied_session_cookie_stops_working_after_sign_out() {
    let app = TestApp::spawn().await;
    app.create_user("staff@program.org", "program_admin", None);
    let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
    let client = reqwest::Client::builder()
        .cookie_provider(jar.clone())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let browser = app.sign_in_on(client, "staff@program.org").await;
    let page = browser.get(app.url("/profile")).send().await.unwrap();
    let csrf = csrf_of(&page.text().await.unwrap());
    // What someone who copied the cookie would send.
    use reqwest::cookie::CookieStore;
    let url: reqwest::Url = app.url("/").parse().unwrap();
    let jar_cookie = jar.cookies(&url).unwrap().to_str().unwrap().to_owned();
    let cookie = reqwest::Client::new();
    let before = cookie
        .get(app.url("/api/v1/me"))
        .header("Cookie", &jar_cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(before.status(), 200);
    app.post_form(&browser, "/sign-out", &[("csrf", csrf.as_str())])
        .await;
    let after = cookie
        .get(app.url("/api/v1/me"))
        .header("Cookie", &jar_cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(after.status(), 401);
}

#[tokio::test]
async fn a_sign_in_link_works_once() {
    let app = TestApp::spawn().await;
    app.create_user("ops@program.org", "program_admin", None);
    app.sign_in("ops@program.org").await;
    let token = sign_in_token(&app.mails()[0]);
    let again = app.browser();
    let page = again
        .get(app.url(&format!("/sign-in/{token}")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 410);
    // Even with a valid form, the spent link does not sign anyone in.
    let csrf = csrf_of(&app.page_text(&again, "/sign-in").await);
    let used = app
        .post_form(
            &again,
            &format!("/sign-in/{token}"),
            &[("csrf", csrf.as_str())],
        )
        .await;
    assert_eq!(used.status(), 410);
    assert_eq!(
        again
            .get(app.url("/profile"))
            .send()
            .await
            .unwrap()
            .status(),
        303
    );
}

#[tokio::test]
async fn an_expired_sign_in_link_fails() {
    use diesel::prelude::*;
    use peerhall::schema::email_tokens;
    let app = TestApp::spawn().await;
    app.create_user("late@program.org", "program_admin", None);
    assert_eq!(ask_for_link(&app, "late@program.org").await.status(), 200);
    let token = sign_in_token(&app.wait_for_mail(1).await);
    let past = chrono::Utc::now().naive_utc() - chrono::Duration::minutes(16);
    diesel::update(email_tokens::table)
        .set(email_tokens::expires_at.eq(past))
        .execute(&mut app.conn())
        .unwrap();
    let browser = app.browser();
    let page = browser
        .get(app.url(&format!("/sign-in/{token}")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 410);
    assert!(page.text().await.unwrap().contains("expired"));
}

#[tokio::test]
async fn known_and_unknown_emails_get_the_same_answer() {
    let app = TestApp::spawn().await;
    app.create_user("known@program.org", "program_admin", None);
    let known = ask_for_link(&app, "known@program.org").await;
    let unknown = ask_for_link(&app, "nobody@program.org").await;
    assert_eq!(known.status(), unknown.status());
    assert_eq!(known.text().await.unwrap(), unknown.text().await.unwrap());
    app.wait_for_mail(1).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(app.mails().len(), 1, "only the known address gets mail");
}

#[tokio::test]
async fn a_form_without_or_with_a_wrong_csrf_token_is_refused_with_403() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    browser.get(app.url("/sign-in")).send().await.unwrap();
    let missing = app
        .post_form(&browser, "/sign-in", &[("email", "a@b.org")])
        .await;
    assert_eq!(missing.status(), 403);
    let wrong = app
        .post_form(
            &browser,
            "/sign-in",
            &[("email", "a@b.org"), ("csrf", "forged")],
        )
        .await;
    assert_eq!(wrong.status(), 403);
    assert!(app.mails().is_empty());
}

#[tokio::test]
async fn too_many_sign_in_requests_for_one_address_get_429_with_retry_after() {
    let app = TestApp::spawn_with(|s| s.limits.sign_in_per_email_per_hour = 2).await;
    for _ in 0..2 {
        assert_eq!(ask_for_link(&app, "flood@x.org").await.status(), 200);
    }
    let third = ask_for_link(&app, "flood@x.org").await;
    assert_eq!(third.status(), 429);
    let wait: u64 = third.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(wait > 0);
}

#[tokio::test]
async fn password_guesses_for_one_address_are_limited_with_retry_after() {
    let app = TestApp::spawn_with(|s| s.limits.sign_in_per_email_per_hour = 2).await;
    let browser = app.browser();
    let csrf = csrf_of(&app.page_text(&browser, "/sign-in").await);
    let mut statuses = Vec::new();
    for _ in 0..3 {
        let fields = [
            ("csrf", csrf.as_str()),
            ("email", "pw@x.org"),
            ("password", "guess"),
        ];
        let response = app.post_form(&browser, "/sign-in/password", &fields).await;
        statuses.push((
            response.status().as_u16(),
            response.headers().get("retry-after").is_some(),
        ));
    }
    assert_eq!(statuses, [(422, false), (422, false), (429, true)]);
}

#[tokio::test]
async fn a_malformed_email_is_answered_on_the_form_naming_the_field() {
    let app = TestApp::spawn().await;
    let response = app
        .client
        .get(app.url("/sign-in?lang=es"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let asked = ask_for_link(&app, "not-an-address").await;
    assert_eq!(asked.status(), 422);
    let page = asked.text().await.unwrap();
    assert!(page.contains("href=\"#email\""));
    assert!(page.contains("aria-invalid=\"true\""));
}

#[tokio::test]
async fn a_bearer_token_works_on_the_api_and_a_bad_one_is_401() {
    let app = TestApp::spawn().await;
    app.create_city("bogota");
    app.create_user("lu@bogota.gov.co", "city_admin", Some("bogota"));
    let token = app.token_for("lu@bogota.gov.co");
    assert!(token.starts_with("ph_"));
    let me: Value = app.get_as(&token, "/api/v1/me").await.json().await.unwrap();
    assert_eq!(me["email"], "lu@bogota.gov.co");
    assert_eq!(me["role"], "city_admin");
    assert_eq!(me["city"], "bogota");
    let bad = app
        .client
        .get(app.url("/api/v1/me"))
        .bearer_auth("ph_nope")
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 401);
    assert_eq!(bad.headers()["www-authenticate"], "Bearer");
    let anonymous = app.get("/api/v1/me").await;
    assert_eq!(anonymous.status(), 401);
}

#[tokio::test]
async fn a_token_s_last_use_is_noted_to_the_minute_not_on_every_request() {
    let app = TestApp::spawn().await;
    app.create_user("lu@program.org", "program_admin", None);
    let token = app.token_for("lu@program.org");
    let last_used = |app: &TestApp| -> Option<NaiveDateTime> {
        api_tokens::table
            .select(api_tokens::last_used_at)
            .first(&mut app.conn())
            .unwrap()
    };
    let set = |app: &TestApp, at: NaiveDateTime| {
        diesel::update(api_tokens::table)
            .set(api_tokens::last_used_at.eq(at))
            .execute(&mut app.conn())
            .unwrap();
    };
    assert_eq!(last_used(&app), None);
    assert_eq!(app.get_as(&token, "/api/v1/me").await.status(), 200);
    let first = last_used(&app).expect("noted on first use");
    let recent = first - TimeDelta::seconds(30);
    set(&app, recent);
    app.get_as(&token, "/api/v1/me").await;
    assert_eq!(
        last_used(&app),
        Some(recent),
        "not written again within the minute"
    );
    let old = first - TimeDelta::minutes(5);
    set(&app, old);
    app.get_as(&token, "/api/v1/me").await;
    assert!(
        last_used(&app).unwrap() > recent,
        "noted again after a minute"
    );
}

#[tokio::test]
async fn the_profile_form_refuses_a_bad_time_zone_and_saves_good_values() {
    let app = TestApp::spawn().await;
    app.create_user("pat@program.org", "program_admin", None);
    let browser = app.sign_in("pat@program.org").await;
    let csrf = csrf_of(&app.page_text(&browser, "/profile").await);
    let bad = app
        .post_form(
            &browser,
            "/profile",
            &[
                ("csrf", csrf.as_str()),
                ("display_name", "Pat"),
                ("language", "pt"),
                ("time_zone", "Mars/Base"),
            ],
        )
        .await;
    assert_eq!(bad.status(), 422);
    assert!(bad.text().await.unwrap().contains("href=\"#time_zone\""));
    let good = app
        .post_form(
            &browser,
            "/profile",
            &[
                ("csrf", csrf.as_str()),
                ("display_name", "Pat Silva"),
                ("language", "pt"),
                ("time_zone", "America/Sao_Paulo"),
            ],
        )
        .await;
    assert_eq!(good.status(), 303);
    let page = app.page_text(&browser, "/profile?saved=1").await;
    assert!(
        page.contains("<html lang=\"pt\">"),
        "the profile's language applies"
    );
    assert!(page.contains("Pat Silva"));
    assert!(page.contains("America/Sao_Paulo"));
}

#[tokio::test]
async fn a_token_made_on_the_profile_page_works_until_revoked() {
    let app = TestApp::spawn().await;
    app.create_user("dev@program.org", "program_admin", None);
    let browser = app.sign_in("dev@program.org").await;
    let csrf = csrf_of(&app.page_text(&browser, "/profile").await);
    let page = app
        .post_form(
            &browser,
            "/profile/tokens",
            &[("csrf", csrf.as_str()), ("name", "laptop")],
        )
        .await
        .text()
        .await
        .unwrap();
    let start = page.find("ph_").unwrap();
    let token: String = page[start..].chars().take_while(|c| *c != '<').collect();
    let me = app
        .client
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), 200);
    let id_start = page.find("/profile/tokens/").unwrap() + 16;
    let id: String = page[id_start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let revoked = app
        .post_form(
            &browser,
            &format!("/profile/tokens/{id}/revoke"),
            &[("csrf", csrf.as_str())],
        )
        .await;
    assert_eq!(revoked.status(), 303);
    let me = app
        .client
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), 401);
}

#[tokio::test]
async fn a_password_set_on_the_profile_signs_in_and_a_wrong_one_looks_like_an_unknown_email() {
    let app = TestApp::spawn().await;
    app.create_user("pw@program.org", "program_admin", None);
    let browser = app.sign_in("pw@program.org").await;
    let csrf = csrf_of(&app.page_text(&browser, "/profile").await);
    let short = app
        .post_form(
            &browser,
            "/profile/password",
            &[("csrf", &csrf), ("password", "short"), ("confirm", "short")],
        )
        .await;
    assert_eq!(short.status(), 422);
    let secret = "a long enough passphrase";
    let set = app
        .post_form(
            &browser,
            "/profile/password",
            &[("csrf", &csrf), ("password", secret), ("confirm", secret)],
        )
        .await;
    assert_eq!(set.status(), 303);

    let attempt = |email: &'static str, password: &'static str| {
        let app = &app;
        async move {
            let fresh = app.browser();
            let page = app.page_text(&fresh, "/sign-in").await;
            let csrf = csrf_of(&page);
            let response = app
                .post_form(
                    &fresh,
                    "/sign-in/password",
                    &[("csrf", &csrf), ("email", email), ("password", password)],
                )
                .await;
            let status = response.status();
            let body = response.text().await.unwrap();
            (status, body, fresh)
        }
    };
    let (status, _, signed_in) = attempt("pw@program.org", secret).await;
    assert_eq!(status, 303);
    assert_eq!(
        signed_in
            .get(app.url("/profile"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let (wrong_status, wrong_body, _) = attempt("pw@program.org", "not the passphrase").await;
    let (unknown_status, unknown_body, _) =
        attempt("ghost@program.org", "not the passphrase").await;
    assert_eq!(wrong_status, 422);
    assert_eq!(unknown_status, 422);
    // Each attempt is a fresh browser with its own CSRF token; nothing else may differ.
    let strip = |b: &str| {
        b.replace(&csrf_of(b), "")
            .replace("ghost@program.org", "")
            .replace("pw@program.org", "")
    };
    assert_eq!(strip(&wrong_body), strip(&unknown_body));
}

#[tokio::test]
async fn behind_a_proxy_the_sign_in_limit_keys_on_the_forwarded_client_address() {
    let app = TestApp::spawn_with(|s| {
        s.server.behind_proxy = true;
        s.limits.sign_in_per_ip_per_hour = 2;
    })
    .await;
    let from = |client_ip: &'static str, email: &'static str| {
        let app = &app;
        async move {
            let browser = app.browser();
            let page = app.page_text(&browser, "/sign-in").await;
            let csrf = csrf_of(&page);
            browser
                .post(app.url("/sign-in"))
                .header("X-Forwarded-For", client_ip)
                .form(&[("email", email), ("csrf", csrf.as_str())])
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    assert_eq!(from("203.0.113.5", "a@x.org").await, 200);
    assert_eq!(from("203.0.113.5", "b@x.org").await, 200);
    assert_eq!(from("203.0.113.5", "c@x.org").await, 429);
    assert_eq!(
        from("198.51.100.7", "d@x.org").await,
        200,
        "another client is not held back"
    );
}

#[tokio::test]
async fn behind_tls_the_session_cookie_is_secure_httponly_and_lax() {
    let app = TestApp::spawn_with(|s| {
        s.server.public_url = "https://peerhall.example.org".parse().unwrap()
    })
    .await;
    let response = app.get("/sign-in").await;
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("peerhall_session="), "{cookie}");
    assert!(cookie.contains("Secure"), "{cookie}");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    let plain = TestApp::spawn().await;
    let cookie = plain.get("/sign-in").await.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        !cookie.contains("Secure"),
        "plain HTTP on a laptop still works: {cookie}"
    );
}

/// The cookies the jar would send to the app, as one `Cookie` header.
fn cookie_header(jar: &reqwest::cookie::Jar, app: &TestApp) -> String {
    use reqwest::cookie::CookieStore;
    let url: reqwest::Url = app.url("/").parse().unwrap();
    jar.cookies(&url)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

#[tokio::test]
async fn a_session_cookie_from_before_sign_in_does_not_carry_the_sign_in() {
    // Session fixation: someone who planted their own cookie in a browser
    // before its owner signs in must not be signed in with it afterwards.
    let app = TestApp::spawn().await;
    app.create_city("recife");
    app.create_user("ana@recife.gov.br", "member", Some("recife"));
    let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
    let browser = reqwest::Client::builder()
        .cookie_provider(jar.clone())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    browser.get(app.url("/sign-in")).send().await.unwrap();
    let planted = cookie_header(&jar, &app);
    assert!(!planted.is_empty(), "the sign-in form starts a session");

    app.sign_in_on(browser, "ana@recife.gov.br").await;
    let signed_in = cookie_header(&jar, &app);
    assert_ne!(signed_in, planted, "the session is renewed on sign-in");
    let me = |cookie: String| {
        let request = app
            .client
            .get(app.url("/api/v1/me"))
            .header("Cookie", cookie);
        async move { request.send().await.unwrap().status().as_u16() }
    };
    assert_eq!(me(signed_in).await, 200);
    assert_eq!(me(planted).await, 401);
}
