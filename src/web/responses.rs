//! The plain page responses every domain's handlers send: an HTML page with a
//! status, a redirect after a form, and a page that only says one thing.

use actix_web::HttpResponse;
use actix_web::http::{StatusCode, header};
use maud::{Markup, html as markup};

use super::{PageContext, layout};

/// A rendered page with `status`.
pub fn html(status: StatusCode, page: Markup) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(page.into_string())
}

/// Adds `Retry-After` (whole seconds) to a response refused for going too fast.
pub fn with_retry_after(mut response: HttpResponse, seconds: Option<u64>) -> HttpResponse {
    if let Some(seconds) = seconds {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, header::HeaderValue::from(seconds));
    }
    response
}

/// 303 See Other, the answer to a form that worked.
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location.to_owned()))
        .finish()
}

/// A page with a heading and one paragraph.
pub fn message_page(page: &PageContext, title: &str, body: &str) -> Markup {
    layout(
        page,
        title,
        markup! {
            h1 { (title) }
            p { (body) }
        },
    )
}
