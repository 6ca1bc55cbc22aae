//! Signing in with an emailed link, and signing out.
//!
//! Asking for a link answers the same way, just as fast, whether or not the
//! address has an account: the lookup and the mail happen after the answer.
//! Opening the link shows a button; only pressing it (a POST) uses the link,
//! so mail scanners that follow links cannot spend it.

use crate::web::{html, see_other};
use std::net::IpAddr;

use actix_session::Session;
use actix_web::{HttpRequest, HttpResponse, route, web};
use maud::Markup;
use serde::Deserialize;

use super::email_tokens::{self, Purpose, SIGN_IN_TTL};
use super::identity::{AuthVia, CurrentUser, SESSION_TOKEN};
use super::limits::SignInLimits;
use super::users::{self, EmailAddress, now};
use super::{sessions, views};
use crate::db::{self, DbPool};
use crate::email::Mailer;
use crate::error::{ErrorKind, PageError};
use crate::web::csrf::{self, CsrfField, CsrfOnly, ProtectedForm};
use crate::web::{PageContext, local_path};

/// The session key remembering where to go after signing in.
const NEXT_KEY: &str = "next";

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

#[route("/sign-in", method = "GET", method = "HEAD")]
pub async fn sign_in_page(
    mut page: PageContext,
    session: Session,
    query: web::Query<NextQuery>,
) -> Markup {
    page.csrf = csrf::token(&session);
    let next = local_path(query.next.as_deref());
    views::sign_in_page(&page, "", next, None)
}

#[derive(Deserialize)]
pub struct SignInForm {
    // Missing counts as wrong: 403, not a form error.
    #[serde(default)]
    csrf: String,
    email: String,
    next: Option<String>,
}

impl CsrfField for SignInForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

/// Everything the background mail job needs.
struct LinkRequest {
    pool: web::Data<DbPool>,
    mailer: web::Data<Mailer>,
    email: EmailAddress,
}

#[route("/sign-in", method = "POST")]
pub async fn request_link(
    mut page: PageContext,
    session: Session,
    req: HttpRequest,
    form: ProtectedForm<SignInForm>,
    limits: web::Data<SignInLimits>,
    pool: web::Data<DbPool>,
    mailer: web::Data<Mailer>,
) -> Result<HttpResponse, PageError> {
    let form = form.0;
    page.path = "/sign-in".into();
    let next = local_path(form.next.as_deref());
    // Where to go after the link is used, if it is used in this browser.
    let _ = session.insert(NEXT_KEY, next);
    let email = match EmailAddress::parse(&form.email) {
        Ok(email) => email,
        Err(problem) => {
            let markup = views::sign_in_page(&page, &form.email, next, Some(problem));
            return Ok(html(
                actix_web::http::StatusCode::UNPROCESSABLE_ENTITY,
                markup,
            ));
        }
    };
    let ip: Option<IpAddr> = limits.client_ip(&req);
    if let Err(wait) = limits.check(ip, &email.as_str().to_owned()) {
        return Ok(slow_down(&page, wait));
    }
    let job = LinkRequest {
        pool,
        mailer,
        email,
    };
    actix_web::rt::spawn(send_link(job));
    Ok(html(
        actix_web::http::StatusCode::OK,
        views::message_page(&page, "sign-in-check-title", "sign-in-check-body"),
    ))
}

/// 429 with `Retry-After`, for sign-in requests beyond their allowance.
pub(super) fn slow_down(page: &PageContext, wait: std::time::Duration) -> HttpResponse {
    let markup = views::message_page(page, "sign-in-slow-down-title", "error-too-many-requests");
    let response = html(actix_web::http::StatusCode::TOO_MANY_REQUESTS, markup);
    let seconds = super::limits::retry_after_secs(wait);
    crate::web::with_retry_after(response, Some(seconds))
}

async fn send_link(job: LinkRequest) {
    let LinkRequest {
        pool,
        mailer,
        email,
    } = job;
    let outcome = db::run(&pool, move |conn| {
        let Some(user) = users::find_by_email(conn, &email)? else {
            return Ok(());
        };
        let token = email_tokens::create(conn, user.id, Purpose::SignIn, now() + SIGN_IN_TTL)?;
        let link = mailer.link(&format!("/sign-in/{token}"));
        mailer.send(&super::mail::sign_in_link(&user, &link))
    })
    .await;
    if let Err(e) = outcome {
        tracing::error!(error = format!("{e:#}"), "could not send a sign-in link");
    }
}

#[route("/sign-in/{token}", method = "GET", method = "HEAD")]
pub async fn confirm_page(
    mut page: PageContext,
    session: Session,
    token: web::Path<String>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, PageError> {
    let lang = page.lang;
    let token = token.into_inner();
    let check = token.clone();
    let usable = db::run(&pool, move |conn| {
        Ok(email_tokens::holder(conn, &check, Purpose::SignIn, now())?.is_some())
    })
    .await
    .map_err(|e| PageError::internal(lang, e))?;
    if !usable {
        return Err(PageError::new(lang, ErrorKind::Gone));
    }
    page.csrf = csrf::token(&session);
    Ok(html(
        actix_web::http::StatusCode::OK,
        views::confirm_page(&page, &token),
    ))
}

#[route("/sign-in/{token}", method = "POST")]
pub async fn use_link(
    page: PageContext,
    session: Session,
    token: web::Path<String>,
    _form: ProtectedForm<CsrfOnly>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, PageError> {
    let lang = page.lang;
    let token = token.into_inner();
    let session_token = db::run(&pool, move |conn| {
        match email_tokens::consume(conn, &token, Purpose::SignIn, now())? {
            Some(user_id) => Ok(Some(sessions::create(conn, user_id, now())?)),
            None => Ok(None),
        }
    })
    .await
    .map_err(|e| PageError::internal(lang, e))?;
    let Some(session_token) = session_token else {
        return Err(PageError::new(lang, ErrorKind::Gone));
    };
    begin_session(&session, session_token, lang)?;
    let next = session.remove_as::<String>(NEXT_KEY).and_then(Result::ok);
    Ok(see_other(local_path(next.as_deref())))
}

#[route("/sign-out", method = "POST")]
pub async fn sign_out(
    user: CurrentUser,
    session: Session,
    _form: ProtectedForm<CsrfOnly>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, PageError> {
    let lang = user.user().language;
    if user.0.via == AuthVia::Session
        && let Ok(Some(token)) = session.get::<String>(SESSION_TOKEN)
    {
        db::run(&pool, move |conn| Ok(sessions::delete(conn, &token)?))
            .await
            .map_err(|e| PageError::internal(lang, e))?;
    }
    session.purge();
    Ok(see_other("/"))
}

/// Puts a new server-side session in a fresh cookie: nothing planted in the
/// browser before signing in (a CSRF token, say) carries over.
pub(super) fn begin_session(
    session: &Session,
    token: String,
    lang: crate::i18n::Lang,
) -> Result<(), PageError> {
    session.renew();
    session.remove(crate::web::csrf::CSRF_KEY);
    session
        .insert(SESSION_TOKEN, token)
        .map_err(|e| PageError::internal(lang, anyhow::anyhow!("{e}")))
}
