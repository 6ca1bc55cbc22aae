//! Atom feeds of a public category's and a tag's newest threads, for feed
//! readers. Only public categories' visible threads ever appear in one.
//!
//! Feeds are served without sign-in, unlike the forum's pages: a feed reader
//! cannot sign in, and the public categories are written for every
//! practitioner. A city's private space has no feed and never shows in a tag's,
//! whoever asks, so a feed URL can be shared without leaking anything.

use actix_web::{HttpResponse, route, web};
use atom_syndication::{Content, Entry, Feed, FixedDateTime, Link, Person, Text};
use chrono::{NaiveDateTime, Utc};

use super::service::Forum;
use super::space::Category;
use super::store::{FeedFilter, FeedItem, PostRow, recent_public};
use super::text::{markdown, tags};
use crate::email::Mailer;
use crate::error::PageError;
use crate::i18n::Lang;

/// How many threads a feed carries, newest first.
pub const FEED_SIZE: i64 = 20;
/// At most this many characters of the question as an entry's summary.
const SUMMARY_CHARS: usize = 300;

/// What a feed says about itself; paths start with `/`.
#[derive(Debug, Clone)]
pub struct FeedHead {
    pub title: String,
    /// The feed's own path.
    pub path: String,
    /// The page listing the same threads.
    pub page: String,
}

/// The feed document. `root` is the site's public address without a trailing
/// `/`: feed readers show entries away from the site, so every link is absolute.
pub fn feed(head: &FeedHead, items: Vec<FeedItem>, (root, lang): (&str, Lang)) -> Feed {
    let entries: Vec<Entry> = items
        .into_iter()
        .map(|item| entry(item, root, lang))
        .collect();
    let updated = entries
        .iter()
        .map(|e| e.updated)
        .max()
        .unwrap_or_else(|| Utc::now().fixed_offset());
    let in_lang = format!("?lang={}", lang.code());
    let own = format!("{root}{}{in_lang}", head.path);
    Feed {
        title: Text::plain(head.title.as_str()),
        id: format!("{root}{}", head.path),
        updated,
        links: vec![
            Link {
                title: Some(lang.t("forum-feed-link")),
                ..link(own, "self", "application/atom+xml")
            },
            link(
                format!("{root}{}{in_lang}", head.page),
                "alternate",
                "text/html",
            ),
        ],
        lang: Some(lang.code().to_owned()),
        entries,
        ..Feed::default()
    }
}

fn entry(item: FeedItem, root: &str, lang: Lang) -> Entry {
    let url = format!("{root}/forum/threads/{}", item.thread.id);
    let written_in = Some(item.thread.lang.clone());
    let (summary, content) = item
        .opening
        .map(|post| question(post, root, written_in.clone()))
        .unzip();
    let name = item
        .author
        .map_or_else(|| lang.t("forum-former-member"), |a| a.name);
    Entry {
        title: Text {
            lang: written_in,
            ..Text::plain(item.thread.title)
        },
        id: url.clone(),
        updated: utc(item.thread.last_post_at),
        published: Some(utc(item.thread.created_at)),
        authors: vec![Person {
            name,
            ..Person::default()
        }],
        links: vec![link(url, "alternate", "text/html")],
        summary,
        content,
        ..Entry::default()
    }
}

/// The question as plain-text summary and as HTML content. The HTML was
/// sanitised when stored; its links to people are relative, hence the base.
fn question(post: PostRow, root: &str, written_in: Option<String>) -> (Text, Content) {
    let summary = Text {
        lang: written_in.clone(),
        ..Text::plain(markdown::excerpt(&post.body, SUMMARY_CHARS))
    };
    let content = Content {
        base: Some(format!("{root}/")),
        lang: written_in,
        value: Some(post.body_html),
        src: None,
        content_type: Some("html".to_owned()),
    };
    (summary, content)
}

fn link(href: String, rel: &str, mime_type: &str) -> Link {
    Link {
        href,
        rel: rel.to_owned(),
        mime_type: Some(mime_type.to_owned()),
        ..Link::default()
    }
}

/// Stored times are UTC.
fn utc(at: NaiveDateTime) -> FixedDateTime {
    at.and_utc().fixed_offset()
}

/// A public category's newest threads; see the module's note on sign-in.
#[route("/forum/c/{category}/feed.atom", method = "GET", method = "HEAD")]
pub async fn category_feed(
    forum: Forum,
    lang: Lang,
    mailer: web::Data<Mailer>,
    category: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let category =
        Category::parse(&forum.catalog, &category).ok_or_else(|| PageError::not_found(lang))?;
    let name = category.name(&forum.catalog, lang);
    let head = FeedHead {
        title: lang.t_args("forum-feed-category", &[("category", name.as_str().into())]),
        path: format!("/forum/c/{}/feed.atom", category.slug()),
        page: format!("/forum/c/{}", category.slug()),
    };
    respond(
        &forum,
        (&mailer, lang),
        head,
        FeedFilter::Category(category),
    )
    .await
}

/// The newest public threads with a tag; a well-formed tag nobody used yet
/// has an empty feed, so a reader may subscribe before the first thread.
#[route("/forum/tags/{tag}/feed.atom", method = "GET", method = "HEAD")]
pub async fn tag_feed(
    forum: Forum,
    lang: Lang,
    mailer: web::Data<Mailer>,
    tag: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let tag = tags::normalise(&tag).map_err(|_| PageError::not_found(lang))?;
    let head = FeedHead {
        title: lang.t_args("forum-feed-tag", &[("tag", tag.as_str().into())]),
        path: format!("/forum/tags/{tag}/feed.atom"),
        page: format!("/forum/tags/{tag}"),
    };
    respond(&forum, (&mailer, lang), head, FeedFilter::Tag(tag)).await
}

async fn respond(
    forum: &Forum,
    (mailer, lang): (&Mailer, Lang),
    head: FeedHead,
    filter: FeedFilter,
) -> Result<HttpResponse, PageError> {
    let items = forum
        .run(move |conn, _| Ok(recent_public(conn, &filter, FEED_SIZE)?))
        .await
        .map_err(|e| PageError::internal(lang, e))?;
    // `link("")` is the public address itself, without its trailing `/`.
    let xml = feed(&head, items, (&mailer.link(""), lang))
        .write_to(Vec::new())
        .map_err(|e| PageError::internal(lang, e))?;
    Ok(HttpResponse::Ok()
        .content_type("application/atom+xml; charset=utf-8")
        .body(xml))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feed_names_itself_by_absolute_links_in_the_reader_s_language() {
        let head = FeedHead {
            title: "DM".into(),
            path: "/forum/c/dm/feed.atom".into(),
            page: "/forum/c/dm".into(),
        };
        let feed = feed(&head, Vec::new(), ("https://ph.example", Lang::Es));
        assert_eq!(feed.id, "https://ph.example/forum/c/dm/feed.atom");
        let own = &feed.links[0];
        assert_eq!(
            (own.rel.as_str(), own.title.as_deref()),
            ("self", Some("Canal Atom"))
        );
        assert_eq!(own.href, "https://ph.example/forum/c/dm/feed.atom?lang=es");
        assert_eq!(feed.links[1].href, "https://ph.example/forum/c/dm?lang=es");
        assert_eq!(feed.lang.as_deref(), Some("es"));
    }
}
