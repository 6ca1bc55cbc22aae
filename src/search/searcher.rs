//! Running a parsed query for a viewer: who may see what, ranking (BM25,
//! accepted answers and votes) or date order, one page of hits with snippets,
//! the total and the facet counts of all matches.

use chrono::{DateTime as ChronoDateTime, NaiveDateTime};
use tantivy::collector::TopDocs;
use tantivy::query::EnableScoring;
use tantivy::schema::{Field, Value};
use tantivy::{DateTime, DocAddress, Order, Score, Searcher, TantivyDocument};

use super::SearchIndex;
use super::compile::{Compiled, compile};
use super::counts::Totals;
use super::fields::Fields;
use super::query::{ParsedQuery, Sort};
use super::ranking;
use super::snippet::Snippets;
use super::spaces::spaces;
use super::statistics::Statistics;

/// The most hits one page may ask for.
pub const MAX_PER_PAGE: usize = 50;

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

/// A search ready to run: the index as it was when it was prepared, and the
/// compiled query. It can be sent to another thread.
pub struct PreparedSearch {
    index: SearchIndex,
    searcher: Searcher,
    compiled: Compiled,
    viewer: Viewer,
    request: SearchRequest,
    /// What its totals and facets are remembered by.
    counted_as: String,
    /// Its totals and facets, if they were remembered when it was prepared.
    remembered: Option<Totals>,
}

impl SearchIndex {
    /// The page of posts matching `req` that `viewer` may read.
    pub fn search(&self, viewer: &Viewer, req: &SearchRequest) -> anyhow::Result<Results> {
        self.prepare(viewer.clone(), req.clone()).run()
    }

    pub fn prepare(&self, viewer: Viewer, request: SearchRequest) -> PreparedSearch {
        let compiled = compile(&self.inner.fields, &viewer, &request.query);
        let searcher = self.inner.reader.searcher();
        let counted_as = format!("{:?}\u{1f}{viewer:?}", request.query);
        PreparedSearch {
            remembered: self.inner.counts.remembered(&searcher, &counted_as),
            index: self.clone(),
            searcher,
            compiled,
            counted_as,
            viewer,
            request,
        }
    }

    /// Forgets the remembered totals and facet counts, so that the next
    /// searches count every match again: what a first search costs.
    pub fn forget_counts(&self) {
        self.inner.counts.clear();
    }
}

impl PreparedSearch {
    /// Whether its totals and facets are remembered, so that running it
    /// only ranks one page: counting every match is what can take long.
    pub fn is_counted(&self) -> bool {
        self.remembered.is_some()
    }

    pub fn run(self) -> anyhow::Result<Results> {
        let PreparedSearch {
            index,
            searcher,
            compiled,
            viewer,
            request: req,
            counted_as,
            remembered,
        } = self;
        let fields = &index.inner.fields;
        let per_page = req.per_page.clamp(1, MAX_PER_PAGE);
        let offset = req.page.max(1).saturating_sub(1).saturating_mul(per_page);
        let (total, facets) = match remembered {
            Some(remembered) => remembered,
            None => index
                .inner
                .counts
                .count(&searcher, &*compiled.query, &counted_as)?,
        };
        // Past the end there is nothing to rank, and a huge offset must not
        // become a huge allocation.
        if offset >= total {
            return Ok(Results {
                total,
                hits: Vec::new(),
                facets,
            });
        }
        let page = Page {
            offset,
            per_page,
            total,
        };
        let statistics = index.inner.statistics.of(&searcher);
        let ranked = page_of((&searcher, &statistics), &compiled, &viewer, &req, page)?;
        let snippets = Snippets::new(compiled.highlight);
        let hits_of = |part: &[(Score, DocAddress)]| {
            part.iter()
                .map(|&(score, address)| hit(&searcher, fields, &snippets, score, address))
                .collect::<anyhow::Result<Vec<Hit>>>()
        };
        // Reading and marking ten posts is a fifth of a search: half each on two cores.
        let (first, second) = ranked.split_at(ranked.len() / 2);
        let (mut hits, rest) = match first {
            [] => (hits_of(second)?, Vec::new()),
            _ => {
                let (a, b) = super::cores::both(|| hits_of(first), || hits_of(second));
                let b = b.ok_or_else(|| anyhow::anyhow!("half of the hits were never read"))?;
                (a?, b?)
            }
        };
        hits.extend(rest);
        Ok(Results {
            total,
            hits,
            facets,
        })
    }
}

/// Which matches a page shows, of how many.
struct Page {
    offset: usize,
    per_page: usize,
    total: usize,
}

/// Matches per wanted hit from which ranking walks the union of the query's
/// terms ([`Compiled::flat`]) rather than the intersection of its words: the
/// union prunes once the page is full of posts that match the whole query,
/// which takes longer the fewer they are, while the intersection scores every
/// match. 3,000 matches for a page of 10 was the cheapest cut-off over the
/// bench's queries (BENCHMARKS.md, "Twelfth run").
const FLAT_FROM_MATCHES_PER_HIT: usize = 300;

/// The page's documents with their scores: newest first, or best first.
fn page_of(
    (searcher, statistics): (&Searcher, &Statistics),
    compiled: &Compiled,
    viewer: &Viewer,
    req: &SearchRequest,
    page: Page,
) -> tantivy::Result<Vec<(Score, DocAddress)>> {
    let Page {
        offset,
        per_page,
        total,
    } = page;
    if req.sort == Sort::Latest || !req.query.has_text() {
        let page = TopDocs::with_limit(per_page).and_offset(offset);
        let newest = page.order_by_fast_field::<DateTime>("created", Order::Desc);
        let docs = searcher.search(&*compiled.query, &newest)?;
        return Ok(docs
            .into_iter()
            .map(|(_, address)| (0.0, address))
            .collect());
    }
    let wanted = offset.saturating_add(per_page);
    let flat = (total >= wanted.saturating_mul(FLAT_FROM_MATCHES_PER_HIT))
        .then_some(compiled.flat.as_ref())
        .flatten();
    let (ranked, loose) = match flat {
        Some(flat) => (flat, true),
        None => (&compiled.ranked, compiled.loose),
    };
    let scoring = EnableScoring::enabled_from_statistics_provider(statistics, searcher);
    let weight = ranked.weight(scoring)?;
    let check = loose
        .then(|| {
            compiled
                .check
                .weight(EnableScoring::disabled_from_searcher(searcher))
        })
        .transpose()?;
    let ranked = (weight.as_ref(), check.as_deref());
    let best = ranking::best(searcher, ranked, spaces(viewer).as_deref(), wanted)?;
    Ok(best.into_iter().skip(offset).collect())
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
