//! The JSON API's description: one OpenAPI document generated from the
//! handlers' annotations, served at `/api/v1/openapi.json`.

use actix_web::{HttpResponse, route};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::{accounts, error, health, standard};

mod rejections;
pub mod time;
use rejections::ExtractorRejections;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Peerhall API",
        description = "Roadmaps, peers, forum and digests for cities working to the What Works Cities Certification standard. \
            Errors are JSON `{\"error\", \"message\", \"fields\"}`; messages follow `Accept-Language` or `?lang=`."
    ),
    paths(
        health::healthz,
        standard::handlers::list_api,
        standard::handlers::show_api,
        accounts::profile::me,
        crate::digest::api::get_preferences,
        crate::digest::api::patch_preferences,
        crate::assessment::handlers::list_api,
        crate::assessment::submit::submit_api,
        crate::roadmap::handlers::roadmap_api,
        crate::peers::handlers::peers_api,
        accounts::city_settings::patch_city_api,
        crate::forum::api::categories,
        crate::forum::api::list_threads,
        crate::forum::api::create_thread,
        crate::forum::api::show_thread,
        crate::forum::api::reply,
        crate::forum::api::vote,
        crate::forum::api::unvote,
        crate::forum::api::accept,
        crate::forum::api::flag,
        crate::forum::api_moderation::edit,
        crate::forum::api_moderation::delete,
        crate::forum::api_moderation::hide,
        crate::forum::api_moderation::restore,
        crate::forum::api_moderation::lock,
        crate::forum::api_moderation::unlock,
        crate::forum::api_moderation::move_thread,
        crate::forum::api_moderation::flag_queue,
        crate::forum::api_history::revisions,
        crate::forum::api_history::log,
        crate::search::api::search,
        crate::forum::similar::similar_api,
        openapi_json,
    ),
    modifiers(&BearerAuth, &ExtractorRejections),
    components(schemas(error::ErrorBody)),
    tags(
        (name = "health", description = "Service health"),
        (name = "standards", description = "The certification standards and their criteria"),
        (name = "accounts", description = "People and their tokens"),
        (name = "cities", description = "A city's settings (for its admins)"),
        (name = "assessments", description = "Cities' self-assessments (private to each city)"),
        (name = "roadmaps", description = "Each city's roadmap from its latest assessment (private to each city)"),
        (name = "peers", description = "Discoverable cities most like a city, and why (private to each city)"),
        (name = "forum", description = "The practitioners' forum: categories, threads, posts, votes, accepted answers and flags"),
        (name = "search", description = "Full-text search of the forum posts the caller may read"),
        (name = "meta", description = "This document")
    )
)]
pub struct ApiDoc;

/// Personal API tokens (`peerhall admin token`, or the profile page).
struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// This OpenAPI document.
#[utoipa::path(
    get,
    path = "/api/v1/openapi.json",
    tag = "meta",
    responses((status = 200, description = "The OpenAPI 3 document", content_type = "application/json"))
)]
#[route("/api/v1/openapi.json", method = "GET", method = "HEAD")]
pub async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok().json(ApiDoc::openapi())
}
