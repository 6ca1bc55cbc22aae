//! Form parts every page shares: the error summary at the top of a form and the
//! labelled input that shows its own error, so both stay accessible in one place.

use maud::{Markup, html};

use crate::i18n::Lang;

/// A problem with a form: the field's name and the message key that explains it.
pub type FieldError = (&'static str, &'static str);

/// The error summary at the top of a form; each line links to its field.
/// `errors` name fields by their `id` and give message keys.
pub fn error_summary(lang: Lang, errors: &[(&str, &str)]) -> Markup {
    let messages: Vec<(String, String)> = errors
        .iter()
        .map(|(field, key)| ((*field).to_owned(), lang.t(key)))
        .collect();
    error_list(lang, &messages)
}

/// The error summary for messages already written: field id and message.
pub fn error_list(lang: Lang, errors: &[(String, String)]) -> Markup {
    html! {
        @if !errors.is_empty() {
            div.error-summary role="alert" aria-labelledby="error-summary-title" tabindex="-1" {
                h2 #error-summary-title { (lang.t("form-error-summary")) }
                ul {
                    @for (field, message) in errors {
                        li { a href={ "#" (field) } { (message) } }
                    }
                }
            }
        }
    }
}

/// A required text input with its label; see [`Input::show`].
pub struct Input<'a> {
    id: &'a str,
    name: &'a str,
    label_key: &'a str,
    kind: &'static str,
    value: &'a str,
    /// The `data-browser-zone` text, for a time zone field the script fills.
    browser_zone: Option<String>,
}

impl<'a> Input<'a> {
    /// A text input whose id and form name are both `id`.
    pub fn new(id: &'a str, label_key: &'a str, value: &'a str) -> Self {
        Input {
            id,
            name: id,
            label_key,
            kind: "text",
            value,
            browser_zone: None,
        }
    }

    /// The form name, when it differs from the id (two forms on one page).
    pub fn name(mut self, name: &'a str) -> Self {
        self.name = name;
        self
    }

    /// The input type: `email`, `number`…
    pub fn kind(mut self, kind: &'static str) -> Self {
        self.kind = kind;
        self
    }

    /// A time zone field: the page's script fills it from the device's zone.
    pub fn time_zone(mut self, lang: Lang) -> Self {
        self.browser_zone = Some(browser_zone_label(lang));
        self
    }

    /// The field, with the message of the error in `errors` that names its id.
    pub fn show(&self, lang: Lang, errors: &[(&str, &str)]) -> Markup {
        let error = errors
            .iter()
            .find(|(field, _)| *field == self.id)
            .map(|(_, key)| lang.t(key));
        let error_id = format!("{}-error", self.id);
        html! {
            div.field {
                label for=(self.id) { (lang.t(self.label_key)) }
                @if let Some(e) = &error { p.field-error id=(error_id) { (e) } }
                input id=(self.id) name=(self.name) type=(self.kind) value=(self.value) required
                    data-browser-zone=[self.browser_zone.as_deref()]
                    aria-invalid=[error.as_ref().map(|_| "true")]
                    aria-describedby=[error.as_ref().map(|_| error_id.as_str())];
            }
        }
    }
}

/// The label of the script's "use this device's zone" button; the script puts
/// the zone in place of `{zone}`.
pub fn browser_zone_label(lang: Lang) -> String {
    lang.t_args("profile-use-device-zone", &[("zone", "{zone}".into())])
}
