//! Several instances on one database: a session made on one is valid on any
//! other that shares the session key, and on none that does not. (Search and
//! digests across instances are tested with their features.)

use std::sync::Arc;

use reqwest::cookie::{CookieStore, Jar};

use crate::helpers::{TestApp, csrf_of};

/// GET /api/v1/me on `app` with `cookie` as the only credential: the status.
async fn me(app: &TestApp, cookie: &str) -> u16 {
    reqwest::Client::new()
        .get(app.url("/api/v1/me"))
        .header("Cookie", cookie)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn a_session_is_valid_on_every_instance_sharing_the_key_and_ends_everywhere() {
    let app = TestApp::spawn().await;
    app.create_city("recife");
    app.create_user("ana@recife.gov.br", "member", Some("recife"));
    let jar = Arc::new(Jar::default());
    let client = reqwest::Client::builder()
        .cookie_provider(jar.clone())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let browser = app.sign_in_on(client, "ana@recife.gov.br").await;
    let url: reqwest::Url = app.url("/").parse().unwrap();
    let cookie = jar.cookies(&url).unwrap().to_str().unwrap().to_owned();

    let shared = tempfile::tempdir().unwrap();
    std::fs::copy(
        app.data.path().join("session.key"),
        shared.path().join("session.key"),
    )
    .unwrap();
    let second = app.spawn_beside_in(shared).await;
    let stranger = app.spawn_beside().await;
    assert_eq!(me(&second, &cookie).await, 200);
    // An instance with another key cannot read the cookie.
    assert_eq!(me(&stranger, &cookie).await, 401);

    // Cookies are kept per host, not per port, so the browser's goes to the
    // second instance too, as it would behind one load balancer.
    let page = browser.get(second.url("/profile")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap();
    assert!(page.contains("ana@recife.gov.br"), "{page}");
    let out = second
        .post_form(&browser, "/sign-out", &[("csrf", csrf_of(&page).as_str())])
        .await;
    assert_eq!(out.status(), 303);
    // Signed out on the second: the same cookie is refused by the first.
    assert_eq!(me(&app, &cookie).await, 401);
    assert_eq!(me(&second, &cookie).await, 401);
}
