//! Threads related to a text rather than to a typed query: the roadmap's
//! threads about a step and the questions like one being written. Each
//! thread counts once, by its opening post, ranked by how much of the text's
//! rarer words its title shares, solved threads first among equals.

use std::sync::LazyLock;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, ConstScoreQuery, MoreLikeThisQuery, Occur, Query};
use tantivy::schema::{OwnedValue, Value};
use tantivy::tokenizer::{Language, RawTokenizer, StopWordFilter, TextAnalyzer};
use tantivy::{DocId, Score, SegmentReader, TantivyDocument};

use super::SearchIndex;
use super::compile::{flag, keyword, permission};
use super::fields::Fields;
use super::searcher::Viewer;

/// One analyzer per language that lets a word through unless it is a function word.
static STOP_WORDS: LazyLock<Vec<TextAnalyzer>> = LazyLock::new(|| {
    [
        Language::English,
        Language::Spanish,
        Language::Portuguese,
        Language::French,
    ]
    .into_iter()
    .filter_map(StopWordFilter::new)
    .map(|filter| {
        TextAnalyzer::builder(RawTokenizer::default())
            .filter(filter)
            .build()
    })
    .collect()
});

/// The most related threads one request may ask for.
pub const MAX_RELATED: usize = 20;
/// What being tagged with the criterion adds to a thread's text relevance;
/// tagged threads come first whatever their scores.
const TAGGED_SCORE: f32 = 1.0;
/// Tagged or not, relevance, thread id: the order of related threads.
type Rank = (bool, Score, i64);
/// A solved thread scores this much more than an otherwise equal one.
const SOLVED_BOOST: f32 = 1.5;
/// Words in more than one title in this many say nothing about a thread
/// ("how", "city", "data" in a data forum)...
const COMMON_SHARE: u64 = 10;
/// ... unless the forum is small, where a word may be in this many titles.
const COMMON_FLOOR: u64 = 3;
/// The text's most telling words looked for, at most.
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
        let threads = searcher.doc_freq(&tantivy::Term::from_field_bool(f.is_opening, true))?;
        let max_docs = (threads / COMMON_SHARE).max(COMMON_FLOOR);
        let Some(query) = related_query(f, viewer, req, max_docs) else {
            return Ok(Vec::new());
        };
        let limit = req.limit.clamp(1, MAX_RELATED);
        let criterion = req.criterion.as_ref().map(|c| c.to_uppercase());
        let top = TopDocs::with_limit(limit)
            .tweak_score(move |segment: &SegmentReader| rank_in(segment, criterion.as_deref()));
        let found = searcher.search(&query, &top)?;
        found
            .into_iter()
            .map(|((_, score, _), address)| {
                let doc: TantivyDocument = searcher.doc(address)?;
                Ok(thread_of(f, &doc, score))
            })
            .collect()
    }
}

/// Opening posts the viewer may read, tagged with the criterion or titled
/// with the texts' telling words; None when the request asks for neither.
fn related_query(
    f: &Fields,
    viewer: &Viewer,
    req: &RelatedRequest,
    max_docs: u64,
) -> Option<BooleanQuery> {
    let mut related: Vec<Box<dyn Query>> = Vec::new();
    if let Some(code) = &req.criterion {
        let tagged = keyword(f.criteria, &code.to_uppercase());
        related.push(Box::new(ConstScoreQuery::new(tagged, TAGGED_SCORE)));
    }
    let words = telling_words(&req.texts.join("\n"));
    if !words.is_empty() {
        related.push(Box::new(title_words(f, words, max_docs)));
    }
    if related.is_empty() {
        return None;
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
        (Occur::Must, Box::new(BooleanQuery::union(related))),
        (Occur::Must, unscored(flag(f.is_opening, true))),
    ];
    clauses.extend(permission(viewer).map(|q| (Occur::Must, unscored(q))));
    Some(BooleanQuery::new(clauses))
}

fn unscored(query: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(query, 0.0))
}

/// The words' rarest terms in titles, analysed as each title field analyses
/// titles: as typed (accents folded) and stemmed in each language.
fn title_words(f: &Fields, words: String, max_docs: u64) -> MoreLikeThisQuery {
    let fields = std::iter::once(f.title_text.exact)
        .chain(f.title_text.stemmed)
        .map(|field| (field, vec![OwnedValue::Str(words.clone())]))
        .collect();
    MoreLikeThisQuery::builder()
        .with_min_doc_frequency(1)
        .with_max_doc_frequency(max_docs)
        .with_min_term_frequency(1)
        .with_max_query_terms(QUERY_TERMS)
        .with_document_fields(fields)
}

/// The text without the function words of the four languages ("how", "de",
/// "não", "les"): the index keeps them for phrases, but they relate nothing.
fn telling_words(text: &str) -> String {
    let mut stop = STOP_WORDS.clone();
    text.split(|c: char| !c.is_alphanumeric() && c != '.' && c != '-')
        .map(|w| w.trim_matches(['.', '-']))
        .filter(|w| !w.is_empty())
        .filter(|w| {
            let lower = w.to_lowercase();
            stop.iter_mut()
                .all(|analyzer| analyzer.token_stream(&lower).advance())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Threads tagged with the criterion first; then text relevance, more for a
/// thread whose question has an accepted answer; among equals the newest.
fn rank_in(
    segment: &SegmentReader,
    criterion: Option<&str>,
) -> impl Fn(DocId, Score) -> Rank + use<> {
    let fast = segment.fast_fields();
    let solved = fast.bool("solved").ok();
    let thread = fast.i64("thread_id").ok();
    let criteria = fast.str("criteria").ok().flatten();
    let tag = criteria
        .as_ref()
        .zip(criterion)
        .and_then(|(column, code)| column.dictionary().term_ord(code).ok().flatten());
    move |doc, score| {
        let tagged = criteria
            .as_ref()
            .zip(tag)
            .is_some_and(|(column, tag)| column.term_ords(doc).any(|ord| ord == tag));
        let solved = solved.as_ref().and_then(|c| c.first(doc)).unwrap_or(false);
        let thread = thread.as_ref().and_then(|c| c.first(doc)).unwrap_or(0);
        let score = if solved { score * SOLVED_BOOST } else { score };
        (tagged, score, thread)
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
            telling_words("Publishing the PM2.5 data? ¿Publicar los datos? Les données."),
            "Publishing PM2.5 data Publicar datos données"
        );
        assert_eq!(telling_words("and le la de que não"), "");
        assert_eq!(telling_words("311 ... SDG-11"), "311 SDG-11");
    }
}
