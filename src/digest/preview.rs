//! `/profile/digest`: the signed-in person's next digest as it would be if it
//! went now, and when it goes. Composed like the real one; nothing written.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, route, web};
use chrono::Datelike;
use maud::html;

use super::compose::Digest;
use super::gather::{self, Shared};
use super::schedule::Week;
use super::{MailPreferences, ledger, store};
use crate::accounts::identity::CurrentUser;
use crate::db::{self, DbPool};
use crate::error::PageError;
use crate::i18n::Arg;
use crate::peers::PeerDirectory;
use crate::standard::{Catalog, Standards};
use crate::web::{PageContext, html, layout};

#[route("/profile/digest", method = "GET", method = "HEAD")]
pub async fn preview_page(
    user: CurrentUser,
    page: PageContext,
    pool: web::Data<DbPool>,
    standards: web::Data<Standards>,
    peers: web::Data<PeerDirectory>,
) -> Result<HttpResponse, PageError> {
    let lang = page.lang;
    let reader = user.user().clone();
    let (standards, peers) = (standards.get_ref().clone(), peers.get_ref().clone());
    let (prefs, digest, catalog) = db::run(&pool, move |conn| {
        let now = chrono::Utc::now();
        let mut shared = Shared::load(conn, &standards, &peers, now.naive_utc())?;
        let window = gather::window(ledger::last_sent(conn, reader.id)?, now.naive_utc());
        let week = Week::of(now.with_timezone(&reader.zone()).iso_week());
        let digest = gather::compose(conn, &mut shared, &reader, week, window)?;
        Ok((
            store::load(conn, reader.id)?,
            digest,
            shared.catalog.clone(),
        ))
    })
    .await
    .map_err(|e| PageError::internal(lang, e))?;
    Ok(html(
        StatusCode::OK,
        view(&page, &user, (&prefs, &digest, &catalog)),
    ))
}

fn view(
    page: &PageContext,
    user: &CurrentUser,
    (prefs, digest, catalog): (&MailPreferences, &Digest, &Catalog),
) -> maud::Markup {
    let lang = page.lang;
    let title = lang.t("digest-preview-title");
    let when = if prefs.digest {
        let day = super::views::day_name(lang, prefs.digest_day);
        let args: [(&'static str, Arg); 3] = [
            ("day", day.into()),
            ("hour", format!("{:02}:00", prefs.digest_hour).into()),
            ("zone", user.user().time_zone.as_str().into()),
        ];
        lang.t_args("digest-preview-when", &args)
    } else {
        lang.t("digest-preview-off")
    };
    layout(
        page,
        &title,
        html! {
            h1 { (title) }
            p { (when) " " a href="/profile" { (lang.t("digest-preferences")) } }
            @if digest.is_empty() {
                p { (lang.t("digest-preview-empty")) }
            } @else {
                (super::message::preview(lang, digest, catalog))
            }
        },
    )
}
