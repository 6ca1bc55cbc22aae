//! Transactions that read and then write. Under SQLite's WAL a transaction
//! begins as a reader; if another writer commits before its first write, that
//! write cannot upgrade the stale snapshot and fails at once with "database
//! is locked", without waiting out the busy timeout. Such transactions take
//! the write lock when they begin, and so wait their turn instead.

use diesel::Connection;
use diesel::connection::{AnsiTransactionManager, TransactionManager};
use diesel::result::Error as DieselError;
use diesel::sqlite::SqliteConnection;

use super::DbConnection;

/// Runs `work` in a transaction that holds the write lock from its start on
/// SQLite (`BEGIN IMMEDIATE`), and in an ordinary one on PostgreSQL, whose
/// rows lock only as they are written: there `work` locks what it reads
/// before writing (as `accounts::users::lock` does for a person's own
/// data), since a row it finds missing cannot be locked. Commits if `work`
/// succeeds, else rolls back.
pub fn write_transaction<T, E>(
    conn: &mut DbConnection,
    work: impl FnOnce(&mut DbConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<DieselError>,
{
    if !matches!(conn, DbConnection::Sqlite(_)) {
        return conn.transaction(work);
    }
    with_sqlite(conn, |c| {
        AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")
    })?;
    match work(conn) {
        Ok(value) => {
            with_sqlite(conn, AnsiTransactionManager::commit_transaction)?;
            Ok(value)
        }
        Err(e) => {
            // The work's own error is the one worth reporting.
            if let Err(rollback) = with_sqlite(conn, AnsiTransactionManager::rollback_transaction) {
                tracing::warn!(error = %rollback, "a failed write transaction did not roll back");
            }
            Err(e)
        }
    }
}

fn with_sqlite(
    conn: &mut DbConnection,
    step: impl FnOnce(&mut SqliteConnection) -> Result<(), DieselError>,
) -> Result<(), DieselError> {
    match conn {
        DbConnection::Sqlite(c) => step(c),
        DbConnection::Postgres(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;
    use std::time::Duration;

    use diesel::connection::SimpleConnection;
    use diesel::{Connection, SqliteConnection};

    use super::*;

    fn open(path: &std::path::Path) -> DbConnection {
        let mut conn = SqliteConnection::establish(&path.to_string_lossy()).unwrap();
        conn.batch_execute("PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000;")
            .unwrap();
        DbConnection::Sqlite(conn)
    }

    /// One transaction reads, another writer commits, then the first writes:
    /// the race behind the 500s that contract fuzzing found on `PATCH
    /// /api/v1/me/preferences`. Deferred, the first fails at once; begun
    /// immediate, the other writer waits for it and both succeed.
    fn race(immediate: bool) -> (Result<(), DieselError>, Result<(), DieselError>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("race.db");
        open(&path)
            .batch_execute("CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (0);")
            .unwrap();
        let (read, go) = mpsc::channel();
        let other = {
            let path = path.clone();
            std::thread::spawn(move || {
                go.recv().unwrap();
                open(&path).batch_execute("UPDATE t SET n = n + 1")
            })
        };
        let mut conn = open(&path);
        let work = |conn: &mut DbConnection| -> Result<(), DieselError> {
            conn.batch_execute("SELECT n FROM t")?;
            read.send(()).unwrap();
            std::thread::sleep(Duration::from_millis(200));
            conn.batch_execute("UPDATE t SET n = n + 10")
        };
        let first = if immediate {
            write_transaction(&mut conn, work)
        } else {
            conn.transaction(work)
        };
        (first, other.join().unwrap())
    }

    #[test]
    fn a_write_transaction_waits_its_turn_where_a_deferred_one_fails() {
        let (deferred, _) = race(false);
        let locked = deferred.expect_err("a deferred read-then-write loses the race");
        assert!(locked.to_string().contains("locked"), "{locked}");
        let (first, other) = race(true);
        first.unwrap();
        other.unwrap();
    }
}
