//! Embedded migrations, one set per backend, applied at start.

use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use super::DbConnection;

const SQLITE: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES: EmbeddedMigrations = embed_migrations!("migrations/postgres");

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Applies what is pending; returns the versions it applied.
pub fn run_migrations(conn: &mut DbConnection) -> anyhow::Result<Vec<String>> {
    let applied = match conn {
        DbConnection::Sqlite(c) => c.run_pending_migrations(SQLITE).map(versions),
        DbConnection::Postgres(c) => c.run_pending_migrations(POSTGRES).map(versions),
    };
    applied.map_err(|e: BoxError| anyhow::anyhow!("migrations failed: {e}"))
}

/// Versions already applied, newest last.
pub fn applied_migrations(conn: &mut DbConnection) -> anyhow::Result<Vec<String>> {
    let applied = match conn {
        DbConnection::Sqlite(c) => c.applied_migrations().map(versions),
        DbConnection::Postgres(c) => c.applied_migrations().map(versions),
    };
    let mut applied = applied.map_err(|e: BoxError| anyhow::anyhow!("{e}"))?;
    applied.sort();
    Ok(applied)
}

fn versions<V: std::fmt::Display>(list: Vec<V>) -> Vec<String> {
    list.into_iter().map(|v| v.to_string()).collect()
}
