//! CSRF protection for browser forms: a random token kept in the encrypted
//! session cookie and echoed in a hidden field. Requests authenticated with a
//! bearer token are exempt: browsers never add that header on their own.

use std::future::Future;
use std::pin::Pin;

use actix_session::{Session, SessionExt};
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use serde::de::DeserializeOwned;

use crate::accounts::identity::{AuthVia, Identity};
use crate::accounts::tokens;
use crate::error::{ErrorKind, PageError};
use crate::i18n::Lang;

pub(crate) const CSRF_KEY: &str = "csrf";

/// The session's token, created on first use.
pub fn token(session: &Session) -> String {
    if let Ok(Some(token)) = session.get::<String>(CSRF_KEY) {
        return token;
    }
    let token = tokens::generate().unwrap_or_default();
    // A session that cannot store the token makes every form fail closed.
    let _ = session.insert(CSRF_KEY, &token);
    token
}

fn matches(session: &Session, submitted: &str) -> bool {
    match session.get::<String>(CSRF_KEY) {
        Ok(Some(expected)) if !expected.is_empty() => {
            constant_time_eq(expected.as_bytes(), submitted.as_bytes())
        }
        _ => false,
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A form with a hidden `csrf` field.
pub trait CsrfField {
    fn csrf(&self) -> &str;
}

/// A form whose CSRF token was checked (or that came with a bearer token).
pub struct ProtectedForm<T>(pub T);

impl<T: DeserializeOwned + CsrfField + 'static> FromRequest for ProtectedForm<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<ProtectedForm<T>, actix_web::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let form = web::Form::<T>::from_request(req, payload);
        let req = req.clone();
        Box::pin(async move {
            let form = form.await?.into_inner();
            verify(&req, form.csrf())?;
            Ok(ProtectedForm(form))
        })
    }
}

/// Checks a token that arrived some other way than a urlencoded form (a file
/// upload's multipart field): 403 unless it matches or a bearer token came.
pub fn verify(req: &HttpRequest, submitted: &str) -> Result<(), PageError> {
    let bearer = Identity::of_request(req).is_some_and(|i| i.via == AuthVia::Bearer);
    if bearer || matches(&req.get_session(), submitted) {
        Ok(())
    } else {
        Err(PageError::new(
            Lang::of_request(req),
            ErrorKind::CsrfRejected,
        ))
    }
}

/// A form whose fields are not known in advance (one per criterion), read as
/// name–value pairs in the order sent; repeated names stay repeated.
#[derive(serde::Deserialize)]
#[serde(transparent)]
pub struct FormPairs(pub Vec<(String, String)>);

impl FormPairs {
    /// The first value sent under `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl CsrfField for FormPairs {
    fn csrf(&self) -> &str {
        self.get("csrf").unwrap_or_default()
    }
}

/// A form that carries nothing but its CSRF token (sign out, revoke).
#[derive(serde::Deserialize)]
pub struct CsrfOnly {
    // Missing counts as wrong: 403, not a form error.
    #[serde(default)]
    pub csrf: String,
}

impl CsrfField for CsrfOnly {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

#[cfg(test)]
mod tests {
    use super::constant_time_eq;

    #[test]
    fn comparison_needs_equal_length_and_bytes() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
        assert!(!constant_time_eq(b"", b"x"));
    }
}
