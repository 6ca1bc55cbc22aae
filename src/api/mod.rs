//! The JSON API's description: one OpenAPI document generated from the
//! handlers' annotations, served at `/api/v1/openapi.json`.

use actix_web::{HttpResponse, route};
use utoipa::OpenApi;

use crate::{error, health, standard};

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
        openapi_json,
    ),
    components(schemas(error::ErrorBody)),
    tags(
        (name = "health", description = "Service health"),
        (name = "standards", description = "The certification standards and their criteria"),
        (name = "meta", description = "This document")
    )
)]
pub struct ApiDoc;

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
