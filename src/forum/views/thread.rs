//! One thread: the question and its accepted answer, the replies, each with
//! its votes and actions, then the reply form and the watch control.

use maud::{Markup, PreEscaped, html};

use super::{byline, move_form, tag_list, watch_control, when};
use crate::forum::cursor::Page;
use crate::forum::store::{PostView, ThreadView};
use crate::forum::watch::{Level, Target};
use crate::standard::Catalog;
use crate::web::forms::error_list;
use crate::web::{PageContext, layout};

/// The reply form's text and problem when it comes back.
#[derive(Debug, Default)]
pub struct ReplyForm {
    pub body: String,
    /// (field, message)
    pub errors: Vec<(String, String)>,
}

pub struct ThreadPage<'a> {
    pub thread: &'a ThreadView,
    pub posts: &'a Page<PostView>,
    pub catalog: &'a Catalog,
    /// Whether the reader may mark the accepted answer.
    pub may_accept: bool,
    pub may_reply: bool,
    pub watch: Level,
    pub reply: ReplyForm,
    /// A line to show at the top (after flagging, say).
    pub notice: Option<String>,
    /// Whether the reader moderates: hidden posts show, with their controls.
    pub moderator: bool,
}

pub fn thread_page(page: &PageContext, view: &ThreadPage) -> Markup {
    let lang = page.lang;
    let row = &view.thread.row;
    let space = &view.thread.space;
    let body = html! {
        p.breadcrumb {
            a href="/forum" { (lang.t("forum-title")) } " › "
            a href=(space.path()) { (space.name(view.catalog, lang)) }
        }
        @if let Some(notice) = &view.notice { p.status role="status" { (notice) } }
        h1 lang=(row.lang) { (row.title) }
        p.muted {
            (lang.t(if row.kind == "question" { "forum-kind-question" } else { "forum-kind-discussion" }))
            @if row.locked { " · " strong { (lang.t("forum-locked")) } }
        }
        (tag_list(page, &view.thread.tags))
        @for post in &view.posts.items { (post_article(page, view, post)) }
        @if let Some(next) = &view.posts.next {
            p { a rel="next" href={ "/forum/threads/" (row.id) "?cursor=" (next.encode()) } { (lang.t("forum-more-replies")) } }
        }
        @if view.moderator {
            div.post-actions {
                (lock_form(page, view))
                (move_form(page, view.catalog, view.thread))
            }
        }
        (reply_section(page, view))
        (watch_form(page, view))
    };
    layout(page, &row.title, body)
}

fn post_article(page: &PageContext, view: &ThreadPage, post: &PostView) -> Markup {
    let lang = page.lang;
    let row = &post.row;
    let accepted = view.thread.row.accepted_post_id == Some(row.id);
    let heading = if row.opening {
        lang.t("forum-post-opening")
    } else if accepted {
        lang.t("forum-post-accepted")
    } else {
        lang.t("forum-post-reply")
    };
    html! {
        article.post.accepted[accepted] #{ "post-" (row.id) } aria-labelledby={ "post-" (row.id) "-h" } {
            h2 #{ "post-" (row.id) "-h" } .post-heading {
                (heading) ": " (byline(page, post.author.as_ref()))
            }
            p.muted {
                (when(page, row.created_at))
                @if row.hidden { " · " strong { (lang.t("forum-hidden")) } }
            }
            div.post-body lang=(view.thread.row.lang) { (PreEscaped(&row.body_html)) }
            (post_actions(page, view, post, accepted))
        }
    }
}

fn post_actions(page: &PageContext, view: &ThreadPage, post: &PostView, accepted: bool) -> Markup {
    let lang = page.lang;
    let row = &post.row;
    let own = page
        .user
        .as_ref()
        .is_some_and(|u| Some(u.id) == row.author_id);
    let votes = lang.t_args("forum-votes", &[("count", f64::from(row.votes).into())]);
    let can_accept =
        view.may_accept && !row.opening && !accepted && view.thread.row.kind == "question";
    html! {
        div.post-actions {
            span { (votes) }
            @if !own {
                form method="post" action={ "/forum/posts/" (row.id) "/vote" } {
                    input type="hidden" name="csrf" value=(page.csrf);
                    input type="hidden" name="up" value=(if post.voted { "0" } else { "1" });
                    button type="submit" aria-pressed=(if post.voted { "true" } else { "false" }) {
                        (lang.t(if post.voted { "forum-unvote" } else { "forum-vote" }))
                    }
                }
                a href={ "/forum/posts/" (row.id) "/flag" } { (lang.t("forum-flag")) }
            }
            @if view.moderator {
                @let (action, key) = if row.hidden { ("restore", "forum-restore") } else { ("hide", "forum-hide") };
                form method="post" action={ "/forum/posts/" (row.id) "/" (action) } {
                    input type="hidden" name="csrf" value=(page.csrf);
                    button.secondary type="submit" { (lang.t(key)) }
                }
            }
            @if own || view.moderator {
                a href={ "/forum/posts/" (row.id) "/edit" } { (lang.t("forum-edit")) }
            }
            @if view.moderator {
                a href={ "/forum/posts/" (row.id) "/revisions" } { (lang.t("forum-revisions-link")) }
            }
            @if own || view.moderator {
                form method="post" action={ "/forum/posts/" (row.id) "/delete" } {
                    input type="hidden" name="csrf" value=(page.csrf);
                    button.secondary type="submit" { (lang.t("forum-delete")) }
                }
            }
            @if can_accept {
                form method="post" action={ "/forum/threads/" (view.thread.row.id) "/accept" } {
                    input type="hidden" name="csrf" value=(page.csrf);
                    input type="hidden" name="post_id" value=(row.id);
                    button type="submit" { (lang.t("forum-accept")) }
                }
            }
        }
    }
}

fn reply_section(page: &PageContext, view: &ThreadPage) -> Markup {
    let lang = page.lang;
    let row = &view.thread.row;
    let error = view
        .reply
        .errors
        .iter()
        .find(|(f, _)| f == "body")
        .map(|(_, m)| m);
    html! {
        section aria-labelledby="reply-heading" {
            h2 #reply-heading { (lang.t("forum-reply-heading")) }
            @if row.locked && !view.may_reply {
                p { (lang.t("forum-error-locked")) }
            } @else if !view.may_reply {
                p.muted { (lang.t("forum-reply-staff-only")) }
            } @else {
                (error_list(lang, &view.reply.errors))
                form method="post" action={ "/forum/threads/" (row.id) "/replies" } novalidate {
                    input type="hidden" name="csrf" value=(page.csrf);
                    div.field {
                        label for="body" { (lang.t("forum-field-reply")) }
                        p.hint #body-hint { (lang.t("forum-markdown-hint")) }
                        @if let Some(e) = error { p.field-error #body-error { (e) } }
                        textarea #body name="body" rows="8" required
                            aria-describedby=(if error.is_some() { "body-hint body-error" } else { "body-hint" })
                            aria-invalid=[error.map(|_| "true")] { (view.reply.body) }
                    }
                    button type="submit" { (lang.t("forum-reply-send")) }
                }
            }
        }
    }
}

fn watch_form(page: &PageContext, view: &ThreadPage) -> Markup {
    watch_control(page, &Target::Thread(view.thread.row.id), view.watch)
}

fn lock_form(page: &PageContext, view: &ThreadPage) -> Markup {
    let lang = page.lang;
    let row = &view.thread.row;
    html! {
        form method="post" action={ "/forum/threads/" (row.id) "/lock" } {
            input type="hidden" name="csrf" value=(page.csrf);
            input type="hidden" name="locked" value=(if row.locked { "0" } else { "1" });
            button.secondary type="submit" { (lang.t(if row.locked { "forum-unlock" } else { "forum-lock" })) }
        }
    }
}
