//! The forum's full-text index (tantivy), end to end: where it lives on disk,
//! its schema and analyzers, the one writer behind a lock, the query language
//! and searching with permissions, filters, facets and snippets.

mod alternatives;
pub mod analysis;
pub mod api;
mod boosted_term;
mod clauses;
mod compile;
mod cores;
mod counts;
mod directory;
pub mod document;
mod exclusion;
mod facets;
pub mod fields;
mod folding;
pub mod indexer;
mod live;
mod memo;
mod merge;
pub mod page;
pub mod query;
mod ranking;
mod redo;
mod related;
mod searcher;
pub mod service;
mod snippet;
mod spaces;
mod statistics;
pub mod terms;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, Weak};

use anyhow::Context;
use directory::IndexDirectory;
use tantivy::indexer::{LogMergePolicy, NoMergePolicy};
use tantivy::{Index, IndexReader, IndexSettings, IndexWriter, ReloadPolicy, Warmer};

pub use document::{PostDoc, add, delete_post, delete_thread};
pub use fields::schema;
pub use live::{LiveIndex, Rebuilt, fill, rebuild};
pub use query::{Clause, Filters, ParsedQuery, QueryError, Sort, Term, parse};
pub use related::{MAX_RELATED, RelatedRequest, RelatedThread};
pub use searcher::{Facets, Hit, MAX_PER_PAGE, PreparedSearch, Results, SearchRequest, Viewer};

use fields::Fields;

/// The writer's indexing memory unless the caller picks another.
pub const DEFAULT_WRITER_MEMORY: usize = 50_000_000;
/// The stored posts' compression block: a few posts each.
const DOCSTORE_BLOCK_BYTES: usize = 4096;
/// Segments of about one size the live writer lets pile up before merging
/// them (tantivy's default is 8). Every segment costs every search its term
/// lookups and set-up: after the bench's writers and mix had left 13, a
/// search took a third longer than on the rebuilt index; with 3, the same
/// load left 6-7 and searches kept their speed, while 2 merged the two
/// largest segments during the writes and slowed them by a third
/// (BENCHMARKS.md, "Fourteenth run").
const LIVE_MERGE_AT_SEGMENTS: usize = 3;
/// tantivy refuses a writer with less than 15 MB, or more than 4 GB, a thread.
const WRITER_MEMORY_RANGE: (usize, usize) = (15_000_000, 4_000_000_000);

/// The open index and its one reader, shared by every worker.
#[derive(Clone)]
pub struct SearchIndex {
    inner: Arc<Inner>,
}

struct Inner {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    /// Made on first use: only the process that indexes takes tantivy's lock.
    writer: Mutex<Option<IndexWriter>>,
    writer_memory: usize,
    /// Built in bulk: nothing merges until the end.
    bulk: bool,
    counts: counts::CountCache,
    statistics: statistics::StatisticsMemo,
    /// Keeps the per-segment memos in step with the reader's segments; the
    /// reader holds it weakly.
    _warmer: Arc<memo::SegmentWarmer>,
}

impl SearchIndex {
    /// Opens the index in `dir`, creating the directory and an empty index if needed.
    pub fn open_or_create(dir: &Path) -> anyhow::Result<Self> {
        Self::open_or_create_with(dir, DEFAULT_WRITER_MEMORY)
    }

    /// Like [`SearchIndex::open_or_create`], with the writer's memory budget in bytes.
    pub fn open_or_create_with(dir: &Path, writer_memory_bytes: usize) -> anyhow::Result<Self> {
        Self::open_dir(dir, (writer_memory_bytes, false))
    }

    /// Like [`SearchIndex::open_or_create_with`], for a bulk build, which
    /// shares `writer_memory_bytes` among its indexing threads and merges at
    /// most once, at the end ([`SearchIndex::merge_if_split`]), rather than
    /// in the background while it indexes.
    pub fn open_for_bulk(dir: &Path, writer_memory_bytes: usize) -> anyhow::Result<Self> {
        Self::open_dir(dir, (writer_memory_bytes, true))
    }

    fn open_dir(dir: &Path, writer: (usize, bool)) -> anyhow::Result<Self> {
        std::fs::create_dir_all(dir).with_context(|| {
            format!("cannot create the search index directory {}", dir.display())
        })?;
        let index = open_current(IndexDirectory::open(dir)?)
            .with_context(|| format!("the search index at {} is unusable", dir.display()))?;
        Self::from_index(dir.to_owned(), index, writer)
    }

    /// Whether `dir` holds an index (of any schema).
    pub fn exists_in(dir: &Path) -> anyhow::Result<bool> {
        Ok(dir.is_dir() && Index::exists(&IndexDirectory::open(dir)?)?)
    }

    /// Whether `dir` holds an index with posts made under another schema,
    /// which [`SearchIndex::open_or_create`] refuses.
    pub fn holds_an_older_schema(dir: &Path) -> anyhow::Result<bool> {
        if !dir.exists() {
            return Ok(false);
        }
        let directory = IndexDirectory::open(dir)?;
        if !Index::exists(&directory)? {
            return Ok(false);
        }
        let index = Index::open(directory)
            .with_context(|| format!("the search index at {} is unusable", dir.display()))?;
        Ok(posts_under_an_older_schema(&index)? > 0)
    }

    /// An index in memory, for tests and throwaway rebuilds.
    pub fn in_memory() -> anyhow::Result<Self> {
        let index = Index::create_in_ram(schema());
        Self::from_index(PathBuf::new(), index, (WRITER_MEMORY_RANGE.0, false))
    }

    fn from_index(
        dir: PathBuf,
        index: Index,
        (writer_memory, bulk): (usize, bool),
    ) -> anyhow::Result<Self> {
        analysis::register(&index);
        let fields = Fields::new(&index.schema())?;
        let warmer = Arc::new(memo::SegmentWarmer::default());
        let weak: Weak<dyn Warmer> = Arc::downgrade(&warmer) as Weak<memo::SegmentWarmer>;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .warmers(vec![weak])
            .try_into()
            .context("cannot read the search index")?;
        Ok(Self {
            inner: Arc::new(Inner {
                dir,
                index,
                reader,
                fields,
                writer: Mutex::new(None),
                bulk,
                writer_memory: writer_memory.clamp(WRITER_MEMORY_RANGE.0, WRITER_MEMORY_RANGE.1),
                counts: counts::CountCache::default(),
                statistics: statistics::StatisticsMemo::default(),
                _warmer: warmer,
            }),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.inner.dir
    }

    /// The schema's fields, looked up once.
    pub(crate) fn fields(&self) -> &Fields {
        &self.inner.fields
    }

    /// Whether the index's metadata can still be read from disk and searched.
    pub fn check(&self) -> anyhow::Result<u64> {
        self.inner
            .index
            .load_metas()
            .context("cannot read the search index metadata")?;
        Ok(self.inner.reader.searcher().num_docs())
    }

    /// Runs `write` with the index's one writer, made on first use and held
    /// under a lock for the call. Changes are invisible until a commit.
    pub fn with_writer<T>(
        &self,
        write: impl FnOnce(&mut IndexWriter) -> anyhow::Result<T>,
    ) -> anyhow::Result<T> {
        // A panic while writing leaves at worst uncommitted changes, which the
        // indexer replays from the last commit's payload anyway.
        let mut slot = self
            .inner
            .writer
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let writer = match slot.as_mut() {
            Some(writer) => writer,
            None => slot.insert(self.new_writer()?),
        };
        write(writer)
    }

    /// A bulk build indexes on [`bulk_threads`], sharing the memory it was
    /// given, and merges once, at the end ([`SearchIndex::merge_if_split`]),
    /// rather than in the background. The live index keeps one thread, with
    /// its memory, so that searches keep a core.
    fn new_writer(&self) -> anyhow::Result<IndexWriter> {
        let (threads, per_thread) = if self.inner.bulk {
            let threads = bulk_threads();
            (threads, self.inner.writer_memory / threads)
        } else {
            (1, self.inner.writer_memory)
        };
        let per_thread = per_thread.clamp(WRITER_MEMORY_RANGE.0, WRITER_MEMORY_RANGE.1);
        let writer = self
            .inner
            .index
            .writer_with_num_threads(threads, per_thread.saturating_mul(threads))
            .context("cannot open the search index for writing")?;
        if self.inner.bulk {
            writer.set_merge_policy(Box::new(NoMergePolicy));
        } else {
            let mut policy = LogMergePolicy::default();
            policy.set_min_num_segments(LIVE_MERGE_AT_SEGMENTS);
            writer.set_merge_policy(Box::new(policy));
        }
        Ok(writer)
    }

    /// Commits every pending change with `payload` (the last applied outbox id)
    /// and makes it visible to searches at once. Returns the commit's opstamp.
    pub fn commit_with_payload(&self, payload: &str) -> anyhow::Result<u64> {
        let opstamp = self.with_writer(|writer| {
            let mut commit = writer.prepare_commit()?;
            commit.set_payload(payload);
            Ok(commit.commit()?)
        })?;
        self.reload()?;
        Ok(opstamp)
    }

    /// The payload of the last commit; None for a new (or rebuilt) index.
    pub fn committed_payload(&self) -> anyhow::Result<Option<String>> {
        let metas = self
            .inner
            .index
            .load_metas()
            .context("cannot read the search index metadata")?;
        Ok(metas.payload)
    }

    /// A searcher over the last commit made visible.
    pub(crate) fn searcher(&self) -> tantivy::Searcher {
        self.inner.reader.searcher()
    }

    /// Which reload the searchers are from: it changes whenever a commit
    /// becomes visible.
    pub fn searcher_generation(&self) -> u64 {
        self.inner.reader.searcher().generation().generation_id()
    }

    /// Each segment's number of posts and the highest vote and
    /// accepted-answer boost among them, which bounds how much ranking can
    /// skip there.
    pub fn boost_ceilings(&self) -> anyhow::Result<Vec<(u32, f32)>> {
        Ok(ranking::ceilings(&self.inner.reader.searcher())?)
    }

    /// Makes the last commit visible to searches now rather than shortly after.
    pub fn reload(&self) -> anyhow::Result<()> {
        self.inner
            .reader
            .reload()
            .context("cannot reload the search index")
    }
}

/// Opens the index, or creates it. An empty index made with an older schema
/// (before posts were indexed) is recreated; a filled one is an error, since
/// recreating it would silently drop every post until a reindex.
fn open_current(directory: IndexDirectory) -> anyhow::Result<Index> {
    if !Index::exists(&directory)? {
        return Ok(Index::create(directory, schema(), settings())?);
    }
    let index = Index::open(directory.clone())?;
    if index.schema() == schema() {
        return Ok(index);
    }
    let posts = posts_under_an_older_schema(&index)?;
    anyhow::ensure!(
        posts == 0,
        "it holds {posts} posts under an older schema: run `peerhall reindex` or delete it"
    );
    drop(index);
    tracing::warn!("recreating the empty search index made with an older schema");
    Ok(Index::create(directory, schema(), settings())?)
}

/// The posts `index` holds if it was made under another schema; 0 if not.
fn posts_under_an_older_schema(index: &Index) -> anyhow::Result<u64> {
    if index.schema() == schema() {
        return Ok(0);
    }
    Ok(index.reader()?.searcher().num_docs())
}

/// A bulk build's indexing threads: every core, at most four.
fn bulk_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
}

/// Stored posts are read ten at a time, each from its own block, so blocks
/// are small: decompressing tantivy's default 16 KiB block for each hit was
/// a fifth of a search. Each indexing thread compresses its own blocks: on
/// a dedicated thread (tantivy's default), handing over every 4 KiB block
/// woke it 250,000 times in a 1M-post rebuild, and the switches cost more
/// on two cores than the compressing they moved.
fn settings() -> IndexSettings {
    IndexSettings {
        docstore_blocksize: DOCSTORE_BLOCK_BYTES,
        docstore_compress_dedicated_thread: false,
        ..IndexSettings::default()
    }
}

/// Applies the outbox for as long as the service runs: at once while there is
/// a backlog, every [`indexer::IDLE`] once caught up; and follows a rebuilt
/// generation when `peerhall reindex` swaps one in.
pub async fn keep_up(pool: crate::db::DbPool, live: LiveIndex) {
    let index = live.get();
    match actix_web::web::block(move || index.merge_leftovers()).await {
        Ok(Ok(0)) => {}
        Ok(Ok(segments)) => tracing::info!(segments, "search: merging segments left unmerged"),
        Ok(Err(e)) => tracing::warn!(error = format!("{e:#}"), "search: cannot merge leftovers"),
        Err(e) => tracing::warn!(error = %e, "search: cannot merge leftovers"),
    }
    loop {
        let live = live.clone();
        let pass = crate::db::run(&pool, move |conn| {
            live.follow()?;
            let now = crate::accounts::users::now();
            indexer::catch_up(conn, &live.get(), (now, indexer::BATCH))
        })
        .await;
        match pass {
            Ok(0) => tokio::time::sleep(indexer::IDLE).await,
            Ok(_) => tokio::task::yield_now().await,
            Err(e) => {
                tracing::warn!(
                    error = format!("{e:#}"),
                    "search: indexing failed; retrying"
                );
                tokio::time::sleep(std::time::Duration::from_secs(2)).await;
            }
        }
    }
}
