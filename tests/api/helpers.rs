//! `TestApp`: a real Peerhall on a free port with its own data directory and
//! database, dropped (PostgreSQL database included) when the test ends.

use std::path::Path;

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use peerhall::accounts::admin::{self, UserArgs};
use peerhall::accounts::cities::NewCity;
use peerhall::config::{EmailTransport, Secret, Settings};
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
    settings.email.transport = EmailTransport::Stub;
    // Tests run digest passes themselves, at the times they choose.
    settings.digest.scheduler = false;
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
        Self::start(&settings, data, pg)
    }

    /// Another instance on this one's database, with its own data directory
    /// and search index: a multi-instance deployment in one process.
    pub async fn spawn_beside(&self) -> TestApp {
        self.spawn_beside_in(tempfile::tempdir().expect("temp dir"))
            .await
    }

    /// [`TestApp::spawn_beside`] with a data directory prepared beforehand.
    pub async fn spawn_beside_in(&self, data: TempDir) -> TestApp {
        let url = match &self.pg {
            Some(pg) => pg.url(),
            None => format!(
                "sqlite://{}",
                self.data.path().join("peerhall.db").display()
            ),
        };
        let settings = test_settings(data.path(), Some(url));
        // The first instance owns the PostgreSQL database and drops it.
        Self::start(&settings, data, None)
    }

    /// An instance that reaches `pg` through `url` (a proxy, say); it owns
    /// the database and drops it.
    pub async fn spawn_through(
        url: String,
        pg: PgTestDb,
        adjust: impl FnOnce(&mut Settings),
    ) -> TestApp {
        let data = tempfile::tempdir().expect("temp dir");
        let mut settings = test_settings(data.path(), Some(url));
        adjust(&mut settings);
        Self::start(&settings, data, Some(pg))
    }

    fn start(settings: &Settings, data: TempDir, pg: Option<PgTestDb>) -> TestApp {
        let app = Application::build(settings).expect("the app builds");
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

    /// A JSON request with a bearer token: the status and the JSON answer (null if none).
    pub async fn send_json(
        &self,
        method: &str,
        token: &str,
        path: &str,
        body: serde_json::Value,
    ) -> (u16, serde_json::Value) {
        let method = reqwest::Method::from_bytes(method.as_bytes()).expect("a method");
        let response = self
            .client
            .request(method, self.url(path))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .expect("request");
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or_default())
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

    /// A GET with `Authorization: Bearer token`.
    pub async fn get_as(&self, token: &str, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .bearer_auth(token)
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

    pub fn create_city(&self, slug: &str) -> i32 {
        let args = NewCity {
            slug,
            name: slug,
            country: "US",
            region: "us_canada",
            population: 100_000,
            language: "en",
            discoverable: true,
            is_demo: false,
        };
        admin::create_city(&mut self.conn(), &args, None)
            .expect("create a city")
            .expect("a valid city")
    }

    /// A user with the given role; `city` is a slug.
    pub fn create_user(&self, email: &str, role: &str, city: Option<&str>) -> i32 {
        let args = UserArgs {
            email,
            name: email.split('@').next().unwrap_or("someone"),
            city,
            role,
            language: "en",
            time_zone: "America/Chicago",
        };
        admin::create_user(&mut self.conn(), &args).expect("create a user")
    }

    pub fn token_for(&self, email: &str) -> String {
        admin::create_token(&mut self.conn(), email, "test").expect("create a token")
    }

    /// A client that keeps cookies, like a browser.
    pub fn browser(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client")
    }

    /// The body of a page fetched with a client (a browser with cookies, or any client).
    pub async fn page_text(&self, client: &reqwest::Client, path: &str) -> String {
        let response = client.get(self.url(path)).send().await.expect("request");
        response.text().await.expect("a body")
    }

    /// Posts a form from a client (a browser with cookies, or any client).
    pub async fn post_form(
        &self,
        client: &reqwest::Client,
        path: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        client
            .post(self.url(path))
            .form(fields)
            .send()
            .await
            .expect("request")
    }

    /// The mails the stub transport captured, as raw text.
    pub fn mails(&self) -> Vec<String> {
        let captured = self.state.mailer.captured().expect("the stub mailer");
        let mails = captured.lock().unwrap();
        mails
            .iter()
            .map(|m| {
                // Undo quoted-printable where tests look: soft line breaks and `=`.
                String::from_utf8_lossy(&m.formatted())
                    .replace("=\r\n", "")
                    .replace("=3D", "=")
            })
            .collect()
    }

    /// Waits (up to 5 s) for the n-th mail, counting from 1.
    pub async fn wait_for_mail(&self, n: usize) -> String {
        for _ in 0..100 {
            if let Some(mail) = self.mails().get(n - 1) {
                return mail.clone();
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("mail {n} never arrived")
    }

    /// Signs in through the emailed link; returns the signed-in browser.
    pub async fn sign_in(&self, email: &str) -> reqwest::Client {
        self.sign_in_on(self.browser(), email).await
    }

    /// Signs in on a given client (one with a cookie store).
    pub async fn sign_in_on(&self, browser: reqwest::Client, email: &str) -> reqwest::Client {
        let before = self.mails().len();
        let csrf = csrf_of(&self.page_text(&browser, "/sign-in").await);
        let asked = self
            .post_form(&browser, "/sign-in", &[("email", email), ("csrf", &csrf)])
            .await;
        assert_eq!(asked.status(), 200);
        let token = sign_in_token(&self.wait_for_mail(before + 1).await);
        let page = browser
            .get(self.url(&format!("/sign-in/{token}")))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 200);
        let csrf = csrf_of(&page.text().await.unwrap());
        let used = browser
            .post(self.url(&format!("/sign-in/{token}")))
            .form(&[("csrf", csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(used.status(), 303);
        browser
    }
}

/// The value of the first `csrf` hidden field in a page.
/// The forum's usual cast, each with an API token: a member of `north` who
/// asks, a member of `south` who answers, a moderator and a program admin.
pub struct ForumPeople {
    pub app: TestApp,
    pub asker: String,
    pub answerer: String,
    pub moderator: String,
    pub admin: String,
}

impl ForumPeople {
    pub async fn spawn() -> ForumPeople {
        let app = TestApp::spawn().await;
        app.create_city("north");
        app.create_city("south");
        app.create_user("asker@north.gov", "member", Some("north"));
        app.create_user("answerer@south.gov", "member", Some("south"));
        app.create_user("mod@program.org", "moderator", None);
        app.create_user("admin@program.org", "program_admin", None);
        ForumPeople {
            asker: app.token_for("asker@north.gov"),
            answerer: app.token_for("answerer@south.gov"),
            moderator: app.token_for("mod@program.org"),
            admin: app.token_for("admin@program.org"),
            app,
        }
    }
}

pub fn csrf_of(html: &str) -> String {
    let start = html.find("name=\"csrf\" value=\"").expect("a csrf field") + 19;
    let end = start + html[start..].find('"').unwrap();
    html[start..end].to_owned()
}

/// The token in a sign-in mail's link.
pub fn sign_in_token(mail: &str) -> String {
    let start = mail.find("/sign-in/").expect("a sign-in link") + 9;
    mail[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// A PostgreSQL database made for one test and dropped after it.
pub struct PgTestDb {
    admin_url: String,
    pub name: String,
}

impl PgTestDb {
    pub fn create(admin_url: &str) -> PgTestDb {
        let admin_url = &without_tls(admin_url);
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

/// Test connections to the local server skip TLS: libpq's OpenSSL registers an
/// exit handler that frees its state while the test process's leftover pool
/// threads may still use it, which aborted about one run in 30
/// ("munmap_chunk(): invalid pointer" in OPENSSL_cleanup).
fn without_tls(url: &str) -> String {
    let mut url = url::Url::parse(url).expect("a valid PostgreSQL URL");
    if !url.query_pairs().any(|(key, _)| key == "sslmode") {
        url.query_pairs_mut().append_pair("sslmode", "disable");
    }
    url.to_string()
}

/// The current standard's criterion codes, in catalog order.
pub fn criterion_codes() -> Vec<String> {
    let settings = peerhall::config::StandardSettings {
        pm25_target_ugm3: 5.0,
    };
    let standards = peerhall::standard::Standards::load(&settings).unwrap();
    let catalog = standards.current().unwrap();
    catalog.criteria.iter().map(|c| c.code.clone()).collect()
}

/// A complete JSON assessment: the first `met` criteria met, the rest not
/// started, broadband at 80%.
pub fn full_assessment(met: usize) -> serde_json::Value {
    let answers: serde_json::Map<String, serde_json::Value> = criterion_codes()
        .into_iter()
        .enumerate()
        .map(|(i, code)| {
            let status = if i < met { "met" } else { "not_started" };
            (code, serde_json::Value::from(status))
        })
        .collect();
    serde_json::json!({
        "standard": "wwc-2022",
        "answers": answers,
        "outcomes": {"broadband_pct": 80.0}
    })
}

/// No executable markup. Text is escaped (`&lt;`), so every `<` in the page
/// opens a real tag: each tag is checked for script elements, event handlers,
/// inline styles and script URLs. The layout's own script (same origin,
/// versioned, no inline code) is the one script allowed.
pub fn assert_no_script(html: &str) {
    let lower = html.to_ascii_lowercase();
    for tag in lower.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or_default();
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if name == "script" && is_the_site_script(&tag[name.len()..]) {
            continue;
        }
        assert!(
            ![
                "script", "iframe", "object", "embed", "svg", "math", "img", "style", "base",
                "frame"
            ]
            .contains(&name.as_str()),
            "a <{name}> survived in {html}"
        );
        for (attribute, value) in attributes(&tag[name.len()..]) {
            assert!(
                !attribute.starts_with("on")
                    && !["style", "srcdoc", "formaction"].contains(&attribute.as_str()),
                "{attribute} survived in <{tag}>"
            );
            let value = value.trim_start();
            for scheme in ["javascript:", "vbscript:", "data:"] {
                assert!(!value.starts_with(scheme), "{scheme} survived in <{tag}>");
            }
        }
    }
}

/// `<script src="/static/peerhall-0.1.0.js" defer>` and nothing else.
fn is_the_site_script(attributes_text: &str) -> bool {
    let found = attributes(attributes_text);
    let src = format!("/static/peerhall-{}.js", env!("CARGO_PKG_VERSION"));
    found.len() == 2
        && found.iter().any(|(a, v)| a == "src" && *v == src)
        && found.iter().any(|(a, _)| a == "defer")
}

/// A tag's attributes as (name, value), quotes respected.
pub fn attributes(mut rest: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            return found;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '=')
            .unwrap_or(rest.len());
        let name = rest[..end].to_owned();
        rest = rest[end..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (text, remaining) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let close = after[1..].find(q).map_or(after.len(), |i| i + 1);
                    (&after[1..close], after.get(close + 1..).unwrap_or_default())
                }
                _ => {
                    let close = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..close], &after[close..])
                }
            };
            value = text.to_owned();
            rest = remaining;
        }
        found.push((name, value));
    }
}

#[test]
fn the_markup_checker_catches_what_it_looks_for() {
    for bad in [
        "<p><script>alert(1)</script></p>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=' JaVaScRiPt:alert(1)'>x</a>",
        "<div onmouseover=\"alert(1)\">x</div>",
        "<p style=\"background:url(x)\">x</p>",
        "<img src=x>",
    ] {
        let caught = std::panic::catch_unwind(|| assert_no_script(bad)).is_err();
        assert!(caught, "{bad}");
    }
    assert_no_script(
        "<p title=\"x&quot; onmouseover=&quot;alert(1)\">&lt;script&gt; javascript:</p>",
    );
}
