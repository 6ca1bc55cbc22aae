//! The forum in the database: one named function per action. Every write runs
//! in one transaction with its search-outbox row, writes before it reads (so
//! SQLite takes its write lock first), and checks its limits before commit.

mod acts;
pub mod bulk_export;
pub mod export;
mod feed;
mod inbox;
mod moderate;
mod notify;
pub mod outbox;
mod people;
mod queue;
mod read;
mod thread_page;
mod write;

pub use acts::{Accepted, Voted, accept, flag, unaccept, unvote, vote};
pub use feed::{FeedFilter, FeedItem, recent_public};
pub use inbox::{Notification, Reader, mark_read, notification_lines, notifications, unread_count};
pub use moderate::{
    Act, Edit, Visibility, dismiss_flags, edit, move_thread, set_locked, set_visibility,
};
pub use notify::{set_watch, thread_watch, watch_level};
pub use people::{Author, authors, handles_known, readers};
pub use queue::{Flagged, LogLine, Revision, log_page, open_flags, revisions};
pub use read::{
    Listing, ThreadFilter, ThreadSummary, ThreadView, find_post, find_thread, list,
    readable_threads, space_of,
};
pub use thread_page::{PostView, posts_page};
pub use write::{Created, NewPost, NewThread, PostLimit, create_thread, reply};

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::schema::{posts, threads};

/// Why a write was refused (nothing of it is stored).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// A new account wrote its hourly allowance; the next post may come in
    /// `wait_secs`.
    TooManyPosts { per_hour: u32, wait_secs: u64 },
    /// This account or client address is posting faster than any account may.
    TooFast { wait_secs: u64 },
    /// The thread takes no more replies.
    Locked,
    /// Not there, or not visible.
    NotFound,
    /// Asked of a post that cannot take it (own post, opening post, not a question).
    NotApplicable,
    /// Already done once by this person (a second flag).
    AlreadyDone,
}

impl Refused {
    /// Seconds until trying again can succeed, for `Retry-After`.
    pub fn retry_after(self) -> Option<u64> {
        match self {
            Refused::TooManyPosts { wait_secs, .. } | Refused::TooFast { wait_secs } => {
                Some(wait_secs)
            }
            _ => None,
        }
    }
}

/// A write that either failed in the database or was refused by a rule; both
/// roll the transaction back.
#[derive(Debug)]
enum Abort {
    Db(diesel::result::Error),
    Refused(Refused),
}

impl From<diesel::result::Error> for Abort {
    fn from(e: diesel::result::Error) -> Abort {
        Abort::Db(e)
    }
}

/// Splits a transaction's outcome into the database's error and the refusal.
fn settle<T>(outcome: Result<T, Abort>) -> QueryResult<Result<T, Refused>> {
    match outcome {
        Ok(value) => Ok(Ok(value)),
        Err(Abort::Refused(refused)) => Ok(Err(refused)),
        Err(Abort::Db(e)) => Err(e),
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = threads)]
pub struct ThreadRow {
    pub id: i32,
    pub category: String,
    pub space_city_id: Option<i32>,
    pub kind: String,
    pub title: String,
    pub lang: String,
    pub author_id: Option<i32>,
    pub accepted_post_id: Option<i32>,
    pub locked: bool,
    pub visible: bool,
    pub reply_count: i32,
    pub created_at: NaiveDateTime,
    pub last_post_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = posts)]
pub struct PostRow {
    pub id: i32,
    pub thread_id: i32,
    pub author_id: Option<i32>,
    pub opening: bool,
    pub body: String,
    pub body_html: String,
    pub votes: i32,
    pub hidden: bool,
    pub deleted: bool,
    pub created_at: NaiveDateTime,
    pub edited_at: Option<NaiveDateTime>,
}

impl PostRow {
    pub fn is_visible(&self) -> bool {
        !self.hidden && !self.deleted
    }
}
