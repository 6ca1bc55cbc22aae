//! What every page shares: the request's language, the layout, error pages,
//! static files, and the JSON/HTML answers for malformed requests.

mod lang;
mod layout;
mod rejections;

pub use lang::{PageContext, switch_language};
pub use layout::{error_page, layout};
pub use rejections::{configure_extractors, not_found};

use actix_web::{HttpResponse, get, http::header};

const STYLESHEET: &str = include_str!("static/peerhall.css");

/// The stylesheet; its URL carries the version, so it may be cached for long.
#[get("/static/peerhall-{version}.css")]
pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
        .body(STYLESHEET)
}
