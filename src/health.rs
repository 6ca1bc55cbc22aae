//! `GET /healthz`: whether the database and the search index answer.

use std::time::Duration;

use actix_web::{HttpResponse, route, web};
use diesel::connection::SimpleConnection;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::{DatabaseTarget, DbPool};
use crate::search::LiveIndex;

/// How long a health probe waits for a connection: load balancers want a fast no.
const PROBE_TIMEOUT: Duration = Duration::from_secs(2);

#[derive(Serialize, ToSchema)]
pub struct Health {
    /// `ok`, or `unavailable` when any part is.
    status: &'static str,
    database: &'static str,
    search: &'static str,
    version: &'static str,
}

/// Liveness and readiness: 200 when every part answers, 503 naming the part that does not.
#[utoipa::path(
    get,
    path = "/healthz",
    tag = "health",
    responses(
        (status = 200, description = "Every part answers", body = Health),
        (status = 503, description = "A part does not answer", body = Health)
    )
)]
#[route("/healthz", method = "GET", method = "HEAD")]
pub async fn healthz(
    pool: web::Data<DbPool>,
    target: web::Data<DatabaseTarget>,
    search: web::Data<LiveIndex>,
) -> HttpResponse {
    let pool = pool.into_inner();
    let target = target.into_inner();
    let database = web::block(move || probe_database(&pool, &target)).await;
    let database = match database {
        Ok(Ok(())) => "ok",
        Ok(Err(e)) => {
            tracing::warn!(error = format!("{e:#}"), "health: database unavailable");
            "unavailable"
        }
        Err(_) => "unavailable",
    };
    let search = match search.get().check() {
        Ok(_) => "ok",
        Err(e) => {
            tracing::warn!(error = format!("{e:#}"), "health: search index unavailable");
            "unavailable"
        }
    };
    let healthy = database == "ok" && search == "ok";
    let body = Health {
        status: if healthy { "ok" } else { "unavailable" },
        database,
        search,
        version: env!("CARGO_PKG_VERSION"),
    };
    if healthy {
        HttpResponse::Ok().json(body)
    } else {
        HttpResponse::ServiceUnavailable().json(body)
    }
}

/// Reads a real table, not `SELECT 1`: SQLite answers that without its file.
/// An open SQLite handle keeps reading a deleted file, so look for the file too.
fn probe_database(pool: &DbPool, target: &DatabaseTarget) -> anyhow::Result<()> {
    if let DatabaseTarget::Sqlite(path) = target {
        std::fs::metadata(path)
            .map_err(|e| anyhow::anyhow!("the SQLite file {} is gone: {e}", path.display()))?;
    }
    let mut conn = pool.get_timeout(PROBE_TIMEOUT)?;
    conn.batch_execute("SELECT version FROM __diesel_schema_migrations LIMIT 1")?;
    Ok(())
}
