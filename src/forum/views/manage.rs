//! Pages for changing what is already posted: the edit form, a post's earlier
//! versions and the moderation log (moderators), and the move control.

use maud::{Markup, html};

use super::when;
use crate::forum::space::{Category, Space};
use crate::forum::store::{LogLine, Revision, ThreadView};
use crate::standard::Catalog;
use crate::web::forms::error_list;
use crate::web::{PageContext, layout};

/// The edit form's values and problems; `title` only for an opening post.
#[derive(Debug, Default)]
pub struct EditForm {
    pub post_id: i32,
    pub thread_id: i32,
    pub title: Option<String>,
    pub body: String,
    /// (field, message)
    pub errors: Vec<(String, String)>,
}

impl EditForm {
    fn error(&self, field: &str) -> Option<&String> {
        self.errors.iter().find(|(f, _)| f == field).map(|(_, m)| m)
    }
}

pub fn edit_page(page: &PageContext, form: &EditForm) -> Markup {
    let lang = page.lang;
    let heading = lang.t("forum-edit-title");
    let described = |id: &str, hint: Option<&str>| {
        let error = form.error(id).map(|_| format!("{id}-error"));
        let parts: Vec<String> = hint.map(str::to_owned).into_iter().chain(error).collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    };
    let invalid = |id: &str| form.error(id).map(|_| "true");
    let body = html! {
        p.breadcrumb { a href={ "/forum/threads/" (form.thread_id) "#post-" (form.post_id) } { (lang.t("forum-back-to-thread")) } }
        h1 { (heading) }
        (error_list(lang, &form.errors))
        form method="post" action={ "/forum/posts/" (form.post_id) "/edit" } novalidate {
            input type="hidden" name="csrf" value=(page.csrf);
            @if let Some(title) = &form.title {
                div.field {
                    label for="title" { (lang.t("forum-field-title")) }
                    @if let Some(e) = form.error("title") { p.field-error #title-error { (e) } }
                    input #title name="title" type="text" value=(title) required maxlength="150"
                        aria-invalid=[invalid("title")] aria-describedby=[described("title", None)];
                }
            }
            div.field {
                label for="body" { (lang.t("forum-field-body")) }
                p.hint #body-hint { (lang.t("forum-markdown-hint")) }
                @if let Some(e) = form.error("body") { p.field-error #body-error { (e) } }
                textarea #body name="body" rows="12" required
                    aria-invalid=[invalid("body")] aria-describedby=[described("body", Some("body-hint"))] { (form.body) }
            }
            p.hint { (lang.t("forum-edit-history")) }
            button type="submit" { (lang.t("forum-edit-save")) }
        }
    };
    layout(page, &heading, body)
}

/// A post's earlier versions, oldest first, as the source text written.
pub fn revisions_page(
    page: &PageContext,
    thread: &ThreadView,
    post_id: i32,
    versions: &[Revision],
) -> Markup {
    let lang = page.lang;
    let heading = lang.t("forum-revisions-title");
    let body = html! {
        p.breadcrumb { a href={ "/forum/threads/" (thread.row.id) "#post-" (post_id) } { (thread.row.title) } }
        h1 { (heading) }
        @if versions.is_empty() {
            p.muted { (lang.t("forum-revisions-none")) }
        } @else {
            ol.revisions {
                @for version in versions {
                    li {
                        h2 { (lang.t("forum-revisions-replaced")) " " (when(page, version.replaced_at)) }
                        @if let Some(title) = &version.title { p { strong { (title) } } }
                        pre.source { (version.body) }
                    }
                }
            }
        }
    };
    layout(page, &heading, body)
}

/// The moderation log, newest first, a page at a time.
pub fn log_page(page: &PageContext, lines: &[LogLine], next: Option<i32>) -> Markup {
    let lang = page.lang;
    let heading = lang.t("forum-log-title");
    let body = html! {
        p.breadcrumb { a href="/forum/moderation" { (lang.t("forum-moderation")) } }
        h1 { (heading) }
        @if lines.is_empty() {
            p.muted { (lang.t("forum-log-empty")) }
        } @else {
            table {
                caption { (lang.t("forum-log-caption")) }
                thead { tr {
                    th scope="col" { (lang.t("admin-audit-when")) }
                    th scope="col" { (lang.t("admin-audit-who")) }
                    th scope="col" { (lang.t("admin-audit-what")) }
                    th scope="col" { (lang.t("forum-log-where")) }
                    th scope="col" { (lang.t("admin-audit-detail")) }
                } }
                tbody {
                    @for line in lines { (log_row(page, line)) }
                }
            }
        }
        @if let Some(before) = next {
            p { a rel="next" href={ "/forum/moderation/log?before=" (before) } { (lang.t("forum-older")) } }
        }
    };
    layout(page, &heading, body)
}

fn log_row(page: &PageContext, line: &LogLine) -> Markup {
    let lang = page.lang;
    html! {
        tr {
            td { (when(page, line.created_at)) }
            td { @match &line.moderator { Some(name) => (name), None => em { (lang.t("forum-former-member")) } } }
            td { (lang.t(action_key(&line.action))) }
            td {
                @if let Some(thread) = line.thread_id {
                    @let anchor = line.post_id.map(|p| format!("#post-{p}")).unwrap_or_default();
                    a href={ "/forum/threads/" (thread) (anchor) } { "#" (thread) }
                }
            }
            td { (line.detail.as_deref().unwrap_or("")) }
        }
    }
}

/// The words for a log line's action code.
fn action_key(code: &str) -> &'static str {
    match code {
        "post.edit" => "forum-log-post-edit",
        "post.delete" => "forum-log-post-delete",
        "post.hide" => "forum-log-post-hide",
        "post.restore" => "forum-log-post-restore",
        "thread.lock" => "forum-log-thread-lock",
        "thread.unlock" => "forum-log-thread-unlock",
        "thread.move" => "forum-log-thread-move",
        "flags.dismiss" => "forum-log-flags-dismiss",
        _ => "forum-log-other",
    }
}

/// The moderator's control that moves a thread to another public category.
pub fn move_form(page: &PageContext, catalog: &Catalog, thread: &ThreadView) -> Markup {
    let lang = page.lang;
    let current = thread.space.api_name();
    html! {
        form.inline method="post" action={ "/forum/threads/" (thread.row.id) "/move" } {
            input type="hidden" name="csrf" value=(page.csrf);
            label for="move-to" { (lang.t("forum-move-label")) }
            select #move-to name="category" {
                @for category in Category::all(catalog) {
                    @let space = Space::Public(category);
                    @let value = space.api_name();
                    option value=(value) selected[value == current] { (space.name(catalog, lang)) }
                }
            }
            button.secondary type="submit" { (lang.t("forum-move")) }
        }
    }
}
