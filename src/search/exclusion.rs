//! What a query excludes, as tantivy's exclusion can safely ask it: only
//! ever forward. tantivy 0.27 asks an excluded docset whether it holds each
//! candidate with `seek_danger`, which a phrase scorer may only be asked for
//! a document at or past the one it stands on; an excluded phrase whose
//! first match in a segment comes after a candidate (or that has none
//! there) broke that contract and tripped tantivy's debug assertion.

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term};

/// `inner`, whose scorers answer "do you hold this document?" by seeking
/// forward only, as tantivy's default `seek_danger` does.
#[derive(Debug)]
pub(super) struct Excluded(pub Box<dyn Query>);

impl Clone for Excluded {
    fn clone(&self) -> Self {
        Excluded(self.0.box_clone())
    }
}

impl Query for Excluded {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(ExcludedWeight(self.0.weight(enable_scoring)?)))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.0.query_terms(visitor);
    }
}

struct ExcludedWeight(Box<dyn Weight>);

impl Weight for ExcludedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(ForwardOnly(self.0.scorer(reader, boost)?)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.0.explain(reader, doc)
    }
}

/// Delegates everything but `seek_danger`, which keeps tantivy's default:
/// seek only when behind the target, then compare.
struct ForwardOnly(Box<dyn Scorer>);

impl DocSet for ForwardOnly {
    fn advance(&mut self) -> DocId {
        self.0.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.0.seek(target)
    }

    fn doc(&self) -> DocId {
        self.0.doc()
    }

    fn size_hint(&self) -> u32 {
        self.0.size_hint()
    }
}

impl Scorer for ForwardOnly {
    fn score(&mut self) -> Score {
        self.0.score()
    }
}
