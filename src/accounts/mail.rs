//! The messages accounts send, in the recipient's language.

use maud::html;

use super::users::User;
use crate::email::Outgoing;
use crate::i18n::Arg;

/// "Here is your link": valid 15 minutes, once.
pub fn sign_in_link(user: &User, link: &str) -> Outgoing {
    let lang = user.language;
    let name: Arg = user.display_name.as_str().into();
    let greeting = lang.t_args("mail-greeting", &[("name", name)]);
    let body = lang.t("mail-sign-in-body");
    let ignore = lang.t("mail-sign-in-ignore");
    Outgoing {
        to: user.email.clone(),
        lang,
        subject: lang.t("mail-sign-in-subject"),
        text: format!("{greeting}\n\n{body}\n\n{link}\n\n{ignore}\n"),
        html: html! {
            p { (greeting) }
            p { (body) }
            p { a href=(link) { (lang.t("mail-sign-in-button")) } }
            p style="color:#4a5360" { (ignore) }
        },
    }
}

/// "You are invited": from whom, for which city, valid a week.
pub fn invitation(invitee: &User, inviter: &User, city: &str, link: &str) -> Outgoing {
    let lang = invitee.language;
    let name: Arg = invitee.display_name.as_str().into();
    let greeting = lang.t_args("mail-greeting", &[("name", name)]);
    let body = lang.t_args(
        "mail-invitation-body",
        &[
            ("inviter", inviter.display_name.as_str().into()),
            ("city", city.into()),
        ],
    );
    let expiry = lang.t("mail-invitation-expiry");
    Outgoing {
        to: invitee.email.clone(),
        lang,
        subject: lang.t_args("mail-invitation-subject", &[("city", city.into())]),
        text: format!("{greeting}\n\n{body}\n\n{link}\n\n{expiry}\n"),
        html: html! {
            p { (greeting) }
            p { (body) }
            p { a href=(link) { (lang.t("mail-invitation-button")) } }
            p style="color:#4a5360" { (expiry) }
        },
    }
}
