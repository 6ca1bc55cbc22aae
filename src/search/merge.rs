//! Merging the index's segments: once after a bulk build, and at start-up
//! what a process that wrote here before left unmerged. Every search looks
//! each word up in every segment, so few segments keep searches fast.

use std::sync::PoisonError;

use super::{SearchIndex, bulk_threads};

impl SearchIndex {
    /// Merges every committed segment into one and waits for it; call it
    /// after a commit, since uncommitted changes are dropped. Each word of a
    /// query is looked up in every segment's term dictionary, so a fresh
    /// build's several segments cost every search: one segment cut a rare
    /// word from 0.74 to 0.54 ms at 200,000 posts. The commit payload (the
    /// outbox position) is kept.
    pub fn merge_into_one(&self) -> anyhow::Result<usize> {
        let mut slot = self
            .inner
            .writer
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        // A merge the merge policy started may hold some of the segments, and
        // merging a segment twice fails: those merges finish first.
        if let Some(writer) = slot.take() {
            writer.wait_merging_threads()?;
        }
        let segments = self.inner.index.searchable_segment_ids()?;
        if segments.len() > 1 {
            let mut writer = self.new_writer()?;
            writer.merge(&segments).wait()?;
            *slot = Some(writer);
        }
        drop(slot);
        self.reload()?;
        Ok(segments.len())
    }

    /// After a bulk build: merges into one ([`SearchIndex::merge_into_one`])
    /// only if the build flushed more segments than its three commits (each
    /// step of boost apart, see `live::fill`) had indexing threads, which it
    /// does when its memory ran out. Given enough, each thread leaves one
    /// segment per commit. Merging runs on one core: at 1M posts it took 11
    /// of 43 s for many small segments and 9 of 40 s for two large ones,
    /// which searches did not measurably need. Returns the segments it found.
    pub fn merge_if_split(&self) -> anyhow::Result<usize> {
        let segments = self.inner.index.searchable_segment_ids()?.len();
        if segments > super::live::BUILD_COMMITS * bulk_threads() {
            self.merge_into_one()?;
        }
        Ok(segments)
    }

    /// Starts the merges the merge policy would have started had the last
    /// process that wrote here lived on. A service stopped soon after writes
    /// leaves their small segments unmerged, and one that only reads never
    /// merges them, while each costs every search: with 18 such segments
    /// beside a rebuild's two, a 1M-post search's p99 over HTTP was 13.5 ms
    /// against 10–12 ms without (BENCHMARKS.md, "Sixth run"). Returns how
    /// many segments are being merged; the merges go on in the background
    /// and the writer's next commit keeps them.
    pub fn merge_leftovers(&self) -> anyhow::Result<usize> {
        let metas = self.inner.index.searchable_segment_metas()?;
        self.with_writer(|writer| {
            let mut merging = 0;
            for candidate in writer.get_merge_policy().compute_merge_candidates(&metas) {
                merging += candidate.0.len();
                // The merge runs on without its handle.
                drop(writer.merge(&candidate.0));
            }
            Ok(merging)
        })
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::super::tests::{ids, post};
    use super::super::{SearchIndex, add};

    fn segments(index: &SearchIndex) -> usize {
        let ids = index.inner.index.searchable_segment_ids();
        ids.expect("segment ids").len()
    }

    /// Ten one-post segments, as a writer that never merged left them (a
    /// bulk build's writer does not merge), then the index opened again as
    /// a service opens it: the policy's merge leaves one segment, every post
    /// is still found and the outbox position is kept.
    #[test]
    fn small_segments_a_writer_left_are_merged_when_the_index_is_opened_again() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        {
            let bulk = SearchIndex::open_for_bulk(dir.path(), 0).expect("created");
            for n in 0..10 {
                let one = post(n, "dashboard");
                bulk.with_writer(|writer| add(writer, &one)).expect("added");
                bulk.commit_with_payload("7").expect("committed");
            }
        }
        let index = SearchIndex::open_or_create(dir.path()).expect("reopened");
        assert_eq!(segments(&index), 10);
        assert_eq!(index.merge_leftovers().expect("merging"), 10);
        let deadline = Instant::now() + Duration::from_secs(30);
        while segments(&index) > 1 {
            assert!(Instant::now() < deadline, "the segments were never merged");
            std::thread::sleep(Duration::from_millis(20));
        }
        index.reload().expect("reloaded");
        assert_eq!(ids(&index, "dashboard").len(), 10);
        let payload = index.committed_payload().expect("metas");
        assert_eq!(payload.as_deref(), Some("7"));
        assert_eq!(index.merge_leftovers().expect("nothing to merge"), 0);
    }
}
