//! The first step of every city route: find the city by its slug and check that
//! the person may do what they ask there, for pages and the API alike.

use super::cities::{self, City};
use super::policy::{self, Action};
use super::users::User;
use crate::db::{self, DbPool};
use crate::error::{ApiError, ErrorKind, PageError};
use crate::i18n::Lang;
use crate::standard::{Catalog, Standards};

/// Why a city route refused.
#[derive(Debug)]
pub enum Refusal {
    NoSuchCity,
    Forbidden,
    Failed(anyhow::Error),
}

impl Refusal {
    pub fn api(self, lang: Lang) -> ApiError {
        match self {
            Refusal::NoSuchCity => ApiError::not_found(lang, "city"),
            Refusal::Forbidden => ApiError::new(lang, ErrorKind::Forbidden),
            Refusal::Failed(e) => ApiError::internal(lang, e),
        }
    }

    pub fn page(self, lang: Lang) -> PageError {
        match self {
            Refusal::NoSuchCity => PageError::not_found(lang),
            Refusal::Forbidden => PageError::new(lang, ErrorKind::Forbidden),
            Refusal::Failed(e) => PageError::internal(lang, e),
        }
    }
}

/// The city `slug`, if `user` may do `action(city)` there.
pub async fn city_for(
    pool: &DbPool,
    user: &User,
    slug: String,
    action: impl FnOnce(&City) -> Action,
) -> Result<City, Refusal> {
    let city = db::run(pool, move |conn| Ok(cities::find_by_slug(conn, &slug)?))
        .await
        .map_err(Refusal::Failed)?
        .ok_or(Refusal::NoSuchCity)?;
    if policy::allows(Some(user), action(&city)) {
        Ok(city)
    } else {
        Err(Refusal::Forbidden)
    }
}

/// [`city_for`], with the current standard's catalog that the route works on.
pub async fn city_and_catalog(
    (pool, standards): (&DbPool, &Standards),
    user: &User,
    slug: String,
    action: impl FnOnce(&City) -> Action,
) -> Result<(City, std::sync::Arc<Catalog>), Refusal> {
    let city = city_for(pool, user, slug, action).await?;
    let catalog = standards.current().map_err(Refusal::Failed)?;
    Ok((city, catalog.clone()))
}
