//! BM25's statistics over a searcher's segments (how many posts hold a
//! term, how long a field is in all), remembered while the segments are
//! unchanged.
//!
//! tantivy sums a term's document frequency over every segment each time a
//! query's weight is made, a term dictionary lookup per segment and term;
//! a search of a few words with their stems in two fields made dozens, and
//! the lookups were about a tenth of a served search's CPU.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use tantivy::query::Bm25StatisticsProvider;
use tantivy::schema::Field;
use tantivy::{Searcher, Term};

/// Terms remembered before the memo starts over: a few megabytes.
const TERMS: usize = 50_000;

/// What one searcher generation's statistics were.
#[derive(Default)]
pub(super) struct StatisticsMemo {
    remembered: Mutex<Remembered>,
}

#[derive(Default)]
struct Remembered {
    /// The searcher generation the numbers are of: a reload (a commit, a
    /// merge, a deletion) makes a new one.
    generation: u64,
    doc_freqs: HashMap<Term, u64>,
    tokens: HashMap<Field, u64>,
}

impl StatisticsMemo {
    /// The statistics `searcher` gives, through this memo.
    pub(super) fn of<'a>(&'a self, searcher: &'a Searcher) -> Statistics<'a> {
        Statistics {
            searcher,
            memo: self,
        }
    }

    /// The memo, emptied first if it holds another generation's numbers.
    fn lock_for(&self, searcher: &Searcher) -> MutexGuard<'_, Remembered> {
        let mut remembered = self
            .remembered
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let generation = searcher.generation().generation_id();
        if remembered.generation != generation || remembered.doc_freqs.len() >= TERMS {
            *remembered = Remembered {
                generation,
                ..Remembered::default()
            };
        }
        remembered
    }
}

/// A searcher's statistics for BM25, remembered.
pub(super) struct Statistics<'a> {
    searcher: &'a Searcher,
    memo: &'a StatisticsMemo,
}

impl Bm25StatisticsProvider for Statistics<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        if let Some(&known) = self.memo.lock_for(self.searcher).tokens.get(&field) {
            return Ok(known);
        }
        let tokens = self.searcher.total_num_tokens(field)?;
        self.memo
            .lock_for(self.searcher)
            .tokens
            .insert(field, tokens);
        Ok(tokens)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        self.searcher.total_num_docs()
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        if let Some(&known) = self.memo.lock_for(self.searcher).doc_freqs.get(term) {
            return Ok(known);
        }
        let docs = self.searcher.doc_freq(term)?;
        let mut remembered = self.memo.lock_for(self.searcher);
        remembered.doc_freqs.insert(term.clone(), docs);
        Ok(docs)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{index, post};
    use super::super::{SearchIndex, add};
    use super::*;

    fn body_term(index: &SearchIndex, word: &str) -> Term {
        Term::from_field_text(index.inner.fields.body_text, word)
    }

    #[test]
    fn remembered_numbers_are_the_searchers_until_it_changes() {
        let index = index(&[post(1, "budget"), post(2, "budget dashboard")]);
        let memo = StatisticsMemo::default();
        let budget = body_term(&index, "budget");
        let field = index.inner.fields.body_text;
        let searcher = index.inner.reader.searcher();
        for _ in 0..2 {
            let statistics = memo.of(&searcher);
            assert_eq!(statistics.doc_freq(&budget).expect("counted"), 2);
            let tokens = statistics.total_num_tokens(field).expect("summed");
            assert_eq!(tokens, searcher.total_num_tokens(field).expect("summed"));
        }
        let more = post(3, "budget");
        index
            .with_writer(|writer| add(writer, &more))
            .expect("added");
        index.commit_with_payload("2").expect("committed");
        let after = index.inner.reader.searcher();
        assert_eq!(memo.of(&after).doc_freq(&budget).expect("counted"), 3);
        assert_eq!(
            memo.of(&searcher).doc_freq(&budget).expect("counted"),
            2,
            "an older searcher's numbers are its own"
        );
    }
}
