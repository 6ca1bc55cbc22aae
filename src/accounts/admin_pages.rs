//! The program admin's page: create cities, invite anyone (moderators and
//! program staff included), and read the audit log.

use crate::web::{html, see_other};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, route, web};
use diesel::Connection;
use serde::Deserialize;

use super::admin::{self, FieldError};
use super::admin_views::{self as views, AdminForms};
use super::audit::{self, Entry};
use super::cities::{self, NewCity};
use super::identity::CurrentUser;
use super::invitations::create_invitation;
use super::policy::{self, Action};
use super::users::{EmailAddress, Role};
use crate::db::{self, DbPool};
use crate::email::Mailer;
use crate::error::{ErrorKind, PageError};
use crate::web::PageContext;
use crate::web::csrf::{CsrfField, ProtectedForm};

/// Refuses anyone but program admins.
fn require_admin(user: &CurrentUser) -> Result<(), PageError> {
    if policy::allows(Some(user.user()), Action::AdministerProgram) {
        Ok(())
    } else {
        Err(PageError::new(user.user().language, ErrorKind::Forbidden))
    }
}

/// The city slugs for the invite form, and the newest audit entries.
async fn load(
    pool: &DbPool,
    page: &PageContext,
) -> Result<(Vec<(String, String)>, Vec<Entry>), PageError> {
    let lang = page.lang;
    db::run(pool, |conn| {
        Ok((cities::slugs_and_names(conn)?, audit::recent(conn, 50)?))
    })
    .await
    .map_err(|e| PageError::internal(lang, e))
}

async fn render(
    page: &PageContext,
    pool: &DbPool,
    forms: &AdminForms,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let (cities, entries) = load(pool, page).await?;
    Ok(html(
        status,
        views::admin_page(page, &cities, &entries, forms),
    ))
}

#[derive(Deserialize)]
pub struct DoneQuery {
    done: Option<String>,
}

#[route("/admin", method = "GET", method = "HEAD")]
pub async fn admin_page(
    user: CurrentUser,
    page: PageContext,
    pool: web::Data<DbPool>,
    query: web::Query<DoneQuery>,
) -> Result<HttpResponse, PageError> {
    require_admin(&user)?;
    let forms = AdminForms {
        done: query.done.clone(),
        ..AdminForms::default()
    };
    render(&page, &pool, &forms, StatusCode::OK).await
}

#[derive(Deserialize, Default, Clone)]
pub struct CityForm {
    // Missing counts as wrong: 403, not a form error.
    #[serde(default)]
    csrf: String,
    pub slug: String,
    pub name: String,
    pub country: String,
    pub region: String,
    pub population: String,
    pub language: String,
    #[serde(default)]
    pub discoverable: Option<String>,
}

impl CsrfField for CityForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

#[route("/admin/cities", method = "POST")]
pub async fn create_city(
    user: CurrentUser,
    page: PageContext,
    pool: web::Data<DbPool>,
    form: ProtectedForm<CityForm>,
) -> Result<HttpResponse, PageError> {
    require_admin(&user)?;
    let form = form.0;
    let lang = page.lang;
    let Ok(population) = form.population.trim().parse::<i32>() else {
        let forms = AdminForms::city_errors(form, vec![("population", "error-city-population")]);
        return render(&page, &pool, &forms, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let (actor, values) = (user.user().id, form.clone());
    let outcome = db::run(&pool, move |conn| {
        let city = NewCity {
            slug: values.slug.trim(),
            name: values.name.trim(),
            country: values.country.trim(),
            region: &values.region,
            population,
            language: &values.language,
            discoverable: values.discoverable.is_some(),
            is_demo: false,
        };
        admin::create_city(conn, &city, Some(actor))
    })
    .await
    .map_err(|e| PageError::internal(lang, e))?;
    match outcome {
        Ok(_) => Ok(see_other("/admin?done=city")),
        Err(errors) => {
            let forms = AdminForms::city_errors(form, errors);
            render(&page, &pool, &forms, StatusCode::UNPROCESSABLE_ENTITY).await
        }
    }
}

#[derive(Deserialize, Default, Clone)]
pub struct StaffInviteForm {
    // Missing counts as wrong: 403, not a form error.
    #[serde(default)]
    csrf: String,
    pub email: String,
    pub display_name: String,
    pub role: String,
    #[serde(default)]
    pub city: String,
}

impl CsrfField for StaffInviteForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

/// Email, role and city slug, or the fields at fault.
fn parse_staff_invite(
    form: &StaffInviteForm,
) -> Result<(EmailAddress, Role, Option<String>), Vec<FieldError>> {
    let mut errors = Vec::new();
    let email = EmailAddress::parse(&form.email)
        .map_err(|key| errors.push(("invite_email", key)))
        .ok();
    let name = form.display_name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        errors.push(("invite_name", "error-display-name"));
    }
    let role = form
        .role
        .parse::<Role>()
        .map_err(|_| errors.push(("invite_role", "error-role")))
        .ok();
    let city = Some(form.city.trim().to_owned()).filter(|c| !c.is_empty());
    if matches!(role, Some(Role::Member | Role::CityAdmin)) && city.is_none() {
        errors.push(("invite_city", "error-invite-city"));
    }
    match (email, role) {
        (Some(email), Some(role)) if errors.is_empty() => Ok((email, role, city)),
        _ => Err(errors),
    }
}

#[route("/admin/invitations", method = "POST")]
pub async fn invite(
    user: CurrentUser,
    page: PageContext,
    pool: web::Data<DbPool>,
    mailer: web::Data<Mailer>,
    form: ProtectedForm<StaffInviteForm>,
) -> Result<HttpResponse, PageError> {
    require_admin(&user)?;
    let (form, lang) = (form.0, page.lang);
    let (email, role, city) = match parse_staff_invite(&form) {
        Ok(parsed) => parsed,
        Err(errors) => {
            return render(
                &page,
                &pool,
                &AdminForms::invite_errors(form, errors),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let (inviter, name) = (user.0.user.clone(), form.display_name.trim().to_owned());
    let outcome = db::run(&pool, move |conn| {
        conn.transaction(|conn| {
            let city = match &city {
                Some(slug) => match cities::find_by_slug(conn, slug)? {
                    Some(city) => Some(city),
                    None => return Ok(Err("error-invite-city")),
                },
                None => None,
            };
            let created = create_invitation(
                conn,
                &inviter,
                city.as_ref().map(|c| c.id),
                &email,
                &name,
                role,
            )?;
            Ok(created.map(|(invitee, token)| (invitee, token, city.map(|c| c.name))))
        })
    })
    .await
    .map_err(|e| PageError::internal(lang, e))?;
    let (invitee, token, city_name) = match outcome {
        Ok(created) => created,
        Err(key) => {
            let field = if key == "error-invite-city" {
                "invite_city"
            } else {
                "invite_email"
            };
            return render(
                &page,
                &pool,
                &AdminForms::invite_errors(form, vec![(field, key)]),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let link = mailer.link(&format!("/invitations/{token}"));
    let message = super::mail::invitation(
        &invitee,
        user.user(),
        city_name.as_deref().unwrap_or("Peerhall"),
        &link,
    );
    mailer
        .send_off_thread(message)
        .await
        .map_err(|e| PageError::internal(lang, e))?;
    Ok(see_other("/admin?done=invitation"))
}
