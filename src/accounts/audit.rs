//! The audit log: role changes, invitations, token creation and moderation,
//! written in the same transaction as the change it records.

use diesel::prelude::*;

use crate::db::DbConnection;
use crate::schema::audit_log;

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
