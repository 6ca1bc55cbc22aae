//! What every page shares: the request's language, the layout, error pages,
//! static files, and the JSON/HTML answers for malformed requests.

pub mod csrf;
pub mod forms;
mod lang;
mod layout;
mod rejections;
mod responses;
pub mod serde_messages;
pub mod session;

pub use lang::{PageContext, local_path, switch_language};
pub use layout::{error_page, layout};
pub use rejections::{configure_extractors, form_config, is_api, not_found};
pub use responses::{html, message_page, see_other, with_retry_after};

use actix_web::middleware::DefaultHeaders;
use actix_web::{HttpResponse, http::header, route};

const STYLESHEET: &str = include_str!("static/peerhall.css");
const SCRIPT: &str = include_str!("static/peerhall.js");

/// The stylesheet; its URL carries the version, so it may be cached for long.
#[route("/static/peerhall-{version}.css", method = "GET", method = "HEAD")]
pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
        .body(STYLESHEET)
}

/// The one script (progressive enhancement); versioned like the stylesheet.
#[route("/static/peerhall-{version}.js", method = "GET", method = "HEAD")]
pub async fn script() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
        .body(SCRIPT)
}

/// Headers on every response: no inline scripts or framing, no MIME sniffing,
/// no full URLs leaked to other sites.
pub fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
        ))
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::X_FRAME_OPTIONS, "DENY"))
        .add((header::REFERRER_POLICY, "strict-origin-when-cross-origin"))
}
