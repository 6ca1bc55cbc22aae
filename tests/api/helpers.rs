//! `TestApp`: a real Peerhall on a free port with its own data directory and
//! database, dropped (PostgreSQL database included) when the test ends.

use std::path::Path;

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use peerhall::config::{Secret, Settings};
use peerhall::db::PooledConn;
use peerhall::startup::{AppState, Application};
use tempfile::TempDir;

pub const PG_ENV: &str = "PEERHALL_TEST_DATABASE_URL";

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub state: AppState,
    pub data: TempDir,
    // Declared last: dropped after the app's pool handles are gone from this struct.
    pub pg: Option<PgTestDb>,
}

/// Settings for a test: defaults, a temp data dir, any free port, one worker.
pub fn test_settings(data: &Path, database_url: Option<String>) -> Settings {
    let mut settings = Settings::load_from(Path::new("config"), None).expect("default settings");
    settings.data_dir = data.to_owned();
    settings.search.dir = data.join("index");
    settings.email.outbox_dir = data.join("outbox");
    settings.server.port = 0;
    settings.server.workers = 1;
    settings.server.shutdown_timeout_secs = 1;
    settings.database.url = Secret::new(database_url.unwrap_or_default());
    settings.database.pool_size = 4;
    settings
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    pub async fn spawn_with(adjust: impl FnOnce(&mut Settings)) -> TestApp {
        let data = tempfile::tempdir().expect("temp dir");
        let pg = std::env::var(PG_ENV).ok().map(|url| PgTestDb::create(&url));
        let mut settings = test_settings(data.path(), pg.as_ref().map(PgTestDb::url));
        adjust(&mut settings);
        let app = Application::build(&settings).expect("the app builds");
        let address = format!("http://127.0.0.1:{}", app.port());
        let state = app.state().clone();
        tokio::spawn(app.run_until_stopped());
        TestApp {
            address,
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("client"),
            state,
            data,
            pg,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
    }

    pub async fn get_in(&self, path: &str, accept_language: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .header("Accept-Language", accept_language)
            .send()
            .await
            .expect("request")
    }

    pub fn conn(&self) -> PooledConn {
        self.state.pool.get().expect("a database connection")
    }

    pub fn is_postgres(&self) -> bool {
        self.pg.is_some()
    }
}

/// A PostgreSQL database made for one test and dropped after it.
pub struct PgTestDb {
    admin_url: String,
    pub name: String,
}

impl PgTestDb {
    pub fn create(admin_url: &str) -> PgTestDb {
        let name = format!("peerhall_test_{}", uuid::Uuid::new_v4().simple());
        let mut admin = PgConnection::establish(admin_url)
            .unwrap_or_else(|e| panic!("{PG_ENV}={admin_url} is unreachable: {e}"));
        admin
            .batch_execute(&format!("CREATE DATABASE \"{name}\""))
            .expect("create the test database");
        PgTestDb {
            admin_url: admin_url.to_owned(),
            name,
        }
    }

    pub fn url(&self) -> String {
        let mut url = url::Url::parse(&self.admin_url).expect("a valid PostgreSQL URL");
        url.set_path(&self.name);
        url.to_string()
    }

    /// Drops the database now, cutting every connection (used to simulate an outage).
    pub fn drop_now(&self) {
        let mut admin = PgConnection::establish(&self.admin_url).expect("admin connection");
        admin
            .batch_execute(&format!(
                "DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)",
                self.name
            ))
            .expect("drop the test database");
    }
}

impl Drop for PgTestDb {
    fn drop(&mut self) {
        if let Ok(mut admin) = PgConnection::establish(&self.admin_url) {
            let _ = admin.batch_execute(&format!(
                "DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)",
                self.name
            ));
        }
    }
}
