//! Peerhall, in process and over HTTP, as the timed engines.

#[allow(clippy::wildcard_imports)]
use super::*;

/// What one query returned: hits on the page, and every match if known.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Answer {
    pub(crate) hits: usize,
    pub(crate) total: Option<usize>,
}

pub(crate) fn in_process(
    index: &SearchIndex,
    viewer: &Viewer,
    q: &BenchQuery,
) -> anyhow::Result<(Duration, Answer)> {
    let started = Instant::now();
    let query = search::parse(&q.text).map_err(|e| anyhow!("{}: {e}", q.text))?;
    let request = SearchRequest {
        query,
        sort: Sort::Relevance,
        page: 1,
        per_page: PER_PAGE,
    };
    let results = black_box(index.search(viewer, &request)?);
    let took = started.elapsed();
    Ok((
        took,
        Answer {
            hits: results.hits.len(),
            total: Some(results.total),
        },
    ))
}

#[derive(serde::Deserialize)]
pub(crate) struct ApiPage {
    pub(crate) total: usize,
    pub(crate) hits: Vec<serde::de::IgnoredAny>,
}

/// Timed from writing the request to the body's last byte; the JSON is
/// decoded afterwards, untimed.
pub(crate) fn over_http(
    client: &mut RawClient,
    token: &str,
    path: &str,
    q: &str,
) -> anyhow::Result<(Duration, Answer)> {
    let query: String = url::form_urlencoded::byte_serialize(q.as_bytes()).collect();
    let target = format!("{path}?q={query}");
    let started = Instant::now();
    let (status, body) = client.get(&target, token, "application/json")?;
    let took = started.elapsed();
    anyhow::ensure!(
        (200..300).contains(&status),
        "{status} for {q}: {}",
        String::from_utf8_lossy(&body)
    );
    let page: ApiPage = serde_json::from_slice(&body)?;
    Ok((
        took,
        Answer {
            hits: page.hits.len(),
            total: Some(page.total),
        },
    ))
}

/// What a build took, and what it left on disk.
#[derive(Debug, Clone)]
pub(crate) struct Built {
    pub(crate) what: String,
    pub(crate) took: Duration,
    pub(crate) posts: usize,
    pub(crate) size: u64,
    pub(crate) note: String,
}

/// The rows each baseline returns: the page a search shows.
#[derive(QueryableByName)]
#[allow(dead_code)]
pub(crate) struct Found {
    #[diesel(sql_type = Integer)]
    pub(crate) post_id: i32,
    #[diesel(sql_type = Integer)]
    pub(crate) thread_id: i32,
    #[diesel(sql_type = Text)]
    pub(crate) title: String,
    #[diesel(sql_type = Text)]
    pub(crate) snippet: String,
    #[diesel(sql_type = Double)]
    pub(crate) score: f64,
}

/// One row a baseline indexes: a post with what its search needs.
pub(crate) struct Row<'a> {
    pub(crate) id: i32,
    pub(crate) thread_id: i32,
    /// The thread's title on the opening post only, as Peerhall indexes it.
    pub(crate) title: &'a str,
    pub(crate) thread_title: &'a str,
    pub(crate) body: &'a str,
    pub(crate) lang: &'static Language,
    pub(crate) area: &'static str,
    pub(crate) space: String,
}

pub(crate) fn rows(corpus: &Corpus) -> impl Iterator<Item = Row<'_>> {
    corpus.threads.iter().flat_map(|t| {
        t.posts.iter().enumerate().map(move |(n, p)| Row {
            id: p.id,
            thread_id: t.id,
            title: if n == 0 { &t.title } else { "" },
            thread_title: &t.title,
            body: &p.body,
            lang: &LANGUAGES[t.lang],
            area: t.category,
            space: t
                .space_city
                .map_or_else(|| "public".to_owned(), |c| format!("city:{}", city_slug(c))),
        })
    })
}
