//! People: the row, the parsed forms of what they type (email, time zone,
//! role), and one function per query.

use std::fmt;
use std::str::FromStr;

use chrono::Utc;
use diesel::backend::Backend;
use diesel::dsl::{AsSelect, Nullable};
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::i18n::Lang;
use crate::schema::{cities, users};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Member,
    CityAdmin,
    Moderator,
    ProgramAdmin,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Member,
        Role::CityAdmin,
        Role::Moderator,
        Role::ProgramAdmin,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::CityAdmin => "city_admin",
            Role::Moderator => "moderator",
            Role::ProgramAdmin => "program_admin",
        }
    }

    /// The role's name in `lang`.
    pub fn label(self, lang: crate::i18n::Lang) -> String {
        lang.t(match self {
            Role::Member => "role-member",
            Role::CityAdmin => "role-city-admin",
            Role::Moderator => "role-moderator",
            Role::ProgramAdmin => "role-program-admin",
        })
    }
}

impl FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Role, String> {
        Role::ALL
            .into_iter()
            .find(|r| r.code() == s)
            .ok_or_else(|| {
                format!("unknown role `{s}` (member, city_admin, moderator, program_admin)")
            })
    }
}

/// An email address as stored: trimmed and lower-cased, so one person has one account.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(input: &str) -> Result<EmailAddress, &'static str> {
        let email = input.trim().to_lowercase();
        if email.len() > 254 {
            return Err("error-email-too-long");
        }
        let valid = match email.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains('@')
                    && !email.chars().any(|c| c.is_whitespace() || c.is_control())
            }
            None => false,
        };
        if valid {
            Ok(EmailAddress(email))
        } else {
            Err("error-email-invalid")
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An IANA time zone name that chrono-tz knows.
pub fn parse_time_zone(input: &str) -> Result<String, &'static str> {
    chrono_tz::Tz::from_str(input.trim())
        .map(|tz| tz.name().to_owned())
        .map_err(|_| "error-time-zone-invalid")
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub id: i32,
    pub email: String,
    pub display_name: String,
    pub language: String,
    pub time_zone: String,
    pub city_id: Option<i32>,
    pub role: String,
}

/// A signed-in person as the rest of the code sees them.
#[derive(Debug, Clone)]
pub struct User {
    pub id: i32,
    pub email: String,
    pub display_name: String,
    pub language: Lang,
    pub time_zone: String,
    pub city_id: Option<i32>,
    pub city_slug: Option<String>,
    pub city_name: Option<String>,
    pub role: Role,
}

impl User {
    /// The person's time zone; UTC if the stored name no longer parses.
    pub fn zone(&self) -> chrono_tz::Tz {
        chrono_tz::Tz::from_str(&self.time_zone).unwrap_or(chrono_tz::UTC)
    }

    /// The person from their row; `city` is their city's (slug, name) when it is needed.
    pub fn from_row(row: UserRow, city: Option<(String, String)>) -> User {
        let (city_slug, city_name) = city.unzip();
        User {
            id: row.id,
            email: row.email,
            display_name: row.display_name,
            language: Lang::from_tag(&row.language).unwrap_or_default(),
            time_zone: row.time_zone,
            city_id: row.city_id,
            city_slug,
            city_name,
            // The column's CHECK constraint admits only the four roles.
            role: row.role.parse().unwrap_or(Role::Member),
        }
    }
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = users)]
pub struct NewUser<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub language: &'a str,
    pub time_zone: &'a str,
    pub city_id: Option<i32>,
    pub role: &'a str,
}

/// Stores a person with a free @handle made from their name.
pub fn insert(conn: &mut DbConnection, user: &NewUser) -> QueryResult<i32> {
    let base = crate::forum::text::mentions::handle_from_name(user.display_name);
    let handle = free_handle(conn, &base)?;
    insert_with_handle(conn, user, &handle)
}

/// Stores a person under a handle chosen by the caller (the demo's people).
pub fn insert_with_handle(
    conn: &mut DbConnection,
    user: &NewUser,
    handle: &str,
) -> QueryResult<i32> {
    diesel::insert_into(users::table)
        .values((user, users::handle.eq(handle)))
        .returning(users::id)
        .get_result(conn)
}

/// `base`, or `base-2`, `base-3`… whichever nobody has yet (cut to fit 30 characters).
fn free_handle(conn: &mut DbConnection, base: &str) -> QueryResult<String> {
    let stem: String = base.chars().take(26).collect();
    let taken: std::collections::HashSet<String> = users::table
        .filter(users::handle.like(format!("{stem}%")))
        .select(users::handle)
        .load::<Option<String>>(conn)?
        .into_iter()
        .flatten()
        .collect();
    if !taken.contains(base) {
        return Ok(base.to_owned());
    }
    Ok((2u32..)
        .map(|n| format!("{stem}-{n}"))
        .find(|h| !taken.contains(h))
        .unwrap_or_else(|| stem.clone()))
}

/// A person's row and their city's slug and name, as one statement reads
/// them: every signed-in request asks for this, and on PostgreSQL each
/// statement is a round trip.
pub type PersonColumns<DB> = (
    AsSelect<UserRow, DB>,
    Nullable<(cities::slug, cities::name)>,
);

/// What [`PersonColumns`] reads.
pub type PersonRow = (UserRow, Option<(String, String)>);

/// The columns of a person joined to their city (`left_join(cities::table)`).
pub fn person_columns<DB: Backend>() -> PersonColumns<DB>
where
    UserRow: Selectable<DB>,
{
    (
        UserRow::as_select(),
        (cities::slug, cities::name).nullable(),
    )
}

impl From<PersonRow> for User {
    fn from((row, city): PersonRow) -> User {
        User::from_row(row, city)
    }
}

pub fn find_by_id(conn: &mut DbConnection, id: i32) -> QueryResult<Option<User>> {
    let found: Option<PersonRow> = crate::on_backend!(conn, |c| users::table
        .left_join(cities::table)
        .filter(users::id.eq(id))
        .select(person_columns())
        .first(c)
        .optional())?;
    Ok(found.map(User::from))
}

pub fn find_by_email(conn: &mut DbConnection, email: &EmailAddress) -> QueryResult<Option<User>> {
    let found: Option<PersonRow> = crate::on_backend!(conn, |c| users::table
        .left_join(cities::table)
        .filter(users::email.eq(email.as_str()))
        .select(person_columns())
        .first(c)
        .optional())?;
    Ok(found.map(User::from))
}

/// The account and stored password hash for an email, if there is an account.
pub fn password_for(
    conn: &mut DbConnection,
    email: &EmailAddress,
) -> QueryResult<Option<(i32, Option<String>)>> {
    users::table
        .filter(users::email.eq(email.as_str()))
        .select((users::id, users::password_hash))
        .first(conn)
        .optional()
}

pub fn set_password(conn: &mut DbConnection, id: i32, hash: &str) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set(users::password_hash.eq(hash))
        .execute(conn)
        .map(|_| ())
}

/// A city's people, by name.
pub fn list_for_city(conn: &mut DbConnection, city_id: i32) -> QueryResult<Vec<UserRow>> {
    users::table
        .filter(users::city_id.eq(city_id))
        .order(users::display_name.asc())
        .select(UserRow::as_select())
        .load(conn)
}

/// What a person may change about themselves on the profile page.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = users)]
pub struct Preferences {
    pub display_name: String,
    pub language: String,
    pub time_zone: String,
}

pub fn update_preferences(
    conn: &mut DbConnection,
    id: i32,
    prefs: &Preferences,
) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set(prefs)
        .execute(conn)
        .map(|_| ())
}

/// Holds the person's row until the transaction ends, so that changes to
/// what they own that read before they write (their mail preferences)
/// follow one another instead of both inserting a missing row or one
/// overwriting the other. On PostgreSQL that is `FOR UPDATE`; on SQLite a
/// [`crate::db::write_transaction`] already holds the whole database.
pub fn lock(conn: &mut DbConnection, id: i32) -> QueryResult<()> {
    if let DbConnection::Postgres(pg) = conn {
        users::table
            .find(id)
            .select(users::id)
            .for_update()
            .first::<i32>(pg)
            .optional()?;
    }
    Ok(())
}

/// Changes a person's language and time zone; None leaves one as it is.
pub fn set_language_and_time_zone(
    conn: &mut DbConnection,
    id: i32,
    language: Option<&str>,
    time_zone: Option<&str>,
) -> QueryResult<()> {
    if let Some(language) = language {
        diesel::update(users::table.find(id))
            .set(users::language.eq(language))
            .execute(conn)?;
    }
    if let Some(time_zone) = time_zone {
        diesel::update(users::table.find(id))
            .set(users::time_zone.eq(time_zone))
            .execute(conn)?;
    }
    Ok(())
}

/// When a row was written: naive UTC, the same on both backends.
pub fn now() -> chrono::NaiveDateTime {
    Utc::now().naive_utc()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_trimmed_and_lower_cased() {
        let email = EmailAddress::parse("  Ana.Silva@Recife.PE.gov.BR ").unwrap();
        assert_eq!(email.as_str(), "ana.silva@recife.pe.gov.br");
    }

    #[test]
    fn malformed_emails_are_refused() {
        for bad in [
            "",
            "ana",
            "ana@",
            "@x.org",
            "ana@localhost",
            "a b@x.org",
            "a@x.org.",
            "a@@x.org",
        ] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn time_zones_must_be_iana_names() {
        assert_eq!(
            parse_time_zone("America/Sao_Paulo").unwrap(),
            "America/Sao_Paulo"
        );
        assert!(parse_time_zone("Mars/Olympus_Mons").is_err());
        assert!(parse_time_zone("").is_err());
    }

    #[test]
    fn roles_round_trip_through_their_codes() {
        for role in Role::ALL {
            assert_eq!(role.code().parse::<Role>().unwrap(), role);
        }
        assert!("admin".parse::<Role>().is_err());
    }
}
