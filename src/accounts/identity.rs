//! Who is asking: resolved once per request from `Authorization: Bearer` or the
//! session cookie, then read by extractors. Handlers never look at cookies.

use std::future::{Ready, ready};
use std::sync::Arc;

use actix_session::SessionExt;
use actix_web::body::MessageBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{StatusCode, header};
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpRequest, HttpResponse, ResponseError, web};

use super::api_tokens::{self, TokenUse};
use super::sessions;
use super::users::{User, now};
use crate::db::{self, DbConnection, DbPool};
use crate::error::{ApiError, ErrorKind, PageError};
use crate::i18n::Lang;

/// The session key holding the server-side session token.
pub const SESSION_TOKEN: &str = "sid";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthVia {
    Session,
    Bearer,
}

/// A signed-in person and how they proved it.
#[derive(Debug, Clone)]
pub struct Identity {
    pub user: Arc<User>,
    pub via: AuthVia,
}

/// Middleware: puts the request's `Identity` (if any) in its extensions.
pub async fn identify(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let pool = req.app_data::<web::Data<DbPool>>().cloned();
    if let (Some(pool), Some(bearer)) = (pool.clone(), bearer_token(&req)) {
        match lookup(pool, bearer, AuthVia::Bearer)
            .await
            .map_err(|e| failed(&req, e))?
        {
            Some(identity) => {
                req.extensions_mut().insert(identity);
            }
            None => {
                let lang = Lang::of_request(req.request());
                return Err(ApiError::new(lang, ErrorKind::Unauthorized).into());
            }
        }
    } else if let Some(pool) = pool {
        let session = req.get_session();
        if let Ok(Some(token)) = session.get::<String>(SESSION_TOKEN) {
            match lookup(pool, token, AuthVia::Session)
                .await
                .map_err(|e| failed(&req, e))?
            {
                Some(identity) => {
                    req.extensions_mut().insert(identity);
                }
                // Signed out elsewhere or expired: forget the stale token.
                None => {
                    session.remove(SESSION_TOKEN);
                }
            }
        }
    }
    next.call(req).await
}

fn bearer_token(req: &ServiceRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
}

/// Who is asking could not be read (the database is down, say): told as the
/// rest of the request would be, JSON under `/api/`, a page elsewhere.
fn failed(req: &ServiceRequest, cause: anyhow::Error) -> actix_web::Error {
    let lang = Lang::of_request(req.request());
    if crate::web::is_api(req.path()) {
        ApiError::internal(lang, cause).into()
    } else {
        PageError::internal(lang, cause).into()
    }
}

async fn lookup(
    pool: web::Data<DbPool>,
    token: String,
    via: AuthVia,
) -> anyhow::Result<Option<Identity>> {
    // Every signed-in request asks this: on SQLite it is read here, saving the
    // thread hops of the blocking pool, unless it has a write to make.
    let read = db::idle_sqlite(&pool).map(|mut conn| read_only(&mut conn, &token, via));
    let user = match read {
        Some(Ok(Some(user))) => Ok(user),
        Some(Err(e)) => Err(e),
        Some(Ok(None)) | None => db::run(&pool, move |conn| resolve(conn, &token, via)).await,
    }?;
    Ok(user.map(|user| Identity {
        user: Arc::new(user),
        via,
    }))
}

/// Who `token` belongs to; notes an API token's use.
fn resolve(conn: &mut DbConnection, token: &str, via: AuthVia) -> anyhow::Result<Option<User>> {
    Ok(match via {
        AuthVia::Bearer => api_tokens::user_for(conn, token, now())?,
        AuthVia::Session => sessions::user_for(conn, token, now())?,
    })
}

/// Who `token` belongs to, writing nothing; None when the token's use has
/// still to be noted, which is a write.
fn read_only(
    conn: &mut DbConnection,
    token: &str,
    via: AuthVia,
) -> anyhow::Result<Option<Option<User>>> {
    Ok(match via {
        AuthVia::Bearer => match api_tokens::find(conn, token, now())? {
            TokenUse::Unknown => Some(None),
            TokenUse::Noted { user } => Some(Some(user)),
            TokenUse::Unnoted { .. } => None,
        },
        AuthVia::Session => Some(sessions::user_for(conn, token, now())?),
    })
}

impl Identity {
    pub fn of_request(req: &HttpRequest) -> Option<Identity> {
        req.extensions().get::<Identity>().cloned()
    }
}

/// Extracts the signed-in person; refuses anonymous requests (401 for the API,
/// a redirect to the sign-in page for browsers).
#[derive(Debug, Clone)]
pub struct CurrentUser(pub Identity);

impl CurrentUser {
    pub fn user(&self) -> &User {
        &self.0.user
    }
}

impl FromRequest for CurrentUser {
    type Error = actix_web::Error;
    type Future = Ready<Result<CurrentUser, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(match Identity::of_request(req) {
            Some(identity) => Ok(CurrentUser(identity)),
            None => Err(SignInRequired::for_request(req).into()),
        })
    }
}

/// The answer to an anonymous request for something private.
#[derive(Debug)]
pub struct SignInRequired {
    lang: Lang,
    api: bool,
    next: String,
}

impl SignInRequired {
    fn for_request(req: &HttpRequest) -> SignInRequired {
        SignInRequired {
            lang: Lang::of_request(req),
            api: crate::web::is_api(req.path()),
            next: req.path().to_owned(),
        }
    }
}

impl std::fmt::Display for SignInRequired {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("sign-in required")
    }
}

impl ResponseError for SignInRequired {
    fn status_code(&self) -> StatusCode {
        if self.api {
            StatusCode::UNAUTHORIZED
        } else {
            StatusCode::SEE_OTHER
        }
    }

    fn error_response(&self) -> HttpResponse {
        if self.api {
            return ApiError::new(self.lang, ErrorKind::Unauthorized).error_response();
        }
        let location = format!(
            "/sign-in?next={}",
            url::form_urlencoded::byte_serialize(self.next.as_bytes()).collect::<String>()
        );
        HttpResponse::SeeOther()
            .insert_header((header::LOCATION, location))
            .finish()
    }
}
