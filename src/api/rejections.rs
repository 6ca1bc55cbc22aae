//! The answers every operation can give before its handler runs, added to the
//! document in one place: a path, query or body that cannot be read (400), a
//! body too large (413) or not JSON (415). Each handler documents only its own.

use utoipa::Modify;
use utoipa::openapi::path::Operation;
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, RefOr, Response, ResponseBuilder};

/// See the module header; installed on [`super::ApiDoc`].
pub struct ExtractorRejections;

impl Modify for ExtractorRejections {
    fn modify(&self, openapi: &mut OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            let operations = [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ];
            for operation in operations.into_iter().flatten() {
                add_rejections(operation);
            }
        }
    }
}

fn add_rejections(operation: &mut Operation) {
    let has_parameters = operation.parameters.as_ref().is_some_and(|p| !p.is_empty());
    let has_body = operation.request_body.is_some();
    let mut add = |status: &str, description: &str| {
        operation
            .responses
            .responses
            .entry(status.to_owned())
            .or_insert_with(|| RefOr::T(error_response(description)));
    };
    if has_parameters || has_body {
        add(
            "400",
            "The path, query string or body cannot be read (`invalid_path`, `invalid_query`, \
             `invalid_body`); `fields` names the part",
        );
    }
    if has_body {
        add("413", "The body is larger than the operation accepts");
        add("415", "The body is not `application/json`");
    }
}

fn error_response(description: &str) -> Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("ErrorBody")))
                .build(),
        )
        .build()
}
