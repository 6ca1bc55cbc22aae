//! One's own account: the profile page (name, language, time zone, API
//! tokens) and `GET /api/v1/me`.

use crate::web::{html, see_other};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, route, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::api_tokens::{self, ApiToken};
use super::identity::CurrentUser;
use super::users::{self, Preferences, Role, now, parse_time_zone};
use super::views::{self, ProfileForm, ProfileView};
use crate::db::{self, DbPool};
use crate::digest::{self, MailPreferences};
use crate::error::PageError;
use crate::i18n::Lang;
use crate::web::PageContext;
use crate::web::csrf::{CsrfField, CsrfOnly, ProtectedForm};
use diesel::Connection;

#[derive(Deserialize)]
pub struct SavedQuery {
    saved: Option<String>,
}

#[route("/profile", method = "GET", method = "HEAD")]
pub async fn profile_page(
    user: CurrentUser,
    page: PageContext,
    pool: web::Data<DbPool>,
    query: web::Query<SavedQuery>,
) -> Result<HttpResponse, PageError> {
    let u = user.user();
    let extras = load_extras(&pool, u, page.lang).await?;
    let form = ProfileForm {
        display_name: &u.display_name,
        language: u.language.code(),
        time_zone: &u.time_zone,
        mail: extras.mail,
        errors: &[],
    };
    let view = profile_view(&user, &extras, None, query.saved.is_some());
    Ok(html(
        StatusCode::OK,
        views::profile_page(&page, &view, &form),
    ))
}

fn profile_view<'a>(
    user: &'a CurrentUser,
    extras: &'a Extras,
    new_token: Option<&'a str>,
    saved: bool,
) -> ProfileView<'a> {
    let u = user.user();
    let tokens = &extras.tokens;
    ProfileView {
        email: &u.email,
        undeliverable: extras.undeliverable.as_deref(),
        city: u.city_name.as_deref(),
        role: u.role,
        tokens,
        new_token,
        saved,
    }
}

/// What the profile page shows besides the person's own row.
struct Extras {
    tokens: Vec<ApiToken>,
    mail: MailPreferences,
    undeliverable: Option<String>,
}

async fn load_extras(
    pool: &web::Data<DbPool>,
    user: &users::User,
    lang: Lang,
) -> Result<Extras, PageError> {
    let (id, email) = (user.id, user.email.clone());
    db::run(pool, move |conn| {
        Ok(Extras {
            tokens: api_tokens::list(conn, id)?,
            mail: digest::store::load(conn, id)?,
            undeliverable: digest::ledger::undeliverable(conn, id, &email)?,
        })
    })
    .await
    .map_err(|e| PageError::internal(lang, e))
}

#[derive(Deserialize)]
pub struct PreferencesForm {
    // Missing counts as wrong: 403, not a form error.
    #[serde(default)]
    csrf: String,
    pub display_name: String,
    pub language: String,
    pub time_zone: String,
    // The mail controls; absent from forms rendered before they existed.
    mail_prefs: Option<String>,
    digest: Option<String>,
    digest_day: Option<String>,
    digest_hour: Option<String>,
    notify_immediately: Option<String>,
}

impl PreferencesForm {
    fn mail(&self) -> Result<Option<MailPreferences>, Vec<(&'static str, &'static str)>> {
        digest::views::parse_fields(
            self.mail_prefs.as_deref(),
            self.digest.as_deref(),
            (self.digest_day.as_deref(), self.digest_hour.as_deref()),
            self.notify_immediately.as_deref(),
        )
    }
}

impl CsrfField for PreferencesForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

/// Parses the form into what is stored, or the fields at fault with their message keys.
pub(super) fn parse_preferences(
    form: &PreferencesForm,
) -> Result<Preferences, Vec<(&'static str, &'static str)>> {
    let mut errors = Vec::new();
    let name = form.display_name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        errors.push(("display_name", "error-display-name"));
    }
    let language = Lang::from_tag(&form.language);
    if language.is_none() {
        errors.push(("language", "error-language"));
    }
    let time_zone = parse_time_zone(&form.time_zone);
    if let Err(key) = time_zone {
        errors.push(("time_zone", key));
    }
    match (language, time_zone) {
        (Some(language), Ok(time_zone)) if errors.is_empty() => Ok(Preferences {
            display_name: name.to_owned(),
            language: language.code().to_owned(),
            time_zone,
        }),
        _ => Err(errors),
    }
}

#[route("/profile", method = "POST")]
pub async fn save_profile(
    user: CurrentUser,
    page: PageContext,
    pool: web::Data<DbPool>,
    form: ProtectedForm<PreferencesForm>,
) -> Result<HttpResponse, PageError> {
    let form = form.0;
    let lang = page.lang;
    let (prefs, mail) = match (parse_preferences(&form), form.mail()) {
        (Ok(prefs), Ok(mail)) => (prefs, mail),
        (prefs, mail) => {
            let errors: Vec<_> = [prefs.err(), mail.err()]
                .into_iter()
                .flatten()
                .flatten()
                .collect();
            let extras = load_extras(&pool, user.user(), lang).await?;
            let view = profile_view(&user, &extras, None, false);
            let values = ProfileForm {
                display_name: &form.display_name,
                language: &form.language,
                time_zone: &form.time_zone,
                mail: extras.mail,
                errors: &errors,
            };
            let markup = views::profile_page(&page, &view, &values);
            return Ok(html(StatusCode::UNPROCESSABLE_ENTITY, markup));
        }
    };
    let id = user.user().id;
    db::run(&pool, move |conn| {
        conn.transaction(|conn| {
            users::update_preferences(conn, id, &prefs)?;
            if let Some(mail) = &mail {
                digest::store::save(conn, id, mail, now())?;
            }
            Ok(())
        })
    })
    .await
    .map_err(|e| PageError::internal(lang, e))?;
    Ok(see_other("/profile?saved=1"))
}

#[derive(Deserialize)]
pub struct NewTokenForm {
    // Missing counts as wrong: 403, not a form error.
    #[serde(default)]
    csrf: String,
    name: String,
}

impl CsrfField for NewTokenForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

#[route("/profile/tokens", method = "POST")]
pub async fn create_token(
    user: CurrentUser,
    page: PageContext,
    pool: web::Data<DbPool>,
    form: ProtectedForm<NewTokenForm>,
) -> Result<HttpResponse, PageError> {
    let lang = page.lang;
    let name = form.0.name.trim().chars().take(60).collect::<String>();
    let name = if name.is_empty() {
        lang.t("tokens-default-name")
    } else {
        name
    };
    let id = user.user().id;
    let token = db::run(&pool, move |conn| api_tokens::create(conn, id, &name))
        .await
        .map_err(|e| PageError::internal(lang, e))?;
    let u = user.user();
    let extras = load_extras(&pool, u, lang).await?;
    let form = ProfileForm {
        display_name: &u.display_name,
        language: u.language.code(),
        time_zone: &u.time_zone,
        mail: extras.mail,
        errors: &[],
    };
    let view = profile_view(&user, &extras, Some(&token), false);
    Ok(html(
        StatusCode::OK,
        views::profile_page(&page, &view, &form),
    ))
}

#[route("/profile/tokens/{id}/revoke", method = "POST")]
pub async fn revoke_token(
    user: CurrentUser,
    page: PageContext,
    pool: web::Data<DbPool>,
    token_id: web::Path<i32>,
    _form: ProtectedForm<CsrfOnly>,
) -> Result<HttpResponse, PageError> {
    let lang = page.lang;
    let (id, token_id) = (user.user().id, token_id.into_inner());
    let revoked = db::run(&pool, move |conn| {
        Ok(api_tokens::revoke(conn, id, token_id, now())?)
    })
    .await
    .map_err(|e| PageError::internal(lang, e))?;
    if revoked {
        Ok(see_other("/profile"))
    } else {
        Err(PageError::not_found(lang))
    }
}

/// The signed-in person, as the API shows them.
#[derive(Serialize, ToSchema)]
pub struct Me {
    id: i32,
    email: String,
    display_name: String,
    language: Lang,
    time_zone: String,
    role: Role,
    /// The slug of their city; null for program staff.
    city: Option<String>,
}

/// Who the bearer token (or session) belongs to.
#[utoipa::path(
    get,
    path = "/api/v1/me",
    tag = "accounts",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The signed-in person", body = Me),
        (status = 401, description = "No valid token or session", body = crate::error::ErrorBody)
    )
)]
#[route("/api/v1/me", method = "GET", method = "HEAD")]
pub async fn me(user: CurrentUser) -> HttpResponse {
    let u = user.user();
    HttpResponse::Ok().json(Me {
        id: u.id,
        email: u.email.clone(),
        display_name: u.display_name.clone(),
        language: u.language,
        time_zone: u.time_zone.clone(),
        role: u.role,
        city: u.city_slug.clone(),
    })
}
