//! Signing in with a password, and setting one on the profile page.

use crate::web::{html, see_other};
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, route, web};
use serde::Deserialize;

use super::identity::CurrentUser;
use super::limits::SignInLimits;
use super::sign_in::begin_session;
use super::users::{self, EmailAddress, now};
use super::{passwords, sessions, views};
use crate::db::{self, DbPool};
use crate::error::PageError;
use crate::web::PageContext;
use crate::web::csrf::{CsrfField, ProtectedForm};

#[derive(Deserialize)]
pub struct PasswordSignInForm {
    // Missing counts as wrong: 403, not a form error.
    #[serde(default)]
    csrf: String,
    email: String,
    password: String,
}

impl CsrfField for PasswordSignInForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

/// One answer for an unknown email, a missing password and a wrong one.
#[route("/sign-in/password", method = "POST")]
pub async fn sign_in_with_password(
    mut page: PageContext,
    session: Session,
    req: HttpRequest,
    form: ProtectedForm<PasswordSignInForm>,
    limits: web::Data<SignInLimits>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, PageError> {
    let (form, lang) = (form.0, page.lang);
    // Answers render the sign-in page; its language links lead back there.
    page.path = "/sign-in".into();
    let refused = |page: &PageContext| {
        let markup = views::sign_in_page(page, &form.email, "/", Some("error-password-wrong"));
        html(StatusCode::UNPROCESSABLE_ENTITY, markup)
    };
    let Ok(email) = EmailAddress::parse(&form.email) else {
        return Ok(refused(&page));
    };
    if let Err(wait) = limits.check(limits.client_ip(&req), &email.as_str().to_owned()) {
        return Ok(super::sign_in::slow_down(&page, wait));
    }
    let password = form.password.clone();
    let session_token = db::run(&pool, move |conn| {
        let found = users::password_for(conn, &email)?;
        let stored = found.as_ref().and_then(|(_, hash)| hash.as_deref());
        match found.as_ref().map(|(id, _)| *id) {
            Some(id) if passwords::verify(&password, stored) => {
                Ok(Some(sessions::create(conn, id, now())?))
            }
            _ => {
                // Spend the same time when there is no account to check.
                if found.is_none() {
                    passwords::verify(&password, None);
                }
                Ok(None)
            }
        }
    })
    .await
    .map_err(|e| PageError::internal(lang, e))?;
    let Some(token) = session_token else {
        return Ok(refused(&page));
    };
    begin_session(&session, token, lang)?;
    Ok(see_other("/profile"))
}

#[derive(Deserialize)]
pub struct NewPasswordForm {
    // Missing counts as wrong: 403, not a form error.
    #[serde(default)]
    csrf: String,
    password: String,
    confirm: String,
}

impl CsrfField for NewPasswordForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

#[route("/profile/password", method = "POST")]
pub async fn set_password(
    user: CurrentUser,
    page: PageContext,
    form: ProtectedForm<NewPasswordForm>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, PageError> {
    let (form, lang) = (form.0, page.lang);
    let problem = passwords::check(&form.password)
        .err()
        .or_else(|| (form.password != form.confirm).then_some("error-password-confirm"));
    if let Some(key) = problem {
        let markup = views::message_page(&page, "form-error-summary", key);
        return Ok(html(StatusCode::UNPROCESSABLE_ENTITY, markup));
    }
    let id = user.user().id;
    db::run(&pool, move |conn| {
        let hash = passwords::hash(&form.password)?;
        Ok(users::set_password(conn, id, &hash)?)
    })
    .await
    .map_err(|e| PageError::internal(lang, e))?;
    Ok(see_other("/profile?saved=1"))
}
