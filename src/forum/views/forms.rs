//! The forms that write: a new thread (space, kind, title, body, tags,
//! language) and a flag (reason and note). Each keeps what was typed and
//! names its problems next to the fields.

use maud::{Markup, html};

use crate::forum::compose::FlagReason;
use crate::forum::space::Space;
use crate::i18n::Lang;
use crate::search::RelatedThread;
use crate::standard::Catalog;
use crate::web::forms::error_list;
use crate::web::{PageContext, layout};

/// The new-thread form's values and problems.
#[derive(Debug, Default)]
pub struct NewThreadForm {
    pub category: String,
    pub kind: String,
    pub title: String,
    pub body: String,
    pub tags: String,
    pub lang: String,
    /// (field, message)
    pub errors: Vec<(String, String)>,
    /// Threads like this one, once the writer has asked; empty if none were found.
    pub similar: Option<Vec<RelatedThread>>,
}

impl NewThreadForm {
    fn error(&self, field: &str) -> Option<&String> {
        self.errors.iter().find(|(f, _)| f == field).map(|(_, m)| m)
    }
}

/// A labelled field whose error, if any, sits under the label.
fn field(form: &NewThreadForm, id: &str, label: String, control: Markup) -> Markup {
    html! {
        div.field {
            label for=(id) { (label) }
            @if let Some(e) = form.error(id) { p.field-error id={ (id) "-error" } { (e) } }
            (control)
        }
    }
}

fn described(form: &NewThreadForm, id: &str, hint: Option<&str>) -> Option<String> {
    let error = form.error(id).map(|_| format!("{id}-error"));
    let parts: Vec<String> = hint.map(str::to_owned).into_iter().chain(error).collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// Where a person may start a thread: the public categories they may post in
/// and their city's space.
pub fn new_thread_page(
    page: &PageContext,
    catalog: &Catalog,
    spaces: &[Space],
    form: &NewThreadForm,
) -> Markup {
    let lang = page.lang;
    let title = lang.t("forum-new-thread");
    let invalid = |id: &str| form.error(id).map(|_| "true");
    let body = html! {
        p.breadcrumb { a href="/forum" { (lang.t("forum-title")) } }
        h1 { (title) }
        (error_list(lang, &form.errors))
        @if let Some(similar) = &form.similar { (similar_list(lang, similar)) }
        form method="post" action="/forum/threads" novalidate {
            input type="hidden" name="csrf" value=(page.csrf);
            (field(form, "category", lang.t("forum-field-category"), html! {
                select #category name="category" aria-invalid=[invalid("category")] aria-describedby=[described(form, "category", None)] {
                    @for space in spaces {
                        @let value = space.api_name();
                        option value=(value) selected[value == form.category] { (space.name(catalog, lang)) }
                    }
                }
            }))
            fieldset {
                legend { (lang.t("forum-field-kind")) }
                @for (code, key) in [("question", "forum-kind-question"), ("discussion", "forum-kind-discussion")] {
                    div.check {
                        input type="radio" name="kind" id={ "kind-" (code) } value=(code)
                            checked[form.kind == code || (form.kind.is_empty() && code == "question")];
                        label for={ "kind-" (code) } { (lang.t(key)) }
                    }
                }
            }
            (field(form, "title", lang.t("forum-field-title"), html! {
                input #title name="title" type="text" value=(form.title) required maxlength="150"
                    aria-invalid=[invalid("title")] aria-describedby=[described(form, "title", None)];
            }))
            (field(form, "body", lang.t("forum-field-body"), html! {
                p.hint #body-hint { (lang.t("forum-markdown-hint")) }
                textarea #body name="body" rows="12" required
                    aria-invalid=[invalid("body")] aria-describedby=[described(form, "body", Some("body-hint"))] { (form.body) }
            }))
            (field(form, "tags", lang.t("forum-field-tags"), html! {
                p.hint #tags-hint { (lang.t("forum-tags-hint")) }
                input #tags name="tags" type="text" value=(form.tags)
                    aria-invalid=[invalid("tags")] aria-describedby=[described(form, "tags", Some("tags-hint"))];
            }))
            (field(form, "lang", lang.t("forum-field-lang"), html! {
                select #lang name="lang" aria-invalid=[invalid("lang")] {
                    @for l in Lang::ALL {
                        option value=(l.code()) lang=(l.code()) selected[l.code() == form.lang] { (l.native_name()) }
                    }
                }
            }))
            div.actions {
                button type="submit" { (lang.t("forum-post-thread")) }
                " "
                button.secondary type="submit" name="check" value="similar" { (lang.t("forum-similar-check")) }
            }
        }
    };
    layout(page, &title, body)
}

/// The threads like the one being written, or word that there are none.
fn similar_list(lang: Lang, similar: &[RelatedThread]) -> Markup {
    html! {
        section.similar aria-labelledby="similar-heading" {
            h2 #similar-heading { (lang.t("forum-similar-title")) }
            @if similar.is_empty() {
                p { (lang.t("forum-similar-none")) }
            } @else {
                p { (lang.t("forum-similar-hint")) }
                ul {
                    @for t in similar {
                        li {
                            a href={ "/forum/threads/" (t.thread_id) } { (t.title) }
                            @if t.solved { " " span.badge { (lang.t("forum-solved")) } }
                        }
                    }
                }
            }
        }
    }
}

/// The flag form's values and problems.
#[derive(Debug, Default)]
pub struct FlagForm {
    pub reason: String,
    pub note: String,
    pub errors: Vec<(String, String)>,
}

pub fn flag_page(page: &PageContext, (post_id, thread_id): (i32, i32), form: &FlagForm) -> Markup {
    let lang = page.lang;
    let title = lang.t("forum-flag-title");
    let note_error = form
        .errors
        .iter()
        .find(|(f, _)| f == "note")
        .map(|(_, m)| m);
    let body = html! {
        p.breadcrumb { a href={ "/forum/threads/" (thread_id) "#post-" (post_id) } { (lang.t("forum-back-to-thread")) } }
        h1 { (title) }
        (error_list(lang, &form.errors))
        form method="post" action={ "/forum/posts/" (post_id) "/flag" } novalidate {
            input type="hidden" name="csrf" value=(page.csrf);
            fieldset #reason {
                legend { (lang.t("forum-flag-reason")) }
                @for reason in FlagReason::ALL {
                    div.check {
                        input type="radio" name="reason" id={ "reason-" (reason.code()) } value=(reason.code())
                            checked[form.reason == reason.code()] required;
                        label for={ "reason-" (reason.code()) } { (lang.t(reason.label_key())) }
                    }
                }
            }
            div.field {
                label for="note" { (lang.t("forum-flag-note")) }
                @if let Some(e) = note_error { p.field-error #note-error { (e) } }
                textarea #note name="note" rows="4" aria-describedby=[note_error.map(|_| "note-error")] { (form.note) }
            }
            button type="submit" { (lang.t("forum-flag-send")) }
        }
    };
    layout(page, &title, body)
}
