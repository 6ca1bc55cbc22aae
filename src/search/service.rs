//! A search as a person asks for it, shared by the page and the API: the
//! query text plus the form's filter controls, parsed once; who is asking
//! decides which spaces they see; a search that must count every match runs
//! off the async workers.

use serde::Deserialize;

use super::{
    LiveIndex, RelatedRequest, RelatedThread, Results, SearchRequest, Sort, Viewer, parse,
};
use crate::accounts::policy::{self, Action};
use crate::accounts::users::User;
use crate::forum::space::Space;
use crate::i18n::Lang;

/// Hits on one page unless the API caller asks for another number.
pub const PER_PAGE: usize = 10;

/// `GET /search` and `/api/v1/search` parameters: `q` in the query language,
/// and the same filters as separate controls for the page's form.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
pub struct SearchParams {
    /// Words, "phrases", OR, -exclusions and filters such as `area:dm`,
    /// `criterion:DM8`, `tag:gis`, `city:boston`, `author:ana-souza`,
    /// `lang:es`, `after:2026-01-01`, `before:2026-02-01`, `is:solved`,
    /// `is:unanswered`.
    pub q: Option<String>,
    /// 1-based page number.
    pub page: Option<usize>,
    /// Hits per page (1–50, default 10).
    pub per_page: Option<usize>,
    /// `relevance` (the default) or `latest`.
    pub sort: Option<String>,
    pub area: Option<String>,
    pub lang: Option<String>,
    pub criterion: Option<String>,
    /// `solved` or `unanswered`.
    pub is: Option<String>,
    /// YYYY-MM-DD
    pub after: Option<String>,
    /// YYYY-MM-DD
    pub before: Option<String>,
}

impl SearchParams {
    /// The query text with the form's controls appended as filters.
    pub fn query_text(&self) -> String {
        let mut text = self.q.clone().unwrap_or_default();
        let controls = [
            ("area", &self.area),
            ("lang", &self.lang),
            ("criterion", &self.criterion),
            ("is", &self.is),
            ("after", &self.after),
            ("before", &self.before),
        ];
        for (name, value) in controls {
            let value = value.as_deref().map(str::trim).unwrap_or_default();
            // A value with a space would split into a word; quote-free codes never have one.
            if !value.is_empty() && !value.contains(char::is_whitespace) {
                text.push_str(&format!(" {name}:{value}"));
            }
        }
        text.trim().to_owned()
    }

    /// Whether anything was asked (an empty page shows only the form).
    pub fn is_empty(&self) -> bool {
        self.query_text().is_empty()
    }
}

/// A query the index cannot run, as a sentence for the `q` field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
}

/// Who sees what: program staff every space, others public ones and their own city's.
pub fn viewer_of(user: &User) -> Viewer {
    Viewer {
        all_spaces: policy::allows(Some(user), Action::ReadEveryCitySpace),
        city_space: Space::own_city(user).map(|space| space.api_name()),
    }
}

/// Parses what was asked; the problem comes in the reader's language.
pub fn request_of(params: &SearchParams, lang: Lang) -> Result<SearchRequest, Problem> {
    let problem = |e: super::QueryError| Problem {
        message: lang.t_args(e.key, &[("arg", e.arg.unwrap_or_default().into())]),
    };
    let query = parse(&params.query_text()).map_err(problem)?;
    let sort = match params.sort.as_deref().map(str::trim) {
        None | Some("") => Sort::Relevance,
        Some(text) => Sort::parse(text).map_err(problem)?,
    };
    Ok(SearchRequest {
        query,
        sort,
        page: params.page.unwrap_or(1).max(1),
        per_page: params.per_page.unwrap_or(PER_PAGE),
    })
}

/// Runs a parsed request: on the request's own worker if its totals are
/// remembered, so that only a page is left to rank (a few milliseconds at
/// worst, since ranking prunes), and off the async workers if every match
/// has to be counted. In place, a search does not wait for a rayon thread
/// to wake and take it, nor its worker to wake for the answer: the median
/// of the bench's searches over HTTP fell by 60–85 µs (BENCHMARKS.md,
/// "Eighteenth run").
pub async fn run(
    live: &LiveIndex,
    viewer: Viewer,
    request: SearchRequest,
) -> anyhow::Result<Results> {
    // Wakes a rayon thread while the query compiles, for the ranking's
    // second half to find it awake.
    rayon::spawn(|| {});
    let search = live.get().prepare(viewer, request);
    if search.is_counted() {
        return caught(move || search.run());
    }
    on_search_threads(move || search.run()).await
}

/// Threads related to each request, off the async workers, in the requests' order.
pub async fn related(
    live: &LiveIndex,
    viewer: Viewer,
    requests: Vec<RelatedRequest>,
) -> anyhow::Result<Vec<Vec<RelatedThread>>> {
    let index = live.get();
    on_search_threads(move || {
        requests
            .iter()
            .map(|request| index.related(&viewer, request))
            .collect()
    })
    .await
}

/// Runs `work` on rayon's threads, where a search splits its segments and
/// its hits between the cores (`rayon::join`), and waits without holding
/// up the async worker. Through actix's blocking pool, a search crossed
/// threads twice more on its way to rayon and back.
async fn on_search_threads<T: Send + 'static>(
    work: impl FnOnce() -> anyhow::Result<T> + Send + 'static,
) -> anyhow::Result<T> {
    let (done, answer) = tokio::sync::oneshot::channel();
    rayon::spawn(move || {
        // The request may have gone; its answer with it.
        let _ = done.send(caught(work));
    });
    answer.await?
}

/// `work`'s outcome, with a panic in it as an error: on rayon's threads a
/// panic would abort the process, and on an async worker end it.
fn caught<T>(work: impl FnOnce() -> anyhow::Result<T>) -> anyhow::Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))
        .unwrap_or_else(|_| Err(anyhow::anyhow!("a search panicked")))
}
