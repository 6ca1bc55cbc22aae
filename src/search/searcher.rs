//! Running a parsed query for a viewer: who may see what, ranking (BM25,
//! accepted answers and votes) or date order, one page of hits with snippets,
//! the total and the facet counts of all matches.

use chrono::{DateTime as ChronoDateTime, NaiveDateTime};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::Query;
use tantivy::schema::{Field, Value};
use tantivy::{
    DateTime, DocAddress, DocId, Order, Score, Searcher, SegmentReader, TantivyDocument,
};

use super::SearchIndex;
use super::compile::compile;
use super::facets::{Counted, FacetCounts, ranked};
use super::fields::Fields;
use super::query::{ParsedQuery, Sort};
use super::snippet::Snippets;

/// The most hits one page may ask for.
pub const MAX_PER_PAGE: usize = 50;

/// Pages starting before this many hits are counted and ranked in one pass
/// over the matches; deeper ones are counted first.
const SHALLOW_OFFSET: usize = 10 * MAX_PER_PAGE;

/// Weight of votes: a post with 10 votes scores about 1.5 times one with none.
const VOTE_WEIGHT: f32 = 0.2;
/// An accepted answer scores this much more than an otherwise equal post.
const ACCEPTED_BOOST: f32 = 1.5;

/// Who is searching: program staff see every space; anyone else sees public
/// posts and, if they belong to a city, that city's space.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Viewer {
    pub all_spaces: bool,
    /// The viewer's own space as the documents name it: `city:<slug>`.
    pub city_space: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SearchRequest {
    pub query: ParsedQuery,
    /// A query without words is always in date order.
    pub sort: Sort,
    /// 1-based; 0 is read as 1.
    pub page: usize,
    /// Clamped to 1..=[`MAX_PER_PAGE`].
    pub per_page: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub thread_id: i64,
    pub post_id: i64,
    pub title: String,
    /// Escaped post text with `<mark>` around matches: safe to embed as is.
    pub snippet_html: String,
    /// The ranking score; 0 in date order.
    pub score: f32,
    pub lang: String,
    pub area: String,
    pub criteria: Vec<String>,
    pub solved: bool,
    /// UTC.
    pub created: NaiveDateTime,
    pub is_opening: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    /// Every match, not just this page.
    pub total: usize,
    pub hits: Vec<Hit>,
    pub facets: Facets,
}

/// Counts over all matches, most frequent first, then by name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    pub area: Vec<(String, u64)>,
    pub criterion: Vec<(String, u64)>,
}

impl SearchIndex {
    /// The page of posts matching `req` that `viewer` may read.
    pub fn search(&self, viewer: &Viewer, req: &SearchRequest) -> anyhow::Result<Results> {
        let searcher = self.inner.reader.searcher();
        let fields = &self.inner.fields;
        let compiled = compile(fields, viewer, &req.query);
        let per_page = req.per_page.clamp(1, MAX_PER_PAGE);
        let offset = req.page.max(1).saturating_sub(1).saturating_mul(per_page);
        // The first pages are ranked in the pass that counts; a deep page is
        // counted first, since past the end there is nothing to rank and a
        // huge offset must not become a huge allocation in the collector.
        if offset >= SHALLOW_OFFSET {
            let (total, counted) = searcher.search(&*compiled.query, &(Count, FacetCounts))?;
            if offset >= total {
                return Ok(Results {
                    total,
                    hits: Vec::new(),
                    facets: facets_of(counted),
                });
            }
        }
        let by_date = req.sort == Sort::Latest || !req.query.has_text();
        let page = TopDocs::with_limit(per_page).and_offset(offset);
        let (total, counted, ranked) = rank(&searcher, &*compiled.query, page, by_date)?;
        let facets = facets_of(counted);
        let snippets = Snippets::new(&searcher, compiled.highlight.as_deref(), fields);
        let hits = ranked
            .into_iter()
            .map(|(score, address)| hit(&searcher, fields, &snippets, score, address))
            .collect::<anyhow::Result<Vec<Hit>>>()?;
        Ok(Results {
            total,
            hits,
            facets,
        })
    }
}

/// One page of documents with their scores, best first or newest first.
type Ranked = Vec<(Score, DocAddress)>;

fn facets_of(counted: Counted) -> Facets {
    Facets {
        area: ranked(counted.area),
        criterion: ranked(counted.criterion),
    }
}

/// Every match counted, overall and by facet, and the page asked for.
fn rank(
    searcher: &Searcher,
    query: &dyn Query,
    page: TopDocs,
    by_date: bool,
) -> tantivy::Result<(usize, Counted, Ranked)> {
    if by_date {
        let newest = page.order_by_fast_field::<DateTime>("created", Order::Desc);
        let (total, counted, docs) = searcher.search(query, &(Count, FacetCounts, newest))?;
        let docs = docs
            .into_iter()
            .map(|(_, address)| (0.0, address))
            .collect();
        return Ok((total, counted, docs));
    }
    searcher.search(query, &(Count, FacetCounts, page.tweak_score(boosted)))
}

/// Text relevance times a little for votes and more for an accepted answer.
fn boosted(segment: &SegmentReader) -> impl Fn(DocId, Score) -> Score + use<> {
    let votes = segment.fast_fields().i64("votes").ok();
    let accepted = segment.fast_fields().bool("accepted").ok();
    move |doc, score| {
        let votes = votes
            .as_ref()
            .and_then(|c| c.first(doc))
            .unwrap_or(0)
            .max(0);
        let accepted = accepted
            .as_ref()
            .and_then(|c| c.first(doc))
            .unwrap_or(false);
        // Most posts have no votes: no logarithm for them.
        let by_votes = if votes > 0 {
            1.0 + (votes as f32).ln_1p() * VOTE_WEIGHT
        } else {
            1.0
        };
        score * by_votes * if accepted { ACCEPTED_BOOST } else { 1.0 }
    }
}

fn hit(
    searcher: &Searcher,
    f: &Fields,
    snippets: &Snippets,
    score: Score,
    address: DocAddress,
) -> anyhow::Result<Hit> {
    let doc: TantivyDocument = searcher.doc(address)?;
    let value = |field: Field| doc.get_first(field);
    let text = |field: Field| {
        value(field)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_owned()
    };
    let number = |field: Field| value(field).and_then(|v| v.as_i64()).unwrap_or(0);
    let flag = |field: Field| value(field).and_then(|v| v.as_bool()).unwrap_or(false);
    let (title, body, lang) = (text(f.title), text(f.body), text(f.lang));
    Ok(Hit {
        thread_id: number(f.thread_id),
        post_id: number(f.post_id),
        snippet_html: snippets.html(&lang, &title, &body),
        title,
        score,
        area: text(f.area),
        criteria: doc
            .get_all(f.criteria)
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        lang,
        solved: flag(f.solved),
        created: value(f.created)
            .and_then(|v| v.as_datetime())
            .map(to_naive)
            .unwrap_or_default(),
        is_opening: flag(f.is_opening),
    })
}

fn to_naive(time: DateTime) -> NaiveDateTime {
    ChronoDateTime::from_timestamp(time.into_timestamp_secs(), 0)
        .map(|d| d.naive_utc())
        .unwrap_or_default()
}
