//! Personal API tokens for `Authorization: Bearer`: created by the CLI or the
//! profile page, shown once, listed and revocable.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::tokens::{self, API_TOKEN_PREFIX};
use super::users::{PersonRow, User, person_columns};
use crate::db::DbConnection;
use crate::schema::{api_tokens, cities, users};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = api_tokens)]
pub struct ApiToken {
    pub id: i32,
    pub name: String,
    pub created_at: NaiveDateTime,
    pub last_used_at: Option<NaiveDateTime>,
}

/// Creates a token and returns it; only its hash is stored.
pub fn create(conn: &mut DbConnection, user_id: i32, name: &str) -> anyhow::Result<String> {
    let token = format!("{API_TOKEN_PREFIX}{}", tokens::generate()?);
    diesel::insert_into(api_tokens::table)
        .values((
            api_tokens::user_id.eq(user_id),
            api_tokens::name.eq(name),
            api_tokens::token_hash.eq(tokens::hash(&token)),
        ))
        .execute(conn)?;
    Ok(token)
}

/// How stale `last_used_at` may get: people read it by the day, and a write
/// on every request would make each API read a database write as well.
const LAST_USED_RESOLUTION_SECS: i64 = 60;

/// What a bearer token is, as far as reading tells.
#[derive(Debug, Clone)]
pub enum TokenUse {
    /// No live token has this value.
    Unknown,
    /// Its use is already noted to the minute.
    Noted { user: User },
    /// Its use must still be written down.
    Unnoted { id: i32, user: User },
}

/// Reads what `token` is and whose, in one statement, writing nothing.
pub fn find(conn: &mut DbConnection, token: &str, now: NaiveDateTime) -> QueryResult<TokenUse> {
    let hash = tokens::hash(token);
    let found: Option<(i32, Option<NaiveDateTime>, PersonRow)> =
        crate::on_backend!(conn, |c| api_tokens::table
            .inner_join(users::table.left_join(cities::table))
            .filter(api_tokens::token_hash.eq(&hash))
            .filter(api_tokens::revoked_at.is_null())
            .select((api_tokens::id, api_tokens::last_used_at, person_columns()))
            .first(c)
            .optional())?;
    Ok(match found {
        None => TokenUse::Unknown,
        Some((id, last_used, person)) => {
            let user = User::from(person);
            let stale = last_used
                .is_none_or(|at| (now - at).num_seconds().abs() >= LAST_USED_RESOLUTION_SECS);
            if stale {
                TokenUse::Unnoted { id, user }
            } else {
                TokenUse::Noted { user }
            }
        }
    })
}

/// The user a live token belongs to; notes when it was last used, to the minute.
pub fn user_for(
    conn: &mut DbConnection,
    token: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<User>> {
    match find(conn, token, now)? {
        TokenUse::Unknown => Ok(None),
        TokenUse::Noted { user } => Ok(Some(user)),
        TokenUse::Unnoted { id, user } => {
            diesel::update(api_tokens::table.find(id))
                .set(api_tokens::last_used_at.eq(now))
                .execute(conn)?;
            Ok(Some(user))
        }
    }
}

/// A user's live tokens, newest first.
pub fn list(conn: &mut DbConnection, user_id: i32) -> QueryResult<Vec<ApiToken>> {
    api_tokens::table
        .filter(api_tokens::user_id.eq(user_id))
        .filter(api_tokens::revoked_at.is_null())
        .order(api_tokens::id.desc())
        .select(ApiToken::as_select())
        .load(conn)
}

/// Revokes one of the user's own tokens; false if it was not theirs or already revoked.
pub fn revoke(
    conn: &mut DbConnection,
    user_id: i32,
    id: i32,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(
        api_tokens::table
            .filter(api_tokens::id.eq(id))
            .filter(api_tokens::user_id.eq(user_id))
            .filter(api_tokens::revoked_at.is_null()),
    )
    .set(api_tokens::revoked_at.eq(now))
    .execute(conn)
    .map(|n| n == 1)
}
