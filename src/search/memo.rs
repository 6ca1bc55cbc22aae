//! Values worked out once per index segment and remembered by its id: a
//! segment never changes and its id is never reused, so an entry never goes
//! stale. Entries are made ahead of the first search and dropped once no
//! searcher holds their segment, by [`SegmentWarmer`], which each index's
//! reader calls on every new searcher generation.

use std::collections::HashSet;
use std::num::NonZeroUsize;
use std::sync::{Arc, LazyLock, Mutex, MutexGuard, PoisonError};

use lru::LruCache;
use tantivy::index::SegmentId;
use tantivy::{Searcher, SearcherGeneration, SegmentReader, Warmer};

/// Segments remembered per kind of value: many more than an index holds at
/// once, so that a merge's new segments do not push out the live ones.
const SEGMENTS: NonZeroUsize = match NonZeroUsize::new(256) {
    Some(n) => n,
    None => NonZeroUsize::MIN,
};

type Entries<T> = Mutex<LruCache<SegmentId, Arc<T>>>;

pub(super) struct SegmentMemo<T> {
    entries: LazyLock<Entries<T>>,
}

impl<T> SegmentMemo<T> {
    pub(super) const fn new() -> Self {
        SegmentMemo {
            entries: LazyLock::new(|| Mutex::new(LruCache::new(SEGMENTS))),
        }
    }

    /// The segment's value, worked out by `make` the first time. Two
    /// searches that miss at once both work it out; the lock is not held
    /// while they do.
    pub(super) fn get(
        &self,
        segment: &SegmentReader,
        make: impl FnOnce() -> tantivy::Result<T>,
    ) -> tantivy::Result<Arc<T>> {
        let id = segment.segment_id();
        if let Some(known) = self.lock().get(&id) {
            return Ok(Arc::clone(known));
        }
        let made = Arc::new(make()?);
        self.lock().put(id, Arc::clone(&made));
        Ok(made)
    }

    /// Drops the values of `segments`; those that are asked for again are
    /// worked out again.
    pub(super) fn forget<'a>(&self, segments: impl IntoIterator<Item = &'a SegmentId>) {
        let mut entries = self.lock();
        for id in segments {
            entries.pop(id);
        }
    }

    #[cfg(test)]
    pub(super) fn holds(&self, segment: &SegmentId) -> bool {
        self.lock().contains(segment)
    }

    fn lock(&self) -> MutexGuard<'_, LruCache<SegmentId, Arc<T>>> {
        // A panic mid-update leaves at worst a missing entry.
        lock(&self.entries)
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The memos' segments for one index. A merged-away segment's values hold
/// its files open (column handles map them) until they are dropped, which
/// the memos' size alone would leave to 256 newer segments.
#[derive(Default)]
pub(super) struct SegmentWarmer {
    /// The segments this index's searchers held when last told.
    seen: Mutex<HashSet<SegmentId>>,
}

impl SegmentWarmer {
    fn forget_all(segments: &HashSet<SegmentId>) {
        super::spaces::forget(segments);
        super::ranking::forget(segments);
    }
}

impl Warmer for SegmentWarmer {
    /// Works out each new segment's values before a search needs them. A
    /// failure is only logged: a search works them out again, and reports it.
    fn warm(&self, searcher: &Searcher) -> tantivy::Result<()> {
        for segment in searcher.segment_readers() {
            if let Err(e) =
                super::spaces::remember(segment).and_then(|()| super::ranking::remember(segment))
            {
                tracing::warn!(error = %e, "search: cannot warm a segment");
            }
        }
        lock(&self.seen).extend(searcher.segment_readers().iter().map(|s| s.segment_id()));
        Ok(())
    }

    fn garbage_collect(&self, live: &[&SearcherGeneration]) {
        let live: HashSet<SegmentId> = live
            .iter()
            .flat_map(|generation| generation.segments().keys().copied())
            .collect();
        let mut seen = lock(&self.seen);
        let gone: HashSet<SegmentId> = seen.difference(&live).copied().collect();
        Self::forget_all(&gone);
        *seen = live;
    }
}

/// A dropped index (an old generation after a swap) takes its segments' values with it.
impl Drop for SegmentWarmer {
    fn drop(&mut self) {
        Self::forget_all(&lock(&self.seen));
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::super::tests::{index, post};
    use super::*;

    fn remembered(id: &SegmentId) -> bool {
        super::super::spaces::remembers(id) && super::super::ranking::remembers(id)
    }

    fn segments(index: &super::super::SearchIndex) -> Vec<SegmentId> {
        let searcher = index.inner.reader.searcher();
        searcher
            .segment_readers()
            .iter()
            .map(|s| s.segment_id())
            .collect()
    }

    #[test]
    fn segments_are_remembered_from_their_first_searcher_until_merged_away_or_dropped() {
        let index = index(&[post(1, "open data"), post(2, "open budget")]);
        index
            .with_writer(|writer| super::super::add(writer, &post(3, "open permits")))
            .expect("added");
        index.commit_with_payload("2").expect("committed");
        let before = segments(&index);
        assert_eq!(before.len(), 2);
        assert!(before.iter().all(remembered), "warmed before any search");

        index.merge_into_one().expect("merged");
        let after = segments(&index);
        assert_eq!(after.len(), 1);
        assert!(remembered(&after[0]));
        // tantivy collects old generations on a background thread once a second.
        let deadline = Instant::now() + Duration::from_secs(10);
        while before.iter().any(remembered) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
        assert!(
            !before.iter().any(remembered),
            "merged-away segments forgotten"
        );

        drop(index);
        assert!(
            !remembered(&after[0]),
            "a dropped index's segments forgotten"
        );
    }
}
