//! The forum's pages (maud): thread lists, a thread with its posts and reply
//! form, the new-thread and flag forms, and notifications. Post bodies are the
//! only `PreEscaped` HTML, and they were sanitised when written.

mod forms;
mod lists;
mod manage;
mod thread;

pub use forms::{FlagForm, NewThreadForm, flag_page, new_thread_page};
pub use lists::{ListView, index_page, list_page, notifications_page, queue_page};
pub use manage::{EditForm, edit_page, log_page, move_form, revisions_page};
pub use thread::{ReplyForm, ThreadPage, thread_page};

use chrono::NaiveDateTime;
use maud::{Markup, html};

use super::store::Author;
use super::watch::{Level, Target};
use crate::web::PageContext;

/// When something happened, in the reader's language and time zone.
fn when(page: &PageContext, at: NaiveDateTime) -> Markup {
    let zone = page
        .user
        .as_ref()
        .map(|u| u.zone())
        .unwrap_or(chrono_tz::UTC);
    // Whole seconds: HTML's datetime takes at most three fractional digits.
    let iso = at
        .and_utc()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    html! { time datetime=(iso) { (page.lang.date_time(at, zone)) } }
}

/// An author's name linking to their activity, with their city.
fn byline(page: &PageContext, author: Option<&Author>) -> Markup {
    html! {
        @match author {
            Some(a) => {
                a href={ "/forum/people/" (a.handle) } { (a.name) }
                @if let Some(city) = &a.city { " (" (city) ")" }
            }
            None => { (page.lang.t("forum-former-member")) }
        }
    }
}

/// Tag links.
fn tag_list(page: &PageContext, tags: &[String]) -> Markup {
    html! {
        @if !tags.is_empty() {
            ul.tags aria-label=(page.lang.t("forum-tags")) {
                @for tag in tags {
                    li { a href={ "/forum/tags/" (tag) } { (tag) } }
                }
            }
        }
    }
}

/// The form that sets how closely the reader follows a thread, category or tag.
fn watch_control(page: &PageContext, target: &Target, current: Level) -> Markup {
    let lang = page.lang;
    html! {
        section aria-labelledby="watch-heading" {
            h2 #watch-heading { (lang.t("forum-watch-heading")) }
            form method="post" action="/forum/watch" {
                input type="hidden" name="csrf" value=(page.csrf);
                input type="hidden" name="target_kind" value=(target.kind());
                input type="hidden" name="target" value=(target.key());
                div.field {
                    label for="level" { (lang.t("forum-watch-label")) }
                    select #level name="level" {
                        @for level in Level::ALL {
                            option value=(level.code()) selected[level == current] { (lang.t(level.label_key())) }
                        }
                    }
                }
                button type="submit" { (lang.t("forum-watch-save")) }
            }
        }
    }
}
