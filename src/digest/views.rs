//! The mail settings on the profile page: the digest's day and hour and the
//! immediate notices, as form controls inside the profile form, and the
//! warning shown when a mail server refused the person's address for good.

use maud::{Markup, html};

use super::preferences::{MailPreferences, Weekday};
use crate::i18n::{Arg, Lang};

/// The hidden field that says the form carried these controls: without it
/// (an older page), unchecked boxes must not read as "turn it off".
pub const MARKER: &str = "mail_prefs";

/// The controls, filled with `prefs`; `errors` as (field, message key).
pub fn mail_fields(lang: Lang, prefs: &MailPreferences, errors: &[(&str, &str)]) -> Markup {
    let error = |field: &str| {
        errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, key)| lang.t(key))
    };
    let (day_error, hour_error) = (error("digest_day"), error("digest_hour"));
    html! {
        fieldset {
            legend { (lang.t("profile-email-prefs")) }
            input type="hidden" name=(MARKER) value="1";
            div.field {
                input #digest type="checkbox" name="digest" value="on" checked[prefs.digest];
                label for="digest" { (lang.t("profile-digest")) }
            }
            div.field {
                label for="digest_day" { (lang.t("profile-digest-day")) }
                @if let Some(e) = &day_error { p.field-error #digest_day-error { (e) } }
                select #digest_day name="digest_day" aria-invalid=[day_error.as_ref().map(|_| "true")]
                    aria-describedby=[day_error.as_ref().map(|_| "digest_day-error")] {
                    @for day in Weekday::ALL {
                        option value=(day.code()) selected[day == prefs.digest_day] { (day_name(lang, day)) }
                    }
                }
            }
            div.field {
                label for="digest_hour" { (lang.t("profile-digest-hour")) }
                p.hint #digest_hour-hint { (lang.t("profile-digest-hour-hint")) }
                @if let Some(e) = &hour_error { p.field-error #digest_hour-error { (e) } }
                select #digest_hour name="digest_hour" aria-invalid=[hour_error.as_ref().map(|_| "true")]
                    aria-describedby={ "digest_hour-hint" @if hour_error.is_some() { " digest_hour-error" } } {
                    @for hour in 0u8..24 {
                        option value=(hour) selected[hour == prefs.digest_hour] { (format!("{hour:02}:00")) }
                    }
                }
            }
            div.field {
                input #notify_immediately type="checkbox" name="notify_immediately" value="on"
                    checked[prefs.notify_immediately];
                label for="notify_immediately" { (lang.t("profile-notify-immediately")) }
            }
            p { a href="/profile/digest" { (lang.t("profile-digest-preview")) } }
        }
    }
}

/// The weekday's name in `lang`, from chrono's locale data.
pub(super) fn day_name(lang: Lang, day: Weekday) -> String {
    // 2026-11-16 is a Monday: the date of the wanted day that week names it.
    let monday = chrono::NaiveDate::from_ymd_opt(2026, 11, 16).unwrap_or_default();
    let offset = Weekday::ALL.iter().position(|d| *d == day).unwrap_or(0) as u64;
    let date = monday + chrono::Days::new(offset);
    lang.weekday_name(date)
}

/// "Mail to … could not be delivered": why, and what to do.
pub fn undeliverable_banner(lang: Lang, email: &str, reason: &str) -> Markup {
    let email: Arg = email.into();
    html! {
        div.error-summary role="alert" {
            p { strong { (lang.t_args("profile-undeliverable", &[("email", email)])) } }
            p { (lang.t("profile-undeliverable-help")) }
            p.hint { (reason) }
        }
    }
}

/// The mail controls as submitted: None when the form did not carry them.
pub fn parse_fields(
    marker: Option<&str>,
    digest: Option<&str>,
    (day, hour): (Option<&str>, Option<&str>),
    notify: Option<&str>,
) -> Result<Option<MailPreferences>, Vec<(&'static str, &'static str)>> {
    if marker.is_none() {
        return Ok(None);
    }
    let day = day.and_then(Weekday::parse);
    let hour = hour
        .and_then(|h| h.trim().parse::<u8>().ok())
        .filter(|h| *h < 24);
    let mut errors = Vec::new();
    if day.is_none() {
        errors.push(("digest_day", "error-digest-day"));
    }
    if hour.is_none() {
        errors.push(("digest_hour", "error-digest-hour"));
    }
    match (day, hour) {
        (Some(digest_day), Some(digest_hour)) => Ok(Some(MailPreferences {
            digest: digest.is_some(),
            digest_day,
            digest_hour,
            notify_immediately: notify.is_some(),
        })),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_without_the_controls_changes_nothing() {
        assert_eq!(parse_fields(None, None, (None, None), None), Ok(None));
    }

    #[test]
    fn unchecked_boxes_turn_things_off_when_the_controls_were_there() {
        let parsed = parse_fields(Some("1"), None, (Some("fri"), Some("17")), None);
        let prefs = parsed.expect("valid").expect("present");
        assert!(!prefs.digest && !prefs.notify_immediately);
        assert_eq!((prefs.digest_day, prefs.digest_hour), (Weekday::Fri, 17));
    }

    #[test]
    fn a_bad_day_and_hour_are_both_named() {
        let parsed = parse_fields(Some("1"), Some("on"), (Some("someday"), Some("24")), None);
        assert_eq!(
            parsed,
            Err(vec![
                ("digest_day", "error-digest-day"),
                ("digest_hour", "error-digest-hour")
            ])
        );
    }

    #[test]
    fn days_have_names_in_each_language() {
        assert_eq!(day_name(Lang::En, Weekday::Mon), "Monday");
        assert_eq!(day_name(Lang::Es, Weekday::Wed), "miércoles");
        assert_eq!(day_name(Lang::Pt, Weekday::Sun), "domingo");
        assert_eq!(day_name(Lang::Fr, Weekday::Fri), "vendredi");
    }
}
