//! Cities and their certifications: the rows, and one function per query.

use diesel::prelude::*;

use crate::db::DbConnection;
use crate::schema::{certifications, cities};
use crate::standard::Level;

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = cities)]
pub struct City {
    pub id: i32,
    pub slug: String,
    pub name: String,
    pub country: String,
    pub region: String,
    pub population: i32,
    pub language: String,
    pub discoverable: bool,
    pub is_demo: bool,
    /// Whether peer cities may ask it for an introduction.
    pub accepts_introductions: bool,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = cities)]
pub struct NewCity<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub country: &'a str,
    pub region: &'a str,
    pub population: i32,
    pub language: &'a str,
    pub discoverable: bool,
    pub is_demo: bool,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = certifications)]
pub struct NewCertification<'a> {
    pub city_id: i32,
    pub standard: &'a str,
    pub level: &'a str,
    pub year: i32,
}

/// A city as the public listing shows it: its latest certification, if any.
#[derive(Debug, Clone)]
pub struct CityListing {
    pub slug: String,
    pub name: String,
    pub country: String,
    pub is_demo: bool,
    pub certified: Option<(Level, i32)>,
}

pub fn find_by_slug(conn: &mut DbConnection, slug: &str) -> QueryResult<Option<City>> {
    crate::on_backend!(conn, |c| cities::table
        .filter(cities::slug.eq(slug))
        .select(City::as_select())
        .first(c)
        .optional())
}

/// Inserts a city and returns its id.
pub fn insert(conn: &mut DbConnection, city: &NewCity) -> QueryResult<i32> {
    diesel::insert_into(cities::table)
        .values(city)
        .returning(cities::id)
        .get_result(conn)
}

pub fn insert_certification(conn: &mut DbConnection, cert: &NewCertification) -> QueryResult<()> {
    diesel::insert_into(certifications::table)
        .values(cert)
        .execute(conn)
        .map(|_| ())
}

/// Every city with its most recent certification, certified cities first
/// (highest level first), then by name.
pub fn list_with_certification(conn: &mut DbConnection) -> QueryResult<Vec<CityListing>> {
    let rows: Vec<(String, String, String, bool, i32)> = cities::table
        .select((
            cities::slug,
            cities::name,
            cities::country,
            cities::is_demo,
            cities::id,
        ))
        .load(conn)?;
    let certs: Vec<(i32, String, i32)> = certifications::table
        .select((
            certifications::city_id,
            certifications::level,
            certifications::year,
        ))
        .order(certifications::year.asc())
        .load(conn)?;
    let mut listings: Vec<CityListing> = rows
        .into_iter()
        .map(|(slug, name, country, is_demo, id)| CityListing {
            slug,
            name,
            country,
            is_demo,
            // Years ascend, so the last match is the latest certification.
            certified: certs
                .iter()
                .rev()
                .find(|(city_id, _, _)| *city_id == id)
                .and_then(|(_, level, year)| Level::from_code(level).map(|l| (l, *year))),
        })
        .collect();
    listings.sort_by(|a, b| {
        let level = |c: &CityListing| c.certified.map(|(l, _)| l);
        level(b).cmp(&level(a)).then_with(|| a.name.cmp(&b.name))
    });
    Ok(listings)
}

pub fn count(conn: &mut DbConnection) -> QueryResult<i64> {
    cities::table.count().get_result(conn)
}

/// Every city's slug and name, by name (for choosing a city in a form).
pub fn slugs_and_names(conn: &mut DbConnection) -> QueryResult<Vec<(String, String)>> {
    cities::table
        .select((cities::slug, cities::name))
        .order(cities::name.asc())
        .load(conn)
}

pub fn set_discoverable(conn: &mut DbConnection, id: i32, discoverable: bool) -> QueryResult<()> {
    diesel::update(cities::table.find(id))
        .set(cities::discoverable.eq(discoverable))
        .execute(conn)
        .map(|_| ())
}

pub fn set_accepts_introductions(
    conn: &mut DbConnection,
    id: i32,
    accepts: bool,
) -> QueryResult<()> {
    diesel::update(cities::table.find(id))
        .set(cities::accepts_introductions.eq(accepts))
        .execute(conn)
        .map(|_| ())
}
