//! Weekly digests and immediate notices, end to end: `delivery` (a real SMTP
//! round trip, each person at their own hour across a daylight-saving change,
//! exactly once through crashes, reruns, two instances, a mail server that was
//! down and one that refuses) and `content` (one-click unsubscribe, nothing
//! empty or private sent, the preview, immediate notices). Here: the town they
//! all start from, and helpers.

mod content;
mod delivery;

use chrono::{DateTime, Datelike, NaiveDateTime, Utc};
use diesel::prelude::*;
use peerhall::digest::{Digests, Report};
use peerhall::schema::{notifications, threads, users};
use serde_json::{Value, json};

use crate::helpers::{TestApp, criterion_codes, full_assessment};

pub const ASKER: &str = "asker@north.gov";
pub const ANSWERER: &str = "answerer@south.gov";

/// Cities `north` and `south` that met `met` criteria each (the first of
/// them included), and a member of each with a token.
pub struct Town {
    pub app: TestApp,
    pub asker: String,
    pub answerer: String,
}

pub async fn town(
    adjust: impl FnOnce(&mut peerhall::config::Settings),
    met: (usize, usize),
) -> Town {
    let app = TestApp::spawn_with(adjust).await;
    for (slug, email, n) in [("north", ASKER, met.0), ("south", ANSWERER, met.1)] {
        app.create_city(slug);
        app.create_user(email, "member", Some(slug));
        let token = app.token_for(email);
        let response = app
            .client
            .post(app.url(&format!("/api/v1/cities/{slug}/assessments")))
            .bearer_auth(&token)
            .json(&full_assessment(n))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 201);
    }
    Town {
        asker: app.token_for(ASKER),
        answerer: app.token_for(ANSWERER),
        app,
    }
}

/// The tag of the first criterion, which both cities meet.
pub fn met_tag() -> String {
    criterion_codes()[0].to_lowercase()
}

impl Town {
    pub async fn send(&self, token: &str, path: &str, body: Value) -> Value {
        let (status, body) = self.app.send_json("POST", token, path, body).await;
        assert_eq!(status, 201, "{body}");
        body
    }

    /// The asker's question that the answerer answers, and the asker's
    /// question nobody has answered yet.
    pub async fn a_week_of_forum(&self, suffix: &str) -> (i64, i64) {
        let tag = met_tag();
        let asked = json!({"category": "dm", "kind": "question", "tags": [tag],
            "title": format!("How do you run a data committee {suffix}?"), "body": "Tell us."});
        let answered = self.send(&self.asker, "/api/v1/threads", asked).await["id"]
            .as_i64()
            .unwrap();
        let reply = json!({"body": "We meet monthly."});
        self.send(
            &self.answerer,
            &format!("/api/v1/threads/{answered}/posts"),
            reply,
        )
        .await;
        let open = json!({"category": "dm", "kind": "question", "tags": [tag],
            "title": format!("Who owns your open data portal {suffix}?"), "body": "Asking for a friend."});
        let open = self.send(&self.asker, "/api/v1/threads", open).await["id"]
            .as_i64()
            .unwrap();
        (answered, open)
    }

    /// Both people want their digest today (UTC), from midnight on.
    pub async fn due_today(&self) {
        for token in [&self.asker, &self.answerer] {
            due_today(&self.app, token).await;
        }
    }
}

/// Whether the asker's digest is on, as the API says.
pub async fn digest_on(t: &Town) -> Value {
    let response = t.app.get_as(&t.asker, "/api/v1/me/preferences").await;
    response.json::<Value>().await.unwrap()["digest"].clone()
}

/// The person with `token` wants their digest today (UTC), from midnight on.
pub async fn due_today(app: &TestApp, token: &str) {
    let today = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        [Utc::now().weekday().num_days_from_monday() as usize];
    let body = json!({"digest_day": today, "digest_hour": 0, "time_zone": "UTC"});
    let (status, _) = app
        .send_json("PATCH", token, "/api/v1/me/preferences", body)
        .await;
    assert_eq!(status, 200);
}

pub async fn pass(app: &TestApp, at: DateTime<Utc>) -> Report {
    let digests = Digests::of(&app.state);
    tokio::task::spawn_blocking(move || digests.pass(at))
        .await
        .unwrap()
        .unwrap()
}

pub fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

/// Moves everything written after `to` back to `to`, so that a pass at a
/// pretended time finds it in its week.
pub fn backdate(app: &TestApp, to: NaiveDateTime) {
    let mut conn = app.conn();
    diesel::update(notifications::table.filter(notifications::created_at.gt(to)))
        .set(notifications::created_at.eq(to))
        .execute(&mut conn)
        .unwrap();
    diesel::update(threads::table.filter(threads::created_at.gt(to)))
        .set(threads::created_at.eq(to))
        .execute(&mut conn)
        .unwrap();
}

pub fn recipients(app: &TestApp) -> Vec<String> {
    let captured = app.state.mailer.captured().unwrap();
    let mails = captured.lock().unwrap();
    mails
        .iter()
        .map(|m| m.envelope().to()[0].to_string())
        .collect()
}

pub fn raw_mails(app: &TestApp) -> Vec<Vec<u8>> {
    let captured = app.state.mailer.captured().unwrap();
    let mails = captured.lock().unwrap();
    mails.iter().map(|m| m.formatted()).collect()
}

/// The `href`s of an HTML part.
pub fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|href| href.replace("&amp;", "&"))
        .collect()
}

pub fn user_id(app: &TestApp, email: &str) -> i32 {
    users::table
        .filter(users::email.eq(email))
        .select(users::id)
        .first(&mut app.conn())
        .unwrap()
}
