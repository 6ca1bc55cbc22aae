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

/// The JSON is decoded after the clock stops.
pub(crate) fn over_http(
    client: &mut RawClient,
    token: &str,
    q: &BenchQuery,
) -> anyhow::Result<(Duration, Answer)> {
    let (took, body) = peerhall::bench::search::over_http(client, token, q)?;
    let page: ApiPage = serde_json::from_slice(&body)?;
    Ok((
        took,
        Answer {
            hits: page.hits.len(),
            total: Some(page.total),
        },
    ))
}

/// Feeds every post of `corpus` to `insert`, as the baselines index it,
/// [`FTS_POSTS_PER_TX`] posts or so at a time.
pub(crate) fn feed(
    corpus: &Corpus,
    mut insert: impl FnMut(&[BaselineRow]) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let spaces: Vec<String> = (0..=CITIES)
        .map(|c| format!("city:{}", city_slug(c)))
        .collect();
    let mut batch = Vec::with_capacity(FTS_POSTS_PER_TX);
    for t in &corpus.threads {
        let space = t
            .space_city
            .and_then(|c| spaces.get(c))
            .map_or("public", String::as_str);
        for (n, p) in t.posts.iter().enumerate() {
            batch.push(BaselineRow {
                id: i64::from(p.id),
                thread_id: i64::from(t.id),
                title: if n == 0 { &t.title } else { "" },
                thread_title: &t.title,
                body: &p.body,
                pg_config: LANGUAGES[t.lang].pg_config,
                area: t.category,
                space,
            });
        }
        if batch.len() >= FTS_POSTS_PER_TX {
            insert(&batch)?;
            batch.clear();
        }
    }
    if !batch.is_empty() {
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
