//! The messages introductions send, each in its recipient's language: the
//! request to the asked city, and the answer (with contacts) to both sides.

use maud::html;

use super::store::{Introduction, Person};
use crate::email::Outgoing;
use crate::i18n::Arg;

/// A greeting, paragraphs, an optional quoted note and a link, as text and HTML.
fn message(
    to: &Person,
    subject: String,
    paragraphs: &[String],
    (quote, link): (Option<&str>, (&str, String)),
) -> Outgoing {
    let lang = to.lang;
    let greeting = lang.t_args("mail-greeting", &[("name", to.name.as_str().into())]);
    let (href, label) = link;
    let mut text = format!("{greeting}\n\n");
    for paragraph in paragraphs {
        text.push_str(&format!("{paragraph}\n\n"));
    }
    if let Some(quote) = quote {
        for line in quote.lines() {
            text.push_str(&format!("> {line}\n"));
        }
        text.push('\n');
    }
    text.push_str(&format!("{label}: {href}\n"));
    Outgoing {
        to: to.email.clone(),
        lang,
        subject,
        text,
        html: html! {
            p { (greeting) }
            @for paragraph in paragraphs { p { (paragraph) } }
            @if let Some(quote) = quote {
                blockquote style="border-left: 4px solid #4a5360; margin-left: 0; padding-left: 1em; white-space: pre-wrap" { (quote) }
            }
            p { a href=(href) { (label) } }
        },
    }
}

fn topic(intro: &Introduction, criterion_label: Option<&str>) -> Arg {
    match (&intro.criterion, criterion_label) {
        (Some(code), Some(label)) => format!("{code} · {label}").into(),
        (Some(code), None) => code.as_str().into(),
        // The message's select reads "none" as "no particular criterion".
        _ => "none".into(),
    }
}

/// To someone who answers for the asked city: who asks, about what, and why.
pub fn request(
    to: &Person,
    intro: &Introduction,
    criterion_label: Option<&str>,
    link: &str,
) -> Outgoing {
    let lang = to.lang;
    let from: Arg = intro.from.name.as_str().into();
    let asked: Arg = intro.to.name.as_str().into();
    let who: Arg = intro.requester.name.as_str().into();
    let subject = lang.t_args(
        "intro-mail-request-subject",
        &[("from", from.clone()), ("to", asked.clone())],
    );
    let body = lang.t_args(
        "intro-mail-request-body",
        &[
            ("person", who),
            ("from", from),
            ("to", asked),
            ("topic", topic(intro, criterion_label)),
        ],
    );
    let paragraphs = [body, lang.t("intro-mail-request-contacts")];
    let quote = Some(intro.message.as_str()).filter(|m| !m.is_empty());
    let button = lang.t("intro-mail-request-button");
    message(to, subject, &paragraphs, (quote, (link, button)))
}

/// To the person who asked: the answer, and on acceptance whom to write to.
pub fn answered(intro: &Introduction, link: &str) -> Outgoing {
    let to = &intro.requester;
    let lang = to.lang;
    let asked: Arg = intro.to.name.as_str().into();
    let (subject, body) = match &intro.decider {
        Some(decider) if intro.status == super::Status::Accepted => (
            lang.t_args("intro-mail-accepted-subject", &[("city", asked.clone())]),
            lang.t_args(
                "intro-mail-accepted-body",
                &[
                    ("to", asked),
                    ("person", decider.name.as_str().into()),
                    ("email", decider.email.as_str().into()),
                ],
            ),
        ),
        _ => (
            lang.t_args("intro-mail-declined-subject", &[("city", asked.clone())]),
            lang.t_args("intro-mail-declined-body", &[("to", asked)]),
        ),
    };
    let button = lang.t("intro-mail-see");
    message(to, subject, &[body], (None, (link, button)))
}

/// To the person who accepted: the asker's contact, for their records.
pub fn accepted_copy(to: &Person, intro: &Introduction, link: &str) -> Outgoing {
    let lang = to.lang;
    let from: Arg = intro.from.name.as_str().into();
    let subject = lang.t_args("intro-mail-accepted-subject", &[("city", from.clone())]);
    let body = lang.t_args(
        "intro-mail-copy-body",
        &[
            ("from", from),
            ("person", intro.requester.name.as_str().into()),
            ("email", intro.requester.email.as_str().into()),
        ],
    );
    let button = lang.t("intro-mail-see");
    message(to, subject, &[body], (None, (link, button)))
}
