//! A search's clauses as its three queries need them (see
//! [`super::compile::Compiled`]): each word's alternatives as matched and as
//! ranked, exclusions and filters as they are, the viewer's permission only
//! where every match is read.

use tantivy::query::{AllQuery, BooleanQuery, Occur, Query};

use super::alternatives::Alternatives;
use super::compile::unscored;
use super::searcher::Viewer;
use super::spaces::permission;

type Queries = Vec<Box<dyn Query>>;

/// The clauses of a search as its three queries need them: words as
/// matched and as ranked, and everything else as it is.
#[derive(Default)]
pub(super) struct Clauses {
    /// Each word's or OR group's alternatives, and what ranking sums instead.
    pub(super) words: Vec<(Queries, Queries)>,
    /// Exclusions and filters.
    others: Vec<(Occur, Box<dyn Query>)>,
}

impl Clauses {
    pub(super) fn word(&mut self, alternatives: Queries, ranked: Queries) {
        self.words.push((alternatives, ranked));
    }

    pub(super) fn other(&mut self, occur: Occur, query: Box<dyn Query>) {
        self.others.push((occur, query));
    }

    /// A lone word or OR group is a plain union of terms, which tantivy
    /// prunes by blocks; with it, whether `ranked` is that union. In an
    /// intersection each word's union seeks ([`Alternatives`]).
    pub(super) fn ranked(&self, loose: bool) -> (Box<dyn Query>, bool) {
        match (self.words.as_slice(), self.others.as_slice()) {
            ([(_, only)], []) => {
                let only = only.iter().map(|q| q.box_clone()).collect();
                (Box::new(BooleanQuery::union(only)), !loose)
            }
            _ => {
                let words = self.words.iter().map(|(_, ranked)| seeking(ranked));
                (Box::new(BooleanQuery::new(self.requiring(words))), false)
            }
        }
    }

    /// What the results must match, with the viewer's permission: with each
    /// word a buffered union for counting and date order, which read every
    /// match, and a seeking one for checking candidates one by one.
    pub(super) fn matched(self, viewer: &Viewer) -> (Box<dyn Query>, Box<dyn Query>) {
        let buffered = self.words.iter().map(|(alternatives, _)| {
            let alternatives = alternatives.iter().map(|q| q.box_clone()).collect();
            Box::new(BooleanQuery::union(alternatives)) as Box<dyn Query>
        });
        let mut query = self.requiring(buffered);
        let seeking = self
            .words
            .iter()
            .map(|(alternatives, _)| seeking(alternatives));
        let check = self.requiring(seeking);
        query.extend(permission(viewer).map(|q| (Occur::Must, unscored(q))));
        (
            Box::new(BooleanQuery::new(query)),
            Box::new(BooleanQuery::new(check)),
        )
    }

    /// `words` and the other clauses; everything if nothing is required.
    fn requiring(
        &self,
        words: impl Iterator<Item = Box<dyn Query>>,
    ) -> Vec<(Occur, Box<dyn Query>)> {
        let mut all: Vec<(Occur, Box<dyn Query>)> = words.map(|q| (Occur::Must, q)).collect();
        all.extend(self.others.iter().map(|(o, q)| (*o, q.box_clone())));
        if !all.iter().any(|(occur, _)| *occur == Occur::Must) {
            all.push((Occur::Must, Box::new(AllQuery)));
        }
        all
    }
}

fn seeking(alternatives: &[Box<dyn Query>]) -> Box<dyn Query> {
    Box::new(Alternatives(
        alternatives.iter().map(|q| q.box_clone()).collect(),
    ))
}
