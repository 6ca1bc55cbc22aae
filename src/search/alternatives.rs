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
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let weights = self
            .0
            .iter()
            .map(|q| q.weight(enable_scoring))
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(Box::new(AlternativesWeight(weights)))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for query in &self.0 {
            query.query_terms(visitor);
        }
    }
}

struct AlternativesWeight(Vec<Box<dyn Weight>>);

impl Weight for AlternativesWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut scorers = Vec::with_capacity(self.0.len());
        for weight in &self.0 {
            let scorer = weight.scorer(reader, boost)?;
            if scorer.doc() != TERMINATED {
                scorers.push(scorer);
            }
        }
        let doc = first(&scorers);
        Ok(Box::new(SeekingUnion { scorers, doc }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let parts: Vec<Explanation> = self
            .0
            .iter()
            .filter_map(|weight| weight.explain(reader, doc).ok())
            .collect();
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

/// Stands on the lowest document any of its scorers stands on.
struct SeekingUnion {
    scorers: Vec<Box<dyn Scorer>>,
    doc: DocId,
}

fn first(scorers: &[Box<dyn Scorer>]) -> DocId {
    scorers.iter().map(|s| s.doc()).min().unwrap_or(TERMINATED)
}

impl DocSet for SeekingUnion {
    fn advance(&mut self) -> DocId {
        let current = self.doc;
        for scorer in &mut self.scorers {
            if scorer.doc() == current {
                scorer.advance();
            }
        }
        self.doc = first(&self.scorers);
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        for scorer in &mut self.scorers {
            if scorer.doc() < target {
                scorer.seek(target);
            }
        }
        self.doc = first(&self.scorers);
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.scorers
            .iter()
            .map(|s| s.size_hint())
            .max()
            .unwrap_or(0)
    }

    fn cost(&self) -> u64 {
        self.scorers.iter().map(|s| s.cost()).sum()
    }
}

impl Scorer for SeekingUnion {
    fn score(&mut self) -> Score {
        let doc = self.doc;
        self.scorers
            .iter_mut()
            .filter(|s| s.doc() == doc)
            .map(|s| s.score())
            .sum()
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
            terms in prop::collection::vec((0..WORDS.len(), 1u8..4), 1..4),
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
            let parts: Vec<Box<dyn Query>> = terms
                .iter()
                .map(|&(w, boost)| Box::new(BoostQuery::new(term(w), f32::from(boost))) as Box<dyn Query>)
                .collect();
            let seeking: Box<dyn Query> = Box::new(Alternatives(parts.iter().map(|q| q.box_clone()).collect()));
            let union: Box<dyn Query> = Box::new(BooleanQuery::union(parts));
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
