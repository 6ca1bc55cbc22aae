//! The forum's full-text index (tantivy): its schema, where it lives on disk,
//! and whether it is readable. Indexing and queries arrive with the forum.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use tantivy::schema::{FAST, INDEXED, STORED, STRING, Schema, TEXT};
use tantivy::{Index, IndexReader, ReloadPolicy, directory::MmapDirectory};

/// The open index and its one reader, shared by every worker.
#[derive(Clone)]
pub struct SearchIndex {
    inner: Arc<Inner>,
}

struct Inner {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
}

/// Threads and posts, one document per post; the fields the forum search needs.
pub fn schema() -> Schema {
    let mut builder = Schema::builder();
    builder.add_u64_field("post_id", INDEXED | STORED | FAST);
    builder.add_u64_field("thread_id", INDEXED | STORED | FAST);
    builder.add_text_field("title", TEXT | STORED);
    builder.add_text_field("body", TEXT | STORED);
    builder.add_text_field("language", STRING | STORED | FAST);
    builder.add_text_field("category", STRING | STORED | FAST);
    builder.add_text_field("tags", STRING | STORED | FAST);
    builder.add_text_field("city", STRING | STORED | FAST);
    builder.add_text_field("author", STRING | STORED);
    builder.add_date_field("created", INDEXED | STORED | FAST);
    builder.add_bool_field("solved", INDEXED | FAST);
    builder.add_i64_field("votes", INDEXED | FAST);
    builder.add_text_field("visibility", STRING | FAST);
    builder.build()
}

impl SearchIndex {
    /// Opens the index in `dir`, creating the directory and an empty index if needed.
    pub fn open_or_create(dir: &Path) -> anyhow::Result<Self> {
        std::fs::create_dir_all(dir).with_context(|| {
            format!("cannot create the search index directory {}", dir.display())
        })?;
        let directory = MmapDirectory::open(dir)
            .with_context(|| format!("cannot open the search index at {}", dir.display()))?;
        let index = Index::open_or_create(directory, schema())
            .with_context(|| format!("the search index at {} is unusable", dir.display()))?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()
            .context("cannot read the search index")?;
        Ok(Self {
            inner: Arc::new(Inner {
                dir: dir.to_owned(),
                index,
                reader,
            }),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.inner.dir
    }

    /// Whether the index's metadata can still be read from disk and searched.
    pub fn check(&self) -> anyhow::Result<u64> {
        self.inner
            .index
            .load_metas()
            .context("cannot read the search index metadata")?;
        Ok(self.inner.reader.searcher().num_docs())
    }
}
