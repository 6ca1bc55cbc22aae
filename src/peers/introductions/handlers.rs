//! HTTP for introductions: the request form and its post, and one
//! introduction's page where the asked city's admins accept or decline.

use std::sync::Arc;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, route, web};
use serde::Deserialize;

use super::store::{self, Introduction, NewIntroduction};
use super::views::{self, AskForm};
use super::{Refused, Status, mail, parse_message};
use crate::accounts::cities::{self, City};
use crate::accounts::identity::CurrentUser;
use crate::accounts::policy::{self, Action};
use crate::accounts::{audit, guard, users::now};
use crate::config::LimitSettings;
use crate::db::{self, DbPool};
use crate::email::Mailer;
use crate::error::{ErrorKind, PageError};
use crate::standard::{Catalog, Standards};
use crate::web::csrf::{CsrfField, ProtectedForm};
use crate::web::{PageContext, html, see_other};

#[derive(Deserialize)]
pub struct AskQuery {
    #[serde(default)]
    peer: String,
    criterion: Option<String>,
}

#[derive(Deserialize)]
pub struct AskPost {
    // Missing counts as wrong: 403, not a form error.
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    peer: String,
    criterion: Option<String>,
    #[serde(default)]
    message: String,
}

impl CsrfField for AskPost {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

/// The asking city, the asked one, the criterion if any, and the catalog.
pub struct Pair {
    pub from: City,
    pub to: City,
    pub criterion: Option<String>,
    pub catalog: Arc<Catalog>,
}

/// Checks who asks whom: a hidden or unknown peer is "not found" (a hidden
/// city never appears), one that takes no introductions is a conflict.
async fn pair(
    (pool, standards): (&DbPool, &Standards),
    user: &CurrentUser,
    slug: String,
    (peer, criterion): (&str, Option<&str>),
) -> Result<Pair, PageError> {
    let lang = user.user().language;
    let (from, catalog) = guard::city_and_catalog((pool, standards), user.user(), slug, |c| {
        Action::RequestIntroduction { city_id: c.id }
    })
    .await
    .map_err(|r| r.page(lang))?;
    let peer = peer.trim().to_owned();
    let to = db::run(pool, move |conn| Ok(cities::find_by_slug(conn, &peer)?))
        .await
        .map_err(|e| PageError::internal(lang, e))?
        .filter(|to| to.discoverable && to.id != from.id)
        .ok_or_else(|| PageError::not_found(lang))?;
    let criterion = match criterion.map(str::trim).filter(|c| !c.is_empty()) {
        None => None,
        Some(code) => match catalog.criterion(&code.to_ascii_uppercase()) {
            Some(c) => Some(c.code.clone()),
            None => return Err(PageError::new(lang, ErrorKind::InvalidQuery)),
        },
    };
    Ok(Pair {
        from,
        to,
        criterion,
        catalog,
    })
}

/// The form asking a peer city for an introduction.
#[route("/cities/{slug}/introductions/new", method = "GET", method = "HEAD")]
pub async fn ask_page(
    user: CurrentUser,
    page: PageContext,
    slug: web::Path<String>,
    query: web::Query<AskQuery>,
    pool: web::Data<DbPool>,
    standards: web::Data<Standards>,
) -> Result<HttpResponse, PageError> {
    let asked = (query.peer.as_str(), query.criterion.as_deref());
    let pair = pair((&pool, &standards), &user, slug.into_inner(), asked).await?;
    let status = if pair.to.accepts_introductions {
        StatusCode::OK
    } else {
        StatusCode::CONFLICT
    };
    Ok(html(
        status,
        views::ask_page(&page, &pair, &AskForm::default()),
    ))
}

/// Stores the request and writes to whoever answers for the asked city.
#[route("/cities/{slug}/introductions", method = "POST")]
#[allow(clippy::too_many_arguments)]
pub async fn ask(
    user: CurrentUser,
    page: PageContext,
    slug: web::Path<String>,
    form: ProtectedForm<AskPost>,
    pool: web::Data<DbPool>,
    standards: web::Data<Standards>,
    limits: web::Data<LimitSettings>,
    mailer: web::Data<Mailer>,
) -> Result<HttpResponse, PageError> {
    let lang = page.lang;
    let form = form.0;
    let asked = (form.peer.as_str(), form.criterion.as_deref());
    let pair = pair((&pool, &standards), &user, slug.into_inner(), asked).await?;
    let again = |status, problem: views::Problem| {
        let values = AskForm {
            message: form.message.clone(),
            problem: Some(problem),
        };
        Ok(html(status, views::ask_page(&page, &pair, &values)))
    };
    if !pair.to.accepts_introductions {
        return Ok(html(
            StatusCode::CONFLICT,
            views::ask_page(&page, &pair, &AskForm::default()),
        ));
    }
    let answerers = answerers(&pool, pair.to.id)
        .await
        .map_err(|e| PageError::internal(lang, e))?;
    if answerers.is_empty() {
        return again(
            StatusCode::CONFLICT,
            views::Problem::Refused(Refused::NoOneToAnswer),
        );
    }
    let message = match parse_message(&form.message) {
        Ok(message) => message,
        Err(key) => return again(StatusCode::UNPROCESSABLE_ENTITY, views::Problem::Field(key)),
    };
    let new = NewIntroduction {
        from_city_id: pair.from.id,
        to_city_id: pair.to.id,
        requested_by: user.user().id,
        criterion: pair.criterion.clone(),
        message,
        status: Status::Pending.code(),
        created_at: now(),
    };
    let subject = format!("city:{}", pair.to.slug);
    let stored = store_request(&pool, new, limits.introductions_per_day, subject)
        .await
        .map_err(|e| PageError::internal(lang, e))?;
    match stored {
        Ok(intro) => {
            tell_answerers(&mailer, &pair.catalog, &intro, answerers).await;
            Ok(see_other(&format!("/introductions/{}?asked=1", intro.id)))
        }
        Err(refused) => {
            let status = match refused {
                Refused::TooMany { .. } => StatusCode::TOO_MANY_REQUESTS,
                _ => StatusCode::CONFLICT,
            };
            again(status, views::Problem::Refused(refused))
        }
    }
}

/// Stores the request with its audit line (both or neither), unless a limit
/// refuses it; returns it as stored.
async fn store_request(
    pool: &DbPool,
    new: NewIntroduction,
    per_day: u32,
    subject: String,
) -> anyhow::Result<Result<Introduction, Refused>> {
    let actor = new.requested_by;
    db::run(pool, move |conn| {
        use diesel::Connection;
        let stored = conn.transaction::<_, diesel::result::Error, _>(|conn| {
            match store::ask(conn, &new, per_day)? {
                Ok(id) => {
                    audit::record(conn, Some(actor), "introduction.ask", &subject, None)?;
                    Ok(store::find(conn, id)?.map(Ok))
                }
                Err(refused) => Ok(Some(Err(refused))),
            }
        });
        stored?.ok_or_else(|| anyhow::anyhow!("a stored introduction could not be read back"))
    })
    .await
}

async fn answerers(
    pool: &DbPool,
    city_id: i32,
) -> anyhow::Result<Vec<crate::accounts::users::UserRow>> {
    db::run(pool, move |conn| Ok(store::answerers(conn, city_id)?)).await
}

/// The request stands whatever happens to the mail: the asked city also sees
/// it on its peers page, so a failed send is logged, not shown as a failure.
async fn tell_answerers(
    mailer: &Mailer,
    catalog: &Catalog,
    intro: &Introduction,
    answerers: Vec<crate::accounts::users::UserRow>,
) {
    let link = mailer.link(&format!("/introductions/{}", intro.id));
    for row in answerers {
        let person: store::Person = row.into();
        let label = intro
            .criterion
            .as_deref()
            .and_then(|code| catalog.criterion(code))
            .map(|c| c.label.get(person.lang).to_owned());
        let outgoing = mail::request(&person, intro, label.as_deref(), &link);
        if let Err(e) = mailer.send_off_thread(outgoing).await {
            tracing::error!(error = %e, introduction = intro.id, "introduction mail failed");
        }
    }
}

#[derive(Deserialize)]
pub struct ShownQuery {
    asked: Option<String>,
}

async fn visible(
    pool: &DbPool,
    user: &CurrentUser,
    id: i32,
) -> Result<(Introduction, bool), PageError> {
    let lang = user.user().language;
    let intro = db::run(pool, move |conn| Ok(store::find(conn, id)?))
        .await
        .map_err(|e| PageError::internal(lang, e))?
        .ok_or_else(|| PageError::not_found(lang))?;
    let me = Some(user.user());
    let view = Action::ViewIntroduction {
        from_city: intro.from.id,
        to_city: intro.to.id,
    };
    if !policy::allows(me, view) {
        return Err(PageError::new(lang, ErrorKind::Forbidden));
    }
    let may_answer = policy::allows(
        me,
        Action::AnswerIntroduction {
            city_id: intro.to.id,
        },
    );
    Ok((intro, may_answer))
}

/// One introduction, for both cities' people; its answer form for the asked
/// city's admins while it is pending.
#[route("/introductions/{id}", method = "GET", method = "HEAD")]
pub async fn show(
    user: CurrentUser,
    page: PageContext,
    id: web::Path<i32>,
    query: web::Query<ShownQuery>,
    pool: web::Data<DbPool>,
    standards: web::Data<Standards>,
) -> Result<HttpResponse, PageError> {
    let (intro, may_answer) = visible(&pool, &user, id.into_inner()).await?;
    let catalog = standards
        .current()
        .map_err(|e| PageError::internal(page.lang, e))?;
    let notice = query.asked.as_ref().map(|_| "intro-asked");
    let view = views::Shown {
        intro: &intro,
        catalog,
        may_answer,
        notice,
    };
    Ok(html(StatusCode::OK, views::intro_page(&page, &view)))
}

#[derive(Deserialize)]
pub struct AnswerPost {
    // Missing counts as wrong: 403, not a form error.
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    decision: String,
}

impl CsrfField for AnswerPost {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

/// Accepts or declines; both sides hear of it, and on acceptance get each
/// other's contact (until the forum opens a private thread for them).
#[route("/introductions/{id}", method = "POST")]
pub async fn answer(
    user: CurrentUser,
    page: PageContext,
    id: web::Path<i32>,
    form: ProtectedForm<AnswerPost>,
    pool: web::Data<DbPool>,
    standards: web::Data<Standards>,
    mailer: web::Data<Mailer>,
) -> Result<HttpResponse, PageError> {
    let lang = page.lang;
    let (intro, may_answer) = visible(&pool, &user, id.into_inner()).await?;
    if !may_answer {
        return Err(PageError::new(lang, ErrorKind::Forbidden));
    }
    let status = match form.0.decision.as_str() {
        "accept" => Status::Accepted,
        "decline" => Status::Declined,
        _ => return Err(PageError::new(lang, ErrorKind::InvalidBody)),
    };
    let (actor, id, subject) = (
        user.user().id,
        intro.id,
        format!("introduction:{}", intro.id),
    );
    let answered = db::run(&pool, move |conn| {
        use diesel::Connection;
        conn.transaction(|conn| {
            if !store::answer(conn, id, status, (actor, now()))? {
                return Ok(None);
            }
            let action = format!("introduction.{}", status.code());
            audit::record(conn, Some(actor), &action, &subject, None)?;
            store::find(conn, id)
        })
        .map_err(anyhow::Error::from)
    })
    .await
    .map_err(|e| PageError::internal(lang, e))?;
    let Some(answered) = answered else {
        let catalog = standards
            .current()
            .map_err(|e| PageError::internal(lang, e))?;
        let view = views::Shown {
            intro: &intro,
            catalog,
            may_answer: false,
            notice: Some("intro-already-answered"),
        };
        return Ok(html(StatusCode::CONFLICT, views::intro_page(&page, &view)));
    };
    tell_both_sides(&mailer, &answered).await;
    Ok(see_other(&format!("/introductions/{}", answered.id)))
}

async fn tell_both_sides(mailer: &Mailer, intro: &Introduction) {
    let link = mailer.link(&format!("/introductions/{}", intro.id));
    let mut outgoing = vec![mail::answered(intro, &link)];
    if let (Status::Accepted, Some(decider)) = (intro.status, &intro.decider) {
        outgoing.push(mail::accepted_copy(decider, intro, &link));
    }
    for message in outgoing {
        if let Err(e) = mailer.send_off_thread(message).await {
            tracing::error!(error = %e, introduction = intro.id, "introduction mail failed");
        }
    }
}
