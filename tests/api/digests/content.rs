//! What reaches people and how they stop it: one-click unsubscribe, no empty
//! or private digests, the preview page and immediate notices.

use chrono::{Duration, Utc};
use diesel::prelude::*;
use mail_parser::MessageParser;
use peerhall::schema::{digest_ledger, notifications};
use serde_json::json;

use super::*;

#[tokio::test]
async fn one_click_post_unsubscribes_and_a_get_only_asks() {
    let t = town(|_| {}, (3, 3)).await;
    t.a_week_of_forum("").await;
    t.due_today().await;
    assert_eq!(pass(&t.app, Utc::now()).await.sent, 2);
    let mail = raw_mails(&t.app)
        .into_iter()
        .find(|raw| String::from_utf8_lossy(raw).contains(&format!("To: {ASKER}")))
        .unwrap();
    let mail = MessageParser::default().parse(&mail).unwrap();
    let link = mail
        .header_raw("List-Unsubscribe")
        .unwrap()
        .trim()
        .trim_matches(['<', '>'])
        .to_owned();
    let path = link
        .strip_prefix("http://127.0.0.1:8080")
        .unwrap()
        .to_owned();

    let asked = t.app.get(&path).await;
    assert_eq!(asked.status(), 200);
    let page = asked.text().await.unwrap();
    assert!(page.contains("<form method=\"post\""), "{page}");
    assert!(page.contains(ASKER));
    assert_eq!(
        digest_on(&t).await,
        true,
        "a link scanner's GET changes nothing"
    );

    let forged = path.replace(
        &format!("/{}.", user_id(&t.app, ASKER)),
        &format!("/{}.", user_id(&t.app, ANSWERER)),
    );
    for forged in [forged, "/unsubscribe/nonsense".to_owned()] {
        assert_eq!(t.app.get(&forged).await.status(), 404);
        let post = t.app.client.post(t.app.url(&forged)).send().await.unwrap();
        assert_eq!(post.status(), 404);
    }
    assert_eq!(digest_on(&t).await, true);

    let one_click = t
        .app
        .client
        .post(t.app.url(&path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(one_click.status(), 200);
    assert_eq!(digest_on(&t).await, false);
    assert_eq!(pass(&t.app, Utc::now() + Duration::days(7)).await.due, 1);
}

#[tokio::test]
async fn nothing_is_sent_when_there_is_nothing_to_say_or_only_what_the_reader_may_not_see() {
    let t = town(|_| {}, (3, 3)).await;
    t.due_today().await;
    // A question in North's private space, tagged with a criterion South meets too.
    let private = json!({"category": "city:north", "kind": "question", "tags": [met_tag()],
        "title": "Our private budget question", "body": "Between us."});
    t.send(&t.asker, "/api/v1/threads", private).await;
    t.app
        .create_user("neighbour@north.gov", "member", Some("north"));
    due_today(&t.app, &t.app.token_for("neighbour@north.gov")).await;

    let report = pass(&t.app, Utc::now()).await;
    assert_eq!(
        (report.due, report.sent, report.empty),
        (3, 1, 2),
        "{report}"
    );
    assert_eq!(recipients(&t.app), ["neighbour@north.gov"]);
    let mail = String::from_utf8_lossy(&raw_mails(&t.app)[0]).into_owned();
    assert!(
        mail.contains("Our private budget question"),
        "North's own people see it"
    );
    let statuses: Vec<String> = digest_ledger::table
        .order(digest_ledger::user_id)
        .select(digest_ledger::status)
        .load(&mut t.app.conn())
        .unwrap();
    assert_eq!(statuses, ["empty", "empty", "sent"]);
}

#[tokio::test]
async fn the_preview_shows_the_next_digest_and_writes_nothing() {
    let t = town(|_| {}, (3, 3)).await;
    let empty = t.app.get_as(&t.asker, "/profile/digest?lang=es").await;
    assert_eq!(empty.status(), 200);
    let empty = empty.text().await.unwrap();
    assert!(empty.contains("Aún no hay nada que contar"), "{empty}");
    assert!(
        empty.contains("Se envía cada lunes a las 08:00 (America/Chicago)"),
        "{empty}"
    );

    let (answered, _) = t.a_week_of_forum("").await;
    let page = t
        .app
        .get_as(&t.asker, "/profile/digest")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("<h2>Answers to your questions</h2>"),
        "{page}"
    );
    assert!(
        page.contains(&format!("href=\"/forum/threads/{answered}\"")),
        "{page}"
    );
    crate::helpers::assert_no_script(&page);
    let rows: i64 = digest_ledger::table
        .count()
        .get_result(&mut t.app.conn())
        .unwrap();
    assert_eq!(rows, 0);
}

#[tokio::test]
async fn immediate_notices_come_at_most_every_fifteen_minutes_and_only_for_what_is_unread() {
    let t = town(|_| {}, (3, 3)).await;
    let (answered, _) = t.a_week_of_forum("").await;
    let digests = Digests::of(&t.app.state);
    let notices = |minutes: i64| {
        let digests = digests.clone();
        let at = Utc::now() + Duration::minutes(minutes);
        async move {
            tokio::task::spawn_blocking(move || digests.notices(at))
                .await
                .unwrap()
                .unwrap()
                .sent
        }
    };
    let path = format!("/api/v1/threads/{answered}/posts");
    let reply = |body: &'static str| {
        let (t, path) = (&t, &path);
        async move { t.send(&t.answerer, path, json!({ "body": body })).await }
    };
    assert_eq!(notices(1).await, 1);
    let first = MessageParser::default()
        .parse(&raw_mails(&t.app)[0])
        .unwrap()
        .subject()
        .unwrap()
        .to_owned();
    assert_eq!(
        first,
        "answerer replied in “How do you run a data committee ?”"
    );

    reply("A second thought.").await;
    assert_eq!(notices(2).await, 0, "within 15 minutes of the last one");
    assert_eq!(notices(17).await, 1);
    let raw = &raw_mails(&t.app)[1];
    let second = MessageParser::default().parse(raw).unwrap();
    let text = second.body_text(0).unwrap();
    assert_eq!(
        text.matches("answerer replied in").count(),
        1,
        "only the new reply: {text}"
    );
    assert_eq!(notices(40).await, 0, "nothing new");

    reply("Read in the app first.").await;
    diesel::update(notifications::table)
        .set(notifications::read_at.eq(Some(Utc::now().naive_utc())))
        .execute(&mut t.app.conn())
        .unwrap();
    assert_eq!(notices(60).await, 0, "read already");

    let off = json!({"notify_immediately": false});
    assert_eq!(
        t.app
            .send_json("PATCH", &t.asker, "/api/v1/me/preferences", off)
            .await
            .0,
        200
    );
    reply("Nobody is told by mail.").await;
    assert_eq!(notices(80).await, 0);
    assert_eq!(recipients(&t.app), [ASKER, ASKER]);
}
