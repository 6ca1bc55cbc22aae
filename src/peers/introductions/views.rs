//! Introduction pages: the request form, one introduction with its answer
//! form or the exchanged contacts, and a city's recent introductions.

use std::sync::Arc;

use maud::{Markup, html};

use super::handlers::Pair;
use super::store::{CityRef, Introduction, Person, Summary};
use super::{MESSAGE_MAX, Refused, Status};
use crate::i18n::Lang;
use crate::standard::Catalog;
use crate::web::{PageContext, layout};

/// Why the form came back.
#[derive(Debug, Clone, Copy)]
pub enum Problem {
    /// A message key about the note.
    Field(&'static str),
    Refused(Refused),
}

/// The request form's values and problem.
#[derive(Default)]
pub struct AskForm {
    pub message: String,
    pub problem: Option<Problem>,
}

fn about(lang: Lang, catalog: &Catalog, criterion: Option<&str>) -> Markup {
    html! {
        @if let Some(c) = criterion.and_then(|code| catalog.criterion(code)) {
            p { (lang.t("intro-about")) " " strong { (c.code) " · " (c.label.get(lang)) } }
        }
    }
}

fn refusal(lang: Lang, refused: Refused) -> Markup {
    let (text, link) = match refused {
        Refused::AlreadyAsked { id } => (lang.t("intro-already-asked"), Some(id)),
        Refused::DeclinedRecently { id } => (lang.t("intro-declined-recently"), Some(id)),
        Refused::TooMany { per_day } => (
            lang.t_args("intro-too-many", &[("count", (per_day as usize).into())]),
            None,
        ),
        Refused::NoOneToAnswer => (lang.t("intro-no-one"), None),
    };
    html! {
        div.error-summary role="alert" {
            p { (text) }
            @if let Some(id) = link {
                p { a href={ "/introductions/" (id) } { (lang.t("intro-see-earlier")) } }
            }
        }
    }
}

pub fn ask_page(page: &PageContext, pair: &Pair, form: &AskForm) -> Markup {
    let lang = page.lang;
    let to: crate::i18n::Arg = pair.to.name.as_str().into();
    let title = lang.t_args("intro-ask-title", &[("city", to.clone())]);
    let field_error = match form.problem {
        Some(Problem::Field(key)) => Some(lang.t(key)),
        _ => None,
    };
    let body = html! {
        h1 { (title) }
        (about(lang, &pair.catalog, pair.criterion.as_deref()))
        @if !pair.to.accepts_introductions {
            p role="alert" { (lang.t_args("intro-closed", &[("city", to)])) }
        } @else {
            p { (lang.t_args("intro-ask-explain", &[("city", to)])) }
            @if let Some(Problem::Refused(refused)) = form.problem { (refusal(lang, refused)) }
            @if let Some(e) = &field_error {
                (crate::web::forms::error_list(lang, &[("message".to_owned(), e.clone())]))
            }
            form method="post" action={ "/cities/" (pair.from.slug) "/introductions" } {
                input type="hidden" name="csrf" value=(page.csrf);
                input type="hidden" name="peer" value=(pair.to.slug);
                @if let Some(code) = &pair.criterion { input type="hidden" name="criterion" value=(code); }
                div.field {
                    label for="message" { (lang.t("intro-message-label")) }
                    p.hint #message-hint { (lang.t_args("intro-message-hint", &[("max", MESSAGE_MAX.into())])) }
                    @if let Some(e) = &field_error { p.field-error #message-error { (e) } }
                    textarea #message name="message" rows="6"
                        aria-describedby={ "message-hint" @if field_error.is_some() { " message-error" } }
                        aria-invalid=[field_error.as_ref().map(|_| "true")] { (form.message) }
                }
                button type="submit" { (lang.t("intro-ask-send")) }
            }
        }
        p { a href={ "/cities/" (pair.from.slug) "/peers" } { (lang.t("intro-back-to-peers")) } }
    };
    layout(page, &title, body)
}

/// What the introduction page shows.
pub struct Shown<'a> {
    pub intro: &'a Introduction,
    pub catalog: &'a Arc<Catalog>,
    pub may_answer: bool,
    /// A message key for a notice at the top.
    pub notice: Option<&'static str>,
}

/// A contact with where they answer from: `city`, or program staff answering
/// for a city that has no admin of its own.
fn contact(lang: Lang, person: &Person, city: &CityRef) -> Markup {
    let from = match person.city_id {
        Some(id) if id == city.id => city.name.clone(),
        _ => lang.t("intro-program-team"),
    };
    html! {
        li { (person.name) " (" (from) ") · " a href={ "mailto:" (person.email) } { (person.email) } }
    }
}

fn answer_form(page: &PageContext, intro: &Introduction) -> Markup {
    let lang = page.lang;
    html! {
        form method="post" action={ "/introductions/" (intro.id) } {
            input type="hidden" name="csrf" value=(page.csrf);
            p { (lang.t("intro-answer-explain")) }
            button type="submit" name="decision" value="accept" { (lang.t("intro-accept")) }
            " "
            button.secondary type="submit" name="decision" value="decline" { (lang.t("intro-decline")) }
        }
    }
}

pub fn intro_page(page: &PageContext, view: &Shown) -> Markup {
    let lang = page.lang;
    let intro = view.intro;
    let title = lang.t_args(
        "intro-title",
        &[
            ("from", intro.from.name.as_str().into()),
            ("to", intro.to.name.as_str().into()),
        ],
    );
    let asked_by = lang.t_args(
        "intro-asked-by",
        &[
            ("person", intro.requester.name.as_str().into()),
            ("city", intro.from.name.as_str().into()),
            ("date", lang.date(intro.created_at.date()).into()),
        ],
    );
    let body = html! {
        h1 { (title) }
        @if let Some(key) = view.notice { p.status role="status" { (lang.t(key)) } }
        p {
            strong { (lang.t(intro.status.label_key())) }
            @if let Some(at) = intro.decided_at {
                " · " (lang.t_args("intro-answered-on", &[("date", lang.date(at.date()).into())]))
            }
        }
        p { (asked_by) }
        (about(lang, view.catalog, intro.criterion.as_deref()))
        @if !intro.message.is_empty() {
            blockquote.note { (intro.message) }
        }
        @match (intro.status, &intro.decider) {
            (Status::Accepted, Some(decider)) => {
                section aria-labelledby="contacts" {
                    h2 #contacts { (lang.t("intro-contacts")) }
                    p { (lang.t("intro-contacts-explain")) }
                    ul {
                        (contact(lang, &intro.requester, &intro.from))
                        (contact(lang, decider, &intro.to))
                    }
                }
            }
            (Status::Pending, _) if view.may_answer => { (answer_form(page, intro)) }
            (Status::Pending, _) => {
                p { (lang.t_args("intro-waiting", &[("city", intro.to.name.as_str().into())])) }
            }
            _ => {}
        }
    };
    layout(page, &title, body)
}

fn summaries(lang: Lang, heading: (&str, &str), list: &[Summary]) -> Markup {
    let (id, key) = heading;
    html! {
        h3 id=(id) { (lang.t(key)) }
        @if list.is_empty() {
            p.muted { (lang.t("intro-none")) }
        } @else {
            ul aria-labelledby=(id) {
                @for s in list {
                    li {
                        a href={ "/introductions/" (s.id) } { (s.other_city) }
                        @if let Some(code) = &s.criterion { " · " (code) }
                        " · " (lang.t(s.status.label_key()))
                        " · " (lang.date(s.created_at.date()))
                    }
                }
            }
        }
    }
}

/// A city's recent introductions, asked of it and asked by it.
pub fn city_section(lang: Lang, received: &[Summary], sent: &[Summary]) -> Markup {
    html! {
        section aria-labelledby="introductions" {
            h2 #introductions { (lang.t("intro-section")) }
            (summaries(lang, ("intro-received", "intro-received"), received))
            (summaries(lang, ("intro-sent", "intro-sent"), sent))
        }
    }
}
