//! Single-use links sent by email: created with an expiry, consumed atomically.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::tokens;
use crate::db::DbConnection;
use crate::schema::email_tokens;

/// How long a sign-in link works.
pub const SIGN_IN_TTL: Duration = Duration::minutes(15);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    SignIn,
    Invitation,
}

impl Purpose {
    fn code(self) -> &'static str {
        match self {
            Purpose::SignIn => "sign_in",
            Purpose::Invitation => "invitation",
        }
    }
}

/// Stores a new link's hash and returns the token to put in the email.
pub fn create(
    conn: &mut DbConnection,
    user_id: i32,
    purpose: Purpose,
    expires_at: NaiveDateTime,
) -> anyhow::Result<String> {
    let token = tokens::generate()?;
    diesel::insert_into(email_tokens::table)
        .values((
            email_tokens::user_id.eq(user_id),
            email_tokens::token_hash.eq(tokens::hash(&token)),
            email_tokens::purpose.eq(purpose.code()),
            email_tokens::expires_at.eq(expires_at),
        ))
        .execute(conn)?;
    Ok(token)
}

/// Whose link this is, if it would still work, without using it (for the
/// confirm page).
pub fn holder(
    conn: &mut DbConnection,
    token: &str,
    purpose: Purpose,
    now: NaiveDateTime,
) -> QueryResult<Option<i32>> {
    email_tokens::table
        .filter(email_tokens::token_hash.eq(tokens::hash(token)))
        .filter(email_tokens::purpose.eq(purpose.code()))
        .filter(email_tokens::used_at.is_null())
        .filter(email_tokens::expires_at.gt(now))
        .select(email_tokens::user_id)
        .first(conn)
        .optional()
}

/// Uses the link: one UPDATE, so two clicks racing cannot both succeed.
/// Returns the user it belongs to, or None if unknown, used or expired.
pub fn consume(
    conn: &mut DbConnection,
    token: &str,
    purpose: Purpose,
    now: NaiveDateTime,
) -> QueryResult<Option<i32>> {
    diesel::update(
        email_tokens::table
            .filter(email_tokens::token_hash.eq(tokens::hash(token)))
            .filter(email_tokens::purpose.eq(purpose.code()))
            .filter(email_tokens::used_at.is_null())
            .filter(email_tokens::expires_at.gt(now)),
    )
    .set(email_tokens::used_at.eq(now))
    .returning(email_tokens::user_id)
    .get_result(conn)
    .optional()
}
