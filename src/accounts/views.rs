//! Pages for signing in and for one's own profile.

use maud::{Markup, html};

use super::api_tokens::ApiToken;
use crate::i18n::Lang;
use crate::web::forms::error_summary;
use crate::web::{PageContext, layout};

pub fn sign_in_page(page: &PageContext, email: &str, next: &str, error: Option<&str>) -> Markup {
    let lang = page.lang;
    let title = lang.t("sign-in-title");
    let errors: Vec<(&str, &str)> = error.map(|key| ("email", key)).into_iter().collect();
    layout(
        page,
        &title,
        html! {
            h1 { (title) }
            (error_summary(lang, &errors))
            p { (lang.t("sign-in-intro")) }
            form method="post" action="/sign-in" novalidate {
                input type="hidden" name="csrf" value=(page.csrf);
                input type="hidden" name="next" value=(next);
                div.field {
                    label for="email" { (lang.t("sign-in-email")) }
                    @if let Some(key) = error {
                        p.field-error #email-error { (lang.t(key)) }
                        input #email type="email" name="email" value=(email) autocomplete="email"
                            required aria-invalid="true" aria-describedby="email-error";
                    } @else {
                        input #email type="email" name="email" value=(email) autocomplete="email" required;
                    }
                }
                button type="submit" { (lang.t("sign-in-send")) }
            }
            section aria-labelledby="password-heading" {
                h2 #password-heading { (lang.t("sign-in-password-heading")) }
                form method="post" action="/sign-in/password" {
                    input type="hidden" name="csrf" value=(page.csrf);
                    div.field {
                        label for="pw-email" { (lang.t("sign-in-email")) }
                        input #pw-email type="email" name="email" value=(email) autocomplete="username" required;
                    }
                    div.field {
                        label for="pw-password" { (lang.t("sign-in-password")) }
                        input #pw-password type="password" name="password" autocomplete="current-password" required;
                    }
                    button type="submit" { (lang.t("sign-in-with-password")) }
                }
            }
        },
    )
}

/// A page with a heading and a sentence, e.g. "check your email".
/// A page that only says one thing, from message keys.
pub fn message_page(page: &PageContext, title_key: &str, body_key: &str) -> Markup {
    crate::web::message_page(page, &page.lang.t(title_key), &page.lang.t(body_key))
}

pub fn confirm_page(page: &PageContext, token: &str) -> Markup {
    let lang = page.lang;
    let title = lang.t("sign-in-confirm-title");
    layout(
        page,
        &title,
        html! {
            h1 { (title) }
            p { (lang.t("sign-in-confirm-body")) }
            form method="post" action={ "/sign-in/" (token) } {
                input type="hidden" name="csrf" value=(page.csrf);
                button type="submit" { (lang.t("sign-in-confirm-button")) }
            }
        },
    )
}

/// What the profile page shows besides the form.
pub struct ProfileView<'a> {
    pub email: &'a str,
    /// Why mail to this address stopped, if it did.
    pub undeliverable: Option<&'a str>,
    pub city: Option<&'a str>,
    pub role: super::users::Role,
    pub tokens: &'a [ApiToken],
    pub new_token: Option<&'a str>,
    pub saved: bool,
}

/// The profile form's current values and problems.
pub struct ProfileForm<'a> {
    pub display_name: &'a str,
    pub language: &'a str,
    pub time_zone: &'a str,
    pub mail: crate::digest::MailPreferences,
    pub errors: &'a [(&'a str, &'a str)],
}

pub fn profile_page(page: &PageContext, view: &ProfileView, form: &ProfileForm) -> Markup {
    let lang = page.lang;
    let title = lang.t("profile-title");
    layout(
        page,
        &title,
        html! {
            h1 { (title) }
            @if let Some(reason) = view.undeliverable {
                (crate::digest::views::undeliverable_banner(lang, view.email, reason))
            }
            (error_summary(lang, form.errors))
            @if view.saved { p.status role="status" { (lang.t("profile-saved")) } }
            dl.facts {
                dt { (lang.t("profile-email")) } dd { (view.email) }
                dt { (lang.t("profile-city")) } dd { (view.city.unwrap_or("—")) }
                dt { (lang.t("profile-role")) } dd { (view.role.label(lang)) }
            }
            (preferences_form(page, form))
            (password_section(page))
            (tokens_section(page, view))
        },
    )
}

fn field_error(lang: Lang, errors: &[(&str, &str)], field: &str) -> Option<String> {
    errors
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, key)| lang.t(key))
}

fn preferences_form(page: &PageContext, form: &ProfileForm) -> Markup {
    let lang = page.lang;
    let name_error = field_error(lang, form.errors, "display_name");
    let tz_error = field_error(lang, form.errors, "time_zone");
    html! {
        section aria-labelledby="prefs-heading" {
            h2 #prefs-heading { (lang.t("profile-preferences")) }
            form method="post" action="/profile" novalidate {
                input type="hidden" name="csrf" value=(page.csrf);
                div.field {
                    label for="display_name" { (lang.t("profile-display-name")) }
                    @if let Some(e) = &name_error { p.field-error #display_name-error { (e) } }
                    input #display_name name="display_name" value=(form.display_name) required maxlength="100"
                        autocomplete="name" aria-invalid=[name_error.as_ref().map(|_| "true")]
                        aria-describedby=[name_error.as_ref().map(|_| "display_name-error")];
                }
                div.field {
                    label for="language" { (lang.t("profile-language")) }
                    select #language name="language" {
                        @for option in Lang::ALL {
                            option value=(option.code()) selected[option.code() == form.language] lang=(option.code()) { (option.native_name()) }
                        }
                    }
                }
                div.field {
                    label for="time_zone" { (lang.t("profile-time-zone")) }
                    p.hint #time_zone-hint { (lang.t("profile-time-zone-hint")) }
                    @if let Some(e) = &tz_error { p.field-error #time_zone-error { (e) } }
                    input #time_zone name="time_zone" value=(form.time_zone) required
                        data-browser-zone=(crate::web::forms::browser_zone_label(lang))
                        aria-invalid=[tz_error.as_ref().map(|_| "true")]
                        aria-describedby={ "time_zone-hint" @if tz_error.is_some() { " time_zone-error" } };
                }
                (crate::digest::views::mail_fields(lang, &form.mail, form.errors))
                button type="submit" { (lang.t("profile-save")) }
            }
        }
    }
}

fn password_section(page: &PageContext) -> Markup {
    let lang = page.lang;
    html! {
        section aria-labelledby="set-password-heading" {
            h2 #set-password-heading { (lang.t("profile-password")) }
            p #password-hint { (lang.t("profile-password-hint")) }
            form method="post" action="/profile/password" {
                input type="hidden" name="csrf" value=(page.csrf);
                div.field {
                    label for="new-password" { (lang.t("profile-new-password")) }
                    input #new-password type="password" name="password" autocomplete="new-password"
                        minlength="12" maxlength="200" required aria-describedby="password-hint";
                }
                div.field {
                    label for="confirm-password" { (lang.t("profile-confirm-password")) }
                    input #confirm-password type="password" name="confirm" autocomplete="new-password" required;
                }
                button type="submit" { (lang.t("profile-set-password")) }
            }
        }
    }
}

fn tokens_section(page: &PageContext, view: &ProfileView) -> Markup {
    let lang = page.lang;
    html! {
        section aria-labelledby="tokens-heading" {
            h2 #tokens-heading { (lang.t("tokens-title")) }
            p { (lang.t("tokens-intro")) }
            @if let Some(token) = view.new_token {
                div.status role="status" {
                    p { (lang.t("tokens-created")) }
                    p { code.token { (token) } }
                }
            }
            @if view.tokens.is_empty() {
                p { (lang.t("tokens-none")) }
            } @else {
                table {
                    caption { (lang.t("tokens-caption")) }
                    thead { tr {
                        th scope="col" { (lang.t("tokens-name")) }
                        th scope="col" { (lang.t("tokens-created-at")) }
                        th scope="col" { (lang.t("tokens-last-used")) }
                        th scope="col" { span.visually-hidden { (lang.t("tokens-actions")) } }
                    } }
                    tbody {
                        @for token in view.tokens {
                            tr {
                                th scope="row" { (token.name) }
                                td { (date(lang, token.created_at)) }
                                td { @match token.last_used_at { Some(t) => (date(lang, t)), None => (lang.t("tokens-never")) } }
                                td {
                                    form method="post" action={ "/profile/tokens/" (token.id) "/revoke" } {
                                        input type="hidden" name="csrf" value=(page.csrf);
                                        button type="submit" aria-label=(lang.t_args("tokens-revoke-named", &[("name", token.name.as_str().into())])) { (lang.t("tokens-revoke")) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            form method="post" action="/profile/tokens" {
                input type="hidden" name="csrf" value=(page.csrf);
                div.field {
                    label for="token_name" { (lang.t("tokens-new-name")) }
                    input #token_name name="name" required maxlength="60";
                }
                button type="submit" { (lang.t("tokens-create")) }
            }
        }
    }
}

/// A day as a `<time>` element: the reader's words, the machine's ISO date.
fn date(lang: Lang, at: chrono::NaiveDateTime) -> Markup {
    html! { time datetime=(at.format("%Y-%m-%d")) { (lang.date(at.date())) } }
}
