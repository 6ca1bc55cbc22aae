//! Totals and facet counts of every match, counted per segment apart from
//! the ranking and remembered while a segment is unchanged: a commit adds a
//! small segment and leaves the large ones, so a repeated search counts only
//! what is new. A segment's deletions are part of the key. The merged
//! totals are remembered too, while the searcher generation is the same.

use std::num::NonZeroUsize;
use std::sync::{Mutex, MutexGuard, PoisonError};

use lru::LruCache;
use rayon::prelude::*;
use tantivy::collector::{Collector, Count};
use tantivy::index::SegmentId;
use tantivy::query::{EnableScoring, Query};
use tantivy::{DocId, Searcher};

use super::facets::{Counted, FacetCounts, ranked};
use super::searcher::Facets;

/// Segment counts remembered, for all queries together. An entry is a few
/// dozen names and numbers, so this stays within a few megabytes.
const CAPACITY: NonZeroUsize = match NonZeroUsize::new(4096) {
    Some(n) => n,
    None => NonZeroUsize::MIN,
};

/// Whole searches' totals remembered: each holds about fifty names, so
/// this stays within a few megabytes.
const TOTALS: NonZeroUsize = match NonZeroUsize::new(1024) {
    Some(n) => n,
    None => NonZeroUsize::MIN,
};

/// A query as counted (its canonical text, viewer's spaces included), the
/// segment, and how many of the segment's documents were deleted then.
type Key = (String, SegmentId, DocId);

/// A query as counted and the searcher generation it was counted in: a
/// generation's segments and deletions never change.
type TotalsKey = (String, u64);

/// Every match's number, and the facets ranked.
pub(super) type Totals = (usize, Facets);

pub(super) struct CountCache {
    entries: Mutex<LruCache<Key, (usize, Counted)>>,
    /// Merging the segments' counts and ranking the facets took about 20
    /// µs of every search whose counts were remembered, before any ranking.
    totals: Mutex<LruCache<TotalsKey, Totals>>,
}

impl Default for CountCache {
    fn default() -> Self {
        CountCache {
            entries: Mutex::new(LruCache::new(CAPACITY)),
            totals: Mutex::new(LruCache::new(TOTALS)),
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
    ) -> tantivy::Result<Totals> {
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
        Ok(self.merged(searcher, key, collector.merge_fruits(fruits)?))
    }

    /// The totals and facets of the query `key` names, if every segment's
    /// are remembered: then a search of it counts nothing.
    pub(super) fn remembered(&self, searcher: &Searcher, key: &str) -> Option<Totals> {
        let generation = searcher.generation().generation_id();
        let totals_key = (key.to_owned(), generation);
        if let Some(totals) = lock(&self.totals).get(&totals_key) {
            return Some(totals.clone());
        }
        let known: Option<Vec<(usize, Counted)>> = {
            let mut entries = self.lock();
            let segments = searcher.segment_readers().iter();
            segments
                .map(|s| (key.to_owned(), s.segment_id(), s.num_deleted_docs()))
                .map(|id| entries.get(&id).cloned())
                .collect()
        };
        let counted = (Count, FacetCounts).merge_fruits(known?).ok()?;
        Some(self.merged(searcher, key, counted))
    }

    /// The merged counts as a search answers them, remembered for the
    /// searcher's generation.
    fn merged(&self, searcher: &Searcher, key: &str, (total, counted): (usize, Counted)) -> Totals {
        let facets = Facets {
            area: ranked(counted.area),
            criterion: ranked(counted.criterion),
        };
        let generation = searcher.generation().generation_id();
        let totals = (total, facets);
        lock(&self.totals).put((key.to_owned(), generation), totals.clone());
        totals
    }

    /// Forgets every count, so the next searches count from scratch; for
    /// measuring what a first search costs.
    pub(super) fn clear(&self) {
        self.lock().clear();
        lock(&self.totals).clear();
    }

    fn lock(&self) -> MutexGuard<'_, LruCache<Key, (usize, Counted)>> {
        lock(&self.entries)
    }
}

fn lock<T>(entries: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic mid-update leaves at worst a missing entry.
    entries.lock().unwrap_or_else(PoisonError::into_inner)
}
