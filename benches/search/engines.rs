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
    let (took, results) = peerhall::bench::search::in_process(index, viewer, q)?;
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

/// Each post of the corpus as the baselines index it.
pub(crate) fn rows(corpus: &Corpus) -> impl Iterator<Item = (BaselineRow<'_>, String)> {
    corpus.threads.iter().flat_map(|t| {
        t.posts.iter().enumerate().map(move |(n, p)| {
            let space = t
                .space_city
                .map_or_else(|| "public".to_owned(), |c| format!("city:{}", city_slug(c)));
            let row = BaselineRow {
                id: i64::from(p.id),
                thread_id: i64::from(t.id),
                title: if n == 0 { &t.title } else { "" },
                thread_title: &t.title,
                body: &p.body,
                pg_config: LANGUAGES[t.lang].pg_config,
                area: t.category,
                space: "",
            };
            (row, space)
        })
    })
}

/// Feeds every post of `corpus` to `insert`, in batches.
pub(crate) fn feed(
    corpus: &Corpus,
    mut insert: impl FnMut(&[BaselineRow]) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let all: Vec<(BaselineRow, String)> = rows(corpus).collect();
    for chunk in all.chunks(FTS_POSTS_PER_TX) {
        let batch: Vec<BaselineRow> = chunk
            .iter()
            .map(|(row, space)| BaselineRow { space, ..*row })
            .collect();
        insert(&batch)?;
    }
    Ok(())
}

/// What a baseline's search returned, as the report counts it.
pub(crate) fn answered(
    found: anyhow::Result<(Duration, usize)>,
) -> anyhow::Result<(Duration, Answer)> {
    let (took, hits) = found?;
    Ok((took, Answer { hits, total: None }))
}
