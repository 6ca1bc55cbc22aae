//! Totals and facet counts of every match, counted per segment apart from
//! the ranking and remembered while a segment is unchanged: a commit adds a
//! small segment and leaves the large ones, so a repeated search counts only
//! what is new. A segment's deletions are part of the key.

use std::num::NonZeroUsize;
use std::sync::{Mutex, PoisonError};

use lru::LruCache;
use rayon::prelude::*;
use tantivy::collector::{Collector, Count};
use tantivy::index::SegmentId;
use tantivy::query::{EnableScoring, Query};
use tantivy::{DocId, Searcher};

use super::facets::{Counted, FacetCounts};

/// Segment counts remembered, for all queries together. An entry is a few
/// dozen names and numbers, so this stays within a few megabytes.
const CAPACITY: NonZeroUsize = match NonZeroUsize::new(4096) {
    Some(n) => n,
    None => NonZeroUsize::MIN,
};

/// A query as counted (its canonical text, viewer's spaces included), the
/// segment, and how many of the segment's documents were deleted then.
type Key = (String, SegmentId, DocId);

pub(super) struct CountCache {
    entries: Mutex<LruCache<Key, (usize, Counted)>>,
}

impl Default for CountCache {
    fn default() -> Self {
        CountCache {
            entries: Mutex::new(LruCache::new(CAPACITY)),
        }
    }
}

impl CountCache {
    /// Every match of `query` and its facets, counting the segments whose
    /// counts are not remembered ([`CountCache::remembered`] answers when
    /// none needs counting). `key` must name everything that decides the
    /// matches: the parsed query and the viewer's spaces.
    pub(super) fn count(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        key: &str,
    ) -> tantivy::Result<(usize, Counted)> {
        let collector = (Count, FacetCounts);
        let segments = searcher.segment_readers();
        let ids: Vec<Key> = segments
            .iter()
            .map(|s| (key.to_owned(), s.segment_id(), s.num_deleted_docs()))
            .collect();
        let known: Vec<Option<(usize, Counted)>> = {
            let mut entries = self.lock();
            ids.iter().map(|id| entries.get(id).cloned()).collect()
        };
        // Counting reads every match: the segments not counted yet are
        // counted at once on the cores.
        let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
        let fruits = (0u32..segments.len() as u32)
            .into_par_iter()
            .zip(segments.par_iter().zip(ids).zip(known))
            .map(|(ord, ((segment, id), known))| match known {
                Some(known) => Ok(known),
                None => {
                    let counted = collector.collect_segment(weight.as_ref(), ord, segment)?;
                    self.lock().put(id, counted.clone());
                    Ok(counted)
                }
            })
            .collect::<tantivy::Result<Vec<_>>>()?;
        collector.merge_fruits(fruits)
    }

    /// The totals and facets of the query `key` names, if every segment's
    /// are remembered: then a search of it counts nothing.
    pub(super) fn remembered(&self, searcher: &Searcher, key: &str) -> Option<(usize, Counted)> {
        let known: Option<Vec<(usize, Counted)>> = {
            let mut entries = self.lock();
            let segments = searcher.segment_readers().iter();
            segments
                .map(|s| (key.to_owned(), s.segment_id(), s.num_deleted_docs()))
                .map(|id| entries.get(&id).cloned())
                .collect()
        };
        (Count, FacetCounts).merge_fruits(known?).ok()
    }

    /// Forgets every count, so the next searches count from scratch; for
    /// measuring what a first search costs.
    pub(super) fn clear(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, LruCache<Key, (usize, Counted)>> {
        // A panic mid-update leaves at worst a missing entry.
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
