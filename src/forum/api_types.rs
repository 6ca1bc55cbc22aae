//! The forum's JSON shapes, as the OpenAPI document describes them.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::cursor::Page;
use super::store::{Author, PostView, ThreadSummary, ThreadView};

/// A new thread.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewThreadBody {
    /// A category's slug (`dm` … `eval`, `general`, `announcements`) or `city:<slug>` for a city's private space.
    pub category: String,
    pub title: String,
    /// Markdown.
    pub body: String,
    /// Criterion codes (`dm1`) and free tags; at most 5.
    #[serde(default)]
    pub tags: Vec<String>,
    /// `question` (default) or `discussion`.
    pub kind: Option<String>,
    /// `en`, `es`, `pt` or `fr`; the author's language by default.
    pub lang: Option<String>,
}

/// A reply.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPostBody {
    /// Markdown.
    pub body: String,
}

/// A flag for the moderators.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FlagBody {
    /// `spam`, `abusive`, `off_topic`, `private_data` or `other`.
    pub reason: String,
    /// Required for `other`.
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Created {
    pub id: i32,
    pub url: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedThread {
    pub id: i32,
    /// The opening post.
    pub post_id: i32,
    pub url: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuthorJson {
    pub handle: String,
    pub name: String,
    pub city: Option<String>,
}

impl From<Author> for AuthorJson {
    fn from(a: Author) -> AuthorJson {
        AuthorJson {
            handle: a.handle,
            name: a.name,
            city: a.city,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CategoryJson {
    /// What `category` takes when starting a thread here.
    pub slug: String,
    pub name: String,
    /// The practice area's code, for the eight area categories.
    pub area: Option<String>,
    /// Only program staff start threads here.
    pub staff_only: bool,
    /// A city's private space, seen only by its people and program staff.
    pub private: bool,
    pub url: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CategoryList {
    pub categories: Vec<CategoryJson>,
}

fn utc(at: NaiveDateTime) -> DateTime<Utc> {
    at.and_utc()
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ThreadSummaryJson {
    pub id: i32,
    pub url: String,
    pub category: String,
    /// `question` or `discussion`.
    pub kind: String,
    pub title: String,
    pub lang: String,
    pub tags: Vec<String>,
    pub author: Option<AuthorJson>,
    pub reply_count: i32,
    /// Whether a question has an accepted answer.
    pub solved: bool,
    pub locked: bool,
    pub created_at: DateTime<Utc>,
    pub last_post_at: DateTime<Utc>,
}

impl From<ThreadSummary> for ThreadSummaryJson {
    fn from(t: ThreadSummary) -> ThreadSummaryJson {
        ThreadSummaryJson {
            id: t.row.id,
            url: format!("/forum/threads/{}", t.row.id),
            category: t.space.api_name(),
            kind: t.row.kind,
            title: t.row.title,
            lang: t.row.lang,
            tags: t.tags,
            author: t.author.map(Into::into),
            reply_count: t.row.reply_count,
            solved: t.row.accepted_post_id.is_some(),
            locked: t.row.locked,
            created_at: utc(t.row.created_at),
            last_post_at: utc(t.row.last_post_at),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ThreadList {
    pub threads: Vec<ThreadSummaryJson>,
    /// Pass as `cursor` for the next page; null on the last.
    pub next_cursor: Option<String>,
}

impl From<Page<ThreadSummary>> for ThreadList {
    fn from(page: Page<ThreadSummary>) -> ThreadList {
        ThreadList {
            threads: page.items.into_iter().map(Into::into).collect(),
            next_cursor: page.next.map(|c| c.encode()),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PostJson {
    pub id: i32,
    pub author: Option<AuthorJson>,
    /// Markdown as written.
    pub body: String,
    /// Sanitised HTML.
    pub html: String,
    pub votes: i32,
    /// Whether the caller voted for it.
    pub voted: bool,
    pub accepted: bool,
    /// The question or opening message.
    pub opening: bool,
    pub created_at: DateTime<Utc>,
    pub edited_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ThreadJson {
    #[serde(flatten)]
    pub summary: ThreadSummaryJson,
    pub accepted_post_id: Option<i32>,
    /// The question and its accepted answer first, then replies oldest first.
    pub posts: Vec<PostJson>,
    /// Pass as `cursor` for the next page of replies; null on the last.
    pub next_cursor: Option<String>,
}

impl ThreadJson {
    pub fn new(thread: ThreadView, page: Page<PostView>) -> ThreadJson {
        let accepted = thread.row.accepted_post_id;
        let posts = page
            .items
            .into_iter()
            .map(|p| PostJson {
                id: p.row.id,
                author: p.author.map(Into::into),
                body: p.row.body,
                html: p.row.body_html,
                votes: p.row.votes,
                voted: p.voted,
                accepted: Some(p.row.id) == accepted,
                opening: p.row.opening,
                created_at: utc(p.row.created_at),
                edited_at: p.row.edited_at.map(utc),
            })
            .collect();
        let summary = ThreadSummary {
            row: thread.row,
            space: thread.space,
            tags: thread.tags,
            author: thread.author,
        };
        ThreadJson {
            summary: summary.into(),
            accepted_post_id: accepted,
            posts,
            next_cursor: page.next.map(|c| c.encode()),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct VoteJson {
    pub post_id: i32,
    pub votes: i32,
    pub voted: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AcceptedJson {
    pub thread_id: i32,
    pub post_id: i32,
}
