//! The index the service answers from, and how a rebuilt one replaces it:
//! the search directory holds generations (`gen-<millis>/`) and a `CURRENT`
//! file naming the live one. `peerhall reindex` builds a new generation from
//! the database (in this process or another) and renames a new `CURRENT` into
//! place; the running service notices, swaps, and drops the old generation
//! while searches keep being answered.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use anyhow::Context;

use super::ranking::BoostStep;
use super::{PostDoc, SearchIndex};
use crate::config::SearchSettings;
use crate::db::DbConnection;
use crate::forum::store::bulk_export::BulkExport;
use crate::forum::store::outbox;

const CURRENT: &str = "CURRENT";

/// The live index and the directory of its generations; cheap to clone.
#[derive(Clone)]
pub struct LiveIndex {
    root: PathBuf,
    writer_memory: usize,
    current: Arc<RwLock<(String, SearchIndex)>>,
    /// The last generation [`LiveIndex::follow`] refused to move to.
    refused: Arc<Mutex<Option<String>>>,
}

impl LiveIndex {
    /// Opens the generation `CURRENT` names, or starts the first one.
    pub fn open(root: &Path, writer_memory: usize) -> anyhow::Result<LiveIndex> {
        std::fs::create_dir_all(root)
            .with_context(|| format!("cannot create the search directory {}", root.display()))?;
        let name = match read_current(root)? {
            Some(name) => name,
            None => {
                let name = new_generation_name();
                write_current(root, &name)?;
                name
            }
        };
        let index = SearchIndex::open_or_create_with(&root.join(&name), writer_memory)?;
        remove_abandoned(root, &name, None);
        Ok(LiveIndex {
            root: root.to_owned(),
            writer_memory,
            current: Arc::new(RwLock::new((name, index))),
            refused: Arc::default(),
        })
    }

    /// Like [`LiveIndex::open`], but the live generation is first rebuilt
    /// from the database when it holds posts indexed under an older schema
    /// (a new release may index posts differently, and searching an old
    /// index with it would find nothing) or when it is missing (opening it
    /// would start an empty index, which the outbox fills only with what
    /// was written through the service, not what was imported or seeded).
    /// The service starts once the rebuild is done.
    pub fn open_or_rebuild(
        conn: &mut DbConnection,
        settings: &SearchSettings,
    ) -> anyhow::Result<LiveIndex> {
        let root = &settings.dir;
        if let Some(name) = read_current(root)?
            && let Some(problem) = unusable(&root.join(&name))?
        {
            tracing::warn!(generation = %name, "search: {problem}; rebuilding it from the database");
            let rebuilt = rebuild(conn, root, settings.rebuild_memory_bytes())?;
            tracing::info!(posts = rebuilt.posts, "search: rebuilt");
            remove_generation(root, &name);
        }
        LiveIndex::open(root, settings.writer_memory_bytes())
    }

    /// The index to search or write now.
    pub fn get(&self) -> SearchIndex {
        let guard = self.current.read().unwrap_or_else(PoisonError::into_inner);
        guard.1.clone()
    }

    /// The live generation's name and the commit its searchers see: what
    /// anything made from search results is made from.
    pub fn version(&self) -> (String, u64) {
        let guard = self.current.read().unwrap_or_else(PoisonError::into_inner);
        (guard.0.clone(), guard.1.searcher_generation())
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Swaps to the generation `CURRENT` names if it changed; true if it did.
    /// The old generation's files are removed (open readers keep their maps).
    pub fn follow(&self) -> anyhow::Result<bool> {
        let Some(name) = read_current(&self.root)? else {
            return Ok(false);
        };
        if self
            .current
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .0
            == name
        {
            return Ok(false);
        }
        let dir = self.root.join(&name);
        if !SearchIndex::exists_in(&dir)? {
            self.refuse(&name);
            return Ok(false);
        }
        let index = SearchIndex::open_or_create_with(&dir, self.writer_memory)?;
        let old = {
            let mut guard = self.current.write().unwrap_or_else(PoisonError::into_inner);
            std::mem::replace(&mut *guard, (name, index))
        };
        let old_name = old.0.clone();
        drop(old);
        remove_generation(&self.root, &old_name);
        Ok(true)
    }
}

impl LiveIndex {
    /// Keeps answering from the live generation when `CURRENT` names one that
    /// holds no index, which only a hand edit or a lost directory makes:
    /// following it would answer from an empty index. Said once per name.
    fn refuse(&self, name: &str) {
        let mut refused = self.refused.lock().unwrap_or_else(PoisonError::into_inner);
        if refused.as_deref() != Some(name) {
            tracing::error!(
                generation = %name,
                "search: CURRENT names a generation that holds no index; still answering from the live one (run `peerhall reindex`)"
            );
            *refused = Some(name.to_owned());
        }
    }
}

/// Why the generation in `dir` cannot be opened as it is, if it cannot.
fn unusable(dir: &Path) -> anyhow::Result<Option<&'static str>> {
    if !SearchIndex::exists_in(dir)? {
        return Ok(Some("the live index is missing"));
    }
    if SearchIndex::holds_an_older_schema(dir)? {
        return Ok(Some("the index was made with an older schema"));
    }
    Ok(None)
}

/// Removes a generation no one reads any more; open readers keep their maps.
/// Another process that follows the same directory (`peerhall bench` beside
/// the server it starts) may have removed it first, which is no failure.
fn remove_generation(root: &Path, name: &str) {
    let dir = root.join(name);
    match std::fs::remove_dir_all(&dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            tracing::warn!(dir = %dir.display(), error = %e, "search: cannot remove an old generation");
        }
        _ => {}
    }
}

/// What a rebuild did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rebuilt {
    pub threads: usize,
    pub posts: usize,
}

/// Builds a new generation from the database and makes it current. The
/// outbox position is read first, so writes during the build are replayed
/// by the indexer afterwards.
pub fn rebuild(
    conn: &mut DbConnection,
    root: &Path,
    rebuild_memory: usize,
) -> anyhow::Result<Rebuilt> {
    std::fs::create_dir_all(root)
        .with_context(|| format!("cannot create the search directory {}", root.display()))?;
    let name = new_generation_name();
    // Tantivy's term tables on huge pages (`memory.rs`).
    let huge_pages = crate::memory::HugePages::hold();
    let (index, built) = match build(conn, &root.join(&name), rebuild_memory) {
        Ok(done) => done,
        Err(e) => {
            // A full disk, say: the half-built generation would only keep it full.
            remove_generation(root, &name);
            return Err(e.context("the search index was not rebuilt; the live one is unchanged"));
        }
    };
    // Before the swap: the service moves to a generation of few segments. A
    // merge that fails leaves every committed segment as it was: the index is
    // complete, only slower to search, so the rebuild goes on.
    if let Err(e) = index.merge_if_split() {
        tracing::warn!(
            error = format!("{e:#}"),
            "search: the rebuilt index stays in several segments"
        );
    }
    drop((index, huge_pages));
    let previous = read_current(root)?;
    write_current(root, &name)?;
    // A running service still reads the previous generation until it follows
    // (and then removes it itself).
    remove_abandoned(root, &name, previous.as_deref());
    Ok(built)
}

/// A new generation in `dir` holding every visible post, committed.
fn build(
    conn: &mut DbConnection,
    dir: &Path,
    memory: usize,
) -> anyhow::Result<(SearchIndex, Rebuilt)> {
    let index = SearchIndex::open_for_bulk(dir, memory)?;
    let start = outbox::newest(conn)?;
    let (built, boosted) = fill(conn, &index)?;
    index.commit_with_payload(&start.to_string())?;
    // Boosted posts go into segments of their own, a step at a time (see `fill`).
    for step in boosted {
        index.with_writer(|writer| super::indexer::add_docs(&index, writer, &step))?;
        index.commit_with_payload(&start.to_string())?;
    }
    Ok((index, built))
}

/// Commits a rebuild makes: the posts without boost, then each step of boost
/// apart (see [`fill`]); each leaves one segment per indexing thread.
pub(super) const BUILD_COMMITS: usize = 3;

/// Every visible thread into `index` (uncommitted), a batch of threads at a
/// time, except the posts ranking boosts ([`BoostStep`]), which are
/// returned to be added after a commit, lower step first. Ranking prunes a
/// segment against the highest boost it holds: with the steps apart, the
/// segments that hold seven posts in ten have a ceiling of 1.0, and two in
/// ten 1.28, instead of 2.7 for all.
pub fn fill(
    conn: &mut DbConnection,
    index: &SearchIndex,
) -> anyhow::Result<(Rebuilt, [Vec<PostDoc>; BUILD_COMMITS - 1])> {
    const THREADS_PER_BATCH: i64 = 500;
    let mut done = Rebuilt {
        threads: 0,
        posts: 0,
    };
    let mut boosted = [Vec::new(), Vec::new()];
    let mut export = BulkExport::start(conn, THREADS_PER_BATCH)?;
    while let Some(threads) = export.next_batch(conn)? {
        let mut plain = Vec::new();
        for doc in threads.iter().flat_map(super::indexer::docs_of) {
            done.posts += 1;
            match BoostStep::of(doc.votes, doc.accepted) {
                BoostStep::None => plain.push(doc),
                BoostStep::Low => boosted[0].push(doc),
                BoostStep::High => boosted[1].push(doc),
            }
        }
        index.with_writer(|writer| super::indexer::add_docs(index, writer, &plain))?;
        done.threads += threads.len();
    }
    Ok((done, boosted))
}

fn new_generation_name() -> String {
    format!("gen-{}", chrono::Utc::now().timestamp_millis())
}

/// The time a generation's name was made at, in milliseconds.
fn made_at(name: &str) -> Option<i64> {
    name.strip_prefix("gen-")?.parse().ok()
}

/// Removes generations made before `current` other than `still_read`: what a
/// rebuild killed before its swap left behind (each can be as large as the
/// index). Newer ones are left alone: another process may be building one.
fn remove_abandoned(root: &Path, current: &str, still_read: Option<&str>) {
    let Some(current_at) = made_at(current) else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let older = made_at(&name).is_some_and(|at| at < current_at);
        if older && Some(name.as_str()) != still_read && entry.path().is_dir() {
            tracing::info!(generation = %name, "search: removing an abandoned generation");
            remove_generation(root, &name);
        }
    }
}

fn read_current(root: &Path) -> anyhow::Result<Option<String>> {
    match std::fs::read_to_string(root.join(CURRENT)) {
        Ok(text) => {
            let name = text.trim();
            let valid = name.starts_with("gen-") && !name.contains(['/', '\\', '.']);
            anyhow::ensure!(
                valid,
                "{} names no generation: {name:?}",
                root.join(CURRENT).display()
            );
            Ok(Some(name.to_owned()))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("cannot read {}", root.join(CURRENT).display())),
    }
}

/// Replaces `CURRENT` atomically: a reader sees the old name or the new one.
fn write_current(root: &Path, name: &str) -> anyhow::Result<()> {
    let temporary = root.join(format!("{CURRENT}.{name}.tmp"));
    std::fs::write(&temporary, name)
        .with_context(|| format!("cannot write {}", temporary.display()))?;
    std::fs::rename(&temporary, root.join(CURRENT))
        .with_context(|| format!("cannot replace {}", root.join(CURRENT).display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_naming_a_generation_without_an_index_is_not_followed() {
        let root = tempfile::tempdir().expect("a directory");
        let live = LiveIndex::open(root.path(), 15_000_000).expect("opened");
        let (name, _) = live.version();
        write_current(root.path(), "gen-1").expect("written");
        assert!(!live.follow().expect("followed"));
        assert_eq!(live.version().0, name, "still the live generation");
        assert!(root.path().join(&name).exists(), "and it is kept");
        assert!(
            !root.path().join("gen-1").exists(),
            "nothing made under the missing name"
        );
    }
}
