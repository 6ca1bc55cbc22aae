//! Malformed requests get a 4xx in the caller's language, never a 500: JSON for
//! the API, a page for browsers.

use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError, UrlencodedError};
use actix_web::{HttpRequest, HttpResponse, web};

use super::serde_messages::{Problem, retell, retell_json};
use crate::error::{ApiError, ErrorKind};
use crate::i18n::Lang;

/// Installs error handlers for the JSON, query and path extractors.
pub fn configure_extractors(cfg: &mut web::ServiceConfig) {
    cfg.app_data(
        web::JsonConfig::default()
            .limit(1 << 20)
            .error_handler(json_error),
    )
    .app_data(web::QueryConfig::default().error_handler(query_error))
    .app_data(web::PathConfig::default().error_handler(path_error))
    .app_data(form_config(64 * 1024));
}

/// Urlencoded forms up to `limit` bytes, with errors told as pages. A route with
/// a larger form (the self-assessment) installs its own.
pub fn form_config(limit: usize) -> web::FormConfig {
    web::FormConfig::default()
        .limit(limit)
        .error_handler(form_error)
}

fn json_error(err: JsonPayloadError, req: &HttpRequest) -> actix_web::Error {
    let lang = Lang::of_request(req);
    let api_error = match &err {
        JsonPayloadError::ContentType => ApiError::new(lang, ErrorKind::UnsupportedMediaType),
        JsonPayloadError::Deserialize(e) => with_problem(
            ApiError::new(lang, ErrorKind::InvalidBody),
            retell_json(lang, e),
        ),
        other => {
            tracing::debug!(error = %other, "unreadable JSON body");
            let problem = retell(lang, "", "body");
            with_problem(ApiError::new(lang, ErrorKind::InvalidBody), problem)
        }
    };
    api_error.into()
}

fn with_problem(error: ApiError, problem: Problem) -> ApiError {
    error.with_field(&problem.field, problem.message)
}

fn query_error(err: QueryPayloadError, req: &HttpRequest) -> actix_web::Error {
    let lang = Lang::of_request(req);
    let message = match &err {
        QueryPayloadError::Deserialize(e) => e.to_string(),
        other => other.to_string(),
    };
    let problem = retell(lang, &message, "query");
    with_problem(ApiError::new(lang, ErrorKind::InvalidQuery), problem).into()
}

fn path_error(err: PathError, req: &HttpRequest) -> actix_web::Error {
    let lang = Lang::of_request(req);
    let PathError::Deserialize(e) = &err else {
        return ApiError::new(lang, ErrorKind::InvalidPath).into();
    };
    let problem = retell(lang, &e.to_string(), "path");
    with_problem(ApiError::new(lang, ErrorKind::InvalidPath), problem).into()
}

/// A browser form that does not parse: a page, not a 500.
fn form_error(err: UrlencodedError, req: &HttpRequest) -> actix_web::Error {
    tracing::debug!(error = %err, "malformed form");
    crate::error::PageError::new(Lang::of_request(req), ErrorKind::InvalidBody).into()
}

/// Whether a request is answered as the API (JSON) rather than as a page:
/// everything under `/api/`.
pub fn is_api(path: &str) -> bool {
    path.starts_with("/api/")
}

/// Unknown routes: JSON under `/api/`, a page elsewhere.
pub async fn not_found(req: HttpRequest) -> HttpResponse {
    let lang = Lang::of_request(&req);
    if is_api(req.path()) {
        actix_web::ResponseError::error_response(&ApiError::not_found(lang, "path"))
    } else {
        actix_web::ResponseError::error_response(&crate::error::PageError::not_found(lang))
    }
}
