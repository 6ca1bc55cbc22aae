//! Submitting assessments over the API, as JSON and as CSV: scoring, levels, the
//! outcome gate, and every kind of problem reported at once with nothing stored.

use diesel::prelude::*;
use peerhall::schema::{assessment_answers, assessments};
use serde_json::{Value, json};

use crate::helpers::{TestApp, criterion_codes, full_assessment};

/// A city (region `us_canada` unless said) with a member who holds a token.
async fn city_with_member(app: &TestApp, slug: &str, region: &str) -> String {
    app.create_city(slug);
    if region != "us_canada" {
        use peerhall::schema::cities;
        diesel::update(cities::table.filter(cities::slug.eq(slug)))
            .set(cities::region.eq(region))
            .execute(&mut app.conn())
            .unwrap();
    }
    let email = format!("staff@{slug}.example");
    app.create_user(&email, "member", Some(slug));
    app.token_for(&email)
}

async fn post_json(app: &TestApp, token: &str, slug: &str, body: &Value) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/api/v1/cities/{slug}/assessments")))
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn post_csv(app: &TestApp, token: &str, slug: &str, csv: String) -> reqwest::Response {
    app.client
        // The person's own language (English) wins over Accept-Language; ?lang wins over both.
        .post(app.url(&format!("/api/v1/cities/{slug}/assessments?lang=es")))
        .bearer_auth(token)
        .header("Content-Type", "text/csv")
        .body(csv)
        .send()
        .await
        .unwrap()
}

/// Posts a JSON assessment that must be accepted; its score.
async fn scored(app: &TestApp, token: &str, slug: &str, body: &Value) -> Value {
    let response = post_json(app, token, slug, body).await;
    assert_eq!(response.status(), 201);
    response.json().await.unwrap()
}

fn stored(app: &TestApp) -> i64 {
    assessments::table
        .count()
        .get_result(&mut app.conn())
        .unwrap()
}

#[tokio::test]
async fn a_json_assessment_is_stored_scored_and_located() {
    let app = TestApp::spawn().await;
    let token = city_with_member(&app, "tulsa", "us_canada").await;
    let mut body = full_assessment(31);
    body["answers"]["DM2"] = json!({
        "status": "in_progress",
        "evidence": "Inventory covers 60% of departments",
        "evidence_url": "https://data.tulsa.example/inventory"
    });
    body["priorities"] = json!(["EVAL", "od"]);
    let response = post_json(&app, &token, "tulsa", &body).await;
    assert_eq!(response.status(), 201);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let reply: Value = response.json().await.unwrap();
    // DM2 was one of the 31 met; now in progress, so 30 met: still Gold.
    assert_eq!(reply["met"], 30);
    assert_eq!(reply["percent"], 69.8);
    assert_eq!(reply["level"], "gold");
    assert_eq!(reply["outcome_met"], true);
    assert_eq!(reply["areas"][0]["area"], "DM");
    assert_eq!(
        location,
        format!("/api/v1/cities/tulsa/assessments/{}", reply["id"])
    );
    let (evidence, url): (Option<String>, Option<String>) = assessment_answers::table
        .filter(assessment_answers::criterion.eq("DM2"))
        .select((
            assessment_answers::evidence,
            assessment_answers::evidence_url,
        ))
        .first(&mut app.conn())
        .unwrap();
    assert_eq!(
        evidence.as_deref(),
        Some("Inventory covers 60% of departments")
    );
    assert_eq!(url.as_deref(), Some("https://data.tulsa.example/inventory"));
    let areas: String = assessments::table
        .select(assessments::priority_areas)
        .first(&mut app.conn())
        .unwrap();
    assert_eq!(areas, "EVAL OD");
}

#[tokio::test]
async fn levels_change_exactly_at_the_standards_boundaries() {
    let app = TestApp::spawn().await;
    let token = city_with_member(&app, "reno", "us_canada").await;
    for (met, level) in [
        (21, Value::Null),
        (22, json!("silver")),
        (29, json!("silver")),
        (30, json!("gold")),
        (36, json!("gold")),
        (37, json!("platinum")),
    ] {
        let reply = scored(&app, &token, "reno", &full_assessment(met)).await;
        assert_eq!(reply["met"], met, "{reply}");
        assert_eq!(reply["level"], level, "{met} met");
    }
    assert_eq!(stored(&app), 6, "each submission is a new row");
}

#[tokio::test]
async fn the_broadband_threshold_depends_on_the_citys_region() {
    let app = TestApp::spawn().await;
    let us = city_with_member(&app, "omaha", "us_canada").await;
    let latam = city_with_member(&app, "rosario", "latin_america").await;
    let mut body = full_assessment(25);
    body["outcomes"] = json!({"broadband_pct": 70});
    let reply = scored(&app, &us, "omaha", &body).await;
    assert_eq!(reply["outcome_met"], false, "70% is short of 75% in the US");
    assert_eq!(reply["outcomes"]["broadband"], false);
    let reply = scored(&app, &latam, "rosario", &body).await;
    assert_eq!(
        reply["outcome_met"], true,
        "70% clears 65% in Latin America"
    );
    body["outcomes"] = json!({"priority": {"sdg": "11", "indicator": "Homes near transit", "target": 60, "value": 64}});
    let reply = scored(&app, &us, "omaha", &body).await;
    assert_eq!(
        reply["outcome_met"], true,
        "the city's own priority opens the gate"
    );
    body["outcomes"] = json!({});
    let reply = scored(&app, &us, "omaha", &body).await;
    assert_eq!(reply["outcome_met"], false);
    assert_eq!(reply["outcomes"]["broadband"], Value::Null);
}

#[tokio::test]
async fn every_problem_in_a_json_assessment_is_listed_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let token = city_with_member(&app, "lima-ohio", "us_canada").await;
    let mut body = full_assessment(30);
    let answers = body["answers"].as_object_mut().unwrap();
    answers.remove("DM4");
    answers.insert("XX9".into(), json!("met"));
    answers.insert("DM1".into(), json!("done"));
    answers.insert("dm3".into(), json!("met"));
    answers.insert(
        "OD1".into(),
        json!({"status": "met", "evidence_url": "ftp://nope"}),
    );
    body["outcomes"] = json!({"broadband_pct": 120, "pm25_ugm3": "lots"});
    let response = app
        .client
        .post(app.url("/api/v1/cities/lima-ohio/assessments?lang=fr"))
        .bearer_auth(&token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let reply: Value = response.json().await.unwrap();
    assert_eq!(reply["error"], "invalid_fields");
    let fields = reply["fields"].as_object().unwrap();
    let field = |key: &str| fields.get(key).and_then(Value::as_str).unwrap_or_default();
    assert!(field("DM4").contains("DM4"), "missing: {reply}");
    assert!(field("answers.XX9").contains("XX9"), "unknown: {reply}");
    assert!(field("answers.DM1").contains("done"), "bad status: {reply}");
    assert!(field("answers.dm3").contains("DM3"), "duplicate: {reply}");
    assert!(
        field("answers.OD1.evidence_url").contains("https://"),
        "url: {reply}"
    );
    assert!(
        field("outcomes.broadband_pct").contains("100"),
        "range: {reply}"
    );
    assert!(
        field("outcomes.pm25_ugm3").contains("lots"),
        "number: {reply}"
    );
    assert!(
        field("answers.DM1").contains("n’est pas un statut"),
        "in French: {reply}"
    );
    assert_eq!(fields.len(), 7, "{reply}");
    assert_eq!(stored(&app), 0);
}

fn csv_of(met: usize) -> String {
    let mut csv = String::from("code,status,evidence\n");
    for (i, code) in criterion_codes().iter().enumerate() {
        let status = if i < met { "met" } else { "in_progress" };
        csv.push_str(&format!(
            "{code},{status},\"Note for {code}, with a comma\"\n"
        ));
    }
    csv
}

#[tokio::test]
async fn a_csv_assessment_with_outcome_rows_is_stored_and_scored() {
    let app = TestApp::spawn().await;
    let token = city_with_member(&app, "salta", "latin_america").await;
    let csv = csv_of(37) + "broadband_pct,66.5,\npm25_ugm3,12,\npriorities,DM OD,\n";
    let response = post_csv(&app, &token, "salta", csv).await;
    assert_eq!(response.status(), 201);
    let reply: Value = response.json().await.unwrap();
    assert_eq!(reply["met"], 37);
    assert_eq!(reply["level"], "platinum");
    assert_eq!(reply["outcome_met"], true);
    let evidence: Option<String> = assessment_answers::table
        .filter(assessment_answers::criterion.eq("EVAL4"))
        .select(assessment_answers::evidence)
        .first(&mut app.conn())
        .unwrap();
    assert_eq!(evidence.as_deref(), Some("Note for EVAL4, with a comma"));
}

#[tokio::test]
async fn csv_problems_name_their_line_and_column_in_the_users_language() {
    let app = TestApp::spawn().await;
    let token = city_with_member(&app, "cusco", "latin_america").await;
    // Line 2 is DM1: make it a bad status; repeat DM2 at the end; drop DM3 (line 4).
    let mut lines: Vec<String> = csv_of(20).lines().map(str::to_owned).collect();
    lines[1] = "DM1,finished,".into();
    lines.remove(3);
    lines.push("DM2,met,".into());
    lines.push("broadband_pct,-4,".into());
    let response = post_csv(&app, &token, "cusco", lines.join("\n")).await;
    assert_eq!(response.status(), 422);
    let reply: Value = response.json().await.unwrap();
    let fields = reply["fields"].as_object().unwrap();
    assert!(
        fields["csv:2:status"]
            .as_str()
            .unwrap()
            .starts_with("Línea 2, columna «status»"),
        "{reply}"
    );
    assert!(
        fields["csv:44:code"].as_str().unwrap().contains("DM2"),
        "{reply}"
    );
    assert!(
        fields["DM3"]
            .as_str()
            .unwrap()
            .contains("no tiene respuesta"),
        "{reply}"
    );
    assert!(
        fields["csv:45:status"]
            .as_str()
            .unwrap()
            .contains("broadband_pct"),
        "{reply}"
    );
    assert_eq!(fields.len(), 4, "{reply}");
    assert_eq!(stored(&app), 0);

    let response = post_csv(&app, &token, "cusco", "criterion;answer\nDM1;met\n".into()).await;
    assert_eq!(response.status(), 422);
    let reply: Value = response.json().await.unwrap();
    assert!(
        reply["fields"]["csv:1"]
            .as_str()
            .unwrap()
            .contains("code,status,evidence")
    );
}

#[tokio::test]
async fn malformed_bodies_are_4xx_naming_what_is_wrong() {
    let app = TestApp::spawn().await;
    let token = city_with_member(&app, "laredo", "us_canada").await;
    let url = app.url("/api/v1/cities/laredo/assessments?lang=pt");
    let send = |content_type: &'static str, body: &'static str| {
        app.client
            .post(&url)
            .bearer_auth(&token)
            .header("Content-Type", content_type)
            .body(body)
            .send()
    };
    let response = send("application/json", "{\"answers\": {\"DM1\": \"met\",")
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let reply: Value = response.json().await.unwrap();
    assert!(
        reply["fields"]["body"]
            .as_str()
            .unwrap()
            .contains("linha 1"),
        "{reply}"
    );

    let response = send("application/json", "{\"answers\": {}, \"colour\": 1}")
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let reply: Value = response.json().await.unwrap();
    assert!(reply["fields"]["colour"].is_string(), "{reply}");

    let response = send("text/plain", "DM1 met").await.unwrap();
    assert_eq!(response.status(), 415);
    let reply: Value = response.json().await.unwrap();
    assert!(
        reply["fields"]["content-type"]
            .as_str()
            .unwrap()
            .contains("text/csv")
    );

    let response = send(
        "application/json",
        "{\"standard\": \"wwc-1999\", \"answers\": {}}",
    )
    .await
    .unwrap();
    assert_eq!(response.status(), 422);
    assert_eq!(stored(&app), 0);
}
