//! Searches over small in-memory indexes: languages and codes, the query
//! language, filters, permissions, ranking, facets, pages and snippets; and the
//! writer, commits and reopening on disk.

mod language;
mod ranking;
mod related;
mod syntax;

use chrono::{NaiveDate, NaiveDateTime};

use super::*;

/// A public English opening post with `body` and nothing else of note.
pub fn post(id: i64, body: &str) -> PostDoc {
    PostDoc {
        post_id: id,
        thread_id: id,
        is_opening: true,
        title: String::new(),
        body: body.to_owned(),
        lang: "en".to_owned(),
        area: "general".to_owned(),
        criteria: Vec::new(),
        tags: Vec::new(),
        space: "public".to_owned(),
        city: "springfield".to_owned(),
        author: "maria".to_owned(),
        created: at(2026, 1, 1),
        solved: false,
        answered: false,
        accepted: false,
        votes: 0,
    }
}

pub fn in_lang(id: i64, lang: &str, body: &str) -> PostDoc {
    PostDoc {
        lang: lang.to_owned(),
        ..post(id, body)
    }
}

pub fn at(year: i32, month: u32, day: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(year, month, day)
        .and_then(|d| d.and_hms_opt(12, 0, 0))
        .expect("a valid day")
}

pub fn index(posts: &[PostDoc]) -> SearchIndex {
    let index = SearchIndex::in_memory().expect("an index in memory");
    index
        .with_writer(|writer| {
            for post in posts {
                add(writer, post)?;
            }
            Ok(())
        })
        .expect("posts added");
    index.commit_with_payload("1").expect("committed");
    index
}

pub fn staff() -> Viewer {
    Viewer {
        all_spaces: true,
        city_space: None,
    }
}

pub fn request(query: &str, sort: Sort, page: usize, per_page: usize) -> SearchRequest {
    SearchRequest {
        query: parse(query).expect(query),
        sort,
        page,
        per_page,
    }
}

pub fn search_as(index: &SearchIndex, viewer: &Viewer, query: &str) -> Results {
    let req = request(query, Sort::Relevance, 1, MAX_PER_PAGE);
    index.search(viewer, &req).expect(query)
}

/// The post ids found by `query`, in result order.
pub fn ids(index: &SearchIndex, query: &str) -> Vec<i64> {
    ids_as(index, &staff(), query)
}

pub fn ids_as(index: &SearchIndex, viewer: &Viewer, query: &str) -> Vec<i64> {
    search_as(index, viewer, query)
        .hits
        .iter()
        .map(|h| h.post_id)
        .collect()
}

/// The segments a search reads now.
fn segment_ids(index: &SearchIndex) -> Vec<tantivy::index::SegmentId> {
    index
        .inner
        .index
        .searchable_segment_ids()
        .expect("segments")
}

/// The post ids found by `query`, in id order.
pub fn sorted_ids(index: &SearchIndex, query: &str) -> Vec<i64> {
    let mut ids = ids(index, query);
    ids.sort_unstable();
    ids
}

#[test]
fn a_prepared_search_runs_elsewhere_like_a_search() {
    let posts: Vec<PostDoc> = (1..=6)
        .map(|id| {
            post(
                id,
                if id <= 2 {
                    "budget dashboard"
                } else {
                    "budget"
                },
            )
        })
        .collect();
    let index = index(&posts);
    let req = request("budget", Sort::Relevance, 1, 10);
    let prepared = index.prepare(staff(), req.clone());
    let elsewhere = std::thread::spawn(move || prepared.run()).join();
    let found = elsewhere.expect("ran").expect("searched");
    assert_eq!(found.total, 6);
    assert_eq!(found, index.search(&staff(), &req).expect("searched"));
}

/// The service runs a search whose totals are remembered on the request's
/// own thread, outside rayon's pool: it must answer as the first run did,
/// and a commit that adds posts must make it count again.
#[test]
fn a_search_is_counted_once_per_segment_and_answers_the_same_when_it_was() {
    let posts: Vec<PostDoc> = (1..=6).map(|id| post(id, "budget")).collect();
    let index = index(&posts);
    let req = request("budget", Sort::Relevance, 1, 3);
    let first = index.prepare(staff(), req.clone());
    assert!(!first.is_counted());
    let counted = first.run().expect("searched");
    let again = index.prepare(staff(), req.clone());
    assert!(again.is_counted());
    assert_eq!(again.run().expect("searched again"), counted);
    let other = index.prepare(Viewer::default(), req.clone());
    assert!(!other.is_counted(), "another viewer's totals are their own");
    let more = post(7, "budget");
    index
        .with_writer(|writer| add(writer, &more))
        .expect("added");
    index.commit_with_payload("2").expect("committed");
    let after_commit = index.prepare(staff(), req);
    assert!(!after_commit.is_counted(), "the new segment is not counted");
    assert_eq!(after_commit.run().expect("searched").total, 7);
}

#[test]
fn adding_a_post_again_replaces_it_and_deletes_remove_posts() {
    let index = index(&[post(1, "first draft"), post(2, "budget"), post(3, "budget")]);
    index
        .with_writer(|writer| {
            add(writer, &post(1, "second version"))?;
            delete_post(writer, 2)?;
            let mut reply = post(4, "budget reply");
            reply.thread_id = 3;
            add(writer, &reply)
        })
        .expect("written");
    index.commit_with_payload("2").expect("committed");
    assert_eq!(ids(&index, "draft"), Vec::<i64>::new());
    assert_eq!(ids(&index, "version"), [1]);
    assert_eq!(sorted_ids(&index, "budget"), [3, 4]);
    index
        .with_writer(|writer| delete_thread(writer, 3))
        .expect("written");
    index.commit_with_payload("3").expect("committed");
    assert_eq!(ids(&index, "budget"), Vec::<i64>::new());
    assert_eq!(index.check().expect("readable"), 1);
}

#[test]
fn changes_are_invisible_until_committed_then_reload_shows_them() {
    let index = index(&[]);
    index
        .with_writer(|writer| add(writer, &post(1, "budget")))
        .expect("written");
    index.reload().expect("reloaded");
    assert!(ids(&index, "budget").is_empty());
    index
        .with_writer(|writer| Ok(writer.commit()?))
        .expect("committed");
    index.reload().expect("reloaded");
    assert_eq!(ids(&index, "budget"), [1]);
}

#[test]
fn the_commit_payload_survives_reopening_the_index() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    {
        let index = SearchIndex::open_or_create_with(dir.path(), 0).expect("created");
        assert_eq!(index.committed_payload().expect("metas"), None);
        index
            .with_writer(|writer| add(writer, &post(7, "GIS layers")))
            .expect("written");
        index.commit_with_payload("outbox:42").expect("committed");
    }
    let index = SearchIndex::open_or_create(dir.path()).expect("reopened");
    assert_eq!(index.dir(), dir.path());
    assert_eq!(
        index.committed_payload().expect("metas").as_deref(),
        Some("outbox:42")
    );
    assert_eq!(ids(&index, "gis"), [7]);
}

#[test]
fn merging_into_one_segment_keeps_every_post_the_deletions_and_the_payload() {
    let index = index(&[post(1, "budget"), post(2, "budget")]);
    without_merges(&index);
    for (id, payload) in [(3, "2"), (4, "3")] {
        index
            .with_writer(|writer| add(writer, &post(id, "budget")))
            .expect("written");
        index.commit_with_payload(payload).expect("committed");
    }
    index
        .with_writer(|writer| delete_post(writer, 2))
        .expect("written");
    index.commit_with_payload("4").expect("committed");
    assert_eq!(index.merge_into_one().expect("merged"), 3);
    let segments = segment_ids(&index);
    assert_eq!(segments.len(), 1);
    assert_eq!(sorted_ids(&index, "budget"), [1, 3, 4]);
    assert_eq!(
        index.committed_payload().expect("metas").as_deref(),
        Some("4")
    );
    assert_eq!(index.merge_into_one().expect("nothing to merge"), 1);
}

/// The live writer's merge policy would merge these tests' few segments in
/// the background, as a bulk build's writer does not.
fn without_merges(index: &SearchIndex) {
    index
        .with_writer(|writer| {
            writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
            Ok(())
        })
        .expect("no merges");
}

/// A build commits three times (each step of boost apart), each commit
/// leaving one segment per indexing thread when its memory suffices.
#[test]
fn a_build_is_merged_only_if_it_left_more_segments_than_its_three_commits_had_threads() {
    let index = index(&[post(1, "budget")]);
    without_merges(&index);
    let expected = super::live::BUILD_COMMITS * super::bulk_threads();
    for id in 2..=(expected as i64) {
        index
            .with_writer(|writer| add(writer, &post(id, "budget")))
            .expect("written");
        index.commit_with_payload("1").expect("committed");
    }
    // One segment per thread and commit: left as it is.
    assert_eq!(index.merge_if_split().expect("checked"), expected);
    assert_eq!(segment_ids(&index).len(), expected);
    index
        .with_writer(|writer| add(writer, &post(99, "budget")))
        .expect("written");
    index.commit_with_payload("2").expect("committed");
    // One more, as when a build runs out of memory: merged.
    assert_eq!(index.merge_if_split().expect("merged"), expected + 1);
    assert_eq!(segment_ids(&index).len(), 1);
    assert_eq!(sorted_ids(&index, "budget").len(), expected + 1);
}

/// A merge already under way (the merge policy starts them in the
/// background) holds some of the segments; merging into one must wait for it
/// rather than merge those segments a second time, which failed at 1M posts.
#[test]
fn merging_into_one_waits_for_a_merge_already_under_way() {
    const COMMITS: i64 = 6;
    const PER_COMMIT: i64 = 300;
    let body = "budget participatory ".repeat(20);
    let index = index(&[]);
    // The live policy would merge these commits' segments in the background
    // too, at times of its own: the one merge under way is the test's.
    without_merges(&index);
    for commit in 0..COMMITS {
        index
            .with_writer(|writer| {
                for i in 0..PER_COMMIT {
                    add(writer, &post(commit * PER_COMMIT + i, &body))?;
                }
                Ok(())
            })
            .expect("written");
        index
            .commit_with_payload(&commit.to_string())
            .expect("committed");
    }
    let segments = segment_ids(&index);
    index
        .with_writer(|writer| {
            // Started, not awaited: still running when the next call begins.
            drop(writer.merge(segments.get(..2).unwrap_or_default()));
            Ok(())
        })
        .expect("a merge started");
    assert_eq!(index.merge_into_one().expect("merged"), segments.len() - 1);
    let after = segment_ids(&index);
    assert_eq!(after.len(), 1);
    assert_eq!(
        index.check().expect("readable"),
        (COMMITS * PER_COMMIT) as u64
    );
    let payload = index.committed_payload().expect("metas");
    assert_eq!(payload.as_deref(), Some("5"));
}

#[test]
fn an_empty_index_with_an_older_schema_is_recreated_but_a_filled_one_is_not() {
    let old_schema = || {
        let mut builder = tantivy::schema::Schema::builder();
        let body = builder.add_text_field("body", tantivy::schema::TEXT);
        (builder.build(), body)
    };
    let empty = tempfile::tempdir().expect("a temporary directory");
    tantivy::Index::create_in_dir(empty.path(), old_schema().0).expect("old index");
    let index = SearchIndex::open_or_create(empty.path()).expect("recreated");
    assert_eq!(index.check().expect("readable"), 0);

    let filled = tempfile::tempdir().expect("a temporary directory");
    let (schema, body) = old_schema();
    let old = tantivy::Index::create_in_dir(filled.path(), schema).expect("old index");
    let mut writer: tantivy::IndexWriter = old.writer(15_000_000).expect("writer");
    writer
        .add_document(tantivy::doc!(body => "kept"))
        .expect("added");
    writer.commit().expect("committed");
    drop(writer);
    let error = SearchIndex::open_or_create(filled.path())
        .err()
        .expect("refused");
    assert!(format!("{error:#}").contains("reindex"), "{error:#}");
}
