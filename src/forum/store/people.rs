//! The people a forum page names: authors with their handle and city, the
//! handles a post @mentions, and which of a set of people may read a space.

use std::collections::HashMap;

use diesel::prelude::*;

use crate::accounts::policy::{self, Action};
use crate::accounts::users::{User, UserRow};
use crate::db::DbConnection;
use crate::schema::{cities, users};

/// A post's or thread's author as pages show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    pub id: i32,
    pub handle: String,
    pub name: String,
    /// Their city's name; None for program staff.
    pub city: Option<String>,
}

/// The people with these ids, by id, in two queries whatever their number.
pub fn authors(conn: &mut DbConnection, ids: &[i32]) -> QueryResult<HashMap<i32, Author>> {
    let rows: Vec<(i32, Option<String>, String, Option<i32>)> = users::table
        .filter(users::id.eq_any(ids))
        .select((
            users::id,
            users::handle,
            users::display_name,
            users::city_id,
        ))
        .load(conn)?;
    let city_ids: Vec<i32> = rows.iter().filter_map(|r| r.3).collect();
    let names: HashMap<i32, String> = cities::table
        .filter(cities::id.eq_any(&city_ids))
        .select((cities::id, cities::name))
        .load::<(i32, String)>(conn)?
        .into_iter()
        .collect();
    Ok(rows
        .into_iter()
        .map(|(id, handle, name, city)| {
            let city = city.and_then(|c| names.get(&c).cloned());
            (id, author(id, handle, name, city))
        })
        .collect())
}

/// One person as [`authors`] gives them, in a statement of fixed shape.
pub fn author_of(conn: &mut DbConnection, id: i32) -> QueryResult<Option<Author>> {
    let row: Option<(i32, Option<String>, String, Option<String>)> =
        crate::on_backend!(conn, |c| users::table
            .left_join(cities::table)
            .filter(users::id.eq(id))
            .select((
                users::id,
                users::handle,
                users::display_name,
                cities::name.nullable(),
            ))
            .first(c)
            .optional())?;
    Ok(row.map(|(id, handle, name, city)| author(id, handle, name, city)))
}

/// Someone who has not picked a handle yet is named by their id.
pub(super) fn author(
    id: i32,
    handle: Option<String>,
    name: String,
    city: Option<String>,
) -> Author {
    Author {
        id,
        handle: handle.unwrap_or_else(|| format!("user{id}")),
        name,
        city,
    }
}

/// Which of `handles` belong to someone: handle → user id.
pub fn handles_known(
    conn: &mut DbConnection,
    handles: &[String],
) -> QueryResult<HashMap<String, i32>> {
    let rows: Vec<(Option<String>, i32)> = users::table
        .filter(users::handle.eq_any(handles))
        .select((users::handle, users::id))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(handle, id)| handle.map(|h| (h, id)))
        .collect())
}

/// Those of `ids` who may read the space (`None`: public), as the policy says.
pub fn readers(
    conn: &mut DbConnection,
    ids: &[i32],
    space_city: Option<i32>,
) -> QueryResult<Vec<i32>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<UserRow> = users::table
        .filter(users::id.eq_any(ids))
        .select(UserRow::as_select())
        .load(conn)?;
    let action = Action::ReadForum {
        private_to: space_city,
    };
    Ok(rows
        .into_iter()
        .map(|row| User::from_row(row, None))
        .filter(|user| policy::allows(Some(user), action))
        .map(|user| user.id)
        .collect())
}
