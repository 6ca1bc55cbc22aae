//! Threads related to a text rather than to a typed query: the roadmap's
//! threads about a step and the questions like one being written. Each
//! thread counts once, by its opening post. Threads tagged with the asked
//! criterion come first, solved then newest; then titles sharing two of the
//! text's telling words (one, if the text has only one), ranked by how rare
//! they are, solved threads first among equals.

use tantivy::Order;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocId, Score, Searcher, SegmentReader, TantivyDocument, Term as IndexTerm};

use super::SearchIndex;
use super::analysis::{LANGS, is_stop_word};
use super::compile::{flag, keyword};
use super::fields::Fields;
use super::searcher::Viewer;
use super::spaces::permission;
use super::terms::Stemmers;

/// The most related threads one request may ask for.
pub const MAX_RELATED: usize = 20;
/// The score a tagged thread is reported with: tagged threads come first
/// whatever their words, so no text is scored for them.
const TAGGED_SCORE: f32 = 1.0;
/// Relevance, then thread id: the order of threads related by their titles.
type Rank = (Score, i64);
/// A solved thread scores this much more than an otherwise equal one.
const SOLVED_BOOST: f32 = 1.5;
/// Words in more than one title in this many say nothing about a thread
/// ("how" in English titles, "data" in a forum about data)...
const COMMON_SHARE: u64 = 4;
/// ... unless the forum is small, where a word may be in this many titles.
const COMMON_FLOOR: u64 = 5;
/// The text's first telling words looked for, at most.
const QUERY_TERMS: usize = 20;

/// What to relate threads to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RelatedRequest {
    /// Texts, in any language, whose rarer words are looked for in titles.
    pub texts: Vec<String>,
    /// Threads tagged with this criterion code are related whatever their words.
    pub criterion: Option<String>,
    /// Clamped to 1..=[`MAX_RELATED`].
    pub limit: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RelatedThread {
    pub thread_id: i64,
    pub title: String,
    pub solved: bool,
    pub score: f32,
}

impl SearchIndex {
    /// The threads most related to `req` that `viewer` may read, best first.
    pub fn related(
        &self,
        viewer: &Viewer,
        req: &RelatedRequest,
    ) -> anyhow::Result<Vec<RelatedThread>> {
        let searcher = self.inner.reader.searcher();
        let f = &self.inner.fields;
        let limit = req.limit.clamp(1, MAX_RELATED);
        let criterion = req.criterion.as_deref().map(str::to_uppercase);
        let mut found = match &criterion {
            Some(code) => tagged((f, &searcher), viewer, code, limit)?,
            None => Vec::new(),
        };
        // A criterion with enough tagged threads needs no words: scoring every
        // title that shares one would cost most of a roadmap at a million posts.
        if found.len() < limit {
            let asked = (&req.texts[..], criterion.as_deref());
            let titled = titled((f, &searcher), viewer, asked, limit - found.len())?;
            found.extend(titled);
        }
        Ok(found)
    }
}

/// Opening posts tagged with `code` that the viewer may read: solved first,
/// then the newest. No text is scored, so this reads only postings and one
/// fast field per match.
fn tagged(
    (f, searcher): (&Fields, &Searcher),
    viewer: &Viewer,
    code: &str,
    limit: usize,
) -> anyhow::Result<Vec<RelatedThread>> {
    let mut found = Vec::new();
    for solved in [true, false] {
        if found.len() == limit {
            break;
        }
        let mut clauses = readable_openings(f, viewer);
        clauses.push((Occur::Must, keyword(f.criteria, code)));
        clauses.push((Occur::Must, flag(f.solved, solved)));
        let newest = TopDocs::with_limit(limit - found.len())
            .order_by_fast_field::<i64>("thread_id", Order::Desc);
        for (_, address) in searcher.search(&BooleanQuery::new(clauses), &newest)? {
            let doc: TantivyDocument = searcher.doc(address)?;
            found.push(thread_of(f, &doc, TAGGED_SCORE));
        }
    }
    Ok(found)
}

/// Opening posts titled with the texts' telling words that the viewer may
/// read and that are not tagged with `criterion` (an upper-case code; those
/// came first): by relevance, more for a solved question, then the newest.
fn titled(
    (f, searcher): (&Fields, &Searcher),
    viewer: &Viewer,
    (texts, criterion): (&[String], Option<&str>),
    limit: usize,
) -> anyhow::Result<Vec<RelatedThread>> {
    let threads = searcher.doc_freq(&tantivy::Term::from_field_bool(f.is_opening, true))?;
    let max_docs = (threads / COMMON_SHARE).max(COMMON_FLOOR);
    let words = telling_words(&texts.join("\n"));
    let Some(titled) = title_words(f, searcher, &words, max_docs)? else {
        return Ok(Vec::new());
    };
    let mut clauses = readable_openings(f, viewer);
    clauses.push((Occur::Must, Box::new(titled)));
    if let Some(code) = criterion {
        clauses.push((Occur::MustNot, keyword(f.criteria, code)));
    }
    let top = TopDocs::with_limit(limit).tweak_score(rank_in);
    searcher
        .search(&BooleanQuery::new(clauses), &top)?
        .into_iter()
        .map(|((score, _), address)| {
            let doc: TantivyDocument = searcher.doc(address)?;
            Ok(thread_of(f, &doc, score))
        })
        .collect()
}

/// Opening posts the viewer may read, as clauses that add nothing to a score.
fn readable_openings(f: &Fields, viewer: &Viewer) -> Vec<(Occur, Box<dyn Query>)> {
    let mut clauses = vec![(Occur::Must, unscored(flag(f.is_opening, true)))];
    clauses.extend(permission(viewer).map(|q| (Occur::Must, unscored(q))));
    clauses
}

fn unscored(query: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(query, 0.0))
}

/// Titles sharing at least two of the words (one if there is only one), each
/// word looked for as typed (accents folded) and stemmed in each language;
/// words in too many titles say nothing and are left out. None if no word is left.
fn title_words(
    f: &Fields,
    searcher: &Searcher,
    words: &[String],
    max_docs: u64,
) -> tantivy::Result<Option<BooleanQuery>> {
    let mut stemmers = Stemmers::default();
    let langs: Vec<usize> = (0..LANGS.len()).collect();
    let mut per_word: Vec<Box<dyn Query>> = Vec::new();
    for word in words.iter().take(QUERY_TERMS) {
        let terms = stemmers.word(word, &langs);
        let candidates = terms
            .exact
            .iter()
            .map(|(_, token)| token.clone())
            .chain(terms.stem_terms());
        let mut forms: Vec<IndexTerm> = Vec::new();
        for text in candidates {
            let term = IndexTerm::from_field_text(f.title_text, &text);
            let docs = searcher.doc_freq(&term)?;
            if docs > 0 && docs <= max_docs && !forms.contains(&term) {
                forms.push(term);
            }
        }
        if !forms.is_empty() {
            let alternatives = forms
                .into_iter()
                .map(|term| Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)) as _)
                .collect();
            per_word.push(Box::new(BooleanQuery::union(alternatives)));
        }
    }
    // Two of the text's words, not two of those some title has: a text whose
    // other words no title shares is not about any thread.
    let needed = words.len().min(2);
    Ok((needed > 0 && per_word.len() >= needed)
        .then(|| BooleanQuery::union_with_minimum_required_clauses(per_word, needed)))
}

/// The text's words without the function words of the four languages ("how",
/// "de", "não", "les"), each once, in order: the index keeps function words
/// for phrases, but they relate nothing.
fn telling_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let candidates = text
        .split(|c: char| !c.is_alphanumeric() && c != '.' && c != '-')
        .map(|w| w.trim_matches(['.', '-']))
        .filter(|w| !w.is_empty() && !is_stop_word(&w.to_lowercase()));
    for word in candidates {
        if !words.iter().any(|w| w == word) {
            words.push(word.to_owned());
        }
    }
    words
}

/// Text relevance, more for a thread whose question has an accepted answer;
/// among equals the newest.
fn rank_in(segment: &SegmentReader) -> impl Fn(DocId, Score) -> Rank + use<> {
    let fast = segment.fast_fields();
    let solved = fast.bool("solved").ok();
    let thread = fast.i64("thread_id").ok();
    move |doc, score| {
        let solved = solved.as_ref().and_then(|c| c.first(doc)).unwrap_or(false);
        let thread = thread.as_ref().and_then(|c| c.first(doc)).unwrap_or(0);
        let score = if solved { score * SOLVED_BOOST } else { score };
        (score, thread)
    }
}

fn thread_of(f: &Fields, doc: &TantivyDocument, score: Score) -> RelatedThread {
    let value = |field| doc.get_first(field);
    RelatedThread {
        thread_id: value(f.thread_id).and_then(|v| v.as_i64()).unwrap_or(0),
        title: value(f.title)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_owned(),
        solved: value(f.solved).and_then(|v| v.as_bool()).unwrap_or(false),
        score,
    }
}

#[cfg(test)]
mod tests {
    use super::telling_words;

    #[test]
    fn function_words_of_every_language_are_dropped_and_codes_kept() {
        assert_eq!(
            telling_words("Publishing the PM2.5 data? ¿Publicar los datos? Les données data."),
            [
                "Publishing",
                "PM2.5",
                "data",
                "Publicar",
                "datos",
                "données"
            ]
        );
        assert!(telling_words("How do we: and le la de que não").is_empty());
        assert_eq!(telling_words("311 ... SDG-11"), ["311", "SDG-11"]);
    }
}
