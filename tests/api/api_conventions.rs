use serde_json::Value;

use crate::helpers::TestApp;

#[tokio::test]
async fn the_openapi_document_describes_every_api_route() {
    let app = TestApp::spawn().await;
    let response = app.get("/api/v1/openapi.json").await;
    assert_eq!(response.status(), 200);
    let doc: Value = response.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    for path in [
        "/api/v1/standards",
        "/api/v1/standards/{id}",
        "/api/v1/openapi.json",
        "/api/v1/me",
        "/api/v1/cities/{slug}/assessments",
        "/api/v1/cities/{slug}/roadmap",
        "/api/v1/cities/{slug}/peers",
        "/healthz",
    ] {
        assert!(paths.contains_key(path), "{path} is documented");
    }
    assert!(doc["components"]["schemas"]["ErrorBody"].is_object());
}

#[tokio::test]
async fn an_unknown_api_route_is_a_json_404() {
    let app = TestApp::spawn().await;
    let response = app.get_in("/api/v1/nothing-here", "fr-CA").await;
    assert_eq!(response.status(), 404);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"], "not_found");
    assert_eq!(
        body["message"],
        "Nous n’avons pas trouvé ce que vous cherchiez."
    );
}

#[tokio::test]
async fn an_unknown_page_is_an_html_404_through_the_layout() {
    let app = TestApp::spawn().await;
    let response = app.get("/no/such/page").await;
    assert_eq!(response.status(), 404);
    let page = response.text().await.unwrap();
    assert!(page.contains("<main id=\"main\""));
    assert!(page.contains("We could not find what you asked for."));
}

#[tokio::test]
async fn a_wrong_method_on_an_api_route_is_a_4xx_not_a_500() {
    let app = TestApp::spawn().await;
    let response = app
        .client
        .post(app.url("/api/v1/standards/wwc-2022"))
        .header("Content-Type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert!(response.status().is_client_error(), "{}", response.status());
}

#[tokio::test]
async fn the_language_switcher_remembers_the_choice_and_stays_on_site() {
    let app = TestApp::spawn().await;
    let response = app.get("/language/es?next=/standards/wwc-2022").await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/standards/wwc-2022");
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("lang=es"));
    let page = app
        .client
        .get(app.url("/standards/wwc-2022"))
        .header("Cookie", "lang=es")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("<html lang=\"es\">"));

    // Browsers drop tabs and line breaks inside a URL, so `/<tab>/host` would
    // be `//host` to them: another site.
    for away in [
        "//evil.example",
        "/%09/evil.example",
        "/%0A/evil.example",
        "/%5C/evil.example",
    ] {
        let response = app.get(&format!("/language/fr?next={away}")).await;
        assert_eq!(response.headers()["location"], "/", "next={away}");
    }
}

#[tokio::test]
async fn every_page_says_which_language_it_is_in_and_offers_the_others() {
    let app = TestApp::spawn().await;
    for (lang, skip) in [
        ("en", "Skip to main content"),
        ("es", "Saltar al contenido principal"),
        ("pt", "Pular para o conteúdo principal"),
        ("fr", "Aller au contenu principal"),
    ] {
        let page = app
            .get(&format!("/?lang={lang}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains(&format!("<html lang=\"{lang}\">")));
        assert!(page.contains(skip));
        for name in ["English", "Español", "Português", "Français"] {
            assert!(page.contains(name));
        }
    }
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = TestApp::spawn().await;
    for path in ["/", "/standards/wwc-2022", "/api/v1/standards", "/nowhere"] {
        let response = app.get(path).await;
        let headers = response.headers();
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["x-frame-options"], "DENY", "{path}");
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
    }
}
