//! Reading the forum: one thread with its space, tags and author; a page of its
//! posts (the question, the accepted answer, then replies in order); and the
//! thread lists, each a keyset page, with only what the reader may see.

use std::collections::HashMap;

use diesel::prelude::*;

use super::people::{Author, author_of, authors};
use super::{PostRow, ThreadRow};
use crate::db::DbConnection;
use crate::forum::cursor::{Cursor, Page};
use crate::forum::space::{CITY_SPACE, Category, CitySpace, Space};
use crate::schema::{cities, posts, thread_tags, threads};
use crate::standard::Catalog;

/// A thread as its page shows it.
#[derive(Debug, Clone)]
pub struct ThreadView {
    pub row: ThreadRow,
    pub space: Space,
    pub tags: Vec<String>,
    pub author: Option<Author>,
}

/// A thread whatever its state (the caller decides who sees a hidden one);
/// None when there is no such thread or its space no longer exists.
pub fn find_thread(
    conn: &mut DbConnection,
    catalog: &Catalog,
    id: i32,
) -> QueryResult<Option<ThreadView>> {
    let row = crate::on_backend!(conn, |c| threads::table
        .find(id)
        .select(ThreadRow::as_select())
        .first(c)
        .optional())?;
    let Some(row) = row else {
        return Ok(None);
    };
    let Some(space) = space_of(conn, catalog, &row)? else {
        return Ok(None);
    };
    let tags = crate::on_backend!(conn, |c| thread_tags::table
        .filter(thread_tags::thread_id.eq(row.id))
        .order(thread_tags::tag)
        .select(thread_tags::tag)
        .load(c))?;
    let author = match row.author_id {
        Some(a) => author_of(conn, a)?,
        None => None,
    };
    Ok(Some(ThreadView {
        row,
        space,
        tags,
        author,
    }))
}

/// The space a stored thread lives in.
pub fn space_of(
    conn: &mut DbConnection,
    catalog: &Catalog,
    row: &ThreadRow,
) -> QueryResult<Option<Space>> {
    if row.category != CITY_SPACE {
        return Ok(Category::parse(catalog, &row.category).map(Space::Public));
    }
    let Some(city_id) = row.space_city_id else {
        return Ok(None);
    };
    let city: Option<(String, String)> = cities::table
        .find(city_id)
        .select((cities::slug, cities::name))
        .first(conn)
        .optional()?;
    Ok(city.map(|(slug, name)| {
        Space::City(CitySpace {
            id: city_id,
            slug,
            name,
        })
    }))
}

pub fn find_post(conn: &mut DbConnection, id: i32) -> QueryResult<Option<PostRow>> {
    posts::table
        .find(id)
        .select(PostRow::as_select())
        .first(conn)
        .optional()
}

/// Which threads a list shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ThreadFilter {
    /// Everything the reader may see, latest activity first.
    Latest,
    Space(Space),
    Tag(String),
    /// Questions nobody has replied to.
    Unanswered,
    /// Open questions tagged with any of these criterion tags, not the reader's own.
    Answerable(Vec<String>),
    /// Threads a person started or replied in.
    Author(i32),
}

/// A list as one reader sees it.
#[derive(Debug, Clone)]
pub struct Listing {
    pub filter: ThreadFilter,
    pub reader: i32,
    /// The reader's city, whose private space joins the cross-space lists.
    pub reader_city: Option<i32>,
}

/// A line in a thread list.
#[derive(Debug, Clone)]
pub struct ThreadSummary {
    pub row: ThreadRow,
    pub space: Space,
    pub tags: Vec<String>,
    pub author: Option<Author>,
}

type Boxed<'a> = threads::BoxedQuery<'a, <DbConnection as diesel::Connection>::Backend>;

pub fn list(
    conn: &mut DbConnection,
    catalog: &Catalog,
    listing: &Listing,
    after: Option<Cursor>,
    size: i64,
) -> QueryResult<Page<ThreadSummary>> {
    let mut query = filtered(listing)
        .filter(threads::visible.eq(true))
        .order((threads::last_post_at.desc(), threads::id.desc()))
        .limit(size + 1);
    if let Some(c) = after {
        query = query.filter(
            threads::last_post_at
                .lt(c.at)
                .or(threads::last_post_at.eq(c.at).and(threads::id.lt(c.id))),
        );
    }
    let rows: Vec<ThreadRow> = query.select(ThreadRow::as_select()).load(conn)?;
    let page = Page::from_rows(rows, size, |t: &ThreadRow| Cursor {
        at: t.last_post_at,
        id: t.id,
    });
    let ids: Vec<i32> = page.items.iter().map(|t| t.id).collect();
    let mut tags = tags_of(conn, &ids)?;
    let author_ids: Vec<i32> = page.items.iter().filter_map(|t| t.author_id).collect();
    let people = authors(conn, &author_ids)?;
    let spaces = city_spaces(conn, &page.items)?;
    let items = page
        .items
        .into_iter()
        .filter_map(|row| {
            let space = match row.space_city_id {
                Some(city) => Space::City(spaces.get(&city)?.clone()),
                None => Space::Public(Category::parse(catalog, &row.category)?),
            };
            Some(ThreadSummary {
                space,
                tags: tags.remove(&row.id).unwrap_or_default(),
                author: row.author_id.and_then(|a| people.get(&a).cloned()),
                row,
            })
        })
        .collect();
    Ok(Page {
        items,
        next: page.next,
    })
}

/// What a reader from `city` (None: program staff or no city) sees outside
/// one chosen space: the public spaces and their own city's.
type Readable = diesel::dsl::Or<
    diesel::dsl::NotEq<threads::category, &'static str>,
    diesel::dsl::AssumeNotNull<diesel::dsl::Eq<threads::space_city_id, Option<i32>>>,
>;

pub fn readable_by(city: Option<i32>) -> Readable {
    threads::category
        .ne(CITY_SPACE)
        .or(threads::space_city_id.eq(city).assume_not_null())
}

/// Those of the threads `ids` that are visible and that a reader from `city`
/// may read: what a search hit is checked against before it is shown.
pub fn readable_threads(
    conn: &mut DbConnection,
    city: Option<i32>,
    ids: &[i32],
) -> QueryResult<Vec<ThreadRow>> {
    threads::table
        .filter(threads::id.eq_any(ids))
        .filter(threads::visible.eq(true))
        .filter(readable_by(city))
        .select(ThreadRow::as_select())
        .load(conn)
}

/// The list's filter; outside one space, only public spaces and the reader's own.
fn filtered(listing: &Listing) -> Boxed<'static> {
    let query = threads::table.into_boxed();
    let readable = readable_by(listing.reader_city);
    match &listing.filter {
        ThreadFilter::Space(Space::Public(c)) => {
            query.filter(threads::category.eq(c.slug().to_owned()))
        }
        ThreadFilter::Space(Space::City(city)) => query
            .filter(threads::category.eq(CITY_SPACE))
            .filter(threads::space_city_id.eq(city.id)),
        ThreadFilter::Latest => query.filter(readable),
        ThreadFilter::Tag(tag) => query.filter(readable).filter(
            threads::id.eq_any(
                thread_tags::table
                    .filter(thread_tags::tag.eq(tag.clone()))
                    .select(thread_tags::thread_id),
            ),
        ),
        ThreadFilter::Unanswered => query
            .filter(readable)
            .filter(threads::kind.eq("question"))
            .filter(threads::reply_count.eq(0)),
        ThreadFilter::Answerable(criteria) => query
            .filter(readable)
            .filter(threads::kind.eq("question"))
            .filter(threads::accepted_post_id.is_null())
            .filter(threads::locked.eq(false))
            .filter(
                threads::author_id
                    .ne(listing.reader)
                    .or(threads::author_id.is_null()),
            )
            .filter(
                threads::id.eq_any(
                    thread_tags::table
                        .filter(thread_tags::tag.eq_any(criteria.clone()))
                        .select(thread_tags::thread_id),
                ),
            ),
        ThreadFilter::Author(person) => query.filter(readable).filter(
            threads::author_id.eq(*person).or(threads::id.eq_any(
                posts::table
                    .filter(posts::author_id.eq(*person))
                    .filter(posts::hidden.eq(false))
                    .filter(posts::deleted.eq(false))
                    .select(posts::thread_id),
            )),
        ),
    }
}

/// The private spaces the threads live in, by city id.
fn city_spaces(
    conn: &mut DbConnection,
    rows: &[ThreadRow],
) -> QueryResult<HashMap<i32, CitySpace>> {
    let ids: Vec<i32> = rows.iter().filter_map(|t| t.space_city_id).collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let found: Vec<(i32, String, String)> = cities::table
        .filter(cities::id.eq_any(&ids))
        .select((cities::id, cities::slug, cities::name))
        .load(conn)?;
    Ok(found
        .into_iter()
        .map(|(id, slug, name)| (id, CitySpace { id, slug, name }))
        .collect())
}

/// Each thread's tags, alphabetically.
pub(super) fn tags_of(
    conn: &mut DbConnection,
    ids: &[i32],
) -> QueryResult<HashMap<i32, Vec<String>>> {
    let rows: Vec<(i32, String)> = thread_tags::table
        .filter(thread_tags::thread_id.eq_any(ids))
        .order((thread_tags::thread_id, thread_tags::tag))
        .select((thread_tags::thread_id, thread_tags::tag))
        .load(conn)?;
    Ok(grouped(rows))
}

/// Values grouped by the thread id each row starts with, in the rows' order.
pub(super) fn grouped<T>(rows: impl IntoIterator<Item = (i32, T)>) -> HashMap<i32, Vec<T>> {
    let mut by_thread: HashMap<i32, Vec<T>> = HashMap::new();
    for (id, value) in rows {
        by_thread.entry(id).or_default().push(value);
    }
    by_thread
}
