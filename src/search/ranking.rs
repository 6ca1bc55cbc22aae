//! The best-scored page of matches without scoring every match: tantivy's
//! block-max pruning walks the text, and only the candidates it yields are
//! checked against the viewer's spaces and boosted by votes and accepted
//! answers. The segments are ranked in two groups at once, one per core.

use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering as AtomicOrdering};

use tantivy::columnar::Column;
use tantivy::index::SegmentId;
use tantivy::query::{Scorer, Weight};
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentReader};

use super::memo::SegmentMemo;
use super::spaces::Readable;

/// Weight of votes: a post with 10 votes scores about 1.5 times one with none.
const VOTE_WEIGHT: f32 = 0.2;
/// An accepted answer scores this much more than an otherwise equal post.
const ACCEPTED_BOOST: f32 = 1.5;
/// Posts in the index from which ranking splits its segments between two
/// cores. Handing half to another thread costs tens of microseconds; a
/// small index (the tests', a new deployment's) ranks in less.
#[cfg(not(test))]
const PARALLEL_FROM_POSTS: u64 = 50_000;
/// The tests' small indexes are ranked in two groups too, so that the
/// property tests hold the merged page to the one ranked in a single pass.
#[cfg(test)]
const PARALLEL_FROM_POSTS: u64 = 1;
/// Pruning bounds are lowered by this share so that rounding in the division
/// by a segment's boost ceiling never drops a post that belongs on the page.
const ROUNDING_MARGIN: f32 = 1e-4;

/// The `wanted` best matches of `weight` among posts in `spaces` (all, if
/// None), best first; equal scores in index order. With `check`, a
/// candidate that would reach the page must also match it: `weight` then
/// matches more than the search does (a phrase's words), and the check is
/// made for the few candidates good enough, not for every match.
///
/// The two groups of segments ([`halves`]) are ranked at once, each with
/// its own page, merged at the end. With the hits read in two halves too,
/// the median search in process at 1M posts went from 0.68 to 0.49–0.61 ms
/// (BENCHMARKS.md, "Fifteenth run"). Each group prunes with the higher of
/// its own page's bar and the other's ([`SharedBar`]), and ranks its most
/// boosted segments first: where each group pruned only with what it had
/// seen, in segment order, the median search over HTTP was about 8%
/// slower ("Seventeenth run").
pub(super) fn best(
    searcher: &Searcher,
    ranked: (&dyn Weight, Option<&dyn Weight>),
    spaces: Option<&[String]>,
    wanted: usize,
) -> tantivy::Result<Vec<(Score, DocAddress)>> {
    if wanted == 0 {
        return Ok(Vec::new());
    }
    let bar = SharedBar::default();
    let rank = |part: &[(u32, &SegmentReader)]| best_in(part, ranked, (spaces, &bar), wanted);
    let (one, other) = halves(searcher.segment_readers());
    if other.is_empty() {
        return Ok(rank(&one)?.into_sorted());
    }
    let (top, more) = super::cores::both(|| rank(&one), || rank(&other));
    let more = more.ok_or_else(|| {
        tantivy::TantivyError::InternalError("a half of the ranking never ran".into())
    })?;
    let mut top = top?;
    for Reverse(entry) in more?.heap {
        top.push(entry);
    }
    Ok(top.into_sorted())
}

/// A segment with its ordinal in the searcher.
type Numbered<'a> = (u32, &'a SegmentReader);

/// The segments in two groups of about as many posts, to be ranked at
/// once on two cores; the second is empty when the index is too small for
/// that to pay. Each group keeps the searcher's order, so that of two
/// equal scores the earlier post still comes first.
fn halves(segments: &[SegmentReader]) -> (Vec<Numbered<'_>>, Vec<Numbered<'_>>) {
    let mut numbered: Vec<Numbered<'_>> = (0u32..).zip(segments).collect();
    let total: u64 = segments.iter().map(|s| u64::from(s.max_doc())).sum();
    if total < PARALLEL_FROM_POSTS {
        return (numbered, Vec::new());
    }
    numbered.sort_by_key(|(_, segment)| Reverse(segment.max_doc()));
    let (mut one, mut other) = (Vec::new(), Vec::new());
    let (mut in_one, mut in_other) = (0u64, 0u64);
    for (ord, segment) in numbered {
        let (group, size) = if in_one <= in_other {
            (&mut one, &mut in_one)
        } else {
            (&mut other, &mut in_other)
        };
        *size += u64::from(segment.max_doc());
        group.push((ord, segment));
    }
    one.sort_by_key(|(ord, _)| *ord);
    other.sort_by_key(|(ord, _)| *ord);
    (one, other)
}

/// The best `wanted` of `segments`, each segment's pruning starting from
/// the page the earlier ones filled, or the other group's if it is higher.
/// The segments boosted most go first: their posts, scored higher, raise
/// the bar that the many unboosted posts must clear.
fn best_in(
    segments: &[Numbered<'_>],
    (weight, check): (&dyn Weight, Option<&dyn Weight>),
    (spaces, bar): (Option<&[String]>, &SharedBar),
    wanted: usize,
) -> tantivy::Result<TopN> {
    let mut top = TopN::new(wanted);
    for (ord, segment, boosts) in boosted_first(segments)? {
        let readable = spaces
            .map(|s| Readable::in_segment(segment, s))
            .transpose()?;
        let alive = segment.alive_bitset();
        // The text score a post needs to reach the page even at the best boost.
        let floor = |top: &TopN| {
            top.threshold()
                .into_iter()
                .chain(bar.get())
                .reduce(Score::max)
                .map_or(Score::MIN, |t| t / boosts.ceiling * (1.0 - ROUNDING_MARGIN))
        };
        let start = floor(&top);
        let mut checked = check.map(|c| c.scorer(segment, 1.0)).transpose()?;
        weight.for_each_pruning(start, segment, &mut |doc, score| {
            let hidden = alive.is_some_and(|a| a.is_deleted(doc))
                || readable.as_ref().is_some_and(|r| !r.allows(doc));
            let entry = Entry(boosts.apply(doc, score), DocAddress::new(ord, doc));
            if !hidden && top.takes(&entry) && checked.as_mut().is_none_or(|c| holds(c, doc)) {
                top.push(entry);
                if let Some(threshold) = top.threshold() {
                    bar.raise(threshold);
                }
            }
            floor(&top)
        })?;
    }
    Ok(top)
}

/// The segments with their boosts, the highest ceiling first, in index
/// order among equals.
fn boosted_first<'a>(
    segments: &[Numbered<'a>],
) -> tantivy::Result<Vec<(u32, &'a SegmentReader, Arc<Boosts>)>> {
    let mut ordered = segments
        .iter()
        .map(|&(ord, segment)| Ok((ord, segment, Boosts::in_segment(segment)?)))
        .collect::<tantivy::Result<Vec<_>>>()?;
    ordered.sort_by(|a, b| b.2.ceiling.total_cmp(&a.2.ceiling));
    Ok(ordered)
}

/// The best score that one group of segments' full page holds, which no
/// post can fall below and still reach the merged page: the other group
/// prunes with it too. Scores are positive, and the bits of positive
/// floats order as the floats do.
#[derive(Default)]
struct SharedBar(AtomicU32);

impl SharedBar {
    fn raise(&self, score: Score) {
        if score > 0.0 {
            self.0.fetch_max(score.to_bits(), AtomicOrdering::Relaxed);
        }
    }

    fn get(&self) -> Option<Score> {
        let bits = self.0.load(AtomicOrdering::Relaxed);
        (bits != 0).then(|| Score::from_bits(bits))
    }
}

/// Each segment's number of posts and the highest boost among them: what
/// bounds the segment's pruning.
pub(super) fn ceilings(searcher: &Searcher) -> tantivy::Result<Vec<(u32, f32)>> {
    searcher
        .segment_readers()
        .iter()
        .map(|segment| Ok((segment.num_docs(), Boosts::in_segment(segment)?.ceiling)))
        .collect()
}

/// Whether the check's scorer matches `doc`. Candidates come in document
/// order, so it only ever seeks ahead; a scorer already past `doc` (its
/// first match comes later) must not be asked to seek back.
fn holds(check: &mut Box<dyn Scorer>, doc: DocId) -> bool {
    if check.doc() < doc {
        check.seek(doc);
    }
    check.doc() == doc
}

/// One segment's vote and accepted-answer columns, and the most they can
/// multiply a text score by there; opened once per segment (opening them
/// was a tenth of a rare word's search).
struct Boosts {
    votes: Option<Column<i64>>,
    accepted: Option<Column<bool>>,
    ceiling: f32,
}

static BOOSTS: SegmentMemo<Boosts> = SegmentMemo::new();

/// Opens the segment's boost columns ahead of the first search.
pub(super) fn remember(segment: &SegmentReader) -> tantivy::Result<()> {
    Boosts::in_segment(segment).map(drop)
}

pub(super) fn forget(segments: &HashSet<SegmentId>) {
    BOOSTS.forget(segments);
}

#[cfg(test)]
pub(super) fn remembers(segment: &SegmentId) -> bool {
    BOOSTS.holds(segment)
}

impl Boosts {
    fn in_segment(segment: &SegmentReader) -> tantivy::Result<Arc<Self>> {
        BOOSTS.get(segment, || {
            let votes = segment.fast_fields().i64("votes").ok();
            let accepted = segment.fast_fields().bool("accepted").ok();
            let most_votes = votes.as_ref().map_or(0, |c| c.max_value());
            let any_accepted = accepted.as_ref().is_some_and(|c| c.max_value());
            Ok(Boosts {
                ceiling: by_votes(most_votes) * if any_accepted { ACCEPTED_BOOST } else { 1.0 },
                votes,
                accepted,
            })
        })
    }

    /// Text relevance times a little for votes and more for an accepted answer.
    fn apply(&self, doc: DocId, score: Score) -> Score {
        let votes = self.votes.as_ref().and_then(|c| c.first(doc)).unwrap_or(0);
        let accepted = self
            .accepted
            .as_ref()
            .and_then(|c| c.first(doc))
            .unwrap_or(false);
        score * by_votes(votes) * if accepted { ACCEPTED_BOOST } else { 1.0 }
    }
}

/// Votes a post may have and still not count as boosted.
const BOOSTED_OVER_VOTES: i64 = 3;

/// How much ranking boosts a post, in three steps: not at all (most posts:
/// no votes), at most `by_votes(BOOSTED_OVER_VOTES)` (1.28), or more (an
/// accepted answer or more votes). A rebuild gives each step segments of
/// their own, so that a segment's ceiling is its step's: the segments of
/// seven posts in ten have a ceiling of 1.0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum BoostStep {
    None,
    Low,
    High,
}

impl BoostStep {
    pub(super) fn of(votes: i64, accepted: bool) -> BoostStep {
        if accepted || votes > BOOSTED_OVER_VOTES {
            BoostStep::High
        } else if votes > 0 {
            BoostStep::Low
        } else {
            BoostStep::None
        }
    }
}

/// Most posts have no votes: no logarithm for them.
fn by_votes(votes: i64) -> f32 {
    if votes > 0 {
        1.0 + (votes as f32).ln_1p() * VOTE_WEIGHT
    } else {
        1.0
    }
}

/// A scored document; the greater is the better: higher score, then earlier.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Entry(Score, DocAddress);

impl Eq for Entry {}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0
            .total_cmp(&other.0)
            .then_with(|| other.1.cmp(&self.1))
    }
}

/// The best `limit` entries seen, the worst of them on top of the heap.
struct TopN {
    limit: usize,
    heap: BinaryHeap<Reverse<Entry>>,
}

impl TopN {
    fn new(limit: usize) -> Self {
        TopN {
            limit,
            heap: BinaryHeap::with_capacity(limit.min(1024)),
        }
    }

    /// Whether `entry` would be kept.
    fn takes(&self, entry: &Entry) -> bool {
        self.heap.len() < self.limit
            || self
                .heap
                .peek()
                .is_some_and(|Reverse(worst)| *entry > *worst)
    }

    fn push(&mut self, entry: Entry) {
        if !self.takes(&entry) {
            return;
        }
        if self.heap.len() >= self.limit {
            self.heap.pop();
        }
        self.heap.push(Reverse(entry));
    }

    /// The score to beat once the page is full.
    fn threshold(&self) -> Option<Score> {
        (self.heap.len() >= self.limit)
            .then(|| self.heap.peek().map(|Reverse(worst)| worst.0))
            .flatten()
    }

    fn into_sorted(self) -> Vec<(Score, DocAddress)> {
        self.heap
            .into_sorted_vec()
            .into_iter()
            .map(|Reverse(Entry(score, address))| (score, address))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use tantivy::collector::{DocSetCollector, TopDocs};
    use tantivy::query::EnableScoring;

    use super::super::compile::compile;
    use super::super::searcher::Viewer;
    use super::super::spaces::spaces;
    use super::super::tests::post;
    use super::super::{PostDoc, SearchIndex, add, delete_post, parse};
    use super::*;

    /// One post: how often it says each of two words, its votes, whether it
    /// is an accepted answer, and its space (0 public, 1 the viewer's, 2 another's).
    type Spec = (usize, usize, i64, bool, u8);

    fn spec_post(id: i64, (alpha, beta, votes, accepted, space): Spec) -> PostDoc {
        let body = ["alpha"; 3][..alpha % 3]
            .iter()
            .chain(&["beta"; 3][..beta % 3])
            .chain(&["filler words here"; 1][..(id % 2) as usize])
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        let space = ["public", "city:a", "city:b"][usize::from(space % 3)];
        PostDoc {
            votes,
            accepted,
            space: space.to_owned(),
            ..post(id, &body)
        }
    }

    /// Posts in several segments (a commit every seven), some deleted after.
    fn segmented(specs: &[Spec], deleted: &[i64]) -> SearchIndex {
        let index = SearchIndex::in_memory().expect("an index in memory");
        for (chunk, specs) in specs.chunks(7).enumerate() {
            index
                .with_writer(|w| {
                    for (i, spec) in specs.iter().enumerate() {
                        add(w, &spec_post((chunk * 7 + i) as i64, *spec))?;
                    }
                    Ok(())
                })
                .expect("added");
            index.commit_with_payload("1").expect("committed");
        }
        index
            .with_writer(|w| deleted.iter().try_for_each(|id| delete_post(w, *id)))
            .expect("deleted");
        index.commit_with_payload("2").expect("committed");
        index
    }

    /// Every match scored and boosted, the way ranking worked before pruning.
    fn every_match(index: &SearchIndex, viewer: &Viewer, query: &str) -> Vec<Score> {
        let searcher = index.inner.reader.searcher();
        let compiled = compile(index.fields(), viewer, &parse(query).expect(query));
        let all = TopDocs::with_limit(10_000).tweak_score(|segment: &SegmentReader| {
            let boosts = Boosts::in_segment(segment).expect("boosts");
            move |doc, score| boosts.apply(doc, score)
        });
        // Ranked as ranking scores them (a phrase by its words), among the
        // posts the search matches.
        let matching = searcher
            .search(&*compiled.query, &DocSetCollector)
            .expect("matched");
        let found = searcher.search(&*compiled.ranked, &all).expect("searched");
        found
            .into_iter()
            .filter(|(_, address)| matching.contains(address))
            .map(|(score, _)| score)
            .collect()
    }

    /// The best k as ranking finds them, walking the union of the query's
    /// terms if `flat` and the query has one.
    fn pruned(
        index: &SearchIndex,
        viewer: &Viewer,
        query: &str,
        k: usize,
        flat: bool,
    ) -> Vec<Score> {
        let searcher = index.inner.reader.searcher();
        let compiled = compile(index.fields(), viewer, &parse(query).expect(query));
        let (ranked, loose) = match compiled.flat.as_ref().filter(|_| flat) {
            Some(union) => (union, true),
            None => (&compiled.ranked, compiled.loose),
        };
        let weight = ranked
            .weight(EnableScoring::enabled_from_searcher(&searcher))
            .expect("a weight");
        let check = compiled
            .check
            .weight(EnableScoring::disabled_from_searcher(&searcher))
            .expect("a weight");
        let check = loose.then_some(check.as_ref());
        let best = best(
            &searcher,
            (weight.as_ref(), check),
            spaces(viewer).as_deref(),
            k,
        )
        .expect("ranked");
        best.into_iter().map(|(score, _)| score).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        /// Skipping blocks never changes the page: the best k scores are the
        /// best k of every match, for words, OR, AND and phrases (ranked by
        /// their words, checked as phrases) and an excluded phrase (which
        /// once tripped tantivy's debug assertion), across segments, deletions,
        /// boosts and private spaces; and so whether ranking walks the
        /// intersection of the words or the union of their terms.
        #[test]
        fn pruning_finds_the_same_best_scores_as_scoring_every_match(
            specs in prop::collection::vec(
                (0usize..3, 0usize..3, 0i64..60, any::<bool>(), 0u8..3), 1..60),
            deleted in prop::collection::vec(0i64..60, 0..8),
            k in 1usize..12,
        ) {
            let index = segmented(&specs, &deleted);
            let member = Viewer { all_spaces: false, city_space: Some("city:a".to_owned()) };
            let staff = Viewer { all_spaces: true, city_space: None };
            for viewer in [&member, &staff] {
                for query in ["alpha", "alpha OR beta", "alpha beta", "\"alpha beta\"", "\"beta alpha\" OR alpha", "alpha -beta", "alpha OR filler beta", "\"alpha beta\" OR \"beta alpha\" filler", "beta -\"alpha beta\""] {
                    let mut expected = every_match(&index, viewer, query);
                    expected.truncate(k);
                    for flat in [false, true] {
                        let got = pruned(&index, viewer, query, k, flat);
                        prop_assert_eq!(got.len(), expected.len(), "{} {}", query, flat);
                        for (g, e) in got.iter().zip(&expected) {
                            prop_assert!((g - e).abs() <= e.abs() * 1e-4, "{} {}: {:?} vs {:?}", query, flat, got, expected);
                        }
                    }
                }
            }
        }
    }

    fn at(doc: DocId) -> DocAddress {
        DocAddress::new(0, doc)
    }

    #[test]
    fn keeps_the_best_in_order_with_ties_in_index_order() {
        let mut top = TopN::new(3);
        for (doc, score) in [(0, 1.0), (1, 5.0), (2, 3.0), (3, 5.0), (4, 0.5), (5, 3.0)] {
            top.push(Entry(score, at(doc)));
        }
        assert_eq!(top.threshold(), Some(3.0));
        assert_eq!(
            top.into_sorted(),
            [(5.0, at(1)), (5.0, at(3)), (3.0, at(2))]
        );
    }

    #[test]
    fn no_threshold_until_the_page_is_full() {
        let mut top = TopN::new(2);
        top.push(Entry(1.0, at(0)));
        assert_eq!(top.threshold(), None);
        top.push(Entry(2.0, at(1)));
        assert_eq!(top.threshold(), Some(1.0));
    }

    #[test]
    fn each_boost_step_holds_the_posts_its_ceiling_allows() {
        let ceiling = by_votes(BOOSTED_OVER_VOTES);
        assert!((1.27..1.29).contains(&ceiling), "{ceiling}");
        for votes in -2..40 {
            for accepted in [false, true] {
                let factor = by_votes(votes) * if accepted { ACCEPTED_BOOST } else { 1.0 };
                let step = BoostStep::of(votes, accepted);
                assert_eq!(step == BoostStep::None, factor == 1.0, "{votes} {accepted}");
                assert_eq!(
                    step < BoostStep::High,
                    factor <= ceiling,
                    "{votes} {accepted}"
                );
            }
        }
    }

    #[test]
    fn votes_raise_a_score_gently_and_never_lower_it() {
        assert_eq!(by_votes(0), 1.0);
        assert_eq!(by_votes(-3), 1.0);
        let ten = by_votes(10);
        assert!((1.4..1.6).contains(&ten), "{ten}");
        assert!(by_votes(100) > ten);
    }
}
