//! The real `peerhall` binary: configuration errors, start-up and shutdown.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::helpers::{PG_ENV, PgTestDb};

/// A `peerhall` command with a clean environment and a temp data directory.
pub fn peerhall(data: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_peerhall"));
    for (key, _) in std::env::vars() {
        if key.starts_with("PEERHALL_") {
            command.env_remove(key);
        }
    }
    command
        .env("PEERHALL_DATA_DIR", data)
        .env("PEERHALL_SERVER__PORT", "0")
        .env("RUST_LOG", "info");
    command
}

fn failure_message(command: &mut Command) -> String {
    let output = command.output().expect("run peerhall");
    assert_eq!(
        output.status.code(),
        Some(2),
        "configuration errors exit with 2"
    );
    String::from_utf8(output.stderr).unwrap()
}

#[test]
fn a_typo_in_an_environment_key_stops_start_up_naming_the_key() {
    let data = tempfile::tempdir().unwrap();
    let stderr = failure_message(peerhall(data.path()).env("PEERHALL_SERVER__PROT", "80"));
    assert!(stderr.contains("prot"), "{stderr}");
    assert!(stderr.contains("server.prot"), "{stderr}");
}

#[test]
fn a_bad_value_stops_start_up_naming_the_key() {
    let data = tempfile::tempdir().unwrap();
    let stderr = failure_message(peerhall(data.path()).env("PEERHALL_SERVER__PORT", "eighty"));
    assert!(stderr.contains("server.port"), "{stderr}");
}

#[test]
fn a_database_url_of_an_unknown_kind_is_refused_by_name() {
    let data = tempfile::tempdir().unwrap();
    let stderr =
        failure_message(peerhall(data.path()).env("PEERHALL_DATABASE__URL", "mysql://db/x"));
    assert!(stderr.contains("database.url"), "{stderr}");
    assert!(stderr.contains("sqlite://"), "{stderr}");
}

#[test]
fn a_typo_in_an_environment_file_names_the_key_and_the_file() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    std::fs::write(
        config.path().join("staging.toml"),
        "[database]\nurll = \"x\"\n",
    )
    .unwrap();
    let stderr = failure_message(
        peerhall(data.path())
            .env("PEERHALL_CONFIG_DIR", config.path())
            .env("PEERHALL_ENV", "staging"),
    );
    assert!(stderr.contains("database.urll"), "{stderr}");
    assert!(stderr.contains("staging.toml"), "{stderr}");
}

#[test]
fn a_missing_environment_file_is_an_error_not_a_silent_default() {
    let data = tempfile::tempdir().unwrap();
    let stderr = failure_message(peerhall(data.path()).env("PEERHALL_ENV", "nowhere"));
    assert!(stderr.contains("nowhere.toml"), "{stderr}");
}

#[test]
fn help_lists_every_command() {
    let output = Command::new(env!("CARGO_BIN_EXE_peerhall"))
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8(output.stdout).unwrap();
    for command in ["serve", "migrate", "seed-demo", "seed-scale", "reindex"] {
        assert!(help.contains(command), "{help}");
    }
}

/// A running server process; killed if the test ends before stopping it.
struct Running(Option<Child>);

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(mut child) = self.0.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Starts `peerhall serve`, waits for its "listening" line and returns it.
fn start(command: &mut Command) -> (Running, String, mpsc::Receiver<String>) {
    let mut child = command
        .arg("serve")
        .stderr(Stdio::piped())
        .spawn()
        .expect("start peerhall");
    let stderr = child.stderr.take().unwrap();
    let running = Running(Some(child));
    let (lines, receive) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    loop {
        let line = receive
            .recv_timeout(Duration::from_secs(60))
            .expect("a listening line within a minute");
        if line.contains("listening on") {
            return (running, line, receive);
        }
    }
}

fn port_of(line: &str) -> u16 {
    let rest = line.split("http://127.0.0.1:").nth(1).expect("an address");
    rest.split(|c: char| !c.is_ascii_digit())
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

/// Sends SIGTERM, checks the clean exit, and returns what was logged since start-up.
async fn stop_and_wait(mut running: Running, lines: mpsc::Receiver<String>) -> Vec<String> {
    let mut child = running.0.take().unwrap();
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = tokio::task::spawn_blocking(move || child.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(exit.success(), "a clean exit on SIGTERM: {exit}");
    // The reader thread ends at end of output, closing the channel.
    let rest: Vec<String> = lines.iter().collect();
    assert!(
        rest.iter().any(|l| l.contains("Peerhall stopped")),
        "{rest:?}"
    );
    rest
}

#[tokio::test]
async fn the_binary_serves_on_any_free_port_and_stops_cleanly_on_sigterm() {
    let data = tempfile::tempdir().unwrap();
    let (child, line, lines) = start(&mut peerhall(data.path()));
    assert!(line.contains("with SQLite at"), "{line}");
    let port = port_of(&line);
    assert_ne!(port, 0);
    let health = reqwest::get(format!("http://127.0.0.1:{port}/healthz"))
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
    assert!(data.path().join("peerhall.db").is_file());
    assert!(data.path().join("index").is_dir());
    assert!(data.path().join("outbox").is_dir());
    stop_and_wait(child, lines).await;
}

#[tokio::test]
async fn the_same_binary_runs_on_postgresql_when_the_url_says_so() {
    let Ok(admin) = std::env::var(PG_ENV) else {
        eprintln!("{PG_ENV} is not set: the PostgreSQL run of this suite covers this test");
        return;
    };
    let pg = PgTestDb::create(&admin);
    let data = tempfile::tempdir().unwrap();
    let (child, line, lines) = start(peerhall(data.path()).env("PEERHALL_DATABASE__URL", pg.url()));
    assert!(line.contains("with PostgreSQL at"), "{line}");
    assert!(
        !line.contains("postgres@"),
        "no credentials in the log: {line}"
    );
    let port = port_of(&line);
    let health = reqwest::get(format!("http://127.0.0.1:{port}/healthz"))
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
    assert!(!data.path().join("peerhall.db").exists());
    stop_and_wait(child, lines).await;
}

#[test]
fn admin_commands_create_a_city_a_user_and_a_working_token() {
    let data = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let output = peerhall(data.path())
            .arg("admin")
            .args(args)
            .output()
            .unwrap();
        (
            output.status.success(),
            String::from_utf8(output.stdout).unwrap(),
            String::from_utf8(output.stderr).unwrap(),
        )
    };
    let (ok, _, err) = run(&[
        "create-city",
        "--slug",
        "mesa",
        "--name",
        "Mesa",
        "--country",
        "US",
        "--region",
        "us_canada",
    ]);
    assert!(ok, "{err}");
    let (ok, _, err) = run(&[
        "create-user",
        "--email",
        "Kim@Mesa.gov",
        "--name",
        "Kim",
        "--city",
        "mesa",
        "--role",
        "city_admin",
    ]);
    assert!(ok, "{err}");
    let (ok, token, err) = run(&["token", "--email", "kim@mesa.gov"]);
    assert!(ok, "{err}");
    assert!(token.trim().starts_with("ph_"), "{token}");
    assert_eq!(token.lines().count(), 1, "only the token on stdout");

    let (ok, _, err) = run(&[
        "create-user",
        "--email",
        "x@mesa.gov",
        "--name",
        "X",
        "--city",
        "mesa",
        "--role",
        "boss",
    ]);
    assert!(!ok);
    assert!(err.contains("--role"), "{err}");
    let (ok, _, err) = run(&[
        "create-city",
        "--slug",
        "mesa",
        "--name",
        "Mesa",
        "--country",
        "US",
        "--region",
        "us_canada",
    ]);
    assert!(!ok);
    assert!(err.contains("already exists"), "{err}");

    let (ok, _, err) = run(&[
        "create-city",
        "--slug",
        "tempe",
        "--name",
        "Tempe",
        "--country",
        "US",
        "--region",
        "us_canada",
        "--discoverable",
    ]);
    assert!(ok, "{err}");
    assert_eq!(
        discoverable_cities(data.path()),
        ["tempe"],
        "new cities are hidden unless created with --discoverable"
    );
}

/// The slugs of the discoverable cities in the data directory's database.
fn discoverable_cities(data: &std::path::Path) -> Vec<String> {
    use diesel::prelude::*;
    use peerhall::schema::cities;
    let path = data.join("peerhall.db");
    let mut conn = SqliteConnection::establish(&path.display().to_string()).unwrap();
    cities::table
        .filter(cities::discoverable.eq(true))
        .select(cities::slug)
        .order(cities::slug.asc())
        .load(&mut conn)
        .unwrap()
}

#[tokio::test]
async fn sign_in_links_and_session_cookies_never_reach_the_log() {
    let data = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        peerhall(data.path())
            .arg("admin")
            .args(args)
            .output()
            .unwrap()
    };
    run(&[
        "create-user",
        "--email",
        "ops@program.org",
        "--name",
        "Ops",
        "--role",
        "program_admin",
    ]);
    let (running, line, lines) = start(peerhall(data.path()).env("RUST_LOG", "debug"));
    let base = format!("http://127.0.0.1:{}", port_of(&line));
    let browser = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let page = browser
        .get(format!("{base}/sign-in"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = crate::helpers::csrf_of(&page);
    let asked = browser
        .post(format!("{base}/sign-in"))
        .form(&[("email", "ops@program.org"), ("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(asked.status(), 200);
    // The file transport writes the mail to the outbox. The file exists before its
    // text is written, so wait for the text, not the file.
    let outbox = data.path().join("outbox");
    let mut mail = String::new();
    for _ in 0..200 {
        if let Some(entry) = std::fs::read_dir(&outbox).unwrap().flatten().next() {
            mail = std::fs::read_to_string(entry.path())
                .unwrap()
                .replace("=\r\n", "");
            if mail.contains("/sign-in/") && crate::helpers::sign_in_token(&mail).len() == 43 {
                break;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let token = crate::helpers::sign_in_token(&mail);
    assert_eq!(token.len(), 43, "{mail}");
    let confirm = browser
        .get(format!("{base}/sign-in/{token}"))
        .send()
        .await
        .unwrap();
    let csrf = crate::helpers::csrf_of(&confirm.text().await.unwrap());
    let used = browser
        .post(format!("{base}/sign-in/{token}"))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(used.status(), 303);
    let cookie = used.headers()["set-cookie"].to_str().unwrap().to_owned();
    let cookie_value = cookie
        .split(';')
        .next()
        .unwrap()
        .split_once('=')
        .unwrap()
        .1
        .to_owned();
    assert_eq!(
        browser
            .get(format!("{base}/profile"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );

    let log = stop_and_wait(running, lines).await;
    assert!(log.len() > 5, "debug logging was on: {log:?}");
    for secret in [&token, &cookie_value, &csrf] {
        assert!(
            !log.iter().any(|l| l.contains(secret.as_str())),
            "a secret reached the log"
        );
    }
}

/// Tomorrow at 16:00 UTC: every demo person has never had a digest and so
/// is due, and the demo's activity, dated just before the seed, is still in
/// the week. The next Monday was six days off on a Tuesday, when the demo's
/// news had aged out of the week and no one had anything to be sent.
fn tomorrow_afternoon() -> String {
    let tomorrow = chrono::Utc::now().date_naive() + chrono::Duration::days(1);
    format!("{tomorrow}T16:00:00Z")
}

#[test]
fn digest_run_sends_over_smtp_set_by_environment_keys_and_never_twice() {
    let data = tempfile::tempdir().unwrap();
    let sink = crate::smtp_sink::Sink::start(&[]);
    let port = sink.port.to_string();
    let run = |args: &[&str]| {
        let output = peerhall(data.path())
            .env("PEERHALL_EMAIL__TRANSPORT", "smtp")
            .env("PEERHALL_EMAIL__SMTP__HOST", "127.0.0.1")
            .env("PEERHALL_EMAIL__SMTP__PORT", &port)
            .env("PEERHALL_EMAIL__SMTP__TLS", "none")
            .args(args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        (
            output.status.code(),
            String::from_utf8(output.stdout).unwrap(),
            stderr,
        )
    };
    assert_eq!(run(&["seed-demo"]).0, Some(0));
    let at = tomorrow_afternoon();
    let (code, dry, _) = run(&["digest", "run", "--at", &at, "--dry-run"]);
    assert_eq!(code, Some(0));
    assert!(dry.contains("would send to user"), "{dry}");
    assert!(sink.messages().is_empty(), "a dry run sends nothing");

    let (code, first, stderr) = run(&["digest", "run", "--at", &at]);
    assert_eq!(code, Some(0), "{stderr}");
    let sent: usize = first
        .split("sent ")
        .nth(1)
        .and_then(|rest| rest.split(',').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count in {first}"));
    assert!(sent > 0, "{first}");
    assert_eq!(sink.messages().len(), sent);
    let (_, again, _) = run(&["digest", "run", "--at", &at]);
    assert!(again.contains("opened 0, sent 0"), "{again}");
    assert_eq!(sink.messages().len(), sent);

    let (code, _, stderr) = run(&["digest", "run", "--at", "next monday"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("is not an RFC 3339 time"), "{stderr}");
}

/// `peerhall seed-scale` with these numbers of cities, people and posts.
fn seed_scale(data: &std::path::Path, [cities, users, posts]: [&str; 3]) -> std::process::Output {
    peerhall(data)
        .args(["seed-scale", "--cities", cities, "--users", users])
        .args(["--posts", posts])
        .output()
        .unwrap()
}

#[test]
fn seed_scale_fills_a_new_database_and_builds_its_index() {
    let data = tempfile::tempdir().unwrap();
    let output = seed_scale(data.path(), ["3", "20", "60"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("3 cities"), "{stdout}");
    assert!(stdout.contains("20 people"), "{stdout}");
    assert!(stdout.contains("60 posts"), "{stdout}");
    assert!(stdout.contains("Search index rebuilt"), "{stdout}");
    // A second run would number its rows over the first one's: refused.
    let again = seed_scale(data.path(), ["3", "20", "60"]);
    assert_eq!(again.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(stderr.contains("empty database"), "{stderr}");
}

#[test]
fn seed_scale_refuses_a_size_of_zero_naming_the_option() {
    let data = tempfile::tempdir().unwrap();
    let output = peerhall(data.path())
        .args(["seed-scale", "--cities", "0"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--cities"), "{stderr}");
    assert!(stderr.contains("at least 1"), "{stderr}");
}

#[test]
fn bench_measures_a_seeded_database_and_prints_one_table() {
    let data = tempfile::tempdir().unwrap();
    let seeded = seed_scale(data.path(), ["4", "40", "120"]);
    assert!(seeded.status.success());
    let output = peerhall(data.path())
        .args([
            "bench",
            "--seconds",
            "1",
            "--connections",
            "2",
            "--writers",
            "3",
            "--mails",
            "5",
            "--pg-url",
            "off",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("120 posts at the start"), "{stdout}");
    let row = |label: &str| {
        stdout
            .lines()
            .find(|l| l.starts_with(&format!("| {label}")))
            .unwrap_or_else(|| panic!("no {label} row: {stdout}"))
            .to_owned()
    };
    for label in [
        "full reindex",
        "GET /healthz",
        "GET /forum/threads",
        "GET /cities/",
        "GET /api/v1/cities/",
    ] {
        let line = row(label);
        assert!(
            !line.contains("| 0/s |") && !line.contains("| 0 posts/s |"),
            "{line}"
        );
    }
    // Every page answered 200 and every acknowledged reply was stored.
    assert!(row("GET /forum/threads").contains("| 0 |"), "{stdout}");
    let writers = row("3 writers");
    assert!(
        writers.contains("| 0; 0 lost; 0 \"database is locked\" |"),
        "{writers}"
    );
    assert!(row("server resident memory").contains(" MB"), "{stdout}");
    // The load drill: no 5xx, nothing else unexpected, every write stored.
    let mixed = row("mixed load: 2 clients");
    assert!(mixed.contains("| 0 5xx, 0 other; replies "), "{mixed}");
    assert!(mixed.contains("; 0 lost |"), "{mixed}");
    assert!(mixed.ends_with("| yes |"), "{mixed}");
    assert!(
        row("peer directory: full recompute").contains("(4 cities, 5 runs)"),
        "{stdout}"
    );
    assert!(row("digests: compose").contains(" due, "), "{stdout}");
    // The sample went over SMTP, each message once, and left no ledger rows.
    let sent = row("digests: a real pass for 5 people");
    assert!(
        sent.contains("0 failed, 0 retrying; the sink got 5 of 5 sent"),
        "{sent}"
    );
    assert_eq!(table_rows(data.path(), "digest_ledger"), 0);
    // The same queries went to the API and to FTS5, whose file is gone after.
    for label in ["search: GET /api/v1/search", "search: SQLite FTS5 ("] {
        assert!(row(label).contains("| 600 requests |"), "{stdout}");
    }
    // Every post, the writers' replies included: the search runs after them.
    let fed = format!("of {} posts", table_rows(data.path(), "posts"));
    assert!(row("search: SQLite FTS5 build").contains(&fed), "{stdout}");
    assert!(
        row("search: PostgreSQL full-text").contains("not run"),
        "{stdout}"
    );
    let leftovers: Vec<_> = std::fs::read_dir(data.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("bench-fts5"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

fn table_rows(data: &std::path::Path, table: &str) -> i64 {
    use diesel::prelude::*;
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let path = data.join("peerhall.db");
    let mut conn = SqliteConnection::establish(&path.display().to_string()).unwrap();
    let count: Count = diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {table}"))
        .get_result(&mut conn)
        .unwrap();
    count.n
}

#[test]
fn bench_on_an_empty_database_says_to_seed_it_first() {
    let data = tempfile::tempdir().unwrap();
    let output = peerhall(data.path())
        .args(["bench", "--seconds", "1"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("seed-scale"), "{stderr}");
}
