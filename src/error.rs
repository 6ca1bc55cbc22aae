//! How failures become responses: JSON `{error, message, fields}` for the API,
//! an accessible page for browsers; the cause chain is logged once, here.

use std::collections::BTreeMap;
use std::fmt;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::i18n::Lang;

/// The body of every API error.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// A stable, machine-readable code such as `not_found` or `invalid_body`.
    pub error: &'static str,
    /// A sentence for people, in the request's language.
    pub message: String,
    /// Per-field problems, keyed by field name (may be empty).
    pub fields: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    NotFound,
    Unauthorized,
    Forbidden,
    CsrfRejected,
    Gone,
    /// The request is well formed but clashes with the thing's state.
    Conflict,
    Unprocessable,
    TooManyRequests,
    InvalidBody,
    InvalidQuery,
    InvalidPath,
    UnsupportedMediaType,
    PayloadTooLarge,
    Unavailable,
    Internal,
}

impl ErrorKind {
    fn status(self) -> StatusCode {
        match self {
            ErrorKind::NotFound => StatusCode::NOT_FOUND,
            ErrorKind::Unauthorized => StatusCode::UNAUTHORIZED,
            ErrorKind::Forbidden | ErrorKind::CsrfRejected => StatusCode::FORBIDDEN,
            ErrorKind::Gone => StatusCode::GONE,
            ErrorKind::Conflict => StatusCode::CONFLICT,
            ErrorKind::Unprocessable => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorKind::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            ErrorKind::InvalidBody | ErrorKind::InvalidQuery | ErrorKind::InvalidPath => {
                StatusCode::BAD_REQUEST
            }
            ErrorKind::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorKind::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorKind::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn code(self) -> &'static str {
        match self {
            ErrorKind::NotFound => "not_found",
            ErrorKind::Unauthorized => "unauthorized",
            ErrorKind::Forbidden => "forbidden",
            ErrorKind::CsrfRejected => "csrf_rejected",
            ErrorKind::Gone => "gone",
            ErrorKind::Conflict => "conflict",
            ErrorKind::Unprocessable => "invalid_fields",
            ErrorKind::TooManyRequests => "too_many_requests",
            ErrorKind::InvalidBody => "invalid_body",
            ErrorKind::InvalidQuery => "invalid_query",
            ErrorKind::InvalidPath => "invalid_path",
            ErrorKind::UnsupportedMediaType => "unsupported_media_type",
            ErrorKind::PayloadTooLarge => "payload_too_large",
            ErrorKind::Unavailable => "unavailable",
            ErrorKind::Internal => "internal",
        }
    }

    fn message_key(self) -> &'static str {
        match self {
            ErrorKind::NotFound => "error-not-found",
            ErrorKind::Unauthorized => "error-unauthorized",
            ErrorKind::Forbidden => "error-forbidden",
            ErrorKind::CsrfRejected => "error-csrf",
            ErrorKind::Gone => "error-gone",
            ErrorKind::Conflict => "error-conflict",
            ErrorKind::Unprocessable => "error-unprocessable",
            ErrorKind::TooManyRequests => "error-too-many-requests",
            ErrorKind::InvalidBody => "error-invalid-body",
            ErrorKind::InvalidQuery => "error-invalid-query",
            ErrorKind::InvalidPath => "error-invalid-path",
            ErrorKind::UnsupportedMediaType => "error-unsupported-media-type",
            ErrorKind::PayloadTooLarge => "error-payload-too-large",
            ErrorKind::Unavailable => "error-unavailable",
            ErrorKind::Internal => "error-internal",
        }
    }
}

/// An API failure, carrying the language its message is written in.
#[derive(Debug)]
pub struct ApiError {
    lang: Lang,
    kind: ErrorKind,
    fields: BTreeMap<String, String>,
    cause: Option<anyhow::Error>,
    /// Seconds for a `Retry-After` header.
    retry_after: Option<u64>,
}

impl ApiError {
    pub fn new(lang: Lang, kind: ErrorKind) -> Self {
        Self {
            lang,
            kind,
            fields: BTreeMap::new(),
            cause: None,
            retry_after: None,
        }
    }

    /// Tells the client when trying again can succeed.
    pub fn with_retry_after(mut self, seconds: Option<u64>) -> Self {
        self.retry_after = seconds;
        self
    }

    /// `what` names the missing thing for the `fields` map (e.g. `standard`).
    pub fn not_found(lang: Lang, what: &str) -> Self {
        Self::new(lang, ErrorKind::NotFound).with_field(what, lang.t("error-field-not-found"))
    }

    /// Adds a problem with `field`; a second problem with the same field is
    /// appended to the first, never lost.
    pub fn with_field(mut self, field: &str, problem: impl Into<String>) -> Self {
        let problem = problem.into();
        self.fields
            .entry(field.to_owned())
            .and_modify(|text| {
                text.push(' ');
                text.push_str(&problem);
            })
            .or_insert(problem);
        self
    }

    /// A failure of ours: 500, or 503 with `Retry-After` when the database
    /// cannot be reached (see [`server_failure`]).
    pub fn internal(lang: Lang, cause: impl Into<anyhow::Error>) -> Self {
        let cause = cause.into();
        let (kind, retry_after) = server_failure(&cause);
        Self {
            cause: Some(cause),
            retry_after,
            ..Self::new(lang, kind)
        }
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.kind.code())
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.kind.status()
    }

    fn error_response(&self) -> HttpResponse {
        log_cause(self.kind.status(), self.cause.as_ref());
        let mut response = HttpResponse::build(self.status_code());
        if self.kind == ErrorKind::Unauthorized {
            response.insert_header(("WWW-Authenticate", "Bearer"));
        }
        if let Some(seconds) = self.retry_after {
            response.insert_header((actix_web::http::header::RETRY_AFTER, seconds));
        }
        response.json(ErrorBody {
            error: self.kind.code(),
            message: self.lang.t(self.kind.message_key()),
            fields: self.fields.clone(),
        })
    }
}

/// A page that could not be shown; rendered through the shared layout.
#[derive(Debug)]
pub struct PageError {
    lang: Lang,
    kind: ErrorKind,
    cause: Option<anyhow::Error>,
    retry_after: Option<u64>,
}

impl PageError {
    pub fn new(lang: Lang, kind: ErrorKind) -> Self {
        Self {
            lang,
            kind,
            cause: None,
            retry_after: None,
        }
    }

    pub fn not_found(lang: Lang) -> Self {
        Self::new(lang, ErrorKind::NotFound)
    }

    /// As [`ApiError::internal`]: 500, or 503 while the database is unreachable.
    pub fn internal(lang: Lang, cause: impl Into<anyhow::Error>) -> Self {
        let cause = cause.into();
        let (kind, retry_after) = server_failure(&cause);
        Self {
            cause: Some(cause),
            retry_after,
            ..Self::new(lang, kind)
        }
    }

    /// Tells the browser when trying again can succeed.
    pub fn with_retry_after(mut self, seconds: Option<u64>) -> Self {
        self.retry_after = seconds;
        self
    }
}

impl fmt::Display for PageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.kind.code())
    }
}

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        self.kind.status()
    }

    fn error_response(&self) -> HttpResponse {
        log_cause(self.kind.status(), self.cause.as_ref());
        let markup = crate::web::error_page(self.lang, self.kind.message_key());
        let mut response = HttpResponse::build(self.status_code());
        if let Some(seconds) = self.retry_after {
            response.insert_header((actix_web::http::header::RETRY_AFTER, seconds));
        }
        response
            .content_type("text/html; charset=utf-8")
            .body(markup.into_string())
    }
}

/// Seconds a client is asked to wait while the database is unreachable.
const RETRY_WHEN_UNAVAILABLE_SECS: u64 = 5;

/// An outage of the database is not a bug: the client is told to come back
/// (503 with `Retry-After`) instead of getting a 500, and nothing was written.
fn server_failure(cause: &anyhow::Error) -> (ErrorKind, Option<u64>) {
    if crate::db::is_unreachable(cause) {
        (ErrorKind::Unavailable, Some(RETRY_WHEN_UNAVAILABLE_SECS))
    } else {
        (ErrorKind::Internal, None)
    }
}

fn log_cause(status: StatusCode, cause: Option<&anyhow::Error>) {
    if let Some(cause) = cause
        && status.is_server_error()
    {
        tracing::error!(error = format!("{cause:#}"), "request failed");
    }
}
