//! The index's schema: which fields a post becomes, how each is analysed,
//! and the handles the rest of `search` uses to reach them.

use anyhow::Context;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use super::terms::POST_ANALYZER;

/// One post a document. Titles and bodies are searched in `title_text` and
/// `body_text`, which hold each word as written and its stem in the post's
/// language (see [`super::terms`]); `title` and `body` only keep the text for
/// display. Each field is indexed, stored or columnar only where something
/// reads it so: every option costs every post at indexing time.
pub fn schema() -> Schema {
    let mut builder = Schema::builder();
    // Deletions find a post or a thread by these terms; related threads
    // are ordered by thread.
    builder.add_i64_field("post_id", INDEXED | STORED);
    builder.add_i64_field("thread_id", INDEXED | STORED | FAST);
    builder.add_bool_field("is_opening", INDEXED | STORED);
    builder.add_text_field("title", STORED);
    builder.add_text_field("body", STORED);
    builder.add_text_field("title_text", analysed(POST_ANALYZER));
    builder.add_text_field("body_text", analysed(POST_ANALYZER));
    // Filters; the hit shows the language, area and criteria.
    builder.add_text_field("lang", STRING | STORED);
    for faceted in ["area", "criteria"] {
        builder.add_text_field(faceted, STRING | STORED | FAST);
    }
    for filter in ["tags", "city", "author"] {
        builder.add_text_field(filter, STRING);
    }
    // Read per candidate by the permission check (`spaces.rs`).
    builder.add_text_field("space", FAST);
    // `after:` and `before:` read the column: a term per second made a
    // million terms of one post each, a few percent of a rebuild.
    builder.add_date_field("created", STORED | FAST);
    builder.add_bool_field("solved", INDEXED | STORED | FAST);
    builder.add_bool_field("answered", INDEXED);
    // Ranking's boosts.
    builder.add_bool_field("accepted", FAST);
    builder.add_i64_field("votes", FAST);
    builder.build()
}

fn analysed(analyzer: &str) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    )
}

/// Every field of [`schema`], looked up once.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub post_id: Field,
    pub thread_id: Field,
    pub is_opening: Field,
    pub title: Field,
    pub body: Field,
    pub title_text: Field,
    pub body_text: Field,
    pub lang: Field,
    pub area: Field,
    pub criteria: Field,
    pub tags: Field,
    pub space: Field,
    pub city: Field,
    pub author: Field,
    pub created: Field,
    pub solved: Field,
    pub answered: Field,
    pub accepted: Field,
    pub votes: Field,
}

impl Fields {
    pub fn new(schema: &Schema) -> anyhow::Result<Fields> {
        let f = |name: &str| {
            schema
                .get_field(name)
                .with_context(|| format!("the search schema has no field {name}"))
        };
        Ok(Fields {
            post_id: f("post_id")?,
            thread_id: f("thread_id")?,
            is_opening: f("is_opening")?,
            title: f("title")?,
            body: f("body")?,
            title_text: f("title_text")?,
            body_text: f("body_text")?,
            lang: f("lang")?,
            area: f("area")?,
            criteria: f("criteria")?,
            tags: f("tags")?,
            space: f("space")?,
            city: f("city")?,
            author: f("author")?,
            created: f("created")?,
            solved: f("solved")?,
            answered: f("answered")?,
            accepted: f("accepted")?,
            votes: f("votes")?,
        })
    }
}
