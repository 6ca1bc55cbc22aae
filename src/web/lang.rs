//! Choosing the language of a request: `?lang=`, then the `lang` cookie set by
//! the switcher, then the signed-in person's choice, then `Accept-Language`,
//! then English.

use std::future::{Ready, ready};

use actix_web::cookie::{Cookie, SameSite, time::Duration};
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, HttpResponse, route, web};
use serde::Deserialize;

use std::sync::Arc;

use actix_session::SessionExt;

use crate::accounts::identity::Identity;
use crate::accounts::users::User;
use crate::i18n::Lang;

pub const LANG_COOKIE: &str = "lang";

impl Lang {
    pub fn of_request(req: &HttpRequest) -> Lang {
        let from_query = web::Query::<LangQuery>::from_query(req.query_string())
            .ok()
            .and_then(|q| q.lang.as_deref().and_then(Lang::from_tag));
        from_query
            .or_else(|| {
                req.cookie(LANG_COOKIE)
                    .and_then(|c| Lang::from_tag(c.value()))
            })
            .or_else(|| Identity::of_request(req).map(|i| i.user.language))
            .or_else(|| {
                req.headers()
                    .get(header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok())
                    .and_then(Lang::from_accept_language)
            })
            .unwrap_or_default()
    }
}

#[derive(Deserialize)]
struct LangQuery {
    lang: Option<String>,
}

impl FromRequest for Lang {
    type Error = actix_web::Error;
    type Future = Ready<Result<Lang, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(Lang::of_request(req)))
    }
}

/// What a page needs to know about its request to render the layout.
#[derive(Debug, Clone)]
pub struct PageContext {
    pub lang: Lang,
    /// The path of this page, for the language switcher's way back.
    pub path: String,
    /// The signed-in person, if any.
    pub user: Option<Arc<User>>,
    /// The CSRF token for the page's forms (the header's sign-out button included).
    pub csrf: String,
}

impl FromRequest for PageContext {
    type Error = actix_web::Error;
    type Future = Ready<Result<PageContext, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let user = Identity::of_request(req).map(|i| i.user);
        // Anonymous visitors get a session cookie only when a page has a form.
        let session = req.get_session();
        let csrf = match user {
            Some(_) => super::csrf::token(&session),
            None => session
                .get::<String>(super::csrf::CSRF_KEY)
                .ok()
                .flatten()
                .unwrap_or_default(),
        };
        ready(Ok(PageContext {
            lang: Lang::of_request(req),
            path: req.path().to_owned(),
            csrf,
            user,
        }))
    }
}

#[derive(Deserialize)]
pub struct SwitchQuery {
    next: Option<String>,
}

/// Remembers the chosen language in a cookie and goes back to the page.
#[route("/language/{code}", method = "GET", method = "HEAD")]
pub async fn switch_language(
    code: web::Path<String>,
    query: web::Query<SwitchQuery>,
) -> HttpResponse {
    let next = local_path(query.next.as_deref());
    let mut response = HttpResponse::SeeOther();
    response.insert_header((header::LOCATION, next.to_owned()));
    if let Some(lang) = Lang::from_tag(&code) {
        let cookie = Cookie::build(LANG_COOKIE, lang.code())
            .path("/")
            .same_site(SameSite::Lax)
            .http_only(true)
            .max_age(Duration::days(365))
            .finish();
        response.cookie(cookie);
    }
    response.finish()
}

/// A path to go to next, if it stays on this site; `/` otherwise.
pub fn local_path(next: Option<&str>) -> &str {
    next.filter(|n| is_local_path(n)).unwrap_or("/")
}

/// Only same-site paths: `//host` and `/\host` would leave the site, and
/// browsers drop tabs and line breaks from a URL before reading it, so
/// `/<tab>/host` is `//host` to them. Paths this site links to are
/// percent-encoded, so they never hold whitespace, controls or backslashes.
fn is_local_path(next: &str) -> bool {
    next.starts_with('/')
        && !next.starts_with("//")
        && !next
            .chars()
            .any(|c| c == '\\' || c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{is_local_path, local_path};

    #[test]
    fn only_local_paths_are_followed_after_switching() {
        assert!(is_local_path("/standards/wwc-2022"));
        assert!(!is_local_path("//evil.example"));
        assert!(!is_local_path("/\\evil.example"));
        assert!(!is_local_path("https://evil.example"));
        assert!(!is_local_path("/\t/evil.example"));
        assert!(!is_local_path("/\n/evil.example"));
        assert!(!is_local_path("/ /evil.example"));
        assert!(is_local_path("/forum/threads/1?cursor=a%2Fb#post-2"));
    }

    proptest! {
        /// Whatever is asked for, a browser resolving the answer (the WHATWG
        /// URL parser, as the `url` crate implements it) stays on this host.
        #[test]
        fn the_next_page_never_leaves_the_site(next in "[/\\\\\t\n\r a-z.:@%?#]{0,12}") {
            let base = url::Url::parse("https://peerhall.example/forum").unwrap();
            let followed = base.join(local_path(Some(&next))).unwrap();
            prop_assert_eq!(followed.host_str(), Some("peerhall.example"));
        }
    }
}
