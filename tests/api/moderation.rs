//! Changing what is there: authors edit and delete their posts; moderators
//! hide and restore, lock and move, work through flags; every change is in
//! the moderation log and, where search cares, the outbox.

use diesel::prelude::*;
use peerhall::schema::{moderation_log, search_outbox};
use serde_json::{Value, json};

use crate::helpers::ForumPeople;

/// The forum's cast, with this file's requests on top.
struct People(ForumPeople);

impl std::ops::Deref for People {
    type Target = ForumPeople;
    fn deref(&self) -> &ForumPeople {
        &self.0
    }
}

async fn people() -> People {
    People(ForumPeople::spawn().await)
}

impl People {
    async fn send(&self, method: &str, token: &str, path: &str, body: Value) -> (u16, Value) {
        self.app.send_json(method, token, path, body).await
    }

    /// A question by the asker with one reply by the answerer: (thread, opening post, reply).
    async fn question_and_answer(&self) -> (i64, i64, i64) {
        let (status, created) = self
            .send("POST", &self.asker, "/api/v1/threads", json!({"category": "general", "title": "Open data policy?", "body": "Do you have one?"}))
            .await;
        assert_eq!(status, 201);
        let (thread, opening) = (
            created["id"].as_i64().unwrap(),
            created["post_id"].as_i64().unwrap(),
        );
        let (status, reply) = self
            .send(
                "POST",
                &self.answerer,
                &format!("/api/v1/threads/{thread}/posts"),
                json!({"body": "Ours is from 2017."}),
            )
            .await;
        assert_eq!(status, 201);
        (thread, opening, reply["id"].as_i64().unwrap())
    }

    fn log(&self) -> Vec<String> {
        moderation_log::table
            .order(moderation_log::id)
            .select(moderation_log::action)
            .load(&mut self.app.conn())
            .unwrap()
    }

    fn outbox(&self, thread: i64) -> Vec<String> {
        search_outbox::table
            .filter(search_outbox::thread_id.eq(thread as i32))
            .order(search_outbox::id)
            .select(search_outbox::change)
            .load(&mut self.app.conn())
            .unwrap()
    }
}

#[tokio::test]
async fn a_flagged_reply_is_hidden_from_everyone_but_moderators_then_restored() {
    let p = people().await;
    let (thread, _, reply) = p.question_and_answer().await;
    let flag = p
        .send(
            "POST",
            &p.asker,
            &format!("/api/v1/posts/{reply}/flag"),
            json!({"reason": "off_topic"}),
        )
        .await;
    assert_eq!(flag.0, 201);
    assert_eq!(
        p.send("GET", &p.asker, "/api/v1/moderation/flags", json!({}))
            .await
            .0,
        403
    );
    let (_, queue) = p
        .send("GET", &p.moderator, "/api/v1/moderation/flags", json!({}))
        .await;
    assert_eq!(queue["flagged"][0]["post_id"], reply);
    assert_eq!(queue["flagged"][0]["reasons"], json!(["off_topic"]));

    assert_eq!(
        p.send(
            "POST",
            &p.asker,
            &format!("/api/v1/posts/{reply}/hide"),
            json!({})
        )
        .await
        .0,
        403
    );
    assert_eq!(
        p.send(
            "POST",
            &p.moderator,
            &format!("/api/v1/posts/{reply}/hide"),
            json!({})
        )
        .await
        .0,
        200
    );
    let (_, seen) = p
        .send(
            "GET",
            &p.asker,
            &format!("/api/v1/threads/{thread}"),
            json!({}),
        )
        .await;
    assert_eq!(
        seen["posts"].as_array().unwrap().len(),
        1,
        "hidden from readers"
    );
    assert_eq!(seen["reply_count"], 0);
    let (_, unanswered) = p
        .send(
            "GET",
            &p.asker,
            "/api/v1/threads?view=unanswered",
            json!({}),
        )
        .await;
    assert_eq!(unanswered["threads"][0]["id"], thread, "unanswered again");
    assert_eq!(
        p.send(
            "POST",
            &p.asker,
            &format!("/api/v1/posts/{reply}/vote"),
            json!({})
        )
        .await
        .0,
        404
    );
    let (_, seen) = p
        .send(
            "GET",
            &p.moderator,
            &format!("/api/v1/threads/{thread}"),
            json!({}),
        )
        .await;
    assert_eq!(
        seen["posts"].as_array().unwrap().len(),
        2,
        "moderators still see it"
    );
    let (_, queue) = p
        .send("GET", &p.moderator, "/api/v1/moderation/flags", json!({}))
        .await;
    assert_eq!(queue["flagged"], json!([]), "its flag was resolved");

    assert_eq!(
        p.send(
            "POST",
            &p.moderator,
            &format!("/api/v1/posts/{reply}/restore"),
            json!({})
        )
        .await
        .0,
        200
    );
    let (_, seen) = p
        .send(
            "GET",
            &p.asker,
            &format!("/api/v1/threads/{thread}"),
            json!({}),
        )
        .await;
    assert_eq!(seen["reply_count"], 1);
    assert_eq!(p.log(), ["post.hide", "post.restore"]);
    assert_eq!(
        p.outbox(thread),
        [
            "thread.created",
            "post.created",
            "post.hidden",
            "post.restored"
        ]
    );
}

#[tokio::test]
async fn hiding_a_question_hides_its_thread_everywhere() {
    let p = people().await;
    let (thread, opening, _) = p.question_and_answer().await;
    p.send(
        "POST",
        &p.moderator,
        &format!("/api/v1/posts/{opening}/hide"),
        json!({}),
    )
    .await;
    assert_eq!(
        p.send(
            "GET",
            &p.answerer,
            &format!("/api/v1/threads/{thread}"),
            json!({})
        )
        .await
        .0,
        404
    );
    let (_, latest) = p
        .send("GET", &p.answerer, "/api/v1/threads", json!({}))
        .await;
    assert_eq!(latest["threads"], json!([]));
    let browser = p.app.sign_in("answerer@south.gov").await;
    let page = browser
        .get(p.app.url(&format!("/forum/threads/{thread}")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 404);
    assert_eq!(
        p.send(
            "GET",
            &p.moderator,
            &format!("/api/v1/threads/{thread}"),
            json!({})
        )
        .await
        .0,
        200
    );
}

#[tokio::test]
async fn a_locked_thread_takes_replies_only_from_moderators_and_a_moved_one_changes_category() {
    let p = people().await;
    let (thread, _, _) = p.question_and_answer().await;
    let lock = format!("/api/v1/threads/{thread}/lock");
    assert_eq!(p.send("POST", &p.asker, &lock, json!({})).await.0, 403);
    assert_eq!(p.send("POST", &p.moderator, &lock, json!({})).await.0, 204);
    let replies = format!("/api/v1/threads/{thread}/posts");
    assert_eq!(
        p.send("POST", &p.asker, &replies, json!({"body": "Hello?"}))
            .await
            .0,
        409
    );
    assert_eq!(
        p.send(
            "POST",
            &p.moderator,
            &replies,
            json!({"body": "Closing this."})
        )
        .await
        .0,
        201
    );
    assert_eq!(
        p.send("DELETE", &p.moderator, &lock, json!({})).await.0,
        204
    );
    assert_eq!(
        p.send("POST", &p.asker, &replies, json!({"body": "Thanks"}))
            .await
            .0,
        201
    );

    let moved = format!("/api/v1/threads/{thread}/move");
    assert_eq!(
        p.send("POST", &p.moderator, &moved, json!({"category": "od"}))
            .await
            .0,
        204
    );
    let (_, seen) = p
        .send(
            "GET",
            &p.asker,
            &format!("/api/v1/threads/{thread}"),
            json!({}),
        )
        .await;
    assert_eq!(seen["category"], "od");
    assert_eq!(
        p.send(
            "POST",
            &p.moderator,
            &moved,
            json!({"category": "city:north"})
        )
        .await
        .0,
        404,
        "not into a space they cannot read"
    );
    assert_eq!(
        p.send("POST", &p.moderator, &moved, json!({"category": "nowhere"}))
            .await
            .0,
        422
    );
    assert_eq!(p.log(), ["thread.lock", "thread.unlock", "thread.move"]);
    assert!(p.outbox(thread).contains(&"thread.moved".to_owned()));
}

#[tokio::test]
async fn authors_edit_and_delete_their_own_posts_and_moderators_see_the_history() {
    let p = people().await;
    let (thread, opening, reply) = p.question_and_answer().await;
    let edit = format!("/api/v1/posts/{opening}");
    let (status, _) = p
        .send("PATCH", &p.answerer, &edit, json!({"body": "Mine now"}))
        .await;
    assert_eq!(status, 403, "not someone else's post");
    let (status, _) = p.send("PATCH", &p.asker, &edit, json!({"body": "Do you have an **open data** policy?", "title": "Open data policy: who has one?"})).await;
    assert_eq!(status, 200);
    let (_, seen) = p
        .send(
            "GET",
            &p.answerer,
            &format!("/api/v1/threads/{thread}"),
            json!({}),
        )
        .await;
    assert_eq!(seen["title"], "Open data policy: who has one?");
    assert!(
        seen["posts"][0]["html"]
            .as_str()
            .unwrap()
            .contains("<strong>open data</strong>")
    );
    assert!(seen["posts"][0]["edited_at"].is_string());
    let (status, bad) = p
        .send(
            "PATCH",
            &p.answerer,
            &format!("/api/v1/posts/{reply}"),
            json!({"body": " ", "title": "A title"}),
        )
        .await;
    assert_eq!(status, 422);
    assert!(
        bad["fields"]["body"].is_string() && bad["fields"]["title"].is_string(),
        "{bad}"
    );

    let history = format!("/api/v1/posts/{opening}/revisions");
    assert_eq!(p.send("GET", &p.asker, &history, json!({})).await.0, 403);
    let (_, versions) = p.send("GET", &p.moderator, &history, json!({})).await;
    assert_eq!(versions[0]["title"], "Open data policy?");
    assert_eq!(versions[0]["body"], "Do you have one?");

    assert_eq!(
        p.send(
            "DELETE",
            &p.asker,
            &format!("/api/v1/posts/{reply}"),
            json!({})
        )
        .await
        .0,
        403
    );
    assert_eq!(
        p.send(
            "DELETE",
            &p.answerer,
            &format!("/api/v1/posts/{reply}"),
            json!({})
        )
        .await
        .0,
        204
    );
    let (_, seen) = p
        .send(
            "GET",
            &p.moderator,
            &format!("/api/v1/threads/{thread}"),
            json!({}),
        )
        .await;
    assert_eq!(seen["reply_count"], 0);
    assert_eq!(
        seen["posts"].as_array().unwrap().len(),
        1,
        "deleted is gone even for moderators"
    );
    assert_eq!(
        p.outbox(thread),
        [
            "thread.created",
            "post.created",
            "post.edited",
            "post.deleted"
        ]
    );
    assert!(
        p.log().is_empty(),
        "authors' own changes are not moderation"
    );
}

#[tokio::test]
async fn in_a_browser_a_moderator_works_through_the_flag_queue() {
    let p = people().await;
    let (thread, _, reply) = p.question_and_answer().await;
    p.send(
        "POST",
        &p.asker,
        &format!("/api/v1/posts/{reply}/flag"),
        json!({"reason": "spam"}),
    )
    .await;
    let moderator = p.app.sign_in("mod@program.org").await;
    let queue = p.app.page_text(&moderator, "/forum/moderation").await;
    assert!(queue.contains("Ours is from 2017."), "{queue}");
    let csrf = crate::helpers::csrf_of(&queue);
    let hidden = p
        .app
        .post_form(
            &moderator,
            &format!("/forum/posts/{reply}/hide"),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(hidden.status(), 303);
    let page = p
        .app
        .page_text(&moderator, &format!("/forum/threads/{thread}"))
        .await;
    assert!(page.contains("Hidden by a moderator"));
    let queue = p.app.page_text(&moderator, "/forum/moderation").await;
    assert!(queue.contains("No flags to review."));
    let member = p.app.sign_in("answerer@south.gov").await;
    let page = p
        .app
        .page_text(&member, &format!("/forum/threads/{thread}"))
        .await;
    assert!(!page.contains("Ours is from 2017."), "hidden from readers");
    let refused = p
        .app
        .post_form(
            &member,
            &format!("/forum/posts/{reply}/restore"),
            &[("csrf", &crate::helpers::csrf_of(&page))],
        )
        .await;
    assert_eq!(refused.status(), 403);
}
