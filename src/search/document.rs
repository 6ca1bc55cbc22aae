//! What the index holds about one visible forum post, and the writes that put
//! it in and take it out.

use chrono::NaiveDateTime;
use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DateTime, IndexWriter, Searcher, TantivyDocument, Term};

use super::fields::Fields;
use super::terms::tagged;

/// One visible post as the indexer hands it over; hidden and deleted posts are
/// not documents at all, they are deleted.
#[derive(Debug, Clone, PartialEq)]
pub struct PostDoc {
    pub post_id: i64,
    pub thread_id: i64,
    /// The thread's first post, the question.
    pub is_opening: bool,
    /// The thread's title: searchable on the opening post only, kept on every post for display.
    pub title: String,
    /// Plain text, Markdown already stripped.
    pub body: String,
    /// "en", "es", "pt" or "fr".
    pub lang: String,
    /// The category's slug ("dm" … "eval", "general", "announcements") or "city".
    pub area: String,
    /// The thread's tags that are criterion codes, such as "DM8".
    pub criteria: Vec<String>,
    /// All the thread's tags.
    pub tags: Vec<String>,
    /// "public" or "city:<slug>": who may read the post.
    pub space: String,
    /// The author's city slug, "" for program staff.
    pub city: String,
    /// The author's handle.
    pub author: String,
    /// UTC.
    pub created: NaiveDateTime,
    /// The thread has an accepted answer.
    pub solved: bool,
    /// The thread has at least one visible reply.
    pub answered: bool,
    /// This post is the accepted answer.
    pub accepted: bool,
    pub votes: i64,
}

/// Adds `post`, replacing any earlier version of it. Visible after the next commit.
pub fn add(writer: &IndexWriter, post: &PostDoc) -> anyhow::Result<()> {
    let fields = Fields::new(&writer.index().schema())?;
    delete_post(writer, post.post_id)?;
    writer.add_document(to_document(&fields, post))?;
    Ok(())
}

/// Removes the post `post_id`, if it is indexed.
pub fn delete_post(writer: &IndexWriter, post_id: i64) -> anyhow::Result<()> {
    let fields = Fields::new(&writer.index().schema())?;
    writer.delete_term(Term::from_field_i64(fields.post_id, post_id));
    Ok(())
}

/// Removes every post of the thread `thread_id`.
pub fn delete_thread(writer: &IndexWriter, thread_id: i64) -> anyhow::Result<()> {
    let fields = Fields::new(&writer.index().schema())?;
    writer.delete_term(Term::from_field_i64(fields.thread_id, thread_id));
    Ok(())
}

/// The `answered` flag every committed document of the thread carries; None
/// when it has no documents, or documents that disagree.
pub(super) fn thread_answered(
    searcher: &Searcher,
    f: &Fields,
    thread_id: i64,
) -> tantivy::Result<Option<bool>> {
    let count = |answered: bool| {
        let both: [Box<dyn Query>; 2] = [
            Box::new(TermQuery::new(
                Term::from_field_i64(f.thread_id, thread_id),
                IndexRecordOption::Basic,
            )),
            Box::new(TermQuery::new(
                Term::from_field_bool(f.answered, answered),
                IndexRecordOption::Basic,
            )),
        ];
        searcher.search(&BooleanQuery::intersection(both.into()), &Count)
    };
    Ok(match (count(true)?, count(false)?) {
        (0, 0) => None,
        (_, 0) => Some(true),
        (0, _) => Some(false),
        _ => None,
    })
}

/// Keyword values are normalised here exactly as the query parser normalises
/// filter values, so `tag:GIS` and a thread tagged "gis" meet.
pub(crate) fn to_document(f: &Fields, post: &PostDoc) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_i64(f.post_id, post.post_id);
    doc.add_i64(f.thread_id, post.thread_id);
    doc.add_bool(f.is_opening, post.is_opening);
    doc.add_text(f.title, &post.title);
    doc.add_text(f.body, &post.body);
    let lang = post.lang.to_ascii_lowercase();
    if post.is_opening {
        doc.add_text(f.title_text, tagged(&lang, &post.title));
    }
    doc.add_text(f.body_text, tagged(&lang, &post.body));
    doc.add_text(f.lang, &lang);
    doc.add_text(f.area, post.area.to_ascii_lowercase());
    for criterion in &post.criteria {
        doc.add_text(f.criteria, criterion.to_uppercase());
    }
    for tag in &post.tags {
        doc.add_text(f.tags, tag.to_lowercase());
    }
    doc.add_text(f.space, &post.space);
    doc.add_text(f.city, post.city.to_lowercase());
    doc.add_text(f.author, post.author.to_lowercase());
    doc.add_date(f.created, to_date(post.created));
    doc.add_bool(f.solved, post.solved);
    doc.add_bool(f.answered, post.answered);
    doc.add_bool(f.accepted, post.accepted);
    doc.add_i64(f.votes, post.votes);
    doc
}

pub fn to_date(time: NaiveDateTime) -> DateTime {
    DateTime::from_timestamp_secs(time.and_utc().timestamp())
}
