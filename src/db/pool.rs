//! The run-time choice of backend and the r2d2 pool over it.

use std::time::Duration;

use anyhow::Context;
use diesel::connection::SimpleConnection;
use diesel::r2d2::{self, ManageConnection, Pool, PooledConnection};
use diesel::{Connection, PgConnection, SqliteConnection};

use super::DatabaseTarget;

/// A connection to whichever backend `database.url` names.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Sqlite(SqliteConnection),
    Postgres(PgConnection),
}

pub type DbPool = Pool<Manager>;
pub type PooledConn = PooledConnection<Manager>;

/// SQLite is shared by every worker thread: WAL lets readers run beside the one
/// writer, and the busy timeout makes writers queue instead of failing.
const SQLITE_PRAGMAS: &str = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
     PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;";

/// Opens connections for the pool, choosing the backend ourselves so that the
/// driver's own error message reaches the user.
#[derive(Debug, Clone)]
pub struct Manager {
    target: DatabaseTarget,
    /// Only the first connection may create the SQLite file: a file deleted
    /// under a running service must fail loudly, not come back empty.
    may_create: bool,
}

impl Manager {
    pub fn is_sqlite(&self) -> bool {
        matches!(self.target, DatabaseTarget::Sqlite(_))
    }

    pub fn establish(&self) -> Result<DbConnection, r2d2::Error> {
        match &self.target {
            DatabaseTarget::Sqlite(path) => {
                if !self.may_create && !path.exists() {
                    let gone = format!("the SQLite file {} is gone", path.display());
                    return Err(r2d2::Error::ConnectionError(
                        diesel::ConnectionError::BadConnection(gone),
                    ));
                }
                let path = path.to_string_lossy();
                let mut conn = SqliteConnection::establish(&path)?;
                conn.batch_execute(SQLITE_PRAGMAS)?;
                Ok(DbConnection::Sqlite(conn))
            }
            DatabaseTarget::Postgres(url) => {
                Ok(DbConnection::Postgres(PgConnection::establish(url)?))
            }
        }
    }
}

impl ManageConnection for Manager {
    type Connection = DbConnection;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConnection, r2d2::Error> {
        self.establish()
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), r2d2::Error> {
        conn.batch_execute("SELECT 1")
            .map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, _conn: &mut DbConnection) -> bool {
        std::thread::panicking()
    }
}

/// Connects once (so a wrong URL fails with the driver's own words), then pools.
pub fn build_pool(
    target: &DatabaseTarget,
    size: u32,
    timeout: Duration,
) -> anyhow::Result<(DbPool, DbConnection)> {
    if let DatabaseTarget::Sqlite(path) = target
        && let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    let mut manager = Manager {
        target: target.clone(),
        may_create: true,
    };
    let first = manager
        .establish()
        .with_context(|| format!("cannot open the database ({})", target.describe()))?;
    manager.may_create = false;
    // A server connection can drop between uses; a SQLite file handle cannot,
    // and checking it cost a parsed `SELECT 1` on every checkout.
    let test_on_check_out = !manager.is_sqlite();
    let pool = Pool::builder()
        .max_size(size)
        .min_idle(Some(1))
        .connection_timeout(timeout)
        .test_on_check_out(test_on_check_out)
        .build(manager)
        .with_context(|| format!("cannot pool connections to {}", target.describe()))?;
    Ok((pool, first))
}

#[cfg(test)]
mod tests {
    use diesel::sql_types::Integer;
    use diesel::{Connection, QueryableByName, RunQueryDsl, SqliteConnection};

    #[derive(QueryableByName)]
    struct Used {
        #[diesel(sql_type = Integer)]
        used: i32,
    }

    /// Without the flag in `.cargo/config.toml`, every query with a LIMIT is
    /// planned again on each use: the bundled SQLite must be built with it.
    #[test]
    fn the_bundled_sqlite_keeps_its_query_plans() {
        let mut conn = SqliteConnection::establish(":memory:").unwrap();
        let flag: Used =
            diesel::sql_query("SELECT sqlite_compileoption_used('ENABLE_QPSG') AS used")
                .get_result(&mut conn)
                .unwrap();
        assert_eq!(flag.used, 1);
    }

    /// With memory management, every connection's page cache shares one
    /// mutex: `.cargo/config.toml` must turn it off again.
    #[test]
    fn the_bundled_sqlite_gives_each_connection_its_own_page_cache() {
        let mut conn = SqliteConnection::establish(":memory:").unwrap();
        let flag: Used = diesel::sql_query(
            "SELECT sqlite_compileoption_used('ENABLE_MEMORY_MANAGEMENT') AS used",
        )
        .get_result(&mut conn)
        .unwrap();
        assert_eq!(flag.used, 0);
    }
}
