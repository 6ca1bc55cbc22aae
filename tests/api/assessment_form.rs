//! The self-assessment form: a shared draft per city, saved field by field,
//! resumed, edited by two colleagues at once, submitted through the one
//! validation, and the CSV upload beside it.

use std::collections::BTreeMap;

use diesel::prelude::*;
use peerhall::schema::{
    assessment_answers, assessment_draft_fields, assessment_drafts, assessments,
};

use crate::helpers::{TestApp, criterion_codes, csrf_of, full_assessment};

/// What the browser would send for a form as drawn: every field as the
/// person saw it (the hidden `was.` copies), and the CSRF token.
struct Drawn {
    csrf: String,
    was: BTreeMap<String, String>,
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn drawn(html: &str) -> Drawn {
    let mut was = BTreeMap::new();
    let mut rest = html;
    while let Some(start) = rest.find("name=\"was.") {
        rest = &rest[start + 10..];
        let name_end = rest.find('"').unwrap();
        let name = rest[..name_end].to_owned();
        let value_start = rest.find("value=\"").unwrap() + 7;
        let value_end = value_start + rest[value_start..].find('"').unwrap();
        was.insert(name, unescape(&rest[value_start..value_end]));
    }
    Drawn {
        csrf: csrf_of(html),
        was,
    }
}

impl Drawn {
    /// The form as posted after the person changed `changes`.
    fn post(&self, action: &str, changes: &[(&str, &str)]) -> Vec<(String, String)> {
        let mut now = self.was.clone();
        for (name, value) in changes {
            now.insert((*name).to_owned(), (*value).to_owned());
        }
        let mut pairs = vec![
            ("csrf".to_owned(), self.csrf.clone()),
            ("action".to_owned(), action.to_owned()),
        ];
        for (name, value) in &self.was {
            pairs.push((format!("was.{name}"), value.clone()));
        }
        pairs.extend(now.into_iter().filter(|(_, v)| !v.is_empty()));
        pairs
    }
}

async fn open(app: &TestApp, browser: &reqwest::Client, slug: &str) -> (String, Drawn) {
    let response = browser
        .get(app.url(&format!("/cities/{slug}/assessment")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    let form = drawn(&html);
    (html, form)
}

async fn send(
    app: &TestApp,
    browser: &reqwest::Client,
    path: &str,
    pairs: &[(String, String)],
) -> reqwest::Response {
    browser
        .post(app.url(path))
        .form(pairs)
        .send()
        .await
        .unwrap()
}

fn city_with_people(app: &TestApp, slug: &str, people: &[&str]) {
    app.create_city(slug);
    for email in people {
        app.create_user(email, "member", Some(slug));
    }
}

fn count_assessments(app: &TestApp) -> i64 {
    assessments::table
        .count()
        .get_result(&mut app.conn())
        .unwrap()
}

/// Every criterion answered `met`, as form changes.
fn all_met() -> Vec<(String, String)> {
    criterion_codes()
        .into_iter()
        .map(|c| (c, "met".to_owned()))
        .collect()
}

#[tokio::test]
async fn the_form_groups_the_criteria_by_area_and_starts_from_the_latest_assessment() {
    let app = TestApp::spawn().await;
    city_with_people(&app, "akron", &["ana@akron.example"]);
    let token = app.token_for("ana@akron.example");
    let submitted = app
        .client
        .post(app.url("/api/v1/cities/akron/assessments"))
        .bearer_auth(&token)
        .json(&full_assessment(25))
        .send()
        .await
        .unwrap();
    assert_eq!(submitted.status(), 201);

    let browser = app.sign_in("ana@akron.example").await;
    let (html, form) = open(&app, &browser, "akron").await;
    assert_eq!(html.matches("<fieldset class=\"criterion\"").count(), 43);
    for area in ["DM", "LC", "OD", "PA", "BF", "RDC", "CI", "EVAL"] {
        assert!(html.contains(&format!("id=\"area-{area}\"")), "{area}");
    }
    let codes = criterion_codes();
    assert_eq!(form.was[&codes[0]], "met");
    assert_eq!(form.was[&codes[30]], "not_started");
    assert_eq!(form.was["broadband_pct"], "80");
    assert!(html.contains("43 of 43 criteria answered"));
    assert!(html.contains("start from your assessment of"));
    assert!(html.contains("enctype=\"multipart/form-data\""));
}

#[tokio::test]
async fn a_draft_is_saved_resumed_and_submitted_once_complete() {
    let app = TestApp::spawn().await;
    city_with_people(&app, "dayton", &["bo@dayton.example"]);
    let browser = app.sign_in("bo@dayton.example").await;
    let (html, form) = open(&app, &browser, "dayton").await;
    assert!(html.contains("first self-assessment"));

    let path = "/cities/dayton/assessment";
    let changes = [("DM1", "met"), ("DM1_evidence", "Board minutes, 2026")];
    let saved = send(&app, &browser, path, &form.post("save:DM", &changes)).await;
    assert_eq!(saved.status(), 303);
    let location = saved.headers()["location"].to_str().unwrap();
    assert!(location.ends_with("#area-DM"), "{location}");

    let (html, form) = open(&app, &browser, "dayton").await;
    assert_eq!(form.was["DM1"], "met");
    assert_eq!(form.was["DM1_evidence"], "Board minutes, 2026");
    assert!(html.contains("1 of 43 criteria answered"));
    assert!(html.contains("Draft last saved"));
    assert!(html.contains(" by bo."), "names who saved it");

    // Submitting an incomplete draft lists every missing criterion, stores
    // nothing, and still keeps what was just changed.
    let incomplete = send(
        &app,
        &browser,
        path,
        &form.post("submit", &[("DM2", "in_progress")]),
    )
    .await;
    assert_eq!(incomplete.status(), 422);
    let page = incomplete.text().await.unwrap();
    assert!(page.contains("href=\"#DM3\""));
    assert!(!page.contains("href=\"#DM1\""));
    // Each in the summary at the top and again at its field.
    assert_eq!(page.matches("has no answer").count(), 2 * 41);
    assert_eq!(count_assessments(&app), 0);

    let (_, form) = open(&app, &browser, "dayton").await;
    assert_eq!(form.was["DM2"], "in_progress");
    let rest = all_met();
    let changes: Vec<(&str, &str)> = rest
        .iter()
        .skip(2)
        .map(|(c, s)| (c.as_str(), s.as_str()))
        .collect();
    let done = send(&app, &browser, path, &form.post("submit", &changes)).await;
    assert_eq!(done.status(), 303);
    assert_eq!(done.headers()["location"], "/cities/dayton/roadmap");
    assert_eq!(count_assessments(&app), 1);
    let evidence: Option<String> = assessment_answers::table
        .filter(assessment_answers::criterion.eq("DM1"))
        .select(assessment_answers::evidence)
        .first(&mut app.conn())
        .unwrap();
    assert_eq!(evidence.as_deref(), Some("Board minutes, 2026"));
    let drafts: i64 = assessment_drafts::table
        .count()
        .get_result(&mut app.conn())
        .unwrap();
    assert_eq!(drafts, 0, "the submitted draft is gone");

    let roadmap = app.page_text(&browser, "/cities/dayton/roadmap").await;
    assert!(
        roadmap.contains("42 of 43"),
        "DM2 stayed in progress: {roadmap}"
    );
}

#[tokio::test]
async fn two_colleagues_editing_one_draft_keep_each_other_s_answers() {
    let app = TestApp::spawn().await;
    city_with_people(&app, "erie", &["ana@erie.example", "bo@erie.example"]);
    let ana = app.sign_in("ana@erie.example").await;
    let bo = app.sign_in("bo@erie.example").await;
    let path = "/cities/erie/assessment";

    // Both open the same (empty) draft, then each answers different criteria.
    let (_, ana_form) = open(&app, &ana, "erie").await;
    let (_, bo_form) = open(&app, &bo, "erie").await;
    let ana_saved = send(&app, &ana, path, &ana_form.post("save", &[("DM1", "met")])).await;
    assert_eq!(ana_saved.status(), 303);
    let bo_saved = send(
        &app,
        &bo,
        path,
        &bo_form.post("save", &[("DM2", "in_progress")]),
    )
    .await;
    assert_eq!(bo_saved.status(), 303);
    let location = bo_saved.headers()["location"].to_str().unwrap();
    assert!(
        location.contains("overwritten=&") || location.ends_with("overwritten="),
        "{location}"
    );

    let (_, now) = open(&app, &ana, "erie").await;
    assert_eq!(now.was["DM1"], "met");
    assert_eq!(now.was["DM2"], "in_progress");

    // Who changed what is kept per field.
    let by: Vec<(String, Option<i32>)> = assessment_draft_fields::table
        .select((
            assessment_draft_fields::name,
            assessment_draft_fields::updated_by,
        ))
        .order(assessment_draft_fields::name)
        .load(&mut app.conn())
        .unwrap();
    assert_eq!(by.len(), 2);
    assert_ne!(by[0].1, by[1].1);

    // Both change the same field: the later save wins and says so.
    let (_, ana_form) = open(&app, &ana, "erie").await;
    let (_, bo_form) = open(&app, &bo, "erie").await;
    send(&app, &ana, path, &ana_form.post("save", &[("DM3", "met")])).await;
    let second = send(
        &app,
        &bo,
        path,
        &bo_form.post("save", &[("DM3", "not_started")]),
    )
    .await;
    let location = second.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.contains("overwritten=DM3"), "{location}");
    let page = app.page_text(&bo, &location).await;
    assert!(page.contains("your answers replaced theirs: DM3"));
    let (_, now) = open(&app, &ana, "erie").await;
    assert_eq!(now.was["DM3"], "not_started");
    assert_eq!(now.was["DM1"], "met");
}

#[tokio::test]
async fn problems_link_to_their_fields_in_the_person_s_language() {
    let app = TestApp::spawn().await;
    city_with_people(&app, "fresno", &["ana@fresno.example"]);
    let browser = app.sign_in("ana@fresno.example").await;
    let (_, form) = open(&app, &browser, "fresno").await;
    let mut changes: Vec<(String, String)> = all_met();
    changes.push(("DM2_evidence_url".into(), "not a link".into()));
    changes.push(("broadband_pct".into(), "140".into()));
    changes.push(("priority_sdg".into(), "11".into()));
    let changes: Vec<(&str, &str)> = changes
        .iter()
        .map(|(c, s)| (c.as_str(), s.as_str()))
        .collect();
    let response = send(
        &app,
        &browser,
        "/cities/fresno/assessment?lang=es",
        &form.post("submit", &changes),
    )
    .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    for field in ["DM2_evidence_url", "broadband_pct", "priority_indicator"] {
        assert!(page.contains(&format!("href=\"#{field}\"")), "{field}");
        assert!(page.contains(&format!("id=\"{field}\"")), "{field}");
    }
    assert!(page.contains("el enlace de evidencia"), "Spanish messages");
    assert!(page.contains("aria-invalid=\"true\""));
    assert_eq!(count_assessments(&app), 0);
}

#[tokio::test]
async fn a_save_without_the_csrf_token_is_refused_and_writes_nothing() {
    let app = TestApp::spawn().await;
    city_with_people(&app, "gary", &["ana@gary.example"]);
    let browser = app.sign_in("ana@gary.example").await;
    let (_, form) = open(&app, &browser, "gary").await;
    let mut pairs = form.post("save", &[("DM1", "met")]);
    pairs[0].1 = "forged".into();
    let response = send(&app, &browser, "/cities/gary/assessment", &pairs).await;
    assert_eq!(response.status(), 403);
    let fields: i64 = assessment_draft_fields::table
        .count()
        .get_result(&mut app.conn())
        .unwrap();
    assert_eq!(fields, 0);
}

fn csv_of(statuses: &[(String, &str)]) -> String {
    let mut text = "code,status,evidence\n".to_owned();
    for (code, status) in statuses {
        text.push_str(&format!("{code},{status},\n"));
    }
    text.push_str("broadband_pct,81.5,\n");
    text
}

async fn upload(
    app: &TestApp,
    browser: &reqwest::Client,
    csrf: &str,
    file: Option<String>,
) -> reqwest::Response {
    let mut form = reqwest::multipart::Form::new().text("csrf", csrf.to_owned());
    if let Some(file) = file {
        let part = reqwest::multipart::Part::text(file)
            .file_name("assessment.csv")
            .mime_str("text/csv")
            .unwrap();
        form = form.part("file", part);
    }
    browser
        .post(app.url("/cities/hilo/assessment/upload"))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_csv_upload_is_checked_whole_and_submitted() {
    let app = TestApp::spawn().await;
    city_with_people(&app, "hilo", &["ana@hilo.example"]);
    let browser = app.sign_in("ana@hilo.example").await;
    let (_, form) = open(&app, &browser, "hilo").await;
    let codes = criterion_codes();
    let mut rows: Vec<(String, &str)> = codes.iter().map(|c| (c.clone(), "met")).collect();

    rows[2].1 = "done";
    let bad = upload(&app, &browser, &form.csrf, Some(csv_of(&rows[..42]))).await;
    assert_eq!(bad.status(), 422);
    let page = bad.text().await.unwrap();
    assert!(page.contains("Line 4, column “status”"), "{page}");
    assert!(page.contains(&format!("{} has no answer", codes[42])));
    assert!(page.contains("href=\"#csv\""));
    assert_eq!(count_assessments(&app), 0);

    let missing = upload(&app, &browser, &form.csrf, None).await;
    assert_eq!(missing.status(), 422);
    assert!(missing.text().await.unwrap().contains("Choose a CSV file"));

    let forged = upload(&app, &browser, "forged", Some(csv_of(&rows))).await;
    assert_eq!(forged.status(), 403);
    assert_eq!(count_assessments(&app), 0);

    rows[2].1 = "in_progress";
    let good = upload(&app, &browser, &form.csrf, Some(csv_of(&rows))).await;
    assert_eq!(good.status(), 303);
    assert_eq!(good.headers()["location"], "/cities/hilo/roadmap");
    assert_eq!(count_assessments(&app), 1);
}

#[tokio::test]
async fn another_city_s_people_cannot_read_or_write_the_draft() {
    let app = TestApp::spawn().await;
    city_with_people(&app, "ithaca", &["ana@ithaca.example"]);
    city_with_people(&app, "joliet", &["eve@joliet.example"]);
    let ana = app.sign_in("ana@ithaca.example").await;
    let (_, form) = open(&app, &ana, "ithaca").await;
    send(
        &app,
        &ana,
        "/cities/ithaca/assessment",
        &form.post("save", &[("DM1_evidence", "Confidential minutes")]),
    )
    .await;

    let eve = app.sign_in("eve@joliet.example").await;
    let response = eve
        .get(app.url("/cities/ithaca/assessment"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert!(!response.text().await.unwrap().contains("Confidential"));
    let (_, eve_form) = open(&app, &eve, "joliet").await;
    let mut pairs = eve_form.post("save", &[("DM1", "met")]);
    pairs[0].1 = eve_form.csrf.clone();
    let response = send(&app, &eve, "/cities/ithaca/assessment", &pairs).await;
    assert_eq!(response.status(), 403);
    let fields: i64 = assessment_draft_fields::table
        .count()
        .get_result(&mut app.conn())
        .unwrap();
    assert_eq!(fields, 1, "only Ana's note");
}
