//! The database unreachable for ten seconds: PostgreSQL behind a TCP proxy that is
//! cut and then restored. Requests fail with 503 and `Retry-After`, never 500;
//! the service recovers by itself, and what is written after is kept. (SQLite
//! is a file in the process: it has no outage of this kind.)

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::json;
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

use crate::helpers::{PG_ENV, PgTestDb, TestApp};

/// Forwards connections to `target` while up; when cut, drops every open
/// connection and closes new ones at once, as a lost network would.
struct Proxy {
    port: u16,
    up: Arc<AtomicBool>,
    links: Arc<Mutex<Vec<JoinHandle<()>>>>,
}

impl Proxy {
    async fn start(target: SocketAddr) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let up = Arc::new(AtomicBool::new(true));
        let links: Arc<Mutex<Vec<JoinHandle<()>>>> = Arc::default();
        let (is_up, open) = (up.clone(), links.clone());
        tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                if !is_up.load(Ordering::SeqCst) {
                    continue;
                }
                open.lock().unwrap().push(tokio::spawn(async move {
                    if let Ok(mut outbound) = TcpStream::connect(target).await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                    }
                }));
            }
        });
        Proxy { port, up, links }
    }

    fn cut(&self) {
        self.up.store(false, Ordering::SeqCst);
        for link in self.links.lock().unwrap().drain(..) {
            link.abort();
        }
    }

    fn restore(&self) {
        self.up.store(true, Ordering::SeqCst);
    }
}

/// The app on a fresh PostgreSQL database reached through a proxy.
async fn app_behind_proxy(admin_url: &str) -> (TestApp, Proxy) {
    let pg = PgTestDb::create(admin_url);
    let mut url = url::Url::parse(&pg.url()).unwrap();
    let target = SocketAddr::new(
        url.host_str().unwrap().parse().unwrap(),
        url.port().unwrap_or(5432),
    );
    let proxy = Proxy::start(target).await;
    url.set_port(Some(proxy.port)).unwrap();
    let app = TestApp::spawn_through(url.to_string(), pg, |s| {
        s.database.connect_timeout_secs = 2;
    })
    .await;
    (app, proxy)
}

#[tokio::test(flavor = "multi_thread")]
async fn with_the_database_unreachable_requests_get_503_and_the_service_recovers() {
    let Ok(admin_url) = std::env::var(PG_ENV) else {
        eprintln!("the outage drill needs PostgreSQL: set {PG_ENV}");
        return;
    };
    let (app, proxy) = app_behind_proxy(&admin_url).await;
    app.create_city("recife");
    app.create_user("ana@recife.gov.br", "member", Some("recife"));
    let token = app.token_for("ana@recife.gov.br");
    assert_eq!(app.get_as(&token, "/api/v1/threads").await.status(), 200);

    proxy.cut();
    let cut_at = std::time::Instant::now();
    for path in ["/api/v1/threads", "/forum", "/healthz"] {
        let response = app.get_as(&token, path).await;
        assert_eq!(response.status(), 503, "{path} during the outage");
        if path != "/healthz" {
            assert_eq!(response.headers()["retry-after"], "5", "{path}");
        }
    }
    let thread =
        json!({"category": "general", "title": "Lost in the outage?", "body": "Was this kept?"});
    let (status, body) = app
        .send_json("POST", &token, "/api/v1/threads", thread.clone())
        .await;
    assert_eq!(status, 503, "{body}");
    assert_eq!(body["error"], "unavailable");

    // The drill's outage lasts ten seconds, longer than any one request waits.
    tokio::time::sleep(Duration::from_secs(10).saturating_sub(cut_at.elapsed())).await;
    proxy.restore();
    let mut recovered = false;
    for _ in 0..60 {
        if app.get_as(&token, "/api/v1/threads").await.status() == 200 {
            recovered = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert!(
        recovered,
        "the service did not recover within 15 s of the database"
    );
    let (status, body) = app
        .send_json("POST", &token, "/api/v1/threads", thread.clone())
        .await;
    assert_eq!(status, 201, "{body}");
    let list: serde_json::Value = app
        .get_as(&token, "/api/v1/threads")
        .await
        .json()
        .await
        .unwrap();
    // The refused write left nothing behind; the one after the outage is there once.
    assert_eq!(list["threads"].as_array().unwrap().len(), 1, "{list}");
}
