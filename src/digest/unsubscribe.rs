//! `/unsubscribe/{token}`: the link in every digest. A GET only asks (link
//! scanners fetch links and must not unsubscribe anyone); a POST, from the
//! page's button or a mail client's one-click (RFC 8058), unsubscribes with
//! no session and no CSRF token: the signed token is the authority.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, route, web};
use maud::html;

use super::store;
use crate::accounts::users::{self, User, now};
use crate::db::{self, DbPool};
use crate::email::unsubscribe::{Token, UnsubscribeKey};
use crate::error::PageError;
use crate::i18n::Arg;
use crate::web::{PageContext, html, layout, message_page};

/// The person a token was made for, if it is genuine and their address has not changed.
async fn owner(pool: &DbPool, key: &UnsubscribeKey, token: &str) -> anyhow::Result<Option<User>> {
    let Some(token) = Token::parse(token) else {
        return Ok(None);
    };
    let key = key.clone();
    db::run(pool, move |conn| {
        let user = users::find_by_id(conn, token.user_id)?;
        Ok(user.filter(|u| key.verify(&token, &u.email)))
    })
    .await
}

fn invalid(page: &PageContext) -> HttpResponse {
    let lang = page.lang;
    let markup = message_page(
        page,
        &lang.t("unsubscribe-invalid-title"),
        &lang.t("unsubscribe-invalid"),
    );
    html(StatusCode::NOT_FOUND, markup)
}

/// The link's owner and the page in their language, or the answer for a bad link.
async fn resolve(
    page: PageContext,
    token: &str,
    pool: &DbPool,
    key: &UnsubscribeKey,
) -> Result<Result<(User, PageContext), HttpResponse>, PageError> {
    let found = owner(pool, key, token)
        .await
        .map_err(|e| PageError::internal(page.lang, e))?;
    Ok(match found {
        Some(user) => {
            let page = PageContext {
                lang: user.language,
                ..page
            };
            Ok((user, page))
        }
        None => Err(invalid(&page)),
    })
}

#[route("/unsubscribe/{token}", method = "GET", method = "HEAD")]
pub async fn confirm_page(
    page: PageContext,
    token: web::Path<String>,
    pool: web::Data<DbPool>,
    key: web::Data<UnsubscribeKey>,
) -> Result<HttpResponse, PageError> {
    let (user, page) = match resolve(page, &token, &pool, &key).await? {
        Ok(found) => found,
        Err(response) => return Ok(response),
    };
    let lang = page.lang;
    let title = lang.t("unsubscribe-title");
    let email: Arg = user.email.as_str().into();
    let content = html! {
        h1 { (title) }
        p { (lang.t_args("unsubscribe-explain", &[("email", email)])) }
        form method="post" action={ "/unsubscribe/" (token.as_str()) } {
            button type="submit" { (lang.t("unsubscribe-button")) }
        }
    };
    Ok(html(StatusCode::OK, layout(&page, &title, content)))
}

#[route("/unsubscribe/{token}", method = "POST")]
pub async fn unsubscribe(
    page: PageContext,
    token: web::Path<String>,
    pool: web::Data<DbPool>,
    key: web::Data<UnsubscribeKey>,
) -> Result<HttpResponse, PageError> {
    let (user, page) = match resolve(page, &token, &pool, &key).await? {
        Ok(found) => found,
        Err(response) => return Ok(response),
    };
    let (id, lang) = (user.id, page.lang);
    db::run(&pool, move |conn| {
        let mut prefs = store::load(conn, id)?;
        prefs.digest = false;
        Ok(store::save(conn, id, &prefs, now())?)
    })
    .await
    .map_err(|e| PageError::internal(lang, e))?;
    tracing::info!(user = id, "unsubscribed from the weekly digest by link");
    let markup = message_page(
        &page,
        &lang.t("unsubscribe-done-title"),
        &lang.t("unsubscribe-done"),
    );
    Ok(html(StatusCode::OK, markup))
}
