//! The program admin's page: two forms and the audit log.

use maud::{Markup, html};

use super::admin::FieldError;
use super::admin_pages::{CityForm, StaffInviteForm};
use super::audit::Entry;
use super::users::Role;
use crate::i18n::Lang;
use crate::web::forms::{Input, error_summary};
use crate::web::{PageContext, layout};

/// The forms' values and problems, and what was just done (`?done=`).
#[derive(Default)]
pub struct AdminForms {
    pub city: CityForm,
    pub invite: StaffInviteForm,
    pub errors: Vec<FieldError>,
    pub done: Option<String>,
}

impl AdminForms {
    pub fn city_errors(city: CityForm, errors: Vec<FieldError>) -> AdminForms {
        AdminForms {
            city,
            errors,
            ..AdminForms::default()
        }
    }

    pub fn invite_errors(invite: StaffInviteForm, errors: Vec<FieldError>) -> AdminForms {
        AdminForms {
            invite,
            errors,
            ..AdminForms::default()
        }
    }
}

pub fn admin_page(
    page: &PageContext,
    cities: &[(String, String)],
    entries: &[Entry],
    forms: &AdminForms,
) -> Markup {
    let lang = page.lang;
    let title = lang.t("admin-title");
    layout(
        page,
        &title,
        html! {
            h1 { (title) }
            (error_summary(lang, &forms.errors))
            @if let Some(done) = &forms.done {
                p.status role="status" { (lang.t(if done == "city" { "admin-city-created" } else { "people-invited" })) }
            }
            (city_form(page, &forms.city, &forms.errors))
            (invite_form(page, cities, &forms.invite, &forms.errors))
            (audit_table(page, entries))
        },
    )
}

fn city_form(page: &PageContext, city: &CityForm, errors: &[FieldError]) -> Markup {
    let lang = page.lang;
    html! {
        section aria-labelledby="new-city-heading" {
            h2 #new-city-heading { (lang.t("admin-new-city")) }
            form method="post" action="/admin/cities" novalidate {
                input type="hidden" name="csrf" value=(page.csrf);
                (Input::new("slug", "admin-city-slug", &city.slug).show(lang, errors))
                (Input::new("name", "admin-city-name", &city.name).show(lang, errors))
                (Input::new("country", "admin-city-country", &city.country).show(lang, errors))
                div.field {
                    label for="region" { (lang.t("admin-city-region")) }
                    select #region name="region" {
                        option value="us_canada" selected[city.region != "latin_america"] { (lang.t("region-us-canada")) }
                        option value="latin_america" selected[city.region == "latin_america"] { (lang.t("region-latin-america")) }
                    }
                }
                (Input::new("population", "admin-city-population", &city.population).kind("number").show(lang, errors))
                div.field {
                    label for="city_language" { (lang.t("admin-city-language")) }
                    select #city_language name="language" {
                        @for option in Lang::ALL {
                            option value=(option.code()) selected[option.code() == city.language] lang=(option.code()) { (option.native_name()) }
                        }
                    }
                }
                div.field.check {
                    input #discoverable type="checkbox" name="discoverable" value="on" checked[city.discoverable.is_some()];
                    " "
                    label for="discoverable" { (lang.t("admin-city-discoverable")) }
                }
                button type="submit" { (lang.t("admin-create-city")) }
            }
        }
    }
}

fn invite_form(
    page: &PageContext,
    cities: &[(String, String)],
    invite: &StaffInviteForm,
    errors: &[FieldError],
) -> Markup {
    let lang = page.lang;
    html! {
        section aria-labelledby="invite-heading" {
            h2 #invite-heading { (lang.t("admin-invite")) }
            form method="post" action="/admin/invitations" novalidate {
                input type="hidden" name="csrf" value=(page.csrf);
                (Input::new("invite_email", "profile-email", &invite.email).name("email").kind("email").show(lang, errors))
                (Input::new("invite_name", "profile-display-name", &invite.display_name).name("display_name").show(lang, errors))
                div.field {
                    label for="invite_role" { (lang.t("profile-role")) }
                    select #invite_role name="role" {
                        @for role in Role::ALL {
                            option value=(role.code()) selected[role.code() == invite.role] { (role.label(lang)) }
                        }
                    }
                }
                div.field {
                    label for="invite_city" { (lang.t("profile-city")) }
                    p.hint #invite_city-hint { (lang.t("admin-invite-city-hint")) }
                    select #invite_city name="city" aria-describedby="invite_city-hint" {
                        option value="" { "—" }
                        @for (slug, name) in cities {
                            option value=(slug) selected[*slug == invite.city] { (name) }
                        }
                    }
                }
                button type="submit" { (lang.t("people-send-invitation")) }
            }
        }
    }
}

fn audit_table(page: &PageContext, entries: &[Entry]) -> Markup {
    let lang = page.lang;
    let zone = page.user.as_ref().map_or(chrono_tz::UTC, |u| u.zone());
    html! {
        section aria-labelledby="audit-heading" {
            h2 #audit-heading { (lang.t("admin-audit")) }
            p { a href="/forum/moderation/log" { (lang.t("admin-moderation-log")) } }
            table {
                caption { (lang.t("admin-audit-caption")) }
                thead { tr {
                    th scope="col" { (lang.t("admin-audit-when")) }
                    th scope="col" { (lang.t("admin-audit-who")) }
                    th scope="col" { (lang.t("admin-audit-what")) }
                    th scope="col" { (lang.t("admin-audit-subject")) }
                    th scope="col" { (lang.t("admin-audit-detail")) }
                } }
                tbody {
                    @for entry in entries {
                        tr {
                            td { time datetime={ (entry.created_at.format("%Y-%m-%dT%H:%M:%SZ")) } { (lang.date_time(entry.created_at, zone)) } }
                            td { @match &entry.actor { Some(actor) => (actor), None => em { (lang.t("admin-audit-cli")) } } }
                            td { code { (entry.action) } }
                            td { (entry.subject) }
                            td { (entry.detail.as_deref().unwrap_or("")) }
                        }
                    }
                }
            }
        }
    }
}
