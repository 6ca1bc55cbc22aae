//! A city's own settings, changed by its city admins (or program admins).

use crate::web::see_other;
use actix_web::{HttpResponse, route, web};
use diesel::Connection;
use serde::Deserialize;

use super::identity::CurrentUser;
use super::invitations::managed_city;
use super::{audit, cities};
use crate::db::{self, DbPool};
use crate::error::PageError;
use crate::peers::PeerDirectory;
use crate::standard::Standards;
use crate::web::csrf::{CsrfField, ProtectedForm};

#[derive(Deserialize)]
pub struct SettingsForm {
    // Missing counts as wrong: 403, not a form error.
    #[serde(default)]
    csrf: String,
    /// A checkbox: present when ticked.
    discoverable: Option<String>,
}

impl CsrfField for SettingsForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

/// Whether other cities may see this city's level and the criteria it meets.
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
    let discoverable = form.0.discoverable.is_some();
    let (actor, id, subject) = (user.user().id, city.id, format!("city:{}", city.slug));
    db::run(&pool, move |conn| {
        conn.transaction(|conn| {
            cities::set_discoverable(conn, id, discoverable)?;
            let detail = if discoverable {
                "discoverable"
            } else {
                "hidden"
            };
            audit::record(conn, Some(actor), "city.visibility", &subject, Some(detail))?;
            Ok(())
        })
    })
    .await
    .map_err(|e| PageError::internal(lang, e))?;
    crate::peers::refresh_after_write(&directory, &pool, &standards).await;
    Ok(see_other(&format!("/cities/{}/people?saved=1", city.slug)))
}
