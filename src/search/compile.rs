//! Turns a parsed query and a viewer into tantivy queries: each word or phrase
//! over the exact and stemmed fields, filters and permissions as unscored
//! requirements.

use std::ops::Bound;

use tantivy::Term as IndexTerm;
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery, Query, RangeQuery,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};

use super::alternatives::Alternatives;
use super::analysis::{LANGS, is_stop_word};
use super::boosted_term::BoostedTerm;
use super::clauses::Clauses;
use super::document::to_date;
use super::exclusion::Excluded;
use super::fields::Fields;
use super::query::{Clause, Filters, ParsedQuery, Term};
use super::searcher::Viewer;
use super::snippet::Highlight;
use super::terms::Stemmers;

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
    /// so that tantivy can skip blocks that cannot reach the page. A phrase
    /// is ranked by its words, which need no positions read.
    pub ranked: Box<dyn Query>,
    /// Whether `ranked` matches more than `query` (it holds a phrase's
    /// words, not the phrase): ranking then checks each candidate that
    /// could reach the page against `check`.
    pub loose: bool,
    /// What `query` matches, but for the viewer's permission, for asking
    /// about one candidate at a time.
    pub check: Box<dyn Query>,
    /// The wanted words and phrases only, for highlighting.
    pub highlight: Highlight,
    /// Every wanted term of every word, phrase and OR group in one union,
    /// scored as `ranked` scores the posts that match `query`: for ranking
    /// where matches are common. tantivy skips blocks of a union of terms,
    /// but scores every match of an intersection, and two words, phrases and
    /// filters are intersections. None where `ranked` is such a union, or
    /// where the union would score a post differently (a phrase in an OR
    /// group).
    pub flat: Option<Box<dyn Query>>,
}

pub fn compile(fields: &Fields, viewer: &Viewer, parsed: &ParsedQuery) -> Compiled {
    let mut text = TextCompiler::new(fields, &parsed.filters.langs);
    let mut clauses = Clauses::default();
    let mut flat_terms = Some(Vec::new());
    let mut loose = false;
    for clause in &parsed.clauses {
        match clause {
            Clause::AnyOf(terms) => {
                let Some(any) = text.any_of(terms) else {
                    continue;
                };
                loose |= any.phrase;
                flat_terms = flat_terms.zip(any.flat).map(|(mut all, these)| {
                    all.extend(these);
                    all
                });
                clauses.word(any.alternatives, any.ranked);
            }
            Clause::Not(term) => {
                let (alternatives, _) = text.term(term, false);
                if !alternatives.is_empty() {
                    let union = Box::new(BooleanQuery::union(alternatives));
                    clauses.other(Occur::MustNot, Box::new(Excluded(union)));
                }
            }
        }
    }
    let wanted = !clauses.words.is_empty();
    let mut required = filters(fields, &parsed.filters);
    // Words that all analyse to nothing ask for something no post can have.
    if parsed.has_text() && !wanted {
        required.push(Box::new(EmptyQuery));
    }
    for requirement in required {
        clauses.other(Occur::Must, unscored(requirement));
    }
    let (ranked, a_union) = clauses.ranked(loose);
    let flat = flat_terms
        .filter(|_| wanted && !a_union)
        .map(|terms| Box::new(BooleanQuery::union(terms)) as Box<dyn Query>);
    let (query, check) = clauses.matched(viewer);
    Compiled {
        query,
        check,
        ranked,
        loose,
        highlight: text.highlight,
        flat,
    }
}

pub(super) fn unscored(requirement: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(requirement, 0.0))
}

/// An OR group (or a lone term) as the search matches it and as ranking
/// reads it.
struct AnyOf {
    /// The words as written and stemmed, and phrases.
    alternatives: Vec<Box<dyn Query>>,
    /// Alternatives ranking sums: the words as written and stemmed, and for a
    /// phrase its words instead ([`all_words`]).
    ranked: Vec<Box<dyn Query>>,
    /// `ranked` holds a phrase's words instead of the phrase.
    phrase: bool,
    /// The terms `ranked` sums, each alone: see [`Compiled::flat`]. None
    /// for a phrase in an OR group, where a post that matches another
    /// alternative would also score the phrase's words it holds.
    flat: Option<Vec<Box<dyn Query>>>,
}

/// A term's alternatives in the text fields, and for a phrase the query
/// ranking reads instead.
type TermQueries = (Vec<Box<dyn Query>>, Option<PhraseWords>);

/// A phrase as ranking reads it ([`all_words`]), and the terms it sums.
type PhraseWords = (Box<dyn Query>, Vec<Box<dyn Query>>);

/// Analyses query words exactly as the text fields hold posts' words, and
/// remembers the wanted ones for highlighting.
struct TextCompiler<'f> {
    fields: &'f Fields,
    stemmers: Stemmers,
    /// The languages searched, as indexes into [`LANGS`].
    langs: Vec<usize>,
    highlight: Highlight,
}

impl<'f> TextCompiler<'f> {
    /// Without a `lang:` filter every language's stemmer gets a say: a query
    /// carries no reliable language, and a stem that means nothing in one
    /// language rarely matches anything.
    fn new(fields: &'f Fields, langs: &[String]) -> Self {
        let langs = (0..LANGS.len())
            .filter(|&i| {
                langs.is_empty() || langs.iter().any(|l| LANGS.get(i) == Some(&l.as_str()))
            })
            .collect();
        TextCompiler {
            fields,
            stemmers: Stemmers::default(),
            langs,
            highlight: Highlight::default(),
        }
    }

    /// Any of `terms`; None if no term has a searchable token.
    fn any_of(&mut self, terms: &[Term]) -> Option<AnyOf> {
        let (mut alternatives, mut ranked, mut phrase) = (Vec::new(), Vec::new(), false);
        let mut flat = Vec::new();
        for term in terms {
            let (exact, words) = self.term(term, true);
            match words {
                Some((words, each)) => {
                    phrase = true;
                    ranked.push(words);
                    flat.extend(each);
                }
                None => {
                    ranked.extend(exact.iter().map(|q| q.box_clone()));
                    flat.extend(exact.iter().map(|q| q.box_clone()));
                }
            }
            alternatives.extend(exact);
        }
        if alternatives.is_empty() {
            return None;
        }
        Some(AnyOf {
            alternatives,
            ranked,
            flat: (!phrase || terms.len() == 1).then_some(flat),
            phrase,
        })
    }

    /// The term's queries in both text fields, none if it has no searchable
    /// token; such a term is left out rather than allowed to match nothing.
    /// A quoted phrase means the words as written, so it is not stemmed.
    /// For a phrase, also the query ranking reads instead ([`all_words`]).
    fn term(&mut self, term: &Term, wanted: bool) -> TermQueries {
        let word = match term {
            Term::Word(text) => self.stemmers.word(text, &self.langs),
            Term::Phrase(text) => self.stemmers.word(text, &[]),
        };
        if wanted {
            self.highlight.add(&word);
        }
        let mut stems = word.stem_terms();
        // A word that is its own stem is one term in a post: it scores as
        // both, as it did when the post held it twice.
        let own_stem = match word.exact.as_slice() {
            [(_, token)] => stems.iter().position(|s| s == token),
            _ => None,
        };
        if let Some(at) = own_stem {
            stems.remove(at);
        }
        let parts = [
            (self.fields.title_text, TITLE_EXACT, TITLE_STEMMED),
            (self.fields.body_text, BODY_EXACT, BODY_STEMMED),
        ];
        let mut alternatives = Vec::new();
        for (field, exact_boost, stemmed_boost) in parts {
            let exact_boost = exact_boost + own_stem.map_or(0.0, |_| stemmed_boost);
            alternatives.extend(as_written(field, &word.exact, exact_boost));
            alternatives.extend(
                stems
                    .iter()
                    .map(|stem| boosted_term(field, stem, stemmed_boost)),
            );
        }
        (alternatives, all_words(self.fields, &word.exact))
    }
}

/// A phrase as ranking reads it (quoted, or a word of several tokens such as
/// "SDG-11"): all of its words, each in the title or the body, scored as
/// words as written are; None for a single word. A phrase scorer cannot skip
/// blocks: it reads the positions of every post holding all its words, and
/// common phrases ("open data portal") were the slowest searches
/// (BENCHMARKS.md, "Eighth run"). Ranking checks the phrase only for
/// candidates that can reach the page.
///
/// Function words ("de", "the") are left to the check: nearly every post
/// holds them, so walking their postings made the phrases holding one the
/// slowest searches, and they add little to a score (BENCHMARKS.md,
/// "Twenty-first run").
fn all_words(fields: &Fields, tokens: &[(usize, String)]) -> Option<PhraseWords> {
    if tokens.len() < 2 {
        return None;
    }
    let telling: Vec<&(usize, String)> = tokens
        .iter()
        .filter(|(_, token)| !is_stop_word(token))
        .collect();
    let tokens: Vec<&(usize, String)> = match telling.is_empty() {
        true => tokens.iter().collect(),
        false => telling,
    };
    let per_word = |token: &String| {
        vec![
            boosted_term(fields.title_text, token, TITLE_EXACT),
            boosted_term(fields.body_text, token, BODY_EXACT),
        ]
    };
    let words = tokens
        .iter()
        .map(|(_, token)| Box::new(Alternatives(per_word(token))) as Box<dyn Query>)
        .collect();
    let each = tokens
        .iter()
        .flat_map(|(_, token)| per_word(token))
        .collect();
    Some((Box::new(BooleanQuery::intersection(words)), each))
}

/// A word as written: a term, or a phrase when it has several tokens.
fn as_written(field: Field, tokens: &[(usize, String)], boost: f32) -> Option<Box<dyn Query>> {
    match tokens {
        [] => None,
        [(_, token)] => Some(boosted_term(field, token, boost)),
        _ => {
            let phrase = PhraseQuery::new_with_offset(
                tokens
                    .iter()
                    .map(|(position, token)| (*position, IndexTerm::from_field_text(field, token)))
                    .collect(),
            );
            Some(Box::new(BoostQuery::new(Box::new(phrase), boost)))
        }
    }
}

fn boosted_term(field: Field, text: &str, boost: f32) -> Box<dyn Query> {
    Box::new(BoostedTerm::new(
        IndexTerm::from_field_text(field, text),
        boost,
    ))
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
