//! The audit log: role changes, invitations, token creation and moderation,
//! written in the same transaction as the change it records.

use diesel::prelude::*;

use crate::db::DbConnection;
use chrono::NaiveDateTime;

use crate::schema::{audit_log, users};

/// `actor` is None for changes made from the command line.
pub fn record(
    conn: &mut DbConnection,
    actor: Option<i32>,
    action: &str,
    subject: &str,
    detail: Option<&str>,
) -> QueryResult<()> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::actor_id.eq(actor),
            audit_log::action.eq(action),
            audit_log::subject.eq(subject),
            audit_log::detail.eq(detail),
        ))
        .execute(conn)
        .map(|_| ())
}

/// One line of the audit log, with the actor's email (None: the command line).
#[derive(Debug, Clone, Queryable)]
pub struct Entry {
    pub created_at: NaiveDateTime,
    pub actor: Option<String>,
    pub action: String,
    pub subject: String,
    pub detail: Option<String>,
}

/// The newest entries first.
pub fn recent(conn: &mut DbConnection, limit: i64) -> QueryResult<Vec<Entry>> {
    audit_log::table
        .left_join(users::table)
        .select((
            audit_log::created_at,
            users::email.nullable(),
            audit_log::action,
            audit_log::subject,
            audit_log::detail,
        ))
        .order(audit_log::id.desc())
        .limit(limit)
        .load(conn)
}
