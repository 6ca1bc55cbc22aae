use std::collections::BTreeMap;

use diesel::prelude::*;
use peerhall::schema::{assessment_answers, assessments, certifications, cities};
use peerhall::standard::Level;

use crate::helpers::TestApp;

fn demo_city_count() -> usize {
    std::fs::read_to_string("src/demo/cities.toml")
        .unwrap()
        .matches("[[cities]]")
        .count()
}

/// Everything seed-demo writes, in a comparable form: cities, certifications,
/// assessments' met-sets and the number of answers.
type Snapshot = (
    Vec<(i32, String)>,
    Vec<(i32, i32, String)>,
    Vec<(i32, i64)>,
    i64,
);

fn snapshot(app: &TestApp) -> Snapshot {
    let mut conn = app.conn();
    let cities = cities::table
        .select((cities::id, cities::slug))
        .order(cities::id)
        .load(&mut conn)
        .unwrap();
    let certs = certifications::table
        .select((
            certifications::city_id,
            certifications::year,
            certifications::level,
        ))
        .order(certifications::id)
        .load(&mut conn)
        .unwrap();
    let masks = assessments::table
        .select((assessments::id, assessments::met_mask))
        .order(assessments::id)
        .load(&mut conn)
        .unwrap();
    let answers = assessment_answers::table
        .count()
        .get_result(&mut conn)
        .unwrap();
    (cities, certs, masks, answers)
}

#[tokio::test]
async fn seeding_the_demo_twice_changes_nothing() {
    let app = TestApp::spawn().await;
    let catalog = app.state.standards.current().unwrap().clone();
    let first = peerhall::demo::seed(&mut app.conn(), &catalog).unwrap();
    assert_eq!(first.cities_added, demo_city_count());
    assert!(first.assessments_added >= first.cities_added);
    let before = snapshot(&app);
    assert_eq!(before.3, first.assessments_added as i64 * 43);

    let second = peerhall::demo::seed(&mut app.conn(), &catalog).unwrap();
    assert_eq!(second.cities_added, 0);
    assert_eq!(second.assessments_added, 0);
    assert_eq!(second.cities_present, demo_city_count());
    assert_eq!(snapshot(&app), before);
}

#[tokio::test]
async fn each_demo_city_history_is_consistent_with_its_certified_level() {
    let app = TestApp::spawn().await;
    let catalog = app.state.standards.current().unwrap().clone();
    peerhall::demo::seed(&mut app.conn(), &catalog).unwrap();
    let mut conn = app.conn();
    let latest_cert: BTreeMap<i32, (i32, String)> = certifications::table
        .select((
            certifications::city_id,
            certifications::year,
            certifications::level,
        ))
        .order(certifications::year)
        .load::<(i32, i32, String)>(&mut conn)
        .unwrap()
        .into_iter()
        .map(|(city, year, level)| (city, (year, level)))
        .collect();
    let latest_mask: BTreeMap<i32, i64> = assessments::table
        .select((assessments::city_id, assessments::met_mask))
        .order(assessments::submitted_at)
        .load::<(i32, i64)>(&mut conn)
        .unwrap()
        .into_iter()
        .collect();
    let city_ids: Vec<i32> = cities::table.select(cities::id).load(&mut conn).unwrap();
    assert_eq!(
        latest_mask.len(),
        city_ids.len(),
        "every demo city has assessments"
    );
    for id in city_ids {
        let met = (latest_mask[&id] as u64).count_ones() as usize;
        let expected = latest_cert.get(&id).and_then(|(_, l)| Level::from_code(l));
        assert_eq!(catalog.level_for(met), expected, "city {id} with {met} met");
    }
    let los_angeles: (String, String) = cities::table
        .filter(cities::slug.eq("los-angeles"))
        .select((cities::country, cities::region))
        .first(&mut conn)
        .unwrap();
    assert_eq!(los_angeles, ("US".to_owned(), "us_canada".to_owned()));
}

#[tokio::test]
async fn the_home_page_shows_the_demo_cities_and_says_they_are_demo_data() {
    let app = TestApp::spawn().await;
    let empty = app.get("/").await.text().await.unwrap();
    assert!(!empty.contains("Demo data."));
    let catalog = app.state.standards.current().unwrap().clone();
    peerhall::demo::seed(&mut app.conn(), &catalog).unwrap();
    let page = app.get("/").await.text().await.unwrap();
    assert!(page.contains("Demo data."));
    assert!(page.contains("Buenos Aires"));
    assert!(page.contains("Bogotá"));
    assert!(page.contains("class=\"tag-demo\""));
    let nyc = page.find("New York City").unwrap();
    let row_end = nyc + page[nyc..].find("</tr>").unwrap();
    assert!(page[nyc..row_end].contains("Platinum"));
}

#[tokio::test]
async fn the_demo_forum_is_seeded_once_in_three_languages_and_shows_in_the_forum() {
    use diesel::prelude::*;
    use peerhall::schema::threads;
    let app = TestApp::spawn().await;
    let catalog = app.state.standards.current().unwrap().clone();
    peerhall::demo::seed(&mut app.conn(), &catalog).unwrap();
    let first = peerhall::demo::forum::seed(&mut app.conn(), &catalog).unwrap();
    assert!(
        first.threads_added >= 26 && first.replies_added >= 50,
        "{first:?}"
    );
    let second = peerhall::demo::forum::seed(&mut app.conn(), &catalog).unwrap();
    assert_eq!((second.people_added, second.threads_added), (0, 0));
    for lang in ["en", "es", "pt"] {
        let count: i64 = threads::table
            .filter(threads::lang.eq(lang))
            .count()
            .get_result(&mut app.conn())
            .unwrap();
        assert!(count >= 6, "{lang}: {count}");
    }
    let solved: i64 = threads::table
        .filter(threads::accepted_post_id.is_not_null())
        .count()
        .get_result(&mut app.conn())
        .unwrap();
    assert!(solved >= 6);
    app.create_user("visitor@x.org", "moderator", None);
    let token = app.token_for("visitor@x.org");
    let unanswered: serde_json::Value = app
        .get_as(&token, "/api/v1/threads?view=unanswered")
        .await
        .json()
        .await
        .unwrap();
    assert!(unanswered["threads"].as_array().unwrap().len() >= 4);
    let page = app.get_as(&token, "/forum").await.text().await.unwrap();
    assert!(page.contains("/forum/c/dm"));
}
