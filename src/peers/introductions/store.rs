//! Introductions in the database: asking (with the limits checked in the same
//! transaction), answering, one in full, a city's recent ones, and who answers.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::{Previous, Refused, Status, may_ask_again, within_daily_limit};
use crate::accounts::users::{Role, UserRow};
use crate::db::DbConnection;
use crate::i18n::Lang;
use crate::schema::{cities, introductions, users};

/// A request about to be stored.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = introductions)]
pub struct NewIntroduction {
    pub from_city_id: i32,
    pub to_city_id: i32,
    pub requested_by: i32,
    pub criterion: Option<String>,
    pub message: String,
    pub status: &'static str,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = introductions)]
struct Row {
    id: i32,
    from_city_id: i32,
    to_city_id: i32,
    requested_by: i32,
    criterion: Option<String>,
    message: String,
    status: String,
    created_at: NaiveDateTime,
    decided_at: Option<NaiveDateTime>,
    decided_by: Option<i32>,
}

/// A city as an introduction names it.
#[derive(Debug, Clone)]
pub struct CityRef {
    pub id: i32,
    pub slug: String,
    pub name: String,
}

/// A person as an introduction names them; the email is shown only once accepted.
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub email: String,
    pub lang: Lang,
    /// None for program staff.
    pub city_id: Option<i32>,
}

impl From<UserRow> for Person {
    fn from(row: UserRow) -> Person {
        Person {
            name: row.display_name,
            email: row.email,
            lang: Lang::from_tag(&row.language).unwrap_or_default(),
            city_id: row.city_id,
        }
    }
}

/// One introduction with its cities and people.
#[derive(Debug, Clone)]
pub struct Introduction {
    pub id: i32,
    pub from: CityRef,
    pub to: CityRef,
    pub requester: Person,
    pub decider: Option<Person>,
    pub criterion: Option<String>,
    pub message: String,
    pub status: Status,
    pub created_at: NaiveDateTime,
    pub decided_at: Option<NaiveDateTime>,
}

/// Stores a request unless a limit refuses it. The row is written first so that
/// SQLite takes its write lock before reading; a refusal rolls it back.
pub fn ask(
    conn: &mut DbConnection,
    new: &NewIntroduction,
    per_day: u32,
) -> QueryResult<Result<i32, Refused>> {
    enum Abort {
        Db(diesel::result::Error),
        Refused(Refused),
    }
    impl From<diesel::result::Error> for Abort {
        fn from(e: diesel::result::Error) -> Abort {
            Abort::Db(e)
        }
    }
    let outcome = conn.transaction::<_, Abort, _>(|conn| {
        let id: i32 = diesel::insert_into(introductions::table)
            .values(new)
            .returning(introductions::id)
            .get_result(conn)?;
        let since = new.created_at - Duration::days(1);
        let asked: i64 = introductions::table
            .filter(introductions::requested_by.eq(new.requested_by))
            .filter(introductions::created_at.gt(since))
            .count()
            .get_result(conn)?;
        within_daily_limit(asked, per_day).map_err(Abort::Refused)?;
        let previous = previous(conn, (new.from_city_id, new.to_city_id), id)?;
        may_ask_again(previous, new.created_at).map_err(Abort::Refused)?;
        Ok(id)
    });
    match outcome {
        Ok(id) => Ok(Ok(id)),
        Err(Abort::Refused(refused)) => Ok(Err(refused)),
        Err(Abort::Db(e)) => Err(e),
    }
}

/// The latest request between the two cities, in that direction, other than `except`.
fn previous(
    conn: &mut DbConnection,
    (from, to): (i32, i32),
    except: i32,
) -> QueryResult<Option<Previous>> {
    let row: Option<(i32, String, Option<NaiveDateTime>)> = introductions::table
        .filter(introductions::from_city_id.eq(from))
        .filter(introductions::to_city_id.eq(to))
        .filter(introductions::id.ne(except))
        .order(introductions::id.desc())
        .select((
            introductions::id,
            introductions::status,
            introductions::decided_at,
        ))
        .first(conn)
        .optional()?;
    Ok(row.map(|(id, status, decided_at)| Previous {
        id,
        status: Status::from_code(&status),
        decided_at,
    }))
}

/// Records the answer; false when the request was no longer pending.
pub fn answer(
    conn: &mut DbConnection,
    id: i32,
    status: Status,
    (by, at): (i32, NaiveDateTime),
) -> QueryResult<bool> {
    let changed = diesel::update(
        introductions::table
            .find(id)
            .filter(introductions::status.eq(Status::Pending.code())),
    )
    .set((
        introductions::status.eq(status.code()),
        introductions::decided_by.eq(Some(by)),
        introductions::decided_at.eq(Some(at)),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// One introduction with its cities and people, if it exists.
pub fn find(conn: &mut DbConnection, id: i32) -> QueryResult<Option<Introduction>> {
    let Some(row) = introductions::table
        .find(id)
        .select(Row::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(None);
    };
    let city = |conn: &mut DbConnection, id: i32| -> QueryResult<CityRef> {
        let (slug, name) = cities::table
            .find(id)
            .select((cities::slug, cities::name))
            .first(conn)?;
        Ok(CityRef { id, slug, name })
    };
    let person = |conn: &mut DbConnection, id: i32| -> QueryResult<Person> {
        let row: UserRow = users::table
            .find(id)
            .select(UserRow::as_select())
            .first(conn)?;
        Ok(row.into())
    };
    Ok(Some(Introduction {
        id: row.id,
        from: city(conn, row.from_city_id)?,
        to: city(conn, row.to_city_id)?,
        requester: person(conn, row.requested_by)?,
        decider: row.decided_by.map(|id| person(conn, id)).transpose()?,
        criterion: row.criterion,
        message: row.message,
        status: Status::from_code(&row.status),
        created_at: row.created_at,
        decided_at: row.decided_at,
    }))
}

/// A line in a city's list: the other city, where it stands, when.
#[derive(Debug, Clone)]
pub struct Summary {
    pub id: i32,
    pub other_city: String,
    pub criterion: Option<String>,
    pub status: Status,
    pub created_at: NaiveDateTime,
}

/// The newest `limit` introductions a city asked for (`sent`) or was asked for.
pub fn for_city(
    conn: &mut DbConnection,
    city_id: i32,
    sent: bool,
    limit: i64,
) -> QueryResult<Vec<Summary>> {
    let query = introductions::table
        .order(introductions::id.desc())
        .limit(limit)
        .into_boxed();
    let rows: Vec<Row> = if sent {
        query.filter(introductions::from_city_id.eq(city_id))
    } else {
        query.filter(introductions::to_city_id.eq(city_id))
    }
    .select(Row::as_select())
    .load(conn)?;
    let other = |row: &Row| {
        if sent {
            row.to_city_id
        } else {
            row.from_city_id
        }
    };
    let ids: Vec<i32> = rows.iter().map(other).collect();
    let names: HashMap<i32, String> = cities::table
        .filter(cities::id.eq_any(&ids))
        .select((cities::id, cities::name))
        .load::<(i32, String)>(conn)?
        .into_iter()
        .collect();
    Ok(rows
        .into_iter()
        .map(|row| Summary {
            id: row.id,
            other_city: names.get(&other(&row)).cloned().unwrap_or_default(),
            criterion: row.criterion,
            status: Status::from_code(&row.status),
            created_at: row.created_at,
        })
        .collect())
}

/// Who answers for a city: its city admins, or the program admins when it has
/// none (program staff introduce cities whose people are not here yet).
pub fn answerers(conn: &mut DbConnection, city_id: i32) -> QueryResult<Vec<UserRow>> {
    let admins: Vec<UserRow> = users::table
        .filter(users::city_id.eq(city_id))
        .filter(users::role.eq(Role::CityAdmin.code()))
        .select(UserRow::as_select())
        .load(conn)?;
    if !admins.is_empty() {
        return Ok(admins);
    }
    users::table
        .filter(users::role.eq(Role::ProgramAdmin.code()))
        .select(UserRow::as_select())
        .load(conn)
}
