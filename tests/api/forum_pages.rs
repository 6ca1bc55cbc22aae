//! The forum's management pages in a browser: editing with history, moving a
//! thread, the moderation log (page and API, private spaces for program staff
//! only), watching a category or tag, and notifications that leave the list
//! when what they point at is hidden.

use diesel::prelude::*;
use peerhall::schema::{post_revisions, posts, threads, watches};
use serde_json::{Value, json};

use crate::helpers::{ForumPeople, csrf_of};

/// The forum's cast, with this file's requests on top.
struct Site(ForumPeople);

impl std::ops::Deref for Site {
    type Target = ForumPeople;
    fn deref(&self) -> &ForumPeople {
        &self.0
    }
}

async fn site() -> Site {
    Site(ForumPeople::spawn().await)
}

impl Site {
    async fn send(&self, token: &str, path: &str, body: Value) -> (u16, Value) {
        self.app.send_json("POST", token, path, body).await
    }

    /// (thread id, opening post id)
    async fn ask(&self, token: &str, category: &str, title: &str) -> (i64, i64) {
        let body =
            json!({"category": category, "title": title, "body": "First words.", "tags": ["dm1"]});
        let (status, created) = self.send(token, "/api/v1/threads", body).await;
        assert_eq!(status, 201, "{created}");
        (
            created["id"].as_i64().unwrap(),
            created["post_id"].as_i64().unwrap(),
        )
    }

    async fn get_json(&self, token: &str, path: &str) -> (u16, Value) {
        let response = self.app.get_as(token, path).await;
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }
}

#[tokio::test]
async fn in_a_browser_an_author_edits_and_a_moderator_reads_the_earlier_version() {
    let s = site().await;
    let (thread, post) = s.ask(&s.asker, "general", "Budget dashboards").await;
    let author = s.app.sign_in("asker@north.gov").await;
    let page = s
        .app
        .page_text(&author, &format!("/forum/threads/{thread}"))
        .await;
    assert!(
        page.contains(&format!("/forum/posts/{post}/edit")),
        "{page}"
    );
    let form = s
        .app
        .page_text(&author, &format!("/forum/posts/{post}/edit"))
        .await;
    assert!(form.contains("First words."), "{form}");
    assert!(form.contains("value=\"Budget dashboards\""), "{form}");
    let csrf = csrf_of(&form);
    let path = format!("/forum/posts/{post}/edit");
    let empty = s
        .app
        .post_form(
            &author,
            &path,
            &[("csrf", &csrf), ("title", ""), ("body", " ")],
        )
        .await;
    assert_eq!(empty.status(), 422);
    let text = empty.text().await.unwrap();
    assert!(text.contains("This field is required."), "{text}");
    let saved = s
        .app
        .post_form(
            &author,
            &path,
            &[
                ("csrf", &csrf),
                ("title", "Budget dashboards, again"),
                ("body", "Second words."),
            ],
        )
        .await;
    assert_eq!(saved.status(), 303);
    let (title, body): (String, String) = threads::table
        .inner_join(posts::table.on(posts::thread_id.eq(threads::id)))
        .filter(posts::id.eq(post as i32))
        .select((threads::title, posts::body))
        .first(&mut s.app.conn())
        .unwrap();
    assert_eq!(
        (title.as_str(), body.as_str()),
        ("Budget dashboards, again", "Second words.")
    );
    let kept: i64 = post_revisions::table
        .count()
        .get_result(&mut s.app.conn())
        .unwrap();
    assert_eq!(kept, 1);

    let other = s.app.sign_in("answerer@south.gov").await;
    let refused = s.app.get_as(&s.answerer, &path).await;
    assert_eq!(refused.status(), 403, "not another person's post");
    let history = format!("/forum/posts/{post}/revisions");
    let member = other.get(s.app.url(&history)).send().await.unwrap();
    assert_eq!(member.status(), 403, "history is for moderators");
    let moderator = s.app.sign_in("mod@program.org").await;
    let versions = s.app.page_text(&moderator, &history).await;
    assert!(versions.contains("First words."), "{versions}");
    assert!(versions.contains("Budget dashboards"), "{versions}");
}

#[tokio::test]
async fn in_a_browser_a_moderator_moves_a_thread_and_reads_the_log() {
    let s = site().await;
    let (thread, _) = s.ask(&s.asker, "general", "Where does this go?").await;
    let moderator = s.app.sign_in("mod@program.org").await;
    let page = s
        .app
        .page_text(&moderator, &format!("/forum/threads/{thread}"))
        .await;
    assert!(
        page.contains(&format!("/forum/threads/{thread}/move")),
        "{page}"
    );
    let csrf = csrf_of(&page);
    let path = format!("/forum/threads/{thread}/move");
    let moved = s
        .app
        .post_form(&moderator, &path, &[("csrf", &csrf), ("category", "od")])
        .await;
    assert_eq!(moved.status(), 303);
    let category: String = threads::table
        .find(thread as i32)
        .select(threads::category)
        .first(&mut s.app.conn())
        .unwrap();
    assert_eq!(category, "od");
    let member = s.app.sign_in("answerer@south.gov").await;
    let member_page = s
        .app
        .page_text(&member, &format!("/forum/threads/{thread}"))
        .await;
    let refused = s
        .app
        .post_form(
            &member,
            &path,
            &[("csrf", &csrf_of(&member_page)), ("category", "dm")],
        )
        .await;
    assert_eq!(refused.status(), 403);

    let log = s.app.page_text(&moderator, "/forum/moderation/log").await;
    assert!(log.contains("Thread moved"), "{log}");
    assert!(log.contains(&format!("/forum/threads/{thread}")), "{log}");
    let (status, json) = s.get_json(&s.moderator, "/api/v1/moderation/log").await;
    assert_eq!(status, 200);
    assert_eq!(json["lines"][0]["action"], "thread.move", "{json}");
    assert_eq!(json["lines"][0]["thread_id"], thread, "{json}");
    let (status, _) = s.get_json(&s.answerer, "/api/v1/moderation/log").await;
    assert_eq!(status, 403);
    let admin = s.app.sign_in("admin@program.org").await;
    let admin_page = s.app.page_text(&admin, "/admin").await;
    assert!(
        admin_page.contains("/forum/moderation/log"),
        "the admin page leads there"
    );
}

#[tokio::test]
async fn the_moderation_log_shows_private_spaces_only_to_program_staff() {
    let s = site().await;
    let (thread, _) = s.ask(&s.asker, "city:north", "Our own budget").await;
    let (status, _) = s
        .send(
            &s.admin,
            &format!("/api/v1/threads/{thread}/lock"),
            json!({}),
        )
        .await;
    assert_eq!(status, 204);
    let (_, admin) = s.get_json(&s.admin, "/api/v1/moderation/log").await;
    assert_eq!(admin["lines"][0]["action"], "thread.lock", "{admin}");
    let (_, moderator) = s.get_json(&s.moderator, "/api/v1/moderation/log").await;
    assert_eq!(moderator["lines"], json!([]), "{moderator}");
}

#[tokio::test]
async fn a_category_or_tag_is_watched_from_its_page() {
    let s = site().await;
    let browser = s.app.sign_in("answerer@south.gov").await;
    for (page_path, kind, target) in [
        ("/forum/c/dm", "category", "dm"),
        ("/forum/tags/dm1", "tag", "dm1"),
    ] {
        let page = s.app.page_text(&browser, page_path).await;
        let control = format!("name=\"target_kind\" value=\"{kind}\"");
        assert!(page.contains(&control), "{page}");
        let form = [
            ("csrf", csrf_of(&page)),
            ("target_kind", kind.into()),
            ("target", target.into()),
            ("level", "watching".into()),
        ];
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let set = s.app.post_form(&browser, "/forum/watch", &form).await;
        assert_eq!(set.status(), 303);
        assert_eq!(set.headers()["location"], page_path);
        let again = s.app.page_text(&browser, page_path).await;
        assert!(again.contains("value=\"watching\" selected"), "{again}");
    }
    let levels: Vec<(String, String)> = watches::table
        .order(watches::target_kind)
        .select((watches::target_kind, watches::target))
        .load(&mut s.app.conn())
        .unwrap();
    assert_eq!(
        levels,
        [
            ("category".to_owned(), "dm".to_owned()),
            ("tag".to_owned(), "dm1".to_owned())
        ]
    );
    s.ask(&s.asker, "dm", "Who watches the data?").await;
    let list = s.app.page_text(&browser, "/notifications").await;
    assert!(list.contains("Who watches the data?"), "{list}");
}

#[tokio::test]
async fn notifications_about_hidden_posts_leave_the_list() {
    let s = site().await;
    let (thread, _) = s.ask(&s.asker, "general", "Open data portal vendors").await;
    let (status, reply) = s
        .send(
            &s.answerer,
            &format!("/api/v1/threads/{thread}/posts"),
            json!({"body": "Buy nothing; use CKAN."}),
        )
        .await;
    assert_eq!(status, 201);
    let asker = s.app.sign_in("asker@north.gov").await;
    let list = s.app.page_text(&asker, "/notifications").await;
    assert!(list.contains("Open data portal vendors"), "{list}");
    let forum = s.app.page_text(&asker, "/forum").await;
    assert!(forum.contains("Notifications (1)"), "{forum}");
    let (status, _) = s
        .send(
            &s.moderator,
            &format!("/api/v1/posts/{}/hide", reply["id"]),
            json!({}),
        )
        .await;
    assert_eq!(status, 200);
    let list = s.app.page_text(&asker, "/notifications").await;
    assert!(!list.contains("Open data portal vendors"), "{list}");
    let forum = s.app.page_text(&asker, "/forum").await;
    assert!(!forum.contains("Notifications (1)"), "{forum}");
}
