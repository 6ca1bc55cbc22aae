//! The server-side half of browser sessions: the cookie carries a token, the
//! database its hash; deleting the row signs the browser out everywhere it was copied.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::tokens;
use super::users::{PersonRow, User, person_columns};
use crate::db::DbConnection;
use crate::schema::{cities, sessions, users};

/// How long a browser stays signed in.
pub const SESSION_TTL: Duration = Duration::days(14);

pub fn create(conn: &mut DbConnection, user_id: i32, now: NaiveDateTime) -> anyhow::Result<String> {
    let token = tokens::generate()?;
    diesel::insert_into(sessions::table)
        .values((
            sessions::user_id.eq(user_id),
            sessions::token_hash.eq(tokens::hash(&token)),
            sessions::expires_at.eq(now + SESSION_TTL),
        ))
        .execute(conn)?;
    Ok(token)
}

/// The person a live session belongs to, with their city, in one statement.
pub fn user_for(
    conn: &mut DbConnection,
    token: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<User>> {
    let hash = tokens::hash(token);
    let found: Option<PersonRow> = crate::on_backend!(conn, |c| sessions::table
        .inner_join(users::table.left_join(cities::table))
        .filter(sessions::token_hash.eq(&hash))
        .filter(sessions::expires_at.gt(now))
        .select(person_columns())
        .first(c)
        .optional())?;
    Ok(found.map(User::from))
}

pub fn delete(conn: &mut DbConnection, token: &str) -> QueryResult<()> {
    diesel::delete(sessions::table.filter(sessions::token_hash.eq(tokens::hash(token))))
        .execute(conn)
        .map(|_| ())
}
