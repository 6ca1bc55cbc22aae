//! Delivery: the SMTP round trip, time zones and daylight saving, and each
//! digest sent exactly once through crashes, reruns, two instances and a
//! mail server that was down or refused.

use chrono::{Datelike, Duration, Utc};
use diesel::prelude::*;
use mail_parser::{MessageParser, MimeHeaders};
use peerhall::digest::ledger;
use peerhall::schema::{digest_ledger, undeliverable_addresses};
use serde_json::json;

use super::*;
use crate::smtp_sink::{Sink, smtp_to};

#[tokio::test]
async fn a_week_of_digests_goes_over_smtp_with_its_parts_headers_and_working_links() {
    let sink = Sink::start(&[]);
    // South reaches Silver (22 of 43): news for North's digest.
    let t = town(|s| smtp_to(s, sink.port), (3, 22)).await;
    let (answered, open) = t.a_week_of_forum("").await;
    t.due_today().await;

    let report = pass(&t.app, Utc::now()).await;
    assert_eq!(
        (report.due, report.sent, report.failed),
        (2, 2, 0),
        "{report}"
    );
    let messages = sink.messages();
    assert_eq!(messages.len(), 2);
    let public_url = "http://127.0.0.1:8080";
    for raw in &messages {
        let mail = MessageParser::default().parse(raw).unwrap();
        let to = mail
            .to()
            .unwrap()
            .first()
            .unwrap()
            .address()
            .unwrap()
            .to_owned();
        let root = mail.root_part().content_type().unwrap();
        assert_eq!(
            (root.ctype(), root.subtype()),
            ("multipart", Some("alternative"))
        );
        let subject = mail.subject().unwrap();
        assert!(subject.starts_with("Your Peerhall week of "), "{subject}");
        assert!(mail.date().is_some());
        let id = mail.message_id().unwrap();
        assert!(
            id.starts_with("digest.") && id.ends_with("@127.0.0.1"),
            "{id}"
        );
        let list_id = mail.header_raw("List-Id").unwrap().trim();
        assert_eq!(list_id, "Peerhall weekly digest <digest.127.0.0.1>");
        let unsubscribe = mail.header_raw("List-Unsubscribe").unwrap().trim();
        assert!(
            unsubscribe.starts_with(&format!("<{public_url}/unsubscribe/")),
            "{unsubscribe}"
        );
        let post = mail.header_raw("List-Unsubscribe-Post").unwrap().trim();
        assert_eq!(post, "List-Unsubscribe=One-Click");
        let text = mail.body_text(0).unwrap().into_owned();
        let html = mail.body_html(0).unwrap().into_owned();
        assert!(
            html.contains("<html lang=\"en\">") && html.contains("<h1"),
            "{html}"
        );

        let token = if to == ASKER { &t.asker } else { &t.answerer };
        if to == ASKER {
            for part in [&text, &html] {
                assert!(part.contains("Answers to your questions"), "{part}");
                assert!(part.contains("How do you run a data committee ?"));
                assert!(part.contains("1 new reply"));
                assert!(part.contains("south reached Silver"), "peers: {part}");
            }
        } else {
            for part in [&text, &html] {
                assert!(part.contains("Questions you could answer"), "{part}");
                assert!(part.contains("Who owns your open data portal ?"));
                assert!(part.contains("south's roadmap"), "{part}");
            }
            let thread = format!("/forum/threads/{open}");
            assert!(html.contains(&thread));
        }
        assert!(text.contains(&format!(
            "/forum/threads/{}",
            if to == ASKER { answered } else { open }
        )));
        for href in links(&html) {
            let path = href
                .strip_prefix(public_url)
                .unwrap_or_else(|| panic!("{href} is not on the site"));
            let status = t.app.get_as(token, path).await.status();
            assert_eq!(status, 200, "{href} in the digest to {to}");
        }
    }

    let again = pass(&t.app, Utc::now() + Duration::minutes(5)).await;
    assert_eq!((again.due, again.opened, again.sent), (2, 0, 0), "{again}");
    assert_eq!(sink.messages().len(), 2, "a rerun sends nothing twice");
}

#[tokio::test]
async fn each_person_gets_theirs_at_their_own_hour_across_a_daylight_saving_change() {
    let t = town(|_| {}, (3, 3)).await;
    for (token, zone) in [
        (&t.asker, "America/Sao_Paulo"),
        (&t.answerer, "America/Vancouver"),
    ] {
        let body = json!({"digest_day": "mon", "digest_hour": 8, "time_zone": zone});
        assert_eq!(
            t.app
                .send_json("PATCH", token, "/api/v1/me/preferences", body)
                .await
                .0,
            200
        );
    }
    t.a_week_of_forum("1").await;
    backdate(&t.app, utc("2026-10-25T12:00:00Z").naive_utc());
    // Monday 26 October: São Paulo is UTC−3, Vancouver still UTC−7.
    let week_one = [
        ("2026-10-26T10:59:00Z", 0),
        ("2026-10-26T11:00:00Z", 1),
        ("2026-10-26T14:59:00Z", 0),
        ("2026-10-26T15:00:00Z", 1),
    ];
    for (at, sent) in week_one {
        assert_eq!(pass(&t.app, utc(at)).await.sent, sent, "at {at}");
    }
    assert_eq!(recipients(&t.app), [ASKER, ANSWERER]);

    t.a_week_of_forum("2").await;
    backdate(&t.app, utc("2026-11-01T12:00:00Z").naive_utc());
    // Monday 2 November: Vancouver has fallen back to UTC−8; São Paulo has no DST.
    let week_two = [
        ("2026-11-02T11:00:00Z", 1),
        ("2026-11-02T15:00:00Z", 0),
        ("2026-11-02T16:00:00Z", 1),
        ("2026-11-02T18:00:00Z", 0),
    ];
    for (at, sent) in week_two {
        assert_eq!(pass(&t.app, utc(at)).await.sent, sent, "at {at}");
    }
    assert_eq!(recipients(&t.app), [ASKER, ANSWERER, ASKER, ANSWERER]);
    let weeks: Vec<String> = digest_ledger::table
        .order((digest_ledger::week, digest_ledger::user_id))
        .select(digest_ledger::week)
        .load(&mut t.app.conn())
        .unwrap();
    assert_eq!(weeks, ["2026-W44", "2026-W44", "2026-W45", "2026-W45"]);
}

#[tokio::test]
async fn a_crash_between_claim_and_send_neither_loses_nor_doubles_the_digest() {
    let t = town(|_| {}, (3, 3)).await;
    t.a_week_of_forum("").await;
    t.due_today().await;
    let now = Utc::now();
    let asker = user_id(&t.app, ASKER);
    let week = peerhall::digest::schedule::Week::of(now.date_naive().iso_week()).key();
    // A pass opened and claimed the asker's row, then died before sending.
    let entry = (asker, week);
    let mut conn = t.app.conn();
    assert!(ledger::open(&mut conn, asker, &entry.1, now.naive_utc()).unwrap());
    assert!(ledger::claim(&mut conn, &entry, now.naive_utc()).unwrap());
    drop(conn);

    let after_restart = pass(&t.app, now + Duration::minutes(1)).await;
    assert_eq!(
        (after_restart.sent, after_restart.busy),
        (1, 0),
        "{after_restart}"
    );
    assert_eq!(
        recipients(&t.app),
        [ANSWERER],
        "the claimed one waits for its lease"
    );
    let lease_over = pass(&t.app, now + ledger::LEASE + Duration::minutes(1)).await;
    assert_eq!(lease_over.sent, 1, "{lease_over}");
    assert_eq!(pass(&t.app, now + Duration::hours(2)).await.sent, 0);
    assert_eq!(recipients(&t.app), [ANSWERER, ASKER]);
}

#[tokio::test]
async fn two_instances_passing_at_once_send_each_digest_once() {
    let t = town(|_| {}, (3, 3)).await;
    t.a_week_of_forum("").await;
    t.due_today().await;
    let other = t.app.spawn_beside().await;
    let now = Utc::now();
    let (a, b) = tokio::join!(pass(&t.app, now), pass(&other, now));
    assert_eq!(a.sent + b.sent, 2, "{a} / {b}");
    let mut all = recipients(&t.app);
    all.extend(recipients(&other));
    all.sort();
    assert_eq!(all, [ANSWERER, ASKER]);
}

#[tokio::test]
async fn with_the_mail_server_down_for_a_pass_everything_arrives_once_when_it_is_back() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let t = town(|s| smtp_to(s, port), (3, 3)).await;
    t.a_week_of_forum("").await;
    t.due_today().await;
    let now = Utc::now();
    let down = pass(&t.app, now).await;
    assert_eq!((down.sent, down.retrying), (0, 2), "{down}");
    let errors: Vec<Option<String>> = digest_ledger::table
        .select(digest_ledger::last_error)
        .load(&mut t.app.conn())
        .unwrap();
    assert!(
        errors.iter().all(Option::is_some),
        "the error is recorded: {errors:?}"
    );

    let sink = Sink::start_on(
        std::net::TcpListener::bind(("127.0.0.1", port)).unwrap(),
        &[],
    );
    let too_soon = pass(&t.app, now + Duration::minutes(1)).await;
    assert_eq!(too_soon.sent, 0, "backing off: {too_soon}");
    let back = pass(&t.app, now + Duration::minutes(3)).await;
    assert_eq!(back.sent, 2, "{back}");
    assert_eq!(pass(&t.app, now + Duration::hours(1)).await.sent, 0);
    assert_eq!(sink.messages().len(), 2);
    let rows: Vec<(String, i32)> = digest_ledger::table
        .select((digest_ledger::status, digest_ledger::attempts))
        .load(&mut t.app.conn())
        .unwrap();
    assert_eq!(rows, [("sent".to_owned(), 2), ("sent".to_owned(), 2)]);
}

#[tokio::test]
async fn a_permanent_refusal_stops_mail_to_that_address_and_says_so_on_the_profile() {
    let sink = Sink::start(&[ANSWERER]);
    let t = town(|s| smtp_to(s, sink.port), (3, 3)).await;
    t.a_week_of_forum("").await;
    t.due_today().await;
    let report = pass(&t.app, Utc::now()).await;
    assert_eq!(
        (report.sent, report.failed, report.retrying),
        (1, 1, 0),
        "{report}"
    );
    let stopped: Vec<String> = undeliverable_addresses::table
        .select(undeliverable_addresses::email)
        .load(&mut t.app.conn())
        .unwrap();
    assert_eq!(stopped, [ANSWERER]);
    let next_week = pass(&t.app, Utc::now() + Duration::days(7)).await;
    assert_eq!(next_week.due, 1, "only the asker is still due: {next_week}");

    let profile = t
        .app
        .get_as(&t.answerer, "/profile")
        .await
        .text()
        .await
        .unwrap();
    assert!(profile.contains("role=\"alert\""), "{profile}");
    assert!(
        profile.contains("Mail to answerer@south.gov could not be delivered"),
        "{profile}"
    );
}
