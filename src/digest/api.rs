//! `GET` and `PATCH /api/v1/me/preferences`: one's language, time zone and
//! mail settings (weekly digest, immediate notices) over JSON.

use actix_web::{HttpResponse, route, web};
use serde::Serialize;
use utoipa::ToSchema;

use super::preferences::{MailPreferences, PreferenceChanges, Weekday};
use super::store;
use crate::accounts::identity::CurrentUser;
use crate::accounts::users::{self, User, now};
use crate::db::{self, DbPool};
use crate::error::{ApiError, ErrorKind};
use crate::i18n::Lang;

/// One's preferences as they are.
#[derive(Debug, Serialize, ToSchema)]
pub struct PreferencesBody {
    /// Whether the weekly digest is sent.
    pub digest: bool,
    /// `mon` … `sun`.
    pub digest_day: Weekday,
    /// 0–23, in `time_zone`.
    pub digest_hour: u8,
    /// IANA time zone.
    pub time_zone: String,
    pub language: Lang,
    /// Mail at once (at most one every 15 minutes) for replies, mentions and accepted answers.
    pub notify_immediately: bool,
}

impl PreferencesBody {
    fn of(user: &User, mail: MailPreferences) -> Self {
        PreferencesBody {
            digest: mail.digest,
            digest_day: mail.digest_day,
            digest_hour: mail.digest_hour,
            time_zone: user.time_zone.clone(),
            language: user.language,
            notify_immediately: mail.notify_immediately,
        }
    }
}

/// The signed-in person's language, time zone and mail settings.
#[utoipa::path(
    get,
    path = "/api/v1/me/preferences",
    tag = "accounts",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The preferences as they are", body = PreferencesBody),
        (status = 401, description = "Not signed in", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/me/preferences", method = "GET", method = "HEAD")]
pub async fn get_preferences(
    user: CurrentUser,
    lang: Lang,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, ApiError> {
    let id = user.user().id;
    let mail = db::run(&pool, move |conn| Ok(store::load(conn, id)?))
        .await
        .map_err(|e| ApiError::internal(lang, e))?;
    Ok(HttpResponse::Ok().json(PreferencesBody::of(user.user(), mail)))
}

/// Changes some of the signed-in person's preferences; absent fields stay.
#[utoipa::path(
    patch,
    path = "/api/v1/me/preferences",
    tag = "accounts",
    security(("bearer" = [])),
    request_body = PreferenceChanges,
    responses(
        (status = 200, description = "The preferences as they now are", body = PreferencesBody),
        (status = 400, description = "Not a JSON object, a field that is not a preference, or a value of the wrong type", body = crate::error::ErrorBody),
        (status = 401, description = "Not signed in", body = crate::error::ErrorBody),
        (status = 415, description = "The body is not JSON", body = crate::error::ErrorBody),
        (status = 422, description = "A day, hour, time zone or language that does not exist; every such field is named", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/me/preferences", method = "PATCH")]
pub async fn patch_preferences(
    user: CurrentUser,
    lang: Lang,
    body: web::Json<serde_json::Value>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, ApiError> {
    let changes = PreferenceChanges::parse(&body).map_err(|problems| {
        let malformed = problems.iter().any(|p| p.malformed);
        let kind = if malformed {
            ErrorKind::InvalidBody
        } else {
            ErrorKind::Unprocessable
        };
        problems
            .into_iter()
            .fold(ApiError::new(lang, kind), |e, p| {
                e.with_field(&p.field, lang.t(p.key))
            })
    })?;
    let id = user.user().id;
    let (mail, person) = db::run(&pool, move |conn| {
        Ok(db::write_transaction::<_, diesel::result::Error>(
            conn,
            |conn| {
                users::lock(conn, id)?;
                let language = changes.language.map(Lang::code);
                users::set_language_and_time_zone(
                    conn,
                    id,
                    language,
                    changes.time_zone.as_deref(),
                )?;
                let mail = changes.apply_to(store::load(conn, id)?);
                store::save(conn, id, &mail, now())?;
                Ok((mail, users::find_by_id(conn, id)?))
            },
        )?)
    })
    .await
    .map_err(|e| ApiError::internal(lang, e))?;
    let person = person.ok_or_else(|| ApiError::new(lang, ErrorKind::Unauthorized))?;
    Ok(HttpResponse::Ok().json(PreferencesBody::of(&person, mail)))
}
