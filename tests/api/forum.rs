//! The forum through its API and pages: asking, replying, voting, accepting,
//! flagging; private city spaces and announcements; lists with cursors; the
//! new-account limit; notifications and watches; the search outbox.

use diesel::prelude::*;
use peerhall::schema::{notifications, posts, search_outbox, threads, users};
use serde_json::{Value, json};

use crate::helpers::{TestApp, assert_no_script, csrf_of};

/// Cities `north` and `south`, with a member each, and tokens.
struct Forum {
    app: TestApp,
    asker: String,
    answerer: String,
}

async fn forum_with(adjust: impl FnOnce(&mut peerhall::config::Settings)) -> Forum {
    let app = TestApp::spawn_with(adjust).await;
    app.create_city("north");
    app.create_city("south");
    app.create_user("asker@north.gov", "member", Some("north"));
    app.create_user("answerer@south.gov", "member", Some("south"));
    Forum {
        asker: app.token_for("asker@north.gov"),
        answerer: app.token_for("answerer@south.gov"),
        app,
    }
}

impl Forum {
    async fn post(&self, token: &str, path: &str, body: Value) -> reqwest::Response {
        self.app
            .client
            .post(self.app.url(path))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    async fn json(&self, token: &str, path: &str) -> (u16, Value) {
        let response = self.app.get_as(token, path).await;
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    async fn ask(&self, token: &str, thread: Value) -> i64 {
        let response = self.post(token, "/api/v1/threads", thread).await;
        assert_eq!(response.status(), 201);
        response.json::<Value>().await.unwrap()["id"]
            .as_i64()
            .unwrap()
    }

    fn notifications_of(&self, email: &str) -> Vec<String> {
        let mut conn = self.app.conn();
        notifications::table
            .inner_join(users::table.on(users::id.eq(notifications::user_id)))
            .filter(users::email.eq(email))
            .order(notifications::id)
            .select(notifications::kind)
            .load(&mut conn)
            .unwrap()
    }
}

fn question(category: &str, title: &str) -> Value {
    json!({"category": category, "title": title, "body": "How did you do it?", "tags": ["dm1"]})
}

#[tokio::test]
async fn a_question_is_asked_answered_voted_for_and_its_answer_accepted() {
    let f = forum_with(|_| {}).await;
    let body = "We need a **data governance** committee. @answerer, how did South do it?";
    let id = f
        .ask(
            &f.asker,
            json!({"category": "DM", "title": "  Setting up a data committee ", "body": body,
                   "tags": ["DM1", "Data Governance"], "kind": "question"}),
        )
        .await;
    let (status, thread) = f.json(&f.asker, &format!("/api/v1/threads/{id}")).await;
    assert_eq!(status, 200);
    assert_eq!(thread["title"], "Setting up a data committee");
    assert_eq!(thread["category"], "dm");
    assert_eq!(thread["tags"], json!(["data-governance", "dm1"]));
    assert_eq!(thread["lang"], "en");
    let html = thread["posts"][0]["html"].as_str().unwrap();
    assert!(html.contains("<strong>data governance</strong>"), "{html}");
    assert!(html.contains("href=\"/forum/people/answerer\""), "{html}");
    assert_eq!(f.notifications_of("answerer@south.gov"), ["mention"]);

    let reply = f
        .post(
            &f.answerer,
            &format!("/api/v1/threads/{id}/posts"),
            json!({"body": "We chartered it in 2019."}),
        )
        .await;
    assert_eq!(reply.status(), 201);
    let reply_id = reply.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    assert_eq!(
        f.notifications_of("asker@north.gov"),
        ["reply"],
        "the asker watches their thread"
    );

    let vote = |token: String| {
        let f = &f;
        async move {
            f.post(&token, &format!("/api/v1/posts/{reply_id}/vote"), json!({}))
                .await
        }
    };
    for _ in 0..2 {
        let voted: Value = vote(f.asker.clone()).await.json().await.unwrap();
        assert_eq!(voted["votes"], 1, "one vote per person");
    }
    assert_eq!(
        vote(f.answerer.clone()).await.status(),
        409,
        "not for one's own post"
    );

    let accept = format!("/api/v1/threads/{id}/accept/{reply_id}");
    assert_eq!(f.post(&f.answerer, &accept, json!({})).await.status(), 403);
    assert_eq!(f.post(&f.asker, &accept, json!({})).await.status(), 200);
    let (_, thread) = f.json(&f.answerer, &format!("/api/v1/threads/{id}")).await;
    assert_eq!(thread["solved"], true);
    assert_eq!(thread["posts"][1]["id"], reply_id);
    assert_eq!(thread["posts"][1]["accepted"], true);
    assert_eq!(
        f.notifications_of("answerer@south.gov"),
        ["mention", "accepted"]
    );

    let changes: Vec<String> = search_outbox::table
        .filter(search_outbox::thread_id.eq(id as i32))
        .order(search_outbox::id)
        .select(search_outbox::change)
        .load(&mut f.app.conn())
        .unwrap();
    assert_eq!(
        changes,
        [
            "thread.created",
            "post.created",
            "post.voted",
            "post.voted",
            "answer.accepted"
        ]
    );
}

/// The thread's posts come from two statements joined with authors, cities
/// and the reader's votes; this holds them to the order and pages they had.
#[tokio::test]
async fn a_thread_reads_question_and_accepted_answer_then_replies_in_pages_with_the_reader_s_votes()
{
    let f = forum_with(|s| s.limits.new_account_posts_per_hour = 100).await;
    let id = f.ask(&f.asker, question("general", "Which portal?")).await;
    let mut replies = Vec::new();
    for n in 1..=5 {
        let path = format!("/api/v1/threads/{id}/posts");
        let reply = f
            .post(&f.answerer, &path, json!({"body": format!("Reply {n}")}))
            .await;
        assert_eq!(reply.status(), 201);
        replies.push(reply.json::<Value>().await.unwrap()["id"].as_i64().unwrap() as i32);
    }
    // Two replies at the same instant: the cursor must not lose or repeat either.
    let at = |secs: i64| {
        chrono::NaiveDate::from_ymd_opt(2026, 3, 1)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
            + chrono::Duration::seconds(secs)
    };
    for (reply, secs) in replies.iter().zip([0, 0, 1, 2, 3]) {
        diesel::update(posts::table.find(reply))
            .set(posts::created_at.eq(at(secs)))
            .execute(&mut f.app.conn())
            .unwrap();
    }
    let accepted = replies[3];
    let accept = format!("/api/v1/threads/{id}/accept/{accepted}");
    assert_eq!(f.post(&f.asker, &accept, json!({})).await.status(), 200);
    let vote = format!("/api/v1/posts/{}/vote", replies[1]);
    assert_eq!(f.post(&f.asker, &vote, json!({})).await.status(), 200);

    let (status, first) = f
        .json(&f.asker, &format!("/api/v1/threads/{id}?limit=2"))
        .await;
    assert_eq!(status, 200);
    let ids = |page: &Value| -> Vec<i64> {
        page["posts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_i64().unwrap())
            .collect()
    };
    let question_id = first["posts"][0]["id"].as_i64().unwrap();
    assert_eq!(first["posts"][0]["opening"], true);
    let r = |i: usize| i64::from(replies[i]);
    assert_eq!(ids(&first), [question_id, r(3), r(0), r(1)]);
    assert_eq!(first["posts"][1]["accepted"], true);
    let voted: Vec<bool> = first["posts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["voted"] == true)
        .collect();
    assert_eq!(
        voted,
        [false, false, false, true],
        "the asker's vote, on reply 2 only"
    );
    assert_eq!(
        first["posts"][2]["author"]["city"],
        first["posts"][3]["author"]["city"]
    );
    assert!(first["posts"][2]["author"]["city"].is_string(), "{first}");
    let cursor = first["next_cursor"].as_str().unwrap();
    let (_, second) = f
        .json(
            &f.asker,
            &format!("/api/v1/threads/{id}?limit=2&cursor={cursor}"),
        )
        .await;
    assert_eq!(
        ids(&second),
        [r(2), r(4)],
        "the accepted answer is not repeated"
    );
    assert!(second["next_cursor"].is_null());
    let (_, theirs) = f
        .json(&f.answerer, &format!("/api/v1/threads/{id}?limit=10"))
        .await;
    assert!(
        theirs["posts"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["voted"] == false)
    );
}

#[tokio::test]
async fn a_bad_thread_is_refused_with_each_field_named_in_the_reader_s_language() {
    let f = forum_with(|_| {}).await;
    let bad = json!({"category": "sports", "title": " ", "body": "", "tags": ["dm99"],
                     "kind": "poll", "lang": "de"});
    let response = f
        .app
        .client
        .post(f.app.url("/api/v1/threads?lang=es"))
        .bearer_auth(&f.asker)
        .json(&bad)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let error: Value = response.json().await.unwrap();
    for field in ["category", "title", "body", "tags", "kind", "lang"] {
        assert!(error["fields"][field].is_string(), "{field}: {error}");
    }
    assert!(error["fields"]["tags"].as_str().unwrap().contains("dm99"));
    assert!(
        error["fields"]["title"]
            .as_str()
            .unwrap()
            .contains("obligatorio")
    );
    let unknown = f
        .post(
            &f.asker,
            "/api/v1/threads",
            json!({"category": "dm", "title": "t", "body": "b", "colour": 1}),
        )
        .await;
    assert_eq!(unknown.status(), 400);
    let count: i64 = threads::table
        .count()
        .get_result(&mut f.app.conn())
        .unwrap();
    assert_eq!(count, 0, "nothing stored");
}

#[tokio::test]
async fn a_city_s_private_space_is_seen_only_by_its_people_and_program_staff() {
    let f = forum_with(|_| {}).await;
    f.app
        .create_user("neighbour@north.gov", "member", Some("north"));
    f.app.create_user("mod@program.org", "moderator", None);
    f.app
        .create_user("staff@program.org", "program_admin", None);
    let body = json!({"category": "city:north", "title": "Our budget gap", "body": "Between us: @answerer @neighbour"});
    let id = f.ask(&f.asker, body).await;
    let path = format!("/api/v1/threads/{id}");
    let neighbour = f.app.token_for("neighbour@north.gov");
    let staff = f.app.token_for("staff@program.org");
    let moderator = f.app.token_for("mod@program.org");
    assert_eq!(f.json(&neighbour, &path).await.0, 200);
    assert_eq!(f.json(&staff, &path).await.0, 200);
    assert_eq!(f.json(&f.answerer, &path).await.0, 404);
    assert_eq!(f.json(&moderator, &path).await.0, 404);
    assert_eq!(
        f.json(&f.answerer, "/api/v1/threads?category=city:north")
            .await
            .0,
        404
    );
    let (_, latest) = f.json(&f.answerer, "/api/v1/threads").await;
    assert_eq!(latest["threads"], json!([]), "not in an outsider's lists");
    let (_, latest) = f.json(&neighbour, "/api/v1/threads").await;
    assert_eq!(latest["threads"][0]["category"], "city:north");
    assert!(
        f.notifications_of("answerer@south.gov").is_empty(),
        "an outsider mentioned is not told"
    );
    assert_eq!(f.notifications_of("neighbour@north.gov"), ["mention"]);
    let outsider_reply = f
        .post(
            &f.answerer,
            &format!("/api/v1/threads/{id}/posts"),
            json!({"body": "hi"}),
        )
        .await;
    assert_eq!(outsider_reply.status(), 404);
    let outsider_thread = f
        .post(
            &f.answerer,
            "/api/v1/threads",
            json!({"category": "city:north", "title": "x", "body": "y"}),
        )
        .await;
    assert_eq!(outsider_thread.status(), 404);
}

#[tokio::test]
async fn announcements_are_written_by_program_staff_and_read_by_everyone() {
    let f = forum_with(|_| {}).await;
    f.app
        .create_user("staff@program.org", "program_admin", None);
    let staff = f.app.token_for("staff@program.org");
    let member = f
        .post(
            &f.asker,
            "/api/v1/threads",
            question("announcements", "Me too"),
        )
        .await;
    assert_eq!(member.status(), 403);
    let id = f.ask(&staff, json!({"category": "announcements", "title": "The 2027 cycle opens", "body": "Apply by March.", "kind": "discussion"})).await;
    assert_eq!(
        f.json(&f.asker, &format!("/api/v1/threads/{id}")).await.0,
        200
    );
    let reply = f
        .post(
            &f.asker,
            &format!("/api/v1/threads/{id}/posts"),
            json!({"body": "Thanks"}),
        )
        .await;
    assert_eq!(reply.status(), 403);
    let (_, categories) = f.json(&f.asker, "/api/v1/categories").await;
    let slugs: Vec<&str> = categories["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["slug"].as_str().unwrap())
        .collect();
    assert_eq!(
        slugs,
        [
            "dm",
            "lc",
            "od",
            "pa",
            "bf",
            "rdc",
            "ci",
            "eval",
            "general",
            "announcements",
            "city:north"
        ]
    );
}

#[tokio::test]
async fn lists_come_in_pages_with_cursors_and_show_unanswered_and_answerable_questions() {
    let f = forum_with(|s| s.limits.new_account_posts_per_hour = 100).await;
    for n in 0..25 {
        f.ask(&f.asker, question("general", &format!("Question {n}")))
            .await;
    }
    let (_, first) = f
        .json(&f.answerer, "/api/v1/threads?category=general")
        .await;
    assert_eq!(first["threads"].as_array().unwrap().len(), 20);
    assert_eq!(first["threads"][0]["title"], "Question 24", "latest first");
    let cursor = first["next_cursor"].as_str().unwrap();
    let (_, second) = f
        .json(
            &f.answerer,
            &format!("/api/v1/threads?category=general&cursor={cursor}"),
        )
        .await;
    assert_eq!(second["threads"].as_array().unwrap().len(), 5);
    assert_eq!(second["threads"][4]["title"], "Question 0");
    assert!(second["next_cursor"].is_null());
    let (status, bad) = f.json(&f.answerer, "/api/v1/threads?cursor=nonsense").await;
    assert_eq!(status, 422);
    assert!(bad["fields"]["cursor"].is_string());

    let answered = first["threads"][0]["id"].as_i64().unwrap();
    f.post(
        &f.answerer,
        &format!("/api/v1/threads/{answered}/posts"),
        json!({"body": "Yes"}),
    )
    .await;
    let (_, unanswered) = f
        .json(&f.answerer, "/api/v1/threads?view=unanswered&limit=100")
        .await;
    assert_eq!(unanswered["threads"].as_array().unwrap().len(), 24);

    let (_, none) = f.json(&f.answerer, "/api/v1/threads?view=answerable").await;
    assert_eq!(
        none["threads"],
        json!([]),
        "south has not said what it meets"
    );
    let submitted = f
        .post(
            &f.answerer,
            "/api/v1/cities/south/assessments",
            crate::helpers::full_assessment(30),
        )
        .await;
    assert_eq!(submitted.status(), 201);
    let (_, answerable) = f
        .json(&f.answerer, "/api/v1/threads?view=answerable&limit=100")
        .await;
    assert_eq!(
        answerable["threads"].as_array().unwrap().len(),
        25,
        "dm1 is met by south"
    );
    let (_, own) = f.json(&f.asker, "/api/v1/threads?view=answerable").await;
    assert_eq!(own["threads"], json!([]), "not one's own questions");
}

#[tokio::test]
async fn a_new_account_posts_only_so_often_an_older_one_freely() {
    let f = forum_with(|s| s.limits.new_account_posts_per_hour = 2).await;
    f.ask(&f.asker, question("general", "One")).await;
    f.ask(&f.asker, question("general", "Two")).await;
    let third = f
        .post(&f.asker, "/api/v1/threads", question("general", "Three"))
        .await;
    assert_eq!(third.status(), 429);
    let error: Value = third.json().await.unwrap();
    assert!(
        error["fields"]["body"].as_str().unwrap().contains('2'),
        "{error}"
    );
    let count: i64 = threads::table
        .count()
        .get_result(&mut f.app.conn())
        .unwrap();
    assert_eq!(count, 2, "the refused thread left nothing");
    let month_ago = chrono::Utc::now().naive_utc() - chrono::Duration::days(30);
    diesel::update(users::table.filter(users::email.eq("asker@north.gov")))
        .set(users::created_at.eq(month_ago))
        .execute(&mut f.app.conn())
        .unwrap();
    f.ask(&f.asker, question("general", "Three")).await;
}

#[tokio::test]
async fn every_account_and_address_posts_only_so_often_and_is_told_when_to_retry() {
    let f = forum_with(|s| {
        s.limits.new_account_days = 0;
        s.limits.posts_per_account_per_hour = 2;
        s.limits.posts_per_ip_per_hour = 3;
    })
    .await;
    let id = f.ask(&f.asker, question("general", "One")).await;
    let reply = json!({"body": "Two"});
    let path = format!("/api/v1/threads/{id}/posts");
    assert_eq!(f.post(&f.asker, &path, reply.clone()).await.status(), 201);
    let refused = f.post(&f.asker, &path, json!({"body": "Three"})).await;
    assert_eq!(refused.status(), 429);
    let wait: u64 = refused.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=3600).contains(&wait), "{wait}");
    let error: Value = refused.json().await.unwrap();
    assert!(
        error["fields"]["body"]
            .as_str()
            .unwrap()
            .contains("faster than Peerhall allows"),
        "{error}"
    );
    let other = f.post(&f.answerer, &path, json!({"body": "Mine"})).await;
    assert_eq!(other.status(), 201, "another account has its own allowance");
    // The address's allowance (3) is now spent too, whoever posts from it.
    let browser = f.app.sign_in("answerer@south.gov").await;
    let page = f
        .app
        .page_text(&browser, &format!("/forum/threads/{id}"))
        .await;
    let csrf = csrf_of(&page);
    let form = [("csrf", csrf.as_str()), ("body", "From the page")];
    let on_page = f
        .app
        .post_form(&browser, &format!("/forum/threads/{id}/replies"), &form)
        .await;
    assert_eq!(on_page.status(), 429);
    assert!(on_page.headers().contains_key("retry-after"));
    assert!(
        on_page
            .text()
            .await
            .unwrap()
            .contains("faster than Peerhall allows")
    );
    let stored: i64 = posts::table.count().get_result(&mut f.app.conn()).unwrap();
    assert_eq!(stored, 3, "refused posts leave nothing");
}

#[tokio::test]
async fn flags_need_a_reason_and_come_once_per_person() {
    let f = forum_with(|_| {}).await;
    let id = f.ask(&f.asker, question("general", "Flag me")).await;
    let post: i32 = posts::table
        .filter(posts::thread_id.eq(id as i32))
        .select(posts::id)
        .first(&mut f.app.conn())
        .unwrap();
    let path = format!("/api/v1/posts/{post}/flag");
    let bad = f.post(&f.answerer, &path, json!({"reason": "other"})).await;
    assert_eq!(bad.status(), 422);
    assert!(bad.json::<Value>().await.unwrap()["fields"]["note"].is_string());
    assert_eq!(
        f.post(&f.answerer, &path, json!({"reason": "spam"}))
            .await
            .status(),
        201
    );
    assert_eq!(
        f.post(&f.answerer, &path, json!({"reason": "spam"}))
            .await
            .status(),
        409
    );
    assert_eq!(
        f.post(
            &f.answerer,
            "/api/v1/posts/9999/flag",
            json!({"reason": "spam"})
        )
        .await
        .status(),
        404
    );
}

#[tokio::test]
async fn in_a_browser_a_person_asks_replies_votes_accepts_and_mutes() {
    let f = forum_with(|_| {}).await;
    let asker = f.app.sign_in("asker@north.gov").await;
    let index = f.app.page_text(&asker, "/forum").await;
    assert!(index.contains("<h1>Forum</h1>"), "{index}");
    let form = f.app.page_text(&asker, "/forum/new?category=dm").await;
    let csrf = csrf_of(&form);
    let no_csrf = f
        .app
        .post_form(
            &asker,
            "/forum/threads",
            &[("category", "dm"), ("title", "t"), ("body", "b")],
        )
        .await;
    assert_eq!(no_csrf.status(), 403);
    let empty = f
        .app
        .post_form(
            &asker,
            "/forum/threads",
            &[
                ("csrf", &csrf),
                ("category", "dm"),
                ("title", ""),
                ("body", ""),
            ],
        )
        .await;
    assert_eq!(empty.status(), 422);
    assert!(
        empty
            .text()
            .await
            .unwrap()
            .contains("This field is required.")
    );
    let created = f
        .app
        .post_form(
            &asker,
            "/forum/threads",
            &[
                ("csrf", &csrf),
                ("category", "dm"),
                ("kind", "question"),
                ("title", "Open data portal vendors?"),
                ("body", "Which vendor did you pick?"),
                ("tags", "dm4, procurement"),
                ("lang", "en"),
            ],
        )
        .await;
    assert_eq!(created.status(), 303);
    let location = created.headers()["location"].to_str().unwrap().to_owned();

    let answerer = f.app.sign_in("answerer@south.gov").await;
    let page = f.app.page_text(&answerer, &location).await;
    assert!(page.contains("Open data portal vendors?"));
    let csrf = csrf_of(&page);
    let empty = f
        .app
        .post_form(
            &answerer,
            &format!("{location}/replies"),
            &[("csrf", &csrf), ("body", " ")],
        )
        .await;
    assert_eq!(empty.status(), 422);
    let replied = f
        .app
        .post_form(
            &answerer,
            &format!("{location}/replies"),
            &[("csrf", &csrf), ("body", "We used **Socrata**.")],
        )
        .await;
    assert_eq!(replied.status(), 303);
    let reply_at = replied.headers()["location"].to_str().unwrap().to_owned();
    let post_id = reply_at.rsplit("#post-").next().unwrap().to_owned();

    let page = f.app.page_text(&asker, &location).await;
    assert!(page.contains("<strong>Socrata</strong>"));
    let csrf = csrf_of(&page);
    let voted = f
        .app
        .post_form(
            &asker,
            &format!("/forum/posts/{post_id}/vote"),
            &[("csrf", &csrf), ("up", "1")],
        )
        .await;
    assert_eq!(voted.status(), 303);
    let accepted = f
        .app
        .post_form(
            &asker,
            &format!("{location}/accept"),
            &[("csrf", &csrf), ("post_id", &post_id)],
        )
        .await;
    assert_eq!(accepted.status(), 303);
    let page = f.app.page_text(&asker, &location).await;
    assert!(page.contains("Accepted answer by"), "{page}");
    assert!(page.contains("1 vote"));

    let muted = f
        .app
        .post_form(
            &asker,
            "/forum/watch",
            &[
                ("csrf", &csrf),
                ("target_kind", "thread"),
                ("target", location.rsplit('/').next().unwrap()),
                ("level", "muted"),
            ],
        )
        .await;
    assert_eq!(muted.status(), 303);
    let before = f.notifications_of("asker@north.gov").len();
    f.app
        .post_form(
            &answerer,
            &format!("{location}/replies"),
            &[
                (
                    "csrf",
                    &csrf_of(&f.app.page_text(&answerer, &location).await),
                ),
                ("body", "Also: CKAN."),
            ],
        )
        .await;
    assert_eq!(f.notifications_of("asker@north.gov").len(), before, "muted");
    let notes = f.app.page_text(&asker, "/notifications").await;
    assert!(notes.contains("replied in"), "{notes}");
}

#[tokio::test]
async fn script_injection_payloads_never_survive_in_pages_or_the_api() {
    let f = forum_with(|s| {
        s.limits.new_account_posts_per_hour = 10_000;
        s.limits.posts_per_account_per_hour = 10_000;
        s.limits.posts_per_ip_per_hour = 10_000;
    })
    .await;
    let payloads: Vec<&str> = include_str!("../data/xss-payloads.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .collect();
    assert!(payloads.len() >= 60);
    let id = f
        .ask(
            &f.asker,
            question("general", "<script>alert(1)</script> title"),
        )
        .await;
    for payload in &payloads {
        let reply = f
            .post(
                &f.answerer,
                &format!("/api/v1/threads/{id}/posts"),
                json!({"body": payload}),
            )
            .await;
        assert_eq!(reply.status(), 201, "{payload}");
    }
    let browser = f.app.sign_in("asker@north.gov").await;
    let mut path = format!("/forum/threads/{id}");
    let mut pages = 0;
    loop {
        let page = f.app.page_text(&browser, &path).await;
        assert_no_script(&page);
        pages += 1;
        match page.split("rel=\"next\" href=\"").nth(1) {
            Some(rest) => path = rest.split('"').next().unwrap().replace("&amp;", "&"),
            None => break,
        }
    }
    assert!(pages * 20 >= payloads.len(), "every reply was shown");
    let (_, thread) = f
        .json(&f.asker, &format!("/api/v1/threads/{id}?limit=100"))
        .await;
    for post in thread["posts"].as_array().unwrap() {
        assert_no_script(post["html"].as_str().unwrap());
    }
}
