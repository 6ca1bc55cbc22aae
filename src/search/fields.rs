//! The index's schema: which fields a post becomes, how each is analysed,
//! and the handles the rest of `search` uses to reach them.

use anyhow::Context;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use super::analysis::{EXACT, LANGS, stemmed_analyzer_name};

/// One post a document. Titles and bodies are indexed twice: unstemmed in
/// `*_exact` (every post) and stemmed in the field of the post's language
/// (`*_en` … `*_fr`); `title` and `body` only keep the text for display.
pub fn schema() -> Schema {
    let mut builder = Schema::builder();
    builder.add_i64_field("post_id", INDEXED | STORED | FAST);
    builder.add_i64_field("thread_id", INDEXED | STORED | FAST);
    builder.add_bool_field("is_opening", INDEXED | STORED | FAST);
    builder.add_text_field("title", STORED);
    builder.add_text_field("body", STORED);
    for part in ["title", "body"] {
        builder.add_text_field(&format!("{part}_exact"), analysed(EXACT));
        for lang in LANGS {
            builder.add_text_field(
                &format!("{part}_{lang}"),
                analysed(&stemmed_analyzer_name(lang)),
            );
        }
    }
    for keyword in [
        "lang", "area", "criteria", "tags", "space", "city", "author",
    ] {
        builder.add_text_field(keyword, STRING | STORED | FAST);
    }
    builder.add_date_field("created", INDEXED | STORED | FAST);
    for flag in ["solved", "answered", "accepted"] {
        builder.add_bool_field(flag, INDEXED | STORED | FAST);
    }
    builder.add_i64_field("votes", INDEXED | STORED | FAST);
    builder.build()
}

fn analysed(analyzer: &str) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    )
}

/// A text field in its unstemmed and its four stemmed forms.
#[derive(Debug, Clone, Copy)]
pub struct Analysed {
    pub exact: Field,
    /// In the order of [`LANGS`].
    pub stemmed: [Field; 4],
}

impl Analysed {
    /// The stemmed field of `lang`, if it is one of the forum's languages.
    pub fn stemmed_for(&self, lang: &str) -> Option<Field> {
        let i = LANGS.iter().position(|l| *l == lang)?;
        self.stemmed.get(i).copied()
    }
}

/// Every field of [`schema`], looked up once.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub post_id: Field,
    pub thread_id: Field,
    pub is_opening: Field,
    pub title: Field,
    pub body: Field,
    pub title_text: Analysed,
    pub body_text: Analysed,
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
        let analysed = |part: &str| -> anyhow::Result<Analysed> {
            let [en, es, pt, fr] = LANGS.map(|lang| f(&format!("{part}_{lang}")));
            Ok(Analysed {
                exact: f(&format!("{part}_exact"))?,
                stemmed: [en?, es?, pt?, fr?],
            })
        };
        Ok(Fields {
            post_id: f("post_id")?,
            thread_id: f("thread_id")?,
            is_opening: f("is_opening")?,
            title: f("title")?,
            body: f("body")?,
            title_text: analysed("title")?,
            body_text: analysed("body")?,
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
