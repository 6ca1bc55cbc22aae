//! A full rebuild's reader (`BulkExport`) reads, batch after batch, exactly
//! what the indexer's reader reads thread by thread: no thread lost at a
//! batch's edge, hidden threads and hidden or deleted posts left out, and
//! each thread's opening post first even when it is not its oldest.

use diesel::prelude::*;
use peerhall::forum::store::bulk_export::BulkExport;
use peerhall::forum::store::export::{self, ThreadExport};
use peerhall::schema::{posts, threads};

use crate::helpers::TestApp;
use crate::scale::{SIZES, seed};

/// What the index is made of, in a form two readers can be compared by.
fn summary(threads: &[ThreadExport]) -> Vec<String> {
    threads
        .iter()
        .map(|t| {
            let posts: Vec<String> = t
                .posts
                .iter()
                .map(|p| {
                    let author = (&p.author_handle, &p.author_city);
                    format!("{}:{}:{}:{author:?}", p.row.id, p.row.opening, p.row.votes)
                })
                .collect();
            format!(
                "{} {} {:?} {:?} [{}]",
                t.row.id,
                t.row.title,
                t.space_city,
                t.tags,
                posts.join(" ")
            )
        })
        .collect()
}

#[tokio::test]
async fn the_bulk_reader_reads_what_the_thread_reader_reads() {
    let app = TestApp::spawn().await;
    seed(&app, SIZES).unwrap();
    let mut conn = app.conn();
    let ids: Vec<i32> = threads::table
        .order(threads::id)
        .select(threads::id)
        .load(&mut conn)
        .unwrap();
    // A hidden thread, a hidden and a deleted reply, and a thread whose
    // opening post is its newest (as a merge of threads can leave it).
    let hidden_thread = ids[3];
    diesel::update(threads::table.find(hidden_thread))
        .set(threads::visible.eq(false))
        .execute(&mut conn)
        .unwrap();
    let replies: Vec<(i32, i32)> = posts::table
        .filter(posts::opening.eq(false))
        .order(posts::id)
        .select((posts::id, posts::thread_id))
        .load(&mut conn)
        .unwrap();
    let (hidden, deleted) = (replies[0].0, replies[1].0);
    diesel::update(posts::table.find(hidden))
        .set(posts::hidden.eq(true))
        .execute(&mut conn)
        .unwrap();
    diesel::update(posts::table.find(deleted))
        .set(posts::deleted.eq(true))
        .execute(&mut conn)
        .unwrap();
    let (newest, reordered) = *replies.last().unwrap();
    diesel::update(posts::table.filter(posts::thread_id.eq(reordered)))
        .set(posts::opening.eq(posts::id.eq(newest)))
        .execute(&mut conn)
        .unwrap();

    let expected = export::threads_for_index(&mut conn, &ids).unwrap();
    let mut bulk = BulkExport::start(&mut conn, 7).unwrap();
    let mut read = Vec::new();
    while let Some(batch) = bulk.next_batch(&mut conn).unwrap() {
        assert!(batch.len() <= 7);
        read.extend(batch);
    }
    assert_eq!(summary(&read), summary(&expected));
    assert_eq!(read.len(), ids.len() - 1);
    assert!(read.iter().all(|t| t.row.id != hidden_thread));
    let read_posts: Vec<i32> = read
        .iter()
        .flat_map(|t| &t.posts)
        .map(|p| p.row.id)
        .collect();
    assert!(!read_posts.contains(&hidden) && !read_posts.contains(&deleted));
    let moved = read.iter().find(|t| t.row.id == reordered).unwrap();
    assert_eq!(moved.posts[0].row.id, newest);
    assert!(moved.posts.len() > 1 && moved.posts[0].row.opening);
    assert!(
        read.iter().any(|t| t.space_city.is_some()),
        "some threads are a city's"
    );
    assert!(read_posts.len() > 400);
}
