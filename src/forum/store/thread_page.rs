//! A thread page's posts: the question and its accepted answer, then replies
//! in order, each with its author, the author's city and whether the reader
//! voted for it. Two statements of fixed shape, which the connection
//! prepares once: the `IN` lists they replace made SQLite parse and plan
//! anew on every page view (BENCHMARKS.md, "Sixth run").

use chrono::DateTime;
use diesel::prelude::*;

use super::PostRow;
use super::ThreadRow;
use super::people::{Author, author};
use crate::db::DbConnection;
use crate::forum::cursor::{Cursor, Page};
use crate::schema::{cities, posts, users, votes};

/// A post as a thread page shows it.
#[derive(Debug, Clone)]
pub struct PostView {
    pub row: PostRow,
    pub author: Option<Author>,
    /// Whether the reader voted for it.
    pub voted: bool,
}

/// A post with its author's id, handle and name, their city's name and the
/// reader's vote, each absent when there is none.
type PostRowWith = (
    PostRow,
    Option<(i32, Option<String>, String)>,
    Option<String>,
    Option<i32>,
);

/// No post has this id: it stands for "no accepted answer" and keeps the
/// statements' shape the same whether there is one or not.
const NO_POST: i32 = 0;

/// The first page starts after a point before any post was written, for the
/// same reason.
fn before_any_post() -> Cursor {
    Cursor {
        at: DateTime::UNIX_EPOCH.naive_utc(),
        id: NO_POST,
    }
}

/// The thread's posts the reader may see, joined with what the page shows of
/// them: deleted ones never, hidden ones only `with_hidden`.
#[diesel::dsl::auto_type(no_type_alias)]
fn shown(thread: i32, reader: i32, with_hidden: bool) -> _ {
    let vote = votes::post_id.eq(posts::id).and(votes::user_id.eq(reader));
    // Joined flat: SQLite materialises a nested `users LEFT JOIN cities`,
    // reading every person for each page.
    let city = cities::id.nullable().eq(users::city_id);
    posts::table
        .left_join(users::table)
        .left_join(cities::table.on(city))
        .left_join(votes::table.on(vote))
        .filter(posts::thread_id.eq(thread))
        .filter(posts::deleted.eq(false))
        .filter(posts::hidden.eq(false).or(posts::hidden.eq(with_hidden)))
}

/// Loads a query over [`shown`] with the columns of [`PostRowWith`].
macro_rules! load_with_people {
    ($query:expr, $conn:expr) => {
        $query
            .select((
                PostRow::as_select(),
                (users::id, users::handle, users::display_name).nullable(),
                cities::name.nullable(),
                votes::user_id.nullable(),
            ))
            .load::<PostRowWith>($conn)
    };
}

/// The first page holds the question and its accepted answer, then replies
/// oldest first; later pages continue after the cursor. Deleted posts are
/// left out, and hidden ones unless `with_hidden` (for moderators).
pub fn posts_page(
    conn: &mut DbConnection,
    (thread, reader): (&ThreadRow, i32),
    (after, size): (Option<Cursor>, i64),
    with_hidden: bool,
) -> QueryResult<Page<PostView>> {
    let accepted = thread.accepted_post_id.unwrap_or(NO_POST);
    let mut first: Vec<PostRowWith> = Vec::new();
    if after.is_none() {
        first = crate::on_backend!(conn, |c| load_with_people!(
            shown(thread.id, reader, with_hidden)
                .filter(posts::opening.eq(true).or(posts::id.eq(accepted)))
                .order(posts::opening.desc()),
            c
        ))?;
    }
    let c = after.unwrap_or_else(before_any_post);
    let replies = crate::on_backend!(conn, |db| load_with_people!(
        shown(thread.id, reader, with_hidden)
            .filter(posts::opening.eq(false))
            .filter(posts::id.ne(accepted))
            .filter(
                posts::created_at
                    .gt(c.at)
                    .or(posts::created_at.eq(c.at).and(posts::id.gt(c.id))),
            )
            .order((posts::created_at.asc(), posts::id.asc()))
            .limit(size + 1),
        db
    ))?;
    let page = Page::from_rows(replies, size, |(p, ..): &PostRowWith| Cursor {
        at: p.created_at,
        id: p.id,
    });
    Ok(Page {
        items: first.into_iter().chain(page.items).map(view).collect(),
        next: page.next,
    })
}

fn view((row, person, city, vote): PostRowWith) -> PostView {
    PostView {
        author: person.map(|(id, handle, name)| author(id, handle, name, city)),
        voted: vote.is_some(),
        row,
    }
}
