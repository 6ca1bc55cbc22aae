//! Forum search through the running service: a write becomes searchable
//! within about a second; edits, hides, moves and deletes are reflected;
//! private spaces stay private; a malformed query is explained; an index that
//! crashed mid-batch converges; a rebuild is swapped in while answering; two
//! instances on one database each converge.

use std::time::Duration;

use serde_json::{Value, json};

use crate::helpers::{ForumPeople, TestApp};

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
    async fn send(&self, method: &str, token: &str, path: &str, body: Value) -> (u16, Value) {
        self.app.send_json(method, token, path, body).await
    }

    /// (thread id, opening post id)
    async fn ask(&self, token: &str, category: &str, title: &str, body: &str) -> (i64, i64) {
        let thread = json!({"category": category, "title": title, "body": body, "tags": ["dm1"], "lang": "es"});
        let (status, created) = self.send("POST", token, "/api/v1/threads", thread).await;
        assert_eq!(status, 201, "{created}");
        (
            created["id"].as_i64().unwrap(),
            created["post_id"].as_i64().unwrap(),
        )
    }

    /// The answerer's reply's id.
    async fn reply(&self, thread: i64, body: &str) -> i64 {
        let path = format!("/api/v1/threads/{thread}/posts");
        let (status, created) = self
            .send("POST", &self.answerer, &path, json!({"body": body}))
            .await;
        assert_eq!(status, 201, "{created}");
        created["id"].as_i64().unwrap()
    }

    async fn search(&self, token: &str, q: &str) -> (u16, Value) {
        search_on(&self.app, token, q).await
    }

    async fn until_total(&self, token: &str, q: &str, total: u64) -> Value {
        until_total_on(&self.app, token, q, total).await
    }
}

async fn search_on(app: &TestApp, token: &str, q: &str) -> (u16, Value) {
    let path = format!("/api/v1/search?q={}", urlencode(q));
    let response = app.get_as(token, &path).await;
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// Polls until the search's total is `total`: the indexer runs in the
/// background. Fails after 10 s (the service aims at about one).
async fn until_total_on(app: &TestApp, token: &str, q: &str, total: u64) -> Value {
    let mut last = Value::Null;
    for _ in 0..100 {
        let (status, found) = search_on(app, token, q).await;
        assert_eq!(status, 200, "{found}");
        if found["total"] == total {
            return found;
        }
        last = found;
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("`{q}` never reached {total} hits: {last}");
}

fn urlencode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

#[tokio::test]
async fn a_post_is_found_soon_in_any_form_of_its_words_and_changes_follow_it() {
    let s = site().await;
    let (thread, post) = s
        .ask(
            &s.asker,
            "dm",
            "Evaluación del portal",
            "Las evaluaciones del SIG y el 311 van bien.",
        )
        .await;
    let found = s.until_total(&s.answerer, "evaluacion", 1).await;
    let hit = &found["hits"][0];
    assert_eq!(hit["post_id"], post);
    assert_eq!(hit["url"], format!("/forum/threads/{thread}#post-{post}"));
    assert_eq!(hit["area"], "dm");
    assert_eq!(hit["criteria"], json!(["DM1"]));
    assert!(hit["snippet"].as_str().unwrap().contains("<mark>"), "{hit}");
    assert_eq!(
        found["facets"]["area"],
        json!([{"value": "dm", "count": 1}])
    );
    s.until_total(&s.answerer, "311 area:dm", 1).await;

    let edit = json!({"body": "Ahora hablamos de gobernanza."});
    let (status, _) = s
        .send("PATCH", &s.asker, &format!("/api/v1/posts/{post}"), edit)
        .await;
    assert_eq!(status, 200);
    s.until_total(&s.answerer, "gobernanza", 1).await;
    s.until_total(&s.answerer, "311", 0).await;

    let moved = json!({"category": "od"});
    let (status, _) = s
        .send(
            "POST",
            &s.moderator,
            &format!("/api/v1/threads/{thread}/move"),
            moved,
        )
        .await;
    assert_eq!(status, 204);
    s.until_total(&s.answerer, "gobernanza area:od", 1).await;

    let (status, _) = s
        .send(
            "POST",
            &s.moderator,
            &format!("/api/v1/posts/{post}/hide"),
            json!({}),
        )
        .await;
    assert_eq!(status, 200);
    s.until_total(&s.answerer, "gobernanza", 0).await;
    let (status, _) = s
        .send(
            "POST",
            &s.moderator,
            &format!("/api/v1/posts/{post}/restore"),
            json!({}),
        )
        .await;
    assert_eq!(status, 200);
    s.until_total(&s.answerer, "gobernanza", 1).await;
    let (status, _) = s
        .send(
            "DELETE",
            &s.asker,
            &format!("/api/v1/posts/{post}"),
            json!({}),
        )
        .await;
    assert_eq!(status, 204);
    s.until_total(&s.answerer, "gobernanza", 0).await;
}

#[tokio::test]
async fn a_city_s_private_space_is_searched_only_by_its_people_and_program_staff() {
    let s = site().await;
    s.ask(
        &s.asker,
        "city:north",
        "Presupuesto interno",
        "Nuestro presupuesto confidencial.",
    )
    .await;
    s.ask(
        &s.asker,
        "general",
        "Presupuesto abierto",
        "Un presupuesto público.",
    )
    .await;
    s.until_total(&s.asker, "presupuesto", 2).await;
    s.until_total(&s.admin, "presupuesto", 2).await;
    let outsider = s.until_total(&s.answerer, "presupuesto", 1).await;
    assert_eq!(outsider["hits"][0]["title"], "Presupuesto abierto");
    let (_, filtered) = s.search(&s.answerer, "confidencial area:city").await;
    assert_eq!(filtered["total"], 0, "{filtered}");
    let (_, moderator) = s.search(&s.moderator, "confidencial").await;
    assert_eq!(
        moderator["total"], 0,
        "moderators are not program staff: {moderator}"
    );
}

#[tokio::test]
async fn a_malformed_query_is_a_400_naming_q_in_the_reader_s_language() {
    let s = site().await;
    {
        use diesel::prelude::*;
        use peerhall::schema::users;
        diesel::update(users::table.filter(users::email.eq("answerer@south.gov")))
            .set(users::language.eq("es"))
            .execute(&mut s.app.conn())
            .unwrap();
    }
    let response = s
        .app
        .client
        .get(s.app.url("/api/v1/search?q=after%3Aayer"))
        .bearer_auth(&s.answerer)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"], "invalid_query");
    assert!(
        body["fields"]["q"]
            .as_str()
            .unwrap()
            .contains("no es una fecha"),
        "{body}"
    );
    let (status, body) = s.search(&s.answerer, "\"unclosed").await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_query"))
    );
    let anonymous = s.app.get("/api/v1/search?q=x").await;
    assert_eq!(anonymous.status(), 401);
}

#[tokio::test]
async fn the_search_page_shows_escaped_snippets_filters_and_problems() {
    let s = site().await;
    s.ask(
        &s.asker,
        "dm",
        "Inventario de datos",
        "El inventario <script>alert(1)</script> de datos abiertos.",
    )
    .await;
    s.until_total(&s.answerer, "inventario", 1).await;
    let browser = s.app.sign_in("answerer@south.gov").await;
    let page = s
        .app
        .page_text(&browser, "/search?q=inventario&area=dm")
        .await;
    assert!(page.contains("<mark>inventario</mark>"), "{page}");
    assert!(!page.contains("<script>alert(1)"), "{page}");
    assert!(page.contains("One post matches."), "{page}");
    assert!(page.contains("<option value=\"dm\" selected"), "{page}");
    let bad = browser
        .get(s.app.url("/search?q=is%3Amaybe"))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);
    let text = bad.text().await.unwrap();
    assert!(text.contains("is:maybe"), "{text}");
    assert!(text.contains("aria-invalid=\"true\""), "{text}");
    let empty = s.app.page_text(&browser, "/search").await;
    assert!(empty.contains("<h1>Search the forum</h1>"), "{empty}");
}

#[tokio::test]
async fn an_index_that_crashed_mid_batch_converges_with_nothing_lost_or_doubled() {
    let s = site().await;
    for n in 0..5 {
        s.ask(
            &s.asker,
            "general",
            &format!("Pregunta {n}"),
            &format!("palabraunica{n} y comun"),
        )
        .await;
    }
    let dir = tempfile::tempdir().unwrap();
    let index = peerhall::search::SearchIndex::open_or_create(dir.path()).unwrap();
    let now = chrono::Utc::now().naive_utc();
    let mut conn = s.app.conn();
    let applied = peerhall::search::indexer::catch_up(&mut conn, &index, (now, 2)).unwrap();
    assert_eq!(applied, 2);
    // The next batch is written but never committed: the process dies here.
    let thread = peerhall::forum::store::export::threads_for_index(&mut conn, &[3]).unwrap();
    index
        .with_writer(|w| {
            for doc in peerhall::search::indexer::docs_of(&thread[0]) {
                peerhall::search::add(w, &doc)?;
            }
            Ok(())
        })
        .unwrap();
    drop(index);
    let index = peerhall::search::SearchIndex::open_or_create(dir.path()).unwrap();
    assert_eq!(peerhall::search::indexer::position(&index).unwrap(), 2);
    while peerhall::search::indexer::catch_up(&mut conn, &index, (now, 2)).unwrap() > 0 {}
    assert_eq!(index.check().unwrap(), 5, "one document per post");
    for n in 0..5 {
        assert_eq!(total_in(&index, &format!("palabraunica{n}")), 1);
    }
}

/// How many posts a search finds in `index`, as anyone.
fn total_in(index: &peerhall::search::SearchIndex, q: &str) -> usize {
    let request = peerhall::search::SearchRequest {
        query: peerhall::search::parse(q).unwrap(),
        sort: peerhall::search::Sort::Relevance,
        page: 1,
        per_page: 10,
    };
    let viewer = peerhall::search::Viewer::default();
    index.search(&viewer, &request).unwrap().total
}

/// Applies the whole outbox to `index`.
fn catch_up_all(conn: &mut peerhall::db::DbConnection, index: &peerhall::search::SearchIndex) {
    let now = chrono::Utc::now().naive_utc();
    while peerhall::search::indexer::catch_up(conn, index, (now, 500)).unwrap() > 0 {}
}

#[tokio::test]
async fn a_reply_or_a_vote_rewrites_its_own_post_and_a_first_reply_answers_the_thread() {
    use diesel::prelude::*;
    use peerhall::schema::posts;

    let s = site().await;
    let (thread, question) = s
        .ask(&s.asker, "general", "Pregunta", "palabrauno y comun")
        .await;
    let dir = tempfile::tempdir().unwrap();
    let index = peerhall::search::SearchIndex::open_or_create(dir.path()).unwrap();
    let mut conn = s.app.conn();
    catch_up_all(&mut conn, &index);
    assert_eq!(total_in(&index, "is:unanswered comun"), 1);

    let first = s.reply(thread, "primera respuesta comun").await;
    catch_up_all(&mut conn, &index);
    assert_eq!(total_in(&index, "comun"), 2);
    assert_eq!(
        total_in(&index, "is:unanswered comun"),
        0,
        "the question too"
    );

    // Changed in the database alone, the question's text shows whether a
    // later reply or vote rewrote its document.
    diesel::update(posts::table.find(question as i32))
        .set(posts::body.eq("otra cosa"))
        .execute(&mut *conn)
        .unwrap();
    let second = s.reply(thread, "segunda respuesta comun").await;
    let vote = format!("/api/v1/posts/{first}/vote");
    assert_eq!(s.send("POST", &s.asker, &vote, json!({})).await.0, 200);
    catch_up_all(&mut conn, &index);
    assert_eq!(total_in(&index, "comun"), 3);
    assert_eq!(total_in(&index, "segunda"), 1);
    assert_eq!(
        total_in(&index, "palabrauno"),
        1,
        "the question's document stayed"
    );
    assert_eq!(index.check().unwrap(), 3, "one document per post");

    // An edit still rewrites the whole thread.
    let edit = json!({"body": "tercera respuesta comun"});
    let path = format!("/api/v1/posts/{second}");
    assert_eq!(s.send("PATCH", &s.answerer, &path, edit).await.0, 200);
    catch_up_all(&mut conn, &index);
    assert_eq!(total_in(&index, "palabrauno"), 0);
    assert_eq!(total_in(&index, "tercera"), 1);
    assert_eq!(index.check().unwrap(), 3);
}

#[tokio::test]
async fn a_rebuilt_index_is_swapped_in_while_the_service_answers() {
    let s = site().await;
    s.ask(
        &s.asker,
        "general",
        "Datos abiertos",
        "Un portal de datos abiertos.",
    )
    .await;
    s.until_total(&s.answerer, "portal", 1).await;
    let root = s.app.data.path().join("index");
    let before = std::fs::read_to_string(root.join("CURRENT")).unwrap();
    let built = {
        let mut conn = s.app.conn();
        peerhall::search::rebuild(&mut conn, &root, 15_000_000).unwrap()
    };
    assert_eq!((built.threads, built.posts), (1, 1));
    let after = std::fs::read_to_string(root.join("CURRENT")).unwrap();
    assert_ne!(before, after);
    // Searches keep being answered through the swap, and the old generation goes.
    for _ in 0..50 {
        s.until_total(&s.answerer, "portal", 1).await;
        if !root.join(before.trim()).exists() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        !root.join(before.trim()).exists(),
        "the old generation was removed"
    );
    s.ask(&s.asker, "general", "Otro portal", "Y otro portal.")
        .await;
    s.until_total(&s.answerer, "portal", 2).await;
}

/// A site with one post about "presupuesto", already searchable.
async fn site_with_one_budget_post() -> Site {
    let s = site().await;
    s.ask(
        &s.asker,
        "general",
        "Presupuesto participativo",
        "Votamos el presupuesto.",
    )
    .await;
    s.until_total(&s.answerer, "presupuesto", 1).await;
    s
}

/// A data directory whose search `CURRENT` names `gen-1`, and its index root.
fn data_dir_naming_gen_1() -> (tempfile::TempDir, std::path::PathBuf) {
    let data = tempfile::tempdir().unwrap();
    let root = data.path().join("index");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::write(root.join("CURRENT"), "gen-1").unwrap();
    (data, root)
}

#[tokio::test]
async fn an_index_made_under_an_older_schema_is_rebuilt_before_the_service_starts() {
    let s = site_with_one_budget_post().await;
    // A data directory whose live generation an older release made and filled.
    let (data, root) = data_dir_naming_gen_1();
    let old = root.join("gen-1");
    std::fs::create_dir_all(&old).unwrap();
    let mut builder = tantivy::schema::Schema::builder();
    let body = builder.add_text_field("body_en", tantivy::schema::TEXT);
    let index = tantivy::Index::create_in_dir(&old, builder.build()).unwrap();
    let mut writer: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
    writer.add_document(tantivy::doc!(body => "stale")).unwrap();
    writer.commit().unwrap();
    drop((writer, index));

    let upgraded = s.app.spawn_beside_in(data).await;
    // Found at once: the rebuild ran before the service answered.
    let (status, found) = search_on(&upgraded, &s.answerer, "presupuestos").await;
    assert_eq!((status, found["total"].as_u64()), (200, Some(1)), "{found}");
    assert!(!old.exists(), "the old generation was removed");
    let current = std::fs::read_to_string(root.join("CURRENT")).unwrap();
    assert_ne!(current.trim(), "gen-1");
}

#[tokio::test]
async fn a_missing_live_generation_is_rebuilt_before_the_service_starts() {
    let s = site_with_one_budget_post().await;
    // As after a bulk import: the posts are in the database, not in the outbox.
    {
        use diesel::RunQueryDsl;
        diesel::sql_query("DELETE FROM search_outbox")
            .execute(&mut *s.app.conn())
            .unwrap();
    }
    // A data directory whose CURRENT names a generation that is gone.
    let (data, root) = data_dir_naming_gen_1();

    let restarted = s.app.spawn_beside_in(data).await;
    let (status, found) = search_on(&restarted, &s.answerer, "presupuestos").await;
    assert_eq!((status, found["total"].as_u64()), (200, Some(1)), "{found}");
    let current = std::fs::read_to_string(root.join("CURRENT")).unwrap();
    assert_ne!(current.trim(), "gen-1");
}

#[tokio::test]
async fn two_instances_on_one_database_each_find_what_either_wrote() {
    let s = site().await;
    let second = s.app.spawn_beside().await;
    let (thread, _) = s
        .ask(
            &s.asker,
            "dm",
            "Tablero de indicadores",
            "Un tablero público.",
        )
        .await;
    until_total_on(&second, &s.answerer, "tablero", 1).await;
    let reply = json!({"body": "Nuestro tablero usa datos abiertos."});
    let path = format!("/api/v1/threads/{thread}/posts");
    let (status, reply) = second.send_json("POST", &s.answerer, &path, reply).await;
    assert_eq!(status, 201);
    until_total_on(&s.app, &s.asker, "tablero", 2).await;
    until_total_on(&second, &s.asker, "tablero", 2).await;

    let hide = format!("/api/v1/posts/{}/hide", reply["id"]);
    let (status, hidden) = s.send("POST", &s.moderator, &hide, json!({})).await;
    assert_eq!(status, 200, "{hidden}");
    until_total_on(&second, &s.answerer, "tablero", 1).await;
    until_total_on(&s.app, &s.answerer, "tablero", 1).await;
}
