//! Turns a parsed query and a viewer into tantivy queries: each word or phrase
//! over the exact and stemmed fields, filters and permissions as unscored
//! requirements.

use std::ops::Bound;

use tantivy::Term as IndexTerm;
use tantivy::query::doc_predicate_query::{DocPredicateQuery, FunctionPredicate};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery, Query,
    RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocId, SegmentReader};

use super::analysis::{LANGS, analyze, exact_analyzer, stemmed_analyzer};
use super::document::to_date;
use super::fields::{Analysed, Fields};
use super::query::{Clause, Filters, ParsedQuery, Term};
use super::ranking::{Readable, spaces};
use super::searcher::Viewer;

/// Titles weigh more than bodies, and a word as typed more than its stem,
/// since a match on both adds up.
const TITLE_EXACT: f32 = 3.0;
const TITLE_STEMMED: f32 = 2.0;
const BODY_EXACT: f32 = 1.5;
const BODY_STEMMED: f32 = 1.0;

pub struct Compiled {
    /// Everything the results must satisfy, scored by the text alone.
    pub query: Box<dyn Query>,
    /// The same without the permission check, which ranking applies to the
    /// candidates itself; a lone word or OR group is a plain union of terms,
    /// so that tantivy can skip blocks that cannot reach the page.
    pub ranked: Box<dyn Query>,
    /// The wanted words and phrases only, for highlighting.
    pub highlight: Option<Box<dyn Query>>,
}

pub fn compile(fields: &Fields, viewer: &Viewer, parsed: &ParsedQuery) -> Compiled {
    let mut text = TextCompiler::new(fields, &parsed.filters.langs);
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut wanted: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for clause in &parsed.clauses {
        match clause {
            Clause::AnyOf(terms) => {
                let alternatives: Vec<Box<dyn Query>> =
                    terms.iter().flat_map(|t| text.term(t)).collect();
                if alternatives.is_empty() {
                    continue;
                }
                let query: Box<dyn Query> = Box::new(BooleanQuery::union(alternatives));
                wanted.push((Occur::Should, query.box_clone()));
                clauses.push((Occur::Must, query));
            }
            Clause::Not(term) => {
                let alternatives = text.term(term);
                if !alternatives.is_empty() {
                    clauses.push((Occur::MustNot, Box::new(BooleanQuery::union(alternatives))));
                }
            }
        }
    }
    for requirement in filters(fields, &parsed.filters) {
        clauses.push((Occur::Must, unscored(requirement)));
    }
    // Words that all analyse to nothing ask for something no post can have.
    if parsed.has_text() && wanted.is_empty() {
        clauses.push((Occur::Must, Box::new(EmptyQuery)));
    }
    if !clauses.iter().any(|(occur, _)| *occur == Occur::Must) {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    let ranked: Box<dyn Query> = match clauses.as_slice() {
        [(Occur::Must, only)] => only.box_clone(),
        _ => Box::new(BooleanQuery::new(clone_all(&clauses))),
    };
    clauses.extend(permission(viewer).map(|q| (Occur::Must, unscored(q))));
    Compiled {
        query: Box::new(BooleanQuery::new(clauses)),
        ranked,
        highlight: (!wanted.is_empty()).then(|| Box::new(BooleanQuery::new(wanted)) as _),
    }
}

fn unscored(requirement: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(requirement, 0.0))
}

fn clone_all(clauses: &[(Occur, Box<dyn Query>)]) -> Vec<(Occur, Box<dyn Query>)> {
    clauses.iter().map(|(o, q)| (*o, q.box_clone())).collect()
}

/// Analyses query text exactly as each field analysed the posts.
struct TextCompiler<'f> {
    fields: &'f Fields,
    exact: TextAnalyzer,
    /// The languages searched, as indexes into [`LANGS`], with their analyzers.
    stemmed: Vec<(usize, TextAnalyzer)>,
}

impl<'f> TextCompiler<'f> {
    /// Without a `lang:` filter every language's stemmer gets a say: a query
    /// carries no reliable language, and a stem that means nothing in one
    /// language simply matches nothing in that language's fields.
    fn new(fields: &'f Fields, langs: &[String]) -> Self {
        let stemmed = LANGS
            .iter()
            .enumerate()
            .filter(|(_, lang)| langs.is_empty() || langs.iter().any(|l| l == *lang))
            .map(|(i, lang)| (i, stemmed_analyzer(lang)))
            .collect();
        TextCompiler {
            fields,
            exact: exact_analyzer(),
            stemmed,
        }
    }

    /// The term's query in each searched field, none if it has no searchable
    /// token; such a term is left out rather than allowed to match nothing.
    fn term(&mut self, term: &Term) -> Vec<Box<dyn Query>> {
        // A quoted phrase means the words as written, so it is looked for
        // in the exact fields only; that also halves the positions a common
        // phrase reads.
        let (text, stemmed) = match term {
            Term::Word(text) => (text.as_str(), self.stemmed.len()),
            Term::Phrase(text) => (text.as_str(), 0),
        };
        let mut alternatives = Vec::new();
        let parts = [
            (self.fields.title_text, TITLE_EXACT, TITLE_STEMMED),
            (self.fields.body_text, BODY_EXACT, BODY_STEMMED),
        ];
        for (part, exact_boost, stemmed_boost) in parts {
            alternatives.extend(self.in_field(part.exact, None, text, exact_boost));
            for i in 0..stemmed {
                let field = stemmed_field(part, self.stemmed.get(i).map(|(l, _)| *l));
                alternatives
                    .extend(field.and_then(|f| self.in_field(f, Some(i), text, stemmed_boost)));
            }
        }
        alternatives
    }

    /// One field's query: a term, or a phrase when the text has several tokens.
    fn in_field(
        &mut self,
        field: Field,
        stemmer: Option<usize>,
        text: &str,
        boost: f32,
    ) -> Option<Box<dyn Query>> {
        let analyzer = match stemmer {
            Some(i) => &mut self.stemmed.get_mut(i)?.1,
            None => &mut self.exact,
        };
        let terms = analyze(analyzer, text);
        let query: Box<dyn Query> = match terms.as_slice() {
            [] => return None,
            [(_, token)] => Box::new(TermQuery::new(
                IndexTerm::from_field_text(field, token),
                IndexRecordOption::WithFreqs,
            )),
            _ => Box::new(PhraseQuery::new_with_offset(
                terms
                    .iter()
                    .map(|(position, token)| (*position, IndexTerm::from_field_text(field, token)))
                    .collect(),
            )),
        };
        Some(Box::new(BoostQuery::new(query, boost)))
    }
}

fn stemmed_field(part: Analysed, lang: Option<usize>) -> Option<Field> {
    part.stemmed.get(lang?).copied()
}

/// One requirement per filter; values of one filter combine as its docs say.
fn filters(f: &Fields, filters: &Filters) -> Vec<Box<dyn Query>> {
    let mut required: Vec<Box<dyn Query>> = Vec::new();
    let any_of = [
        (f.area, &filters.areas),
        (f.city, &filters.cities),
        (f.author, &filters.authors),
        (f.lang, &filters.langs),
    ];
    for (field, values) in any_of {
        if !values.is_empty() {
            required.push(Box::new(BooleanQuery::union(
                values.iter().map(|v| keyword(field, v)).collect(),
            )));
        }
    }
    for (field, values) in [(f.criteria, &filters.criteria), (f.tags, &filters.tags)] {
        required.extend(values.iter().map(|v| keyword(field, v)));
    }
    if filters.after.is_some() || filters.before.is_some() {
        let day = |d: chrono::NaiveDate| IndexTerm::from_field_date(f.created, to_date(d.into()));
        let from = filters
            .after
            .map_or(Bound::Unbounded, |d| Bound::Included(day(d)));
        let to = filters
            .before
            .map_or(Bound::Unbounded, |d| Bound::Excluded(day(d)));
        required.push(Box::new(RangeQuery::new(from, to)));
    }
    if let Some(solved) = filters.solved {
        required.push(flag(f.solved, solved));
    }
    if filters.unanswered {
        required.push(flag(f.answered, false));
    }
    required
}

/// Public posts, the viewer's own city space, or everything for program staff.
pub(super) fn permission(viewer: &Viewer) -> Option<Box<dyn Query>> {
    let spaces = spaces(viewer)?;
    let readable = FunctionPredicate::from(move |segment: &SegmentReader| {
        let readable = Readable::in_segment(segment, &spaces)?;
        Ok(move |doc: DocId| readable.allows(doc))
    });
    Some(Box::new(DocPredicateQuery::from(readable)))
}

pub(super) fn keyword(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        IndexTerm::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

pub(super) fn flag(field: Field, value: bool) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        IndexTerm::from_field_bool(field, value),
        IndexRecordOption::Basic,
    ))
}
