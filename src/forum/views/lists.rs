//! Thread lists: the forum's front page, a space, a tag, the unanswered and
//! answerable questions, one person's activity; and the notification list.

use maud::{Markup, html};

use super::{byline, tag_list, watch_control, when};
use crate::forum::cursor::Page;
use crate::forum::space::{Category, Space};
use crate::forum::store::{Flagged, Notification, ThreadSummary};
use crate::forum::text::markdown::excerpt;
use crate::forum::watch::{Event, Level, Target};
use crate::standard::Catalog;
use crate::web::{PageContext, layout};

/// A list page: its heading, an optional line under it, where "start a
/// thread" goes (None: nowhere), and where the next page is.
pub struct ListView<'a> {
    pub title: String,
    pub intro: Option<String>,
    pub new_thread: Option<String>,
    pub path: &'a str,
    pub threads: &'a Page<ThreadSummary>,
    pub catalog: &'a Catalog,
    /// What the reader can watch from this page (a category, a tag), and how
    /// closely they do now.
    pub watch: Option<(Target, Level)>,
}

fn views_nav(page: &PageContext, unread: i64) -> Markup {
    let lang = page.lang;
    html! {
        nav.forum-views aria-label=(lang.t("forum-views")) {
            ul {
                li { a href="/forum" { (lang.t("forum-latest")) } }
                li { a href="/forum/unanswered" { (lang.t("forum-unanswered")) } }
                li { a href="/forum/answerable" { (lang.t("forum-answerable")) } }
                li { a href="/notifications" {
                    (lang.t_args("forum-notifications-count", &[("count", (unread as f64).into())]))
                } }
            }
        }
    }
}

fn thread_rows(page: &PageContext, view: &ListView) -> Markup {
    let lang = page.lang;
    html! {
        @if view.threads.items.is_empty() {
            p.muted { (lang.t("forum-no-threads")) }
        } @else {
            ol.threads {
                @for t in &view.threads.items {
                    li {
                        a.thread-title href={ "/forum/threads/" (t.row.id) } { (t.row.title) }
                        @if t.row.accepted_post_id.is_some() { " " span.badge { (lang.t("forum-solved")) } }
                        @if t.row.locked { " " span.badge { (lang.t("forum-locked")) } }
                        br;
                        span.muted {
                            (t.space.name(view.catalog, lang)) " · "
                            (lang.t_args("forum-replies", &[("count", f64::from(t.row.reply_count).into())])) " · "
                            (byline(page, t.author.as_ref())) " · "
                            (when(page, t.row.last_post_at))
                        }
                        (tag_list(page, &t.tags))
                    }
                }
            }
        }
        @if let Some(next) = &view.threads.next {
            p { a rel="next" href={ (view.path) "?cursor=" (next.encode()) } { (lang.t("forum-older")) } }
        }
    }
}

/// Public categories and tags have Atom feeds (`forum::feeds`); private spaces do not.
fn feed_of(path: &str) -> Option<String> {
    (path.starts_with("/forum/c/") || path.starts_with("/forum/tags/"))
        .then(|| format!("{path}/feed.atom"))
}

pub fn list_page(page: &PageContext, view: &ListView, unread: i64) -> Markup {
    let lang = page.lang;
    let body = html! {
        p.breadcrumb { a href="/forum" { (lang.t("forum-title")) } }
        h1 { (view.title) }
        @if let Some(intro) = &view.intro { p { (intro) } }
        @if let Some(feed) = feed_of(view.path) {
            p { a href=(feed) type="application/atom+xml" { (lang.t("forum-feed-link")) } }
        }
        (views_nav(page, unread))
        @if let Some(href) = &view.new_thread { p { a.button href=(href) { (lang.t("forum-new-thread")) } } }
        (thread_rows(page, view))
        @if let Some((target, level)) = &view.watch { (watch_control(page, target, *level)) }
    };
    layout(page, &view.title, body)
}

/// The forum's front page: the spaces, then the latest threads.
pub fn index_page(page: &PageContext, view: &ListView, unread: i64) -> Markup {
    let lang = page.lang;
    let city = page.user.as_deref().and_then(Space::own_city);
    let body = html! {
        h1 { (view.title) }
        p { (lang.t("forum-intro")) }
        (views_nav(page, unread))
        p { a.button href="/forum/new" { (lang.t("forum-new-thread")) } }
        section aria-labelledby="spaces" {
            h2 #spaces { (lang.t("forum-spaces")) }
            ul.spaces {
                @for c in Category::all(view.catalog) {
                    li { a href={ "/forum/c/" (c.slug()) } { (c.name(view.catalog, lang)) } }
                }
                @if let Some(space) = &city {
                    li { a href=(space.path()) { (space.name(view.catalog, lang)) } }
                }
            }
        }
        section aria-labelledby="latest" {
            h2 #latest { (lang.t("forum-latest")) }
            (thread_rows(page, view))
        }
    };
    layout(page, &view.title, body)
}

fn event_text(page: &PageContext, kind: &str, actor: &str, title: &str) -> String {
    Event::from_code(kind)
        .unwrap_or(Event::NewThread)
        .sentence(page.lang, actor, title)
}

/// Notifications with the thread's title and who did it: (line, actor, title).
pub fn notifications_page(
    page: &PageContext,
    lines: &[(Notification, String, String)],
    next: Option<i32>,
) -> Markup {
    let lang = page.lang;
    let title = lang.t("forum-notifications");
    let body = html! {
        p.breadcrumb { a href="/forum" { (lang.t("forum-title")) } }
        h1 { (title) }
        @if lines.is_empty() {
            p.muted { (lang.t("forum-notifications-none")) }
        } @else {
            form method="post" action="/notifications/read" {
                input type="hidden" name="csrf" value=(page.csrf);
                button type="submit" { (lang.t("forum-notifications-mark-read")) }
            }
            ol.notifications {
                @for (n, actor, thread_title) in lines {
                    li.unread[n.read_at.is_none()] {
                        @let anchor = n.post_id.map(|p| format!("#post-{p}")).unwrap_or_default();
                        a href={ "/forum/threads/" (n.thread_id) (anchor) } {
                            (event_text(page, &n.kind, actor, thread_title))
                        }
                        " · " (when(page, n.created_at))
                        @if n.read_at.is_none() { " " span.badge { (lang.t("forum-unread")) } }
                    }
                }
            }
        }
        @if let Some(before) = next {
            p { a rel="next" href={ "/notifications?before=" (before) } { (lang.t("forum-older")) } }
        }
    };
    layout(page, &title, body)
}

/// The moderators' flag queue.
pub fn queue_page(page: &PageContext, flagged: &[Flagged], next: Option<i32>) -> Markup {
    let lang = page.lang;
    let title = lang.t("forum-moderation");
    let body = html! {
        p.breadcrumb { a href="/forum" { (lang.t("forum-title")) } }
        h1 { (title) }
        p { a href="/forum/moderation/log" { (lang.t("forum-log-title")) } }
        @if flagged.is_empty() {
            p.muted { (lang.t("forum-moderation-empty")) }
        } @else {
            ol.threads {
                @for f in flagged {
                    li {
                        a href={ "/forum/threads/" (f.post.thread_id) "#post-" (f.post.id) } { (f.thread_title) }
                        p { (excerpt(&f.post.body, 280)) }
                        p.muted { (lang.t("forum-flag-reason")) " " (f.reasons.join(" · ")) }
                        div.post-actions {
                            @for (action, key) in [("hide", "forum-hide"), ("dismiss", "forum-dismiss")] {
                                form method="post" action={ "/forum/posts/" (f.post.id) "/" (action) } {
                                    input type="hidden" name="csrf" value=(page.csrf);
                                    button type="submit" { (lang.t(key)) }
                                }
                            }
                        }
                    }
                }
            }
        }
        @if let Some(after) = next {
            p { a rel="next" href={ "/forum/moderation?after=" (after) } { (lang.t("forum-older")) } }
        }
    };
    layout(page, &title, body)
}
