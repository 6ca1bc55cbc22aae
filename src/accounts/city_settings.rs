//! A city's own settings — whether it is discoverable by peers and whether it
//! takes introduction requests — changed by its city admins (or program
//! admins) on the people page or through the API.

use crate::web::see_other;
use actix_web::{HttpResponse, route, web};
use diesel::Connection;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::cities::{self, City};
use super::identity::CurrentUser;
use super::invitations::managed_city;
use super::policy::Action;
use super::{audit, guard};
use crate::db::{self, DbPool};
use crate::error::{ApiError, ErrorKind, PageError};
use crate::i18n::Lang;
use crate::peers::PeerDirectory;
use crate::standard::Standards;
use crate::web::csrf::{CsrfField, ProtectedForm};

/// What a city admin may change; an absent field stays as it is.
// Deserialize and deny_unknown_fields tell the schema what `parse` accepts.
#[derive(Debug, Clone, Copy, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CityChanges {
    /// Whether other cities may see its level and the criteria it meets.
    pub discoverable: Option<bool>,
    /// Whether peer cities may ask it for an introduction.
    pub introductions: Option<bool>,
}

impl CityChanges {
    /// Reads a JSON object, naming every field that is unknown or not true or
    /// false (serde alone would name only the first, and not the field of a
    /// wrong type).
    pub fn parse(lang: Lang, body: &serde_json::Value) -> Result<CityChanges, ApiError> {
        let Some(fields) = body.as_object() else {
            let problem = lang.t("error-value-type");
            return Err(ApiError::new(lang, ErrorKind::InvalidBody).with_field("body", problem));
        };
        let mut changes = CityChanges::default();
        // Every bad field is named, not only the first: (field, message key).
        let mut problems: Vec<(&str, &str)> = Vec::new();
        for (name, value) in fields {
            let slot = match name.as_str() {
                "discoverable" => &mut changes.discoverable,
                "introductions" => &mut changes.introductions,
                _ => {
                    problems.push((name, "error-field-unknown"));
                    continue;
                }
            };
            match value.as_bool() {
                Some(on) => *slot = Some(on),
                None => problems.push((name, "error-value-type")),
            }
        }
        if problems.is_empty() {
            return Ok(changes);
        }
        let error = ApiError::new(lang, ErrorKind::InvalidBody);
        Err(problems
            .into_iter()
            .fold(error, |e, (name, key)| e.with_field(name, lang.t(key))))
    }
}

/// A city's public facts and its settings.
#[derive(Debug, Serialize, ToSchema)]
pub struct CitySettings {
    pub slug: String,
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// `us_canada` or `latin_america`.
    pub region: String,
    pub population: i32,
    /// `en`, `es`, `pt` or `fr`.
    pub language: String,
    pub discoverable: bool,
    pub introductions: bool,
}

impl From<City> for CitySettings {
    fn from(c: City) -> CitySettings {
        CitySettings {
            slug: c.slug,
            name: c.name,
            country: c.country,
            region: c.region,
            population: c.population,
            language: c.language,
            discoverable: c.discoverable,
            introductions: c.accepts_introductions,
        }
    }
}

/// Writes the changes with their audit lines, rebuilds the peer directory, and
/// returns the city as it now is.
async fn apply(
    (pool, standards, directory): (&DbPool, &Standards, &PeerDirectory),
    actor: i32,
    city: &City,
    changes: CityChanges,
) -> anyhow::Result<City> {
    let (id, slug) = (city.id, city.slug.clone());
    let subject = format!("city:{slug}");
    let updated = db::run(pool, move |conn| {
        conn.transaction(|conn| {
            if let Some(on) = changes.discoverable {
                cities::set_discoverable(conn, id, on)?;
                let detail = if on { "discoverable" } else { "hidden" };
                audit::record(conn, Some(actor), "city.visibility", &subject, Some(detail))?;
            }
            if let Some(on) = changes.introductions {
                cities::set_accepts_introductions(conn, id, on)?;
                let detail = if on { "open" } else { "closed" };
                audit::record(
                    conn,
                    Some(actor),
                    "city.introductions",
                    &subject,
                    Some(detail),
                )?;
            }
            cities::find_by_slug(conn, &slug)
        })
        .map_err(anyhow::Error::from)
    })
    .await?;
    crate::peers::refresh_after_write(directory, pool, standards).await;
    updated.ok_or_else(|| anyhow::anyhow!("the city vanished while its settings changed"))
}

#[derive(Deserialize)]
pub struct SettingsForm {
    // Missing counts as wrong: 403, not a form error.
    #[serde(default)]
    csrf: String,
    /// Checkboxes: present when ticked.
    discoverable: Option<String>,
    introductions: Option<String>,
}

impl CsrfField for SettingsForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

#[route("/cities/{slug}/settings", method = "POST")]
pub async fn save_settings(
    user: CurrentUser,
    slug: web::Path<String>,
    form: ProtectedForm<SettingsForm>,
    pool: web::Data<DbPool>,
    standards: web::Data<Standards>,
    directory: web::Data<PeerDirectory>,
) -> Result<HttpResponse, PageError> {
    let lang = user.user().language;
    let (city, _) = managed_city(&pool, &user, slug.into_inner()).await?;
    let changes = CityChanges {
        discoverable: Some(form.0.discoverable.is_some()),
        introductions: Some(form.0.introductions.is_some()),
    };
    let ctx = (pool.get_ref(), standards.get_ref(), directory.get_ref());
    apply(ctx, user.user().id, &city, changes)
        .await
        .map_err(|e| PageError::internal(lang, e))?;
    Ok(see_other(&format!("/cities/{}/people?saved=1", city.slug)))
}

/// Changes a city's settings. For the city's admins and program admins.
#[utoipa::path(
    patch,
    path = "/api/v1/cities/{slug}",
    tag = "cities",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The city's slug")),
    request_body = CityChanges,
    responses(
        (status = 200, description = "The city with its settings as they now are", body = CitySettings),
        (status = 400, description = "A field that is not a setting, or not true or false", body = crate::error::ErrorBody),
        (status = 401, description = "Not signed in", body = crate::error::ErrorBody),
        (status = 403, description = "Not an admin of this city", body = crate::error::ErrorBody),
        (status = 404, description = "No such city", body = crate::error::ErrorBody),
        (status = 415, description = "The body is not JSON", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/cities/{slug}", method = "PATCH")]
pub async fn patch_city_api(
    user: CurrentUser,
    lang: Lang,
    slug: web::Path<String>,
    body: web::Json<serde_json::Value>,
    pool: web::Data<DbPool>,
    standards: web::Data<Standards>,
    directory: web::Data<PeerDirectory>,
) -> Result<HttpResponse, ApiError> {
    let city = guard::city_for(&pool, user.user(), slug.into_inner(), |c| {
        Action::ManageCityPeople { city_id: c.id }
    })
    .await
    .map_err(|r| r.api(lang))?;
    let changes = CityChanges::parse(lang, &body)?;
    let ctx = (pool.get_ref(), standards.get_ref(), directory.get_ref());
    let updated = apply(ctx, user.user().id, &city, changes)
        .await
        .map_err(|e| ApiError::internal(lang, e))?;
    Ok(HttpResponse::Ok().json(CitySettings::from(updated)))
}
