//! The database: one connection type that is SQLite or PostgreSQL at run time,
//! its pool, and the embedded migrations for both backends.

mod migrations;
mod pool;
mod write;

pub use migrations::{applied_migrations, run_migrations};
pub use pool::{DbConnection, DbPool, PooledConn, build_pool};
pub use write::write_transaction;

use std::path::PathBuf;

/// Runs `$body` with `$c` bound to the backend's own connection. Through the
/// multi-connection every execution writes the query's SQL out anew (its
/// wrapper does so to collect the binds), a seventh of a thread page's time
/// (BENCHMARKS.md, "Eighth run"); the backend's own connection finds a
/// statement of fixed shape in its cache by type. For the hot reads.
#[macro_export]
macro_rules! on_backend {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::db::DbConnection::Sqlite($c) => $body,
            $crate::db::DbConnection::Postgres($c) => $body,
        }
    };
}

/// An idle pooled SQLite connection, for a read short enough to run on the
/// async worker itself: an indexed lookup takes microseconds, less than the
/// two thread hops of [`run`], and under WAL a read does not wait for the
/// writer. None for PostgreSQL, whose every query is a network round trip, and
/// when no connection is idle (waiting for one would block the worker).
pub fn idle_sqlite(pool: &DbPool) -> Option<PooledConn> {
    pool.try_get()
        .filter(|conn| matches!(**conn, DbConnection::Sqlite(_)))
}

/// Runs blocking database work off the async workers, with a pooled connection.
pub async fn run<T, F>(pool: &DbPool, work: F) -> anyhow::Result<T>
where
    T: Send + 'static,
    F: FnOnce(&mut DbConnection) -> anyhow::Result<T> + Send + 'static,
{
    let pool = pool.clone();
    actix_web::web::block(move || {
        let mut conn = pool.get()?;
        work(&mut conn)
    })
    .await?
}

/// Whether a failure means the database cannot be reached at all (no
/// connection within the pool's timeout, or one lost mid-request), as
/// opposed to a query that went wrong.
pub fn is_unreachable(error: &anyhow::Error) -> bool {
    use diesel::result::{DatabaseErrorKind, Error as QueryError};
    error.chain().any(|cause| {
        cause.is::<diesel::r2d2::PoolError>()
            || cause.is::<diesel::ConnectionError>()
            || matches!(
                cause.downcast_ref::<QueryError>(),
                Some(QueryError::DatabaseError(
                    DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
                    _
                ))
            )
    })
}

/// Which backend a `database.url` points at, decided from its scheme so that a
/// wrong URL gets a message about the URL rather than a generic driver error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseTarget {
    Sqlite(PathBuf),
    Postgres(String),
}

impl DatabaseTarget {
    pub fn parse(url: &str) -> Result<Self, String> {
        if let Some(path) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        {
            if path.is_empty() {
                return Err("has no file path after `sqlite://`".into());
            }
            return Ok(Self::Sqlite(PathBuf::from(path)));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let parsed = url::Url::parse(url).map_err(|e| format!("is not a valid URL: {e}"))?;
            if parsed.host_str().is_none_or(str::is_empty) {
                return Err("has no host".into());
            }
            return Ok(Self::Postgres(url.to_owned()));
        }
        Err("must start with `sqlite://` or `postgres://`".into())
    }

    /// A description for logs: never the password.
    pub fn describe(&self) -> String {
        match self {
            Self::Sqlite(path) => format!("SQLite at {}", path.display()),
            Self::Postgres(url) => match url::Url::parse(url) {
                Ok(u) => format!(
                    "PostgreSQL at {}:{}{}",
                    u.host_str().unwrap_or_default(),
                    u.port().unwrap_or(5432),
                    u.path()
                ),
                Err(_) => "PostgreSQL".into(),
            },
        }
    }

    pub fn backend_name(&self) -> &'static str {
        match self {
            Self::Sqlite(_) => "sqlite",
            Self::Postgres(_) => "postgres",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_choose_their_backend_by_scheme() {
        assert_eq!(
            DatabaseTarget::parse("sqlite://data/p.db"),
            Ok(DatabaseTarget::Sqlite("data/p.db".into()))
        );
        assert!(matches!(
            DatabaseTarget::parse("postgresql://u@h/db"),
            Ok(DatabaseTarget::Postgres(_))
        ));
        assert!(DatabaseTarget::parse("mysql://h/db").is_err());
        assert!(DatabaseTarget::parse("sqlite://").is_err());
    }

    #[test]
    fn descriptions_never_show_the_password() {
        let target = DatabaseTarget::parse("postgres://u:hunter2@db:5433/ph").unwrap();
        let text = target.describe();
        assert!(!text.contains("hunter2"));
        assert_eq!(text, "PostgreSQL at db:5433/ph");
    }
}
