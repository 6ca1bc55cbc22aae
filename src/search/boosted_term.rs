//! A text term with its boost, as a query, and its postings scored as
//! tantivy's term scorer scores them, but as a type of our own: tantivy
//! keeps its term scorer private, so a union of boxed ones pays a dynamic
//! call per term for every document it steps over.
//! [`super::alternatives`] steps over these directly.

use std::sync::LazyLock;

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{
    Bm25Weight, BoostQuery, EnableScoring, Explanation, Query, TermQuery, Weight,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, Term};

/// A term of a text field whose score counts `boost` times: the same
/// matches and scores as a `BoostQuery` around a `TermQuery` with
/// frequencies, which is what it becomes where nothing looks inside it.
#[derive(Debug, Clone)]
pub(super) struct BoostedTerm {
    term: Term,
    boost: Score,
}

impl BoostedTerm {
    pub(super) fn new(term: Term, boost: Score) -> Self {
        BoostedTerm { term, boost }
    }

    fn as_tantivy(&self) -> BoostQuery {
        let term = TermQuery::new(self.term.clone(), IndexRecordOption::WithFreqs);
        BoostQuery::new(Box::new(term), self.boost)
    }

    /// What scoring this term needs, looked up once per search.
    pub(super) fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<TermWeight> {
        let bm25 = match scoring {
            EnableScoring::Enabled {
                statistics_provider,
                ..
            } => Some(
                Bm25Weight::for_terms(statistics_provider, std::slice::from_ref(&self.term))?
                    .boost_by(self.boost),
            ),
            EnableScoring::Disabled { .. } => None,
        };
        Ok(TermWeight {
            term: self.term.clone(),
            bm25,
        })
    }
}

impl Query for BoostedTerm {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        self.as_tantivy().weight(scoring)
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        visitor(&self.term, false);
    }
}

/// The weight of a term whose scores nobody reads: any will do.
static UNSCORED: LazyLock<Bm25Weight> =
    LazyLock::new(|| Bm25Weight::for_one_term_without_explain(1, 1, 1.0));

/// A term's scoring for one search; None when scores are not wanted.
pub(super) struct TermWeight {
    term: Term,
    bm25: Option<Bm25Weight>,
}

impl TermWeight {
    /// The term's postings in `segment`, or None if the segment lacks it.
    pub(super) fn postings(
        &self,
        segment: &SegmentReader,
        boost: Score,
    ) -> tantivy::Result<Option<TermPostings>> {
        let index = segment.inverted_index(self.term.field())?;
        let Some(info) = index.get_term_info(&self.term)? else {
            return Ok(None);
        };
        let Some(bm25) = &self.bm25 else {
            let postings = index.read_postings_from_terminfo(&info, IndexRecordOption::Basic)?;
            let norms = FieldNormReader::constant(segment.max_doc(), 1);
            return Ok(Some(TermPostings::new(postings, norms, UNSCORED.clone())));
        };
        let postings = index.read_postings_from_terminfo(&info, IndexRecordOption::WithFreqs)?;
        let norms = match segment.fieldnorms_readers().get_field(self.term.field())? {
            Some(norms) => norms,
            None => FieldNormReader::constant(segment.max_doc(), 1),
        };
        Ok(Some(TermPostings::new(
            postings,
            norms,
            bm25.boost_by(boost),
        )))
    }

    pub(super) fn explain(&self, segment: &SegmentReader, doc: DocId) -> Option<Explanation> {
        let mut postings = self.postings(segment, 1.0).ok()??;
        (postings.seek(doc) == doc).then(|| {
            let norm = postings.norms.fieldnorm_id(doc);
            postings.bm25.explain(norm, postings.postings.term_freq())
        })
    }
}

/// One term's postings in one segment, scored by BM25.
pub(super) struct TermPostings {
    postings: SegmentPostings,
    norms: FieldNormReader,
    bm25: Bm25Weight,
}

impl TermPostings {
    fn new(postings: SegmentPostings, norms: FieldNormReader, bm25: Bm25Weight) -> Self {
        TermPostings {
            postings,
            norms,
            bm25,
        }
    }

    #[inline]
    pub(super) fn doc(&self) -> DocId {
        self.postings.doc()
    }

    #[inline]
    pub(super) fn advance(&mut self) -> DocId {
        self.postings.advance()
    }

    #[inline]
    pub(super) fn seek(&mut self, target: DocId) -> DocId {
        self.postings.seek(target)
    }

    pub(super) fn size_hint(&self) -> u32 {
        self.postings.size_hint()
    }

    /// The score at the current document.
    #[inline]
    pub(super) fn score(&self) -> Score {
        let norm = self.norms.fieldnorm_id(self.postings.doc());
        self.bm25.score(norm, self.postings.term_freq())
    }
}
