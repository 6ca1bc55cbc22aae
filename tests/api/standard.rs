use serde_json::Value;

use crate::helpers::TestApp;

#[tokio::test]
async fn the_api_serves_43_criteria_in_8_areas_with_every_language() {
    let app = TestApp::spawn().await;
    let response = app.get("/api/v1/standards/wwc-2022").await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["id"], "wwc-2022");
    assert_eq!(body["criteria_count"], 43);
    let criteria = body["criteria"].as_array().unwrap();
    assert_eq!(criteria.len(), 43);
    for criterion in criteria {
        for field in ["label", "description", "guidance"] {
            for lang in ["en", "es", "pt", "fr"] {
                let text = criterion[field][lang].as_str().unwrap_or_default();
                assert!(!text.is_empty(), "{} {field} {lang}", criterion["code"]);
            }
        }
    }
    let areas = body["areas"].as_array().unwrap();
    let slugs: Vec<&str> = areas.iter().map(|a| a["slug"].as_str().unwrap()).collect();
    assert_eq!(slugs, ["dm", "lc", "od", "pa", "bf", "rdc", "ci", "eval"]);
    assert_eq!(areas[0]["criteria"].as_array().unwrap().len(), 9);
    assert_eq!(criteria[0]["code"], "DM1");
    assert_eq!(
        criteria[0]["label"]["en"],
        "Implementing Data Strategy and Governance"
    );
}

#[tokio::test]
async fn level_thresholds_are_51_68_85_percent_or_22_30_37_criteria() {
    let app = TestApp::spawn().await;
    let body: Value = app
        .get("/api/v1/standards/wwc-2022")
        .await
        .json()
        .await
        .unwrap();
    let levels = body["levels"].as_array().unwrap();
    let view: Vec<(&str, u64, u64)> = levels
        .iter()
        .map(|l| {
            (
                l["level"].as_str().unwrap(),
                l["min_percent"].as_u64().unwrap(),
                l["min_met"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        view,
        [("silver", 51, 22), ("gold", 68, 30), ("platinum", 85, 37)]
    );
    let outcomes = &body["outcomes"];
    assert_eq!(outcomes["broadband"]["us_canada_pct"], 75.0);
    assert_eq!(outcomes["broadband"]["latin_america_pct"], 65.0);
    assert_eq!(outcomes["pm25"]["who_guideline_ugm3"], 5.0);
}

#[tokio::test]
async fn the_pm25_target_follows_configuration() {
    let app = TestApp::spawn_with(|s| s.standard.pm25_target_ugm3 = 15.0).await;
    let body: Value = app
        .get("/api/v1/standards/wwc-2022")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(body["outcomes"]["pm25"]["target_ugm3"], 15.0);
    let page = app.get("/standards/wwc-2022").await.text().await.unwrap();
    assert!(
        page.contains("15 µg/m³"),
        "the page shows the configured target"
    );
}

#[tokio::test]
async fn the_standards_list_names_wwc_2022() {
    let app = TestApp::spawn().await;
    let body: Value = app.get("/api/v1/standards").await.json().await.unwrap();
    assert_eq!(body[0]["id"], "wwc-2022");
    assert_eq!(body[0]["criteria_count"], 43);
}

#[tokio::test]
async fn an_unknown_standard_is_a_json_404_in_the_callers_language() {
    let app = TestApp::spawn().await;
    let response = app
        .get_in("/api/v1/standards/wwc-1999", "es-AR,es;q=0.9")
        .await;
    assert_eq!(response.status(), 404);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"], "not_found");
    assert_eq!(body["message"], "No encontramos lo que buscaba.");
    assert_eq!(body["fields"]["standard"], "no encontrado");
}

#[tokio::test]
async fn the_standard_page_groups_the_criteria_by_area_in_the_chosen_language() {
    let app = TestApp::spawn().await;
    let response = app.get("/standards/wwc-2022?lang=pt").await;
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let page = response.text().await.unwrap();
    assert!(page.contains("<html lang=\"pt\">"));
    assert_eq!(page.matches("<h1").count(), 1);
    assert_eq!(page.matches("class=\"criterion\"").count(), 43);
    assert_eq!(page.matches("<h3 id=\"area-").count(), 8);
    assert!(page.contains("Áreas de prática e critérios"));
    // Area sections appear in catalog order, DM's criteria inside DM's section.
    let dm = page.find("id=\"area-dm\"").unwrap();
    let lc = page.find("id=\"area-lc\"").unwrap();
    let dm9 = page.find("id=\"c-DM9\"").unwrap();
    assert!(dm < dm9 && dm9 < lc);
}

#[tokio::test]
async fn an_unknown_standard_page_is_an_html_404() {
    let app = TestApp::spawn().await;
    let response = app.get_in("/standards/nope", "fr").await;
    assert_eq!(response.status(), 404);
    let page = response.text().await.unwrap();
    assert!(page.contains("<html lang=\"fr\">"));
    assert!(page.contains("Nous n’avons pas trouvé"));
}
