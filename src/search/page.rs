//! `GET /search`: the search form (the query language, and its filters as
//! form controls too), one page of hits with highlighted snippets, facet
//! links, and a malformed query explained next to the field.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, route, web};
use maud::{Markup, PreEscaped, html};

use super::service::{self, SearchParams};
use super::{LiveIndex, Results};
use crate::accounts::identity::CurrentUser;
use crate::error::PageError;
use crate::forum::space::Category;
use crate::standard::{Catalog, Standards};
use crate::web::forms::error_list;
use crate::web::{PageContext, html as respond, layout};

#[route("/search", method = "GET", method = "HEAD")]
pub async fn search_page(
    user: CurrentUser,
    page: PageContext,
    live: web::Data<LiveIndex>,
    standards: web::Data<Standards>,
    params: web::Query<SearchParams>,
) -> Result<HttpResponse, PageError> {
    let lang = page.lang;
    let catalog = standards
        .current()
        .map_err(|e| PageError::internal(lang, e))?;
    let view = SearchView {
        params: &params,
        catalog,
        results: None,
        problem: None,
    };
    if params.is_empty() {
        return Ok(respond(StatusCode::OK, search_view(&page, &view)));
    }
    let request = match service::request_of(&params, lang) {
        Ok(request) => request,
        Err(problem) => {
            let view = SearchView {
                problem: Some(problem.message),
                ..view
            };
            return Ok(respond(StatusCode::BAD_REQUEST, search_view(&page, &view)));
        }
    };
    let viewer = service::viewer_of(user.user());
    let results = service::run(&live, viewer, request)
        .await
        .map_err(|e| PageError::internal(lang, e))?;
    let view = SearchView {
        results: Some(&results),
        ..view
    };
    Ok(respond(StatusCode::OK, search_view(&page, &view)))
}

struct SearchView<'a> {
    params: &'a SearchParams,
    catalog: &'a Catalog,
    results: Option<&'a Results>,
    problem: Option<String>,
}

fn search_view(page: &PageContext, view: &SearchView) -> Markup {
    let lang = page.lang;
    let title = lang.t("search-title");
    let body = html! {
        h1 { (title) }
        @if let Some(problem) = &view.problem {
            (error_list(lang, &[("q".to_owned(), problem.clone())]))
        }
        (search_form(page, view))
        @if let Some(results) = view.results { (results_section(page, view, results)) }
    };
    layout(page, &title, body)
}

fn search_form(page: &PageContext, view: &SearchView) -> Markup {
    let lang = page.lang;
    let p = view.params;
    let q = p.q.as_deref().unwrap_or("");
    let invalid = view.problem.as_ref().map(|_| "true");
    let described = if view.problem.is_some() {
        "q-hint q-error"
    } else {
        "q-hint"
    };
    let selected = |value: &Option<String>, option: &str| value.as_deref() == Some(option);
    html! {
        form.search method="get" action="/search" role="search" {
            div.field {
                label for="q" { (lang.t("search-field-q")) }
                p.hint #q-hint { (lang.t("search-hint")) }
                @if let Some(problem) = &view.problem { p.field-error #q-error { (problem) } }
                input #q type="search" name="q" value=(q) aria-describedby=(described) aria-invalid=[invalid];
            }
            fieldset {
                legend { (lang.t("search-filters")) }
                div.field {
                    label for="area" { (lang.t("search-field-area")) }
                    select #area name="area" {
                        option value="" { (lang.t("search-any")) }
                        @for category in Category::all(view.catalog) {
                            option value=(category.slug()) selected[selected(&p.area, category.slug())] { (category.name(view.catalog, lang)) }
                        }
                    }
                }
                div.field {
                    label for="lang" { (lang.t("search-field-lang")) }
                    select #lang name="lang" {
                        option value="" { (lang.t("search-any")) }
                        @for other in crate::i18n::Lang::ALL {
                            option value=(other.code()) selected[selected(&p.lang, other.code())] { (other.native_name()) }
                        }
                    }
                }
                div.field {
                    label for="is" { (lang.t("search-field-is")) }
                    select #is name="is" {
                        option value="" { (lang.t("search-any")) }
                        option value="solved" selected[selected(&p.is, "solved")] { (lang.t("search-is-solved")) }
                        option value="unanswered" selected[selected(&p.is, "unanswered")] { (lang.t("search-is-unanswered")) }
                    }
                }
                div.field {
                    label for="after" { (lang.t("search-field-after")) }
                    input #after type="date" name="after" value=(p.after.as_deref().unwrap_or(""));
                }
                div.field {
                    label for="before" { (lang.t("search-field-before")) }
                    input #before type="date" name="before" value=(p.before.as_deref().unwrap_or(""));
                }
                div.field {
                    label for="sort" { (lang.t("search-field-sort")) }
                    select #sort name="sort" {
                        option value="relevance" { (lang.t("search-sort-relevance")) }
                        option value="latest" selected[selected(&p.sort, "latest")] { (lang.t("search-sort-latest")) }
                    }
                }
            }
            button type="submit" { (lang.t("search-submit")) }
        }
    }
}

fn results_section(page: &PageContext, view: &SearchView, results: &Results) -> Markup {
    let lang = page.lang;
    let count = lang.t_args("search-total", &[("count", (results.total as f64).into())]);
    html! {
        section aria-labelledby="results-heading" {
            h2 #results-heading { (lang.t("search-results")) }
            p role="status" { (count) }
            @if !results.facets.area.is_empty() { (facets(page, view, results)) }
            ol.search-results {
                @for hit in &results.hits {
                    li {
                        a href=(super::api::url_of(hit)) lang=(hit.lang) { (hit.title) }
                        @if hit.solved { " " span.badge { (lang.t("forum-solved")) } }
                        p lang=(hit.lang) { (PreEscaped(&hit.snippet_html)) }
                        p.muted { (area_name(view.catalog, &hit.area, lang)) " · " (hit.criteria.join(", ")) }
                    }
                }
            }
            (pager(page, view, results))
        }
    }
}

fn area_name(catalog: &Catalog, slug: &str, lang: crate::i18n::Lang) -> String {
    Category::parse(catalog, slug)
        .map(|c| c.name(catalog, lang))
        .unwrap_or_else(|| lang.t("search-area-city"))
}

/// Links that narrow the search to one area or criterion, with their counts.
fn facets(page: &PageContext, view: &SearchView, results: &Results) -> Markup {
    let lang = page.lang;
    let q = view.params.query_text();
    let link = |filter: String| {
        let narrowed = format!("{q} {filter}");
        let encoded: String = url::form_urlencoded::byte_serialize(narrowed.as_bytes()).collect();
        format!("/search?q={encoded}")
    };
    html! {
        nav.facets aria-label=(lang.t("search-facets")) {
            h3 { (lang.t("search-field-area")) }
            ul {
                @for (area, count) in &results.facets.area {
                    li { a href=(link(format!("area:{area}"))) { (area_name(view.catalog, area, lang)) " (" (count) ")" } }
                }
            }
            @if !results.facets.criterion.is_empty() {
                h3 { (lang.t("search-criteria")) }
                ul {
                    @for (code, count) in results.facets.criterion.iter().take(12) {
                        li { a href=(link(format!("criterion:{code}"))) { (code) " (" (count) ")" } }
                    }
                }
            }
        }
    }
}

fn pager(page: &PageContext, view: &SearchView, results: &Results) -> Markup {
    let lang = page.lang;
    let current = view.params.page.unwrap_or(1).max(1);
    let per_page = view
        .params
        .per_page
        .unwrap_or(service::PER_PAGE)
        .clamp(1, super::MAX_PER_PAGE);
    let last = results.total.div_ceil(per_page).max(1);
    let href = |n: usize| {
        let mut params = view.params.clone();
        params.page = Some(n);
        format!("/search?{}", query_string(&params))
    };
    let previous = (current > 1).then(|| href(current - 1));
    let next = (current < last).then(|| href(current + 1));
    html! {
        @if previous.is_some() || next.is_some() {
            nav aria-label=(lang.t("search-pages")) {
                ul.pager {
                    @if let Some(href) = previous { li { a rel="prev" href=(href) { (lang.t("search-previous")) } } }
                    @if let Some(href) = next { li { a rel="next" href=(href) { (lang.t("search-next")) } } }
                }
            }
        }
    }
}

/// The parameters as a query string (only those set).
fn query_string(params: &SearchParams) -> String {
    let page = params.page.map(|n| n.to_string());
    let per_page = params.per_page.map(|n| n.to_string());
    let pairs = [
        ("q", params.q.as_deref()),
        ("area", params.area.as_deref()),
        ("lang", params.lang.as_deref()),
        ("criterion", params.criterion.as_deref()),
        ("is", params.is.as_deref()),
        ("after", params.after.as_deref()),
        ("before", params.before.as_deref()),
        ("sort", params.sort.as_deref()),
        ("per_page", per_page.as_deref()),
        ("page", page.as_deref()),
    ];
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in pairs {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            query.append_pair(name, value);
        }
    }
    query.finish()
}
