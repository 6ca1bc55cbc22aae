//! Inviting colleagues: a city's people page, the invitation itself, and the
//! invitee's first visit, where they choose language and time zone and arrive
//! signed in.

use crate::web::{html, see_other};
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, route, web};
use chrono::Duration;
use diesel::Connection;
use serde::Deserialize;

use super::cities::{self, City};
use super::email_tokens::{self, Purpose};
use super::identity::CurrentUser;
use super::policy::{self, Action};
use super::profile::{PreferencesForm, parse_preferences};
use super::sign_in::begin_session;
use super::users::{self, EmailAddress, NewUser, Role, User, UserRow, now};
use super::{audit, invite_views as views, sessions};
use crate::db::{self, DbConnection, DbPool};
use crate::email::Mailer;
use crate::error::{ErrorKind, PageError};
use crate::web::PageContext;
use crate::web::csrf::{self, CsrfField, ProtectedForm};

/// How long an invitation link works.
const INVITATION_TTL: Duration = Duration::days(7);

/// Loads the city and checks that `user` may manage its people.
pub(super) async fn managed_city(
    pool: &DbPool,
    user: &CurrentUser,
    slug: String,
) -> Result<(City, Vec<UserRow>), PageError> {
    let lang = user.user().language;
    let found = db::run(pool, move |conn| {
        let Some(city) = cities::find_by_slug(conn, &slug)? else {
            return Ok(None);
        };
        let people = users::list_for_city(conn, city.id)?;
        Ok(Some((city, people)))
    })
    .await
    .map_err(|e| PageError::internal(lang, e))?;
    let (city, people) = found.ok_or_else(|| PageError::not_found(lang))?;
    if !policy::allows(
        Some(user.user()),
        Action::ManageCityPeople { city_id: city.id },
    ) {
        return Err(PageError::new(lang, ErrorKind::Forbidden));
    }
    Ok((city, people))
}

#[derive(Deserialize)]
pub struct InvitedQuery {
    invited: Option<String>,
    saved: Option<String>,
}

#[route("/cities/{slug}/people", method = "GET", method = "HEAD")]
pub async fn people_page(
    user: CurrentUser,
    page: PageContext,
    slug: web::Path<String>,
    query: web::Query<InvitedQuery>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, PageError> {
    let (city, people) = managed_city(&pool, &user, slug.into_inner()).await?;
    let form = views::InviteValues::default();
    let status = match (query.invited.is_some(), query.saved.is_some()) {
        (true, _) => Some("people-invited"),
        (_, true) => Some("profile-saved"),
        _ => None,
    };
    Ok(html(
        StatusCode::OK,
        views::people_page(&page, &city, &people, &form, status),
    ))
}

#[derive(Deserialize)]
pub struct InviteForm {
    // Missing counts as wrong: 403, not a form error.
    #[serde(default)]
    csrf: String,
    email: String,
    display_name: String,
    role: String,
}

impl CsrfField for InviteForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

#[route("/cities/{slug}/people", method = "POST")]
pub async fn invite(
    user: CurrentUser,
    page: PageContext,
    slug: web::Path<String>,
    form: ProtectedForm<InviteForm>,
    pool: web::Data<DbPool>,
    mailer: web::Data<Mailer>,
) -> Result<HttpResponse, PageError> {
    let lang = page.lang;
    let (city, people) = managed_city(&pool, &user, slug.into_inner()).await?;
    let form = form.0;
    let parsed = parse_invitation(&form);
    let (email, role) = match parsed {
        Ok(ok) => ok,
        Err(errors) => return Ok(invite_form_again(&page, &city, &people, &form, errors)),
    };
    let inviter = user.0.user.clone();
    let (city_id, name) = (city.id, form.display_name.trim().to_owned());
    let outcome = db::run(&pool, move |conn| {
        conn.transaction(|conn| {
            create_invitation(conn, &inviter, Some(city_id), &email, &name, role)
        })
    })
    .await
    .map_err(|e| PageError::internal(lang, e))?;
    let (invitee, token) = match outcome {
        Ok(created) => created,
        Err(key) => {
            return Ok(invite_form_again(
                &page,
                &city,
                &people,
                &form,
                vec![("email", key)],
            ));
        }
    };
    let link = mailer.link(&format!("/invitations/{token}"));
    let message = super::mail::invitation(&invitee, user.user(), &city.name, &link);
    mailer
        .send_off_thread(message)
        .await
        .map_err(|e| PageError::internal(lang, e))?;
    Ok(see_other(&format!(
        "/cities/{}/people?invited=1",
        city.slug
    )))
}

fn invite_form_again(
    page: &PageContext,
    city: &City,
    people: &[UserRow],
    form: &InviteForm,
    errors: Vec<(&'static str, &'static str)>,
) -> HttpResponse {
    let values = views::InviteValues {
        email: form.email.clone(),
        display_name: form.display_name.clone(),
        role: form.role.clone(),
        errors,
    };
    html(
        StatusCode::UNPROCESSABLE_ENTITY,
        views::people_page(page, city, people, &values, None),
    )
}

fn parse_invitation(
    form: &InviteForm,
) -> Result<(EmailAddress, Role), Vec<(&'static str, &'static str)>> {
    let mut errors = Vec::new();
    let email = EmailAddress::parse(&form.email)
        .map_err(|key| errors.push(("email", key)))
        .ok();
    let name = form.display_name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        errors.push(("display_name", "error-display-name"));
    }
    // From a city's page one invites that city's people: members and admins.
    let role = match form.role.as_str() {
        "member" => Some(Role::Member),
        "city_admin" => Some(Role::CityAdmin),
        _ => {
            errors.push(("role", "error-invite-role"));
            None
        }
    };
    match (email, role) {
        (Some(email), Some(role)) if errors.is_empty() => Ok((email, role)),
        _ => Err(errors),
    }
}

/// Creates the invitee and their link, or says (as a message key) why not.
pub(super) fn create_invitation(
    conn: &mut DbConnection,
    inviter: &User,
    city_id: Option<i32>,
    email: &EmailAddress,
    name: &str,
    role: Role,
) -> anyhow::Result<Result<(User, String), &'static str>> {
    if users::find_by_email(conn, email)?.is_some() {
        return Ok(Err("error-invite-exists"));
    }
    let id = users::insert(
        conn,
        &NewUser {
            email: email.as_str(),
            display_name: name,
            // The invitee chooses on arrival; until then, the inviter's language.
            language: inviter.language.code(),
            time_zone: "UTC",
            city_id,
            role: role.code(),
        },
    )?;
    let token = email_tokens::create(conn, id, Purpose::Invitation, now() + INVITATION_TTL)?;
    audit::record(
        conn,
        Some(inviter.id),
        "invitation.create",
        &format!("user:{email}"),
        Some(role.code()),
    )?;
    let invitee =
        users::find_by_id(conn, id)?.ok_or_else(|| anyhow::anyhow!("the new user vanished"))?;
    Ok(Ok((invitee, token)))
}

#[route("/invitations/{token}", method = "GET", method = "HEAD")]
pub async fn accept_page(
    mut page: PageContext,
    session: Session,
    token: web::Path<String>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, PageError> {
    let lang = page.lang;
    let token = token.into_inner();
    let check = token.clone();
    let invitee = db::run(&pool, move |conn| {
        match email_tokens::holder(conn, &check, Purpose::Invitation, now())? {
            Some(id) => Ok(users::find_by_id(conn, id)?),
            None => Ok(None),
        }
    })
    .await
    .map_err(|e| PageError::internal(lang, e))?;
    let invitee = invitee.ok_or_else(|| PageError::new(lang, ErrorKind::Gone))?;
    page.csrf = csrf::token(&session);
    let values = views::AcceptValues {
        display_name: invitee.display_name.clone(),
        language: lang.code().to_owned(),
        time_zone: String::new(),
        errors: Vec::new(),
    };
    Ok(html(
        StatusCode::OK,
        views::accept_page(&page, &token, &values),
    ))
}

#[route("/invitations/{token}", method = "POST")]
pub async fn accept(
    page: PageContext,
    session: Session,
    token: web::Path<String>,
    form: ProtectedForm<PreferencesForm>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, PageError> {
    let lang = page.lang;
    let token = token.into_inner();
    let form = form.0;
    let prefs = match parse_preferences(&form) {
        Ok(prefs) => prefs,
        Err(errors) => {
            let values = views::AcceptValues {
                display_name: form.display_name.clone(),
                language: form.language.clone(),
                time_zone: form.time_zone.clone(),
                errors,
            };
            return Ok(html(
                StatusCode::UNPROCESSABLE_ENTITY,
                views::accept_page(&page, &token, &values),
            ));
        }
    };
    let session_token = db::run(&pool, move |conn| {
        conn.transaction(|conn| {
            let Some(user_id) = email_tokens::consume(conn, &token, Purpose::Invitation, now())?
            else {
                return Ok(None);
            };
            users::update_preferences(conn, user_id, &prefs)?;
            Ok(Some(sessions::create(conn, user_id, now())?))
        })
    })
    .await
    .map_err(|e| PageError::internal(lang, e))?;
    let Some(session_token) = session_token else {
        return Err(PageError::new(lang, ErrorKind::Gone));
    };
    begin_session(&session, session_token, lang)?;
    Ok(see_other("/profile"))
}
