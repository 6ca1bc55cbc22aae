//! The `digest_preferences` rows: one per person who changed a default, read
//! back as [`MailPreferences`] (the defaults when there is no row).

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::preferences::{MailPreferences, Weekday};
use crate::accounts::users::UserRow;
use crate::db::DbConnection;
use crate::schema::{digest_preferences, undeliverable_addresses, users};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = digest_preferences)]
struct Row {
    user_id: i32,
    digest: bool,
    digest_day: String,
    digest_hour: i32,
    notify_immediately: bool,
    updated_at: NaiveDateTime,
}

impl Row {
    fn of(user_id: i32, prefs: &MailPreferences, now: NaiveDateTime) -> Row {
        Row {
            user_id,
            digest: prefs.digest,
            digest_day: prefs.digest_day.code().to_owned(),
            digest_hour: i32::from(prefs.digest_hour),
            notify_immediately: prefs.notify_immediately,
            updated_at: now,
        }
    }

    /// A row written by another version with a value this one cannot read
    /// falls back to that value's default rather than failing the request.
    fn preferences(&self) -> MailPreferences {
        let default = MailPreferences::default();
        MailPreferences {
            digest: self.digest,
            digest_day: Weekday::parse(&self.digest_day).unwrap_or(default.digest_day),
            digest_hour: u8::try_from(self.digest_hour)
                .ok()
                .filter(|h| *h < 24)
                .unwrap_or(default.digest_hour),
            notify_immediately: self.notify_immediately,
        }
    }
}

/// `user_id`'s preferences; the defaults if they never changed them.
pub fn load(conn: &mut DbConnection, user_id: i32) -> QueryResult<MailPreferences> {
    let row = digest_preferences::table
        .find(user_id)
        .select(Row::as_select())
        .first(conn)
        .optional()?;
    Ok(row.map(|r| r.preferences()).unwrap_or_default())
}

/// Everyone whose weekly digest is on, with their preferences, except those
/// whose current address refused mail for good.
pub fn subscribers(conn: &mut DbConnection) -> QueryResult<Vec<(UserRow, MailPreferences)>> {
    let rows: Vec<(UserRow, Option<Row>)> = users::table
        .left_join(digest_preferences::table)
        .select((UserRow::as_select(), Option::<Row>::as_select()))
        .order(users::id)
        .load(conn)?;
    let refused: HashMap<i32, String> = undeliverable_addresses::table
        .select((
            undeliverable_addresses::user_id,
            undeliverable_addresses::email,
        ))
        .load::<(i32, String)>(conn)?
        .into_iter()
        .collect();
    Ok(rows
        .into_iter()
        .map(|(user, row)| (user, row.map(|r| r.preferences()).unwrap_or_default()))
        .filter(|(user, prefs)| prefs.digest && refused.get(&user.id) != Some(&user.email))
        .collect())
}

/// Stores `prefs` for `user_id`, replacing what was there. Call inside a
/// transaction when other writes must go with it.
pub fn save(
    conn: &mut DbConnection,
    user_id: i32,
    prefs: &MailPreferences,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let row = Row::of(user_id, prefs, now);
    let updated = diesel::update(digest_preferences::table.find(user_id))
        .set(&row)
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(digest_preferences::table)
            .values(&row)
            .execute(conn)?;
    }
    Ok(())
}
