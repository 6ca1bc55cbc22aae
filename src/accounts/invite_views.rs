//! Pages for a city's people and for accepting an invitation.

use maud::{Markup, html};

use super::cities::City;
use super::users::{Role, UserRow};
use crate::i18n::Lang;
use crate::web::forms::{Input, error_summary};
use crate::web::{PageContext, layout};

/// The invite form's values and problems (field, message key).
#[derive(Default)]
pub struct InviteValues {
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub errors: Vec<(&'static str, &'static str)>,
}

pub fn people_page(
    page: &PageContext,
    city: &City,
    people: &[UserRow],
    form: &InviteValues,
    status: Option<&str>,
) -> Markup {
    let lang = page.lang;
    let title = lang.t_args("people-title", &[("city", city.name.as_str().into())]);
    layout(
        page,
        &title,
        html! {
            h1 { (title) }
            (error_summary(lang, &form.errors))
            @if let Some(key) = status { p.status role="status" { (lang.t(key)) } }
            table {
                caption { (lang.t("people-caption")) }
                thead { tr {
                    th scope="col" { (lang.t("profile-display-name")) }
                    th scope="col" { (lang.t("profile-email")) }
                    th scope="col" { (lang.t("profile-role")) }
                } }
                tbody {
                    @for person in people {
                        tr {
                            th scope="row" { (person.display_name) }
                            td { (person.email) }
                            td { @match person.role.parse::<Role>() { Ok(role) => (role.label(lang)), Err(_) => (person.role) } }
                        }
                    }
                }
            }
            section aria-labelledby="settings-heading" {
                h2 #settings-heading { (lang.t("people-settings")) }
                form method="post" action={ "/cities/" (city.slug) "/settings" } {
                    input type="hidden" name="csrf" value=(page.csrf);
                    div.field.check {
                        input #discoverable type="checkbox" name="discoverable" value="on" checked[city.discoverable];
                        " "
                        label for="discoverable" { (lang.t("admin-city-discoverable")) }
                    }
                    div.field.check {
                        input #introductions type="checkbox" name="introductions" value="on" checked[city.accepts_introductions];
                        " "
                        label for="introductions" { (lang.t("city-accepts-introductions")) }
                    }
                    button type="submit" { (lang.t("profile-save")) }
                }
            }
            section aria-labelledby="invite-heading" {
                h2 #invite-heading { (lang.t("people-invite")) }
                form method="post" action={ "/cities/" (city.slug) "/people" } novalidate {
                    input type="hidden" name="csrf" value=(page.csrf);
                    (Input::new("email", "profile-email", &form.email).kind("email").show(lang, &form.errors))
                    (Input::new("display_name", "profile-display-name", &form.display_name).show(lang, &form.errors))
                    div.field {
                        label for="role" { (lang.t("profile-role")) }
                        select #role name="role" {
                            option value="member" selected[form.role != "city_admin"] { (lang.t("role-member")) }
                            option value="city_admin" selected[form.role == "city_admin"] { (lang.t("role-city-admin")) }
                        }
                    }
                    button type="submit" { (lang.t("people-send-invitation")) }
                }
            }
        },
    )
}

/// The accept form's values and problems.
#[derive(Default)]
pub struct AcceptValues {
    pub display_name: String,
    pub language: String,
    pub time_zone: String,
    pub errors: Vec<(&'static str, &'static str)>,
}

pub fn accept_page(page: &PageContext, token: &str, values: &AcceptValues) -> Markup {
    let lang = page.lang;
    let title = lang.t("invitation-title");
    let errors = &values.errors;
    layout(
        page,
        &title,
        html! {
            h1 { (title) }
            (error_summary(lang, errors))
            p { (lang.t("invitation-intro")) }
            form method="post" action={ "/invitations/" (token) } novalidate {
                input type="hidden" name="csrf" value=(page.csrf);
                (Input::new("display_name", "profile-display-name", &values.display_name).show(lang, errors))
                div.field {
                    label for="language" { (lang.t("profile-language")) }
                    select #language name="language" {
                        @for option in Lang::ALL {
                            option value=(option.code()) selected[option.code() == values.language] lang=(option.code()) { (option.native_name()) }
                        }
                    }
                }
                (Input::new("time_zone", "profile-time-zone", &values.time_zone).time_zone(lang).show(lang, errors))
                p.hint { (lang.t("profile-time-zone-hint")) }
                button type="submit" { (lang.t("invitation-accept")) }
            }
        },
    )
}
