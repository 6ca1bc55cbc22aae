//! Values worked out once per index segment and remembered by its id: a
//! segment never changes and its id is never reused, so an entry never goes
//! stale; it only stops being asked for once the segment is merged away.

use std::num::NonZeroUsize;
use std::sync::{Arc, LazyLock, Mutex, MutexGuard, PoisonError};

use lru::LruCache;
use tantivy::SegmentReader;
use tantivy::index::SegmentId;

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

    fn lock(&self) -> MutexGuard<'_, LruCache<SegmentId, Arc<T>>> {
        // A panic mid-update leaves at worst a missing entry.
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
