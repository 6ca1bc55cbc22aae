//! A word's alternatives (as written and stemmed, in the title and the body)
//! as one requirement of an intersection: a union that seeks its terms
//! rather than buffering them. tantivy's union fills a window of 4,096
//! documents on every seek past it, scoring each post of each term there,
//! and in an intersection, or when ranking checks a phrase's candidates one
//! by one, it is asked that for nearly every candidate (BENCHMARKS.md,
//! "Fourteenth run"). A lone union keeps tantivy's own, whose blocks ranking
//! can skip.

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, TantivyError, Term};

use super::boosted_term::{BoostedTerm, TermPostings, TermWeight};

/// Matches a post that matches any of the queries, and scores it as the
/// sum of those that match, as tantivy's union of `Should` clauses does.
#[derive(Debug)]
pub(super) struct Alternatives(pub Vec<Box<dyn Query>>);

impl Clone for Alternatives {
    fn clone(&self) -> Self {
        Alternatives(self.0.iter().map(|q| q.box_clone()).collect())
    }
}

impl Query for Alternatives {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let mut weight = AlternativesWeight::default();
        for query in &self.0 {
            match query.downcast_ref::<BoostedTerm>() {
                Some(term) => weight.terms.push(term.weight(scoring)?),
                None => weight.others.push(query.weight(scoring)?),
            }
        }
        Ok(Box::new(weight))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for query in &self.0 {
            query.query_terms(visitor);
        }
    }
}

/// Terms apart, so that the union steps over their postings directly.
#[derive(Default)]
struct AlternativesWeight {
    terms: Vec<TermWeight>,
    others: Vec<Box<dyn Weight>>,
}

impl Weight for AlternativesWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut terms = Vec::with_capacity(self.terms.len());
        for weight in &self.terms {
            terms.extend(weight.postings(reader, boost)?);
        }
        let mut others = Vec::with_capacity(self.others.len());
        for weight in &self.others {
            let scorer = weight.scorer(reader, boost)?;
            if scorer.doc() != TERMINATED {
                others.push(scorer);
            }
        }
        let mut union = SeekingUnion {
            terms,
            others,
            doc: 0,
        };
        union.doc = union.first();
        Ok(Box::new(union))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let terms = self.terms.iter().filter_map(|w| w.explain(reader, doc));
        let others = self
            .others
            .iter()
            .filter_map(|weight| weight.explain(reader, doc).ok());
        let parts: Vec<Explanation> = terms.chain(others).collect();
        if parts.is_empty() {
            return Err(TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        let mut sum = Explanation::new("sum of", parts.iter().map(Explanation::value).sum());
        for part in parts {
            sum.add_detail(part);
        }
        Ok(sum)
    }
}

/// Stands on the lowest document any of its postings stands on.
struct SeekingUnion {
    terms: Vec<TermPostings>,
    others: Vec<Box<dyn Scorer>>,
    doc: DocId,
}

impl SeekingUnion {
    fn first(&self) -> DocId {
        let terms = self.terms.iter().map(TermPostings::doc);
        let others = self.others.iter().map(|s| s.doc());
        terms.chain(others).min().unwrap_or(TERMINATED)
    }
}

impl DocSet for SeekingUnion {
    fn advance(&mut self) -> DocId {
        let current = self.doc;
        for term in &mut self.terms {
            if term.doc() == current {
                term.advance();
            }
        }
        for scorer in &mut self.others {
            if scorer.doc() == current {
                scorer.advance();
            }
        }
        self.doc = self.first();
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        for term in &mut self.terms {
            if term.doc() < target {
                term.seek(target);
            }
        }
        for scorer in &mut self.others {
            if scorer.doc() < target {
                scorer.seek(target);
            }
        }
        self.doc = self.first();
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        let terms = self.terms.iter().map(TermPostings::size_hint);
        let others = self.others.iter().map(|s| s.size_hint());
        terms.chain(others).max().unwrap_or(0)
    }

    fn cost(&self) -> u64 {
        let terms = self.terms.iter().map(|t| u64::from(t.size_hint()));
        let others = self.others.iter().map(|s| s.cost());
        terms.chain(others).sum()
    }
}

impl Scorer for SeekingUnion {
    fn score(&mut self) -> Score {
        let doc = self.doc;
        let terms: Score = self
            .terms
            .iter()
            .filter(|t| t.doc() == doc)
            .map(TermPostings::score)
            .sum();
        let others: Score = self
            .others
            .iter_mut()
            .filter(|s| s.doc() == doc)
            .map(|s| s.score())
            .sum();
        terms + others
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::{BooleanQuery, BoostQuery, Occur, TermQuery};
    use tantivy::schema::{IndexRecordOption, Schema, TEXT};
    use tantivy::{DocAddress, Index, TantivyDocument};

    use super::*;

    const WORDS: [&str; 6] = ["a", "b", "c", "d", "e", "f"];

    /// Every match of `query` with its score, in document order.
    fn scored(index: &Index, query: &dyn Query) -> Vec<(DocAddress, Score)> {
        let searcher = index.reader().expect("reader").searcher();
        let mut all = searcher
            .search(query, &TopDocs::with_limit(1_000).order_by_score())
            .expect("searched");
        all.sort_by_key(|(_, address)| *address);
        all.into_iter()
            .map(|(score, address)| (address, score))
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Alone and as one side of an intersection (where it is sought),
        /// the seeking union matches and scores what tantivy's union does.
        #[test]
        fn it_matches_and_scores_as_a_union_does(
            docs in prop::collection::vec(prop::collection::vec(0..WORDS.len(), 0..5), 1..300),
            terms in prop::collection::vec((0..WORDS.len(), 1u8..4, any::<bool>()), 1..5),
            other in 0..WORDS.len(),
        ) {
            let mut schema = Schema::builder();
            let text = schema.add_text_field("text", TEXT);
            let index = Index::create_in_ram(schema.build());
            let mut writer = index.writer_with_num_threads(1, 15_000_000).expect("writer");
            for (i, words) in docs.iter().enumerate() {
                let body: Vec<&str> = words.iter().map(|&w| WORDS[w]).collect();
                let mut doc = TantivyDocument::default();
                doc.add_text(text, body.join(" "));
                writer.add_document(doc).expect("added");
                if i % 97 == 96 {
                    writer.commit().expect("committed");
                }
            }
            writer.commit().expect("committed");
            let term = |w: usize| -> Box<dyn Query> {
                let term = Term::from_field_text(text, WORDS[w]);
                Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
            };
            let boosted = |w: usize, boost: u8| -> Box<dyn Query> {
                Box::new(BoostQuery::new(term(w), f32::from(boost)))
            };
            // Terms of our own, which the union steps over directly, and
            // tantivy's, which it reaches through their scorers.
            let parts: Vec<Box<dyn Query>> = terms
                .iter()
                .map(|&(w, boost, own)| match own {
                    true => Box::new(BoostedTerm::new(Term::from_field_text(text, WORDS[w]), f32::from(boost))),
                    false => boosted(w, boost),
                })
                .collect();
            let seeking: Box<dyn Query> = Box::new(Alternatives(parts));
            let union: Box<dyn Query> = Box::new(BooleanQuery::union(
                terms.iter().map(|&(w, boost, _)| boosted(w, boost)).collect(),
            ));
            let close = |a: &[(DocAddress, Score)], b: &[(DocAddress, Score)]| {
                a.len() == b.len()
                    && a.iter().zip(b).all(|((x, s), (y, t))| x == y && (s - t).abs() <= t.abs() * 1e-5)
            };
            prop_assert!(close(&scored(&index, &*seeking), &scored(&index, &*union)));
            let both = |q: Box<dyn Query>| BooleanQuery::new(vec![(Occur::Must, term(other)), (Occur::Must, q)]);
            let (a, b) = (scored(&index, &both(seeking)), scored(&index, &both(union)));
            prop_assert!(close(&a, &b), "{:?} vs {:?}", a, b);
        }
    }
}
