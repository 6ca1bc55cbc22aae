//! The program admin's page: two forms and the audit log.

use maud::{Markup, html};

use super::admin::FieldError;
use super::admin_pages::{CityForm, StaffInviteForm};
use super::audit::Entry;
use super::users::Role;
use super::views::error_summary;
use crate::i18n::Lang;
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
            (audit_table(lang, entries))
        },
    )
}

fn field(
    lang: Lang,
    errors: &[FieldError],
    id: &str,
    name: &str,
    label_key: &str,
    value: &str,
) -> Markup {
    let error = errors
        .iter()
        .find(|(f, _)| *f == id || *f == name)
        .map(|(_, key)| lang.t(key));
    let error_id = format!("{id}-error");
    html! {
        div.field {
            label for=(id) { (lang.t(label_key)) }
            @if let Some(e) = &error { p.field-error id=(error_id) { (e) } }
            input id=(id) name=(name) value=(value) required
                aria-invalid=[error.as_ref().map(|_| "true")]
                aria-describedby=[error.as_ref().map(|_| error_id.as_str())];
        }
    }
}

fn city_form(page: &PageContext, city: &CityForm, errors: &[FieldError]) -> Markup {
    let lang = page.lang;
    html! {
        section aria-labelledby="new-city-heading" {
            h2 #new-city-heading { (lang.t("admin-new-city")) }
            form method="post" action="/admin/cities" novalidate {
                input type="hidden" name="csrf" value=(page.csrf);
                (field(lang, errors, "slug", "slug", "admin-city-slug", &city.slug))
                (field(lang, errors, "name", "name", "admin-city-name", &city.name))
                (field(lang, errors, "country", "country", "admin-city-country", &city.country))
                div.field {
                    label for="region" { (lang.t("admin-city-region")) }
                    select #region name="region" {
                        option value="us_canada" selected[city.region != "latin_america"] { (lang.t("region-us-canada")) }
                        option value="latin_america" selected[city.region == "latin_america"] { (lang.t("region-latin-america")) }
                    }
                }
                (field(lang, errors, "population", "population", "admin-city-population", &city.population))
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
                (field(lang, errors, "invite_email", "email", "profile-email", &invite.email))
                (field(lang, errors, "invite_name", "display_name", "profile-display-name", &invite.display_name))
                div.field {
                    label for="invite_role" { (lang.t("profile-role")) }
                    select #invite_role name="role" {
                        @for role in Role::ALL {
                            option value=(role.code()) selected[role.code() == invite.role] { (lang.t(&format!("role-{}", role.code().replace('_', "-")))) }
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

fn audit_table(lang: Lang, entries: &[Entry]) -> Markup {
    html! {
        section aria-labelledby="audit-heading" {
            h2 #audit-heading { (lang.t("admin-audit")) }
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
                            td { (entry.created_at.format("%Y-%m-%d %H:%M")) " UTC" }
                            td { (entry.actor.as_deref().unwrap_or("CLI")) }
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
