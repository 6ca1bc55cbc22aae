//! Fault drills on the real binary: a process killed with SIGKILL at the worst
//! moment, then started again. (The database outage is in `outage`; the mail
//! server down for a pass, and a crash between claim and send simulated in
//! process, are in `digests::delivery`.)

use std::collections::BTreeSet;
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, Datelike, NaiveDateTime, Utc};
use diesel::prelude::*;
use peerhall::schema::{digest_ledger, posts, users};

use crate::binary::peerhall;
use crate::smtp_sink::Sink;

/// A small seed-scale program in `data`: enough posts that a debug build's
/// reindex takes seconds, so that it can be killed halfway.
fn seeded(data: &Path) {
    let output = peerhall(data)
        .args(["seed-scale", "--cities", "20", "--users", "300"])
        .args(["--posts", "5000"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
}

fn db(data: &Path) -> SqliteConnection {
    SqliteConnection::establish(&data.join("peerhall.db").display().to_string()).unwrap()
}

/// Polls `done` every 20 ms for up to a minute.
fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "waited a minute for {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// SIGKILL, after checking the process had not already finished.
fn kill_running(mut child: Child, what: &str) {
    assert!(
        child.try_wait().unwrap().is_none(),
        "{what} ended before it could be killed"
    );
    child.kill().unwrap();
    child.wait().unwrap();
}

fn current_generation(index: &Path) -> String {
    std::fs::read_to_string(index.join("CURRENT")).unwrap()
}

fn generations(index: &Path) -> BTreeSet<String> {
    std::fs::read_dir(index)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("gen-"))
        .collect()
}

fn documents(index: &Path, generation: &str) -> u64 {
    peerhall::search::SearchIndex::open_or_create(&index.join(generation))
        .unwrap()
        .check()
        .unwrap()
}

#[test]
fn a_reindex_killed_mid_build_leaves_the_live_index_whole_and_the_next_converges() {
    let data = tempfile::tempdir().unwrap();
    seeded(data.path());
    let index = data.path().join("index");
    let live = current_generation(&index);
    let whole = documents(&index, &live);
    assert!(whole > 0);

    let child = peerhall(data.path())
        .arg("reindex")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_until("the rebuild to start writing", || {
        generations(&index).len() > 1
    });
    std::thread::sleep(Duration::from_millis(300));
    kill_running(child, "the reindex");
    assert_eq!(
        current_generation(&index),
        live,
        "a killed build is never live"
    );
    assert_eq!(documents(&index, &live), whole);

    let again = peerhall(data.path()).arg("reindex").output().unwrap();
    assert!(again.status.success(), "{again:?}");
    let rebuilt = current_generation(&index);
    assert_ne!(rebuilt, live);
    assert_eq!(
        documents(&index, &rebuilt),
        whole,
        "converged to the database"
    );
    // The killed build's files are gone; the previous generation stays until
    // a service that may still read it follows the swap.
    assert_eq!(generations(&index), BTreeSet::from([live, rebuilt]));
}

/// Sunday 23:00 UTC of the newest post's week: everyone's digest is due.
fn pass_time(conn: &mut SqliteConnection) -> DateTime<Utc> {
    let newest: Option<NaiveDateTime> = posts::table
        .select(diesel::dsl::max(posts::created_at))
        .first(conn)
        .unwrap();
    let day = newest.unwrap().date();
    let sunday = day + chrono::Days::new(u64::from(6 - day.weekday().num_days_from_monday()));
    sunday.and_hms_opt(23, 0, 0).unwrap().and_utc()
}

fn digest_pass(data: &Path, at: DateTime<Utc>, smtp_port: u16) -> std::process::Command {
    let mut command = peerhall(data);
    command
        .args(["digest", "run", "--at", &at.to_rfc3339()])
        .env("PEERHALL_EMAIL__TRANSPORT", "smtp")
        .env("PEERHALL_EMAIL__SMTP__HOST", "127.0.0.1")
        .env("PEERHALL_EMAIL__SMTP__PORT", smtp_port.to_string())
        .env("PEERHALL_EMAIL__SMTP__TLS", "none");
    command
}

/// The address on each message's `To:` line (`Name <address>` or bare).
fn recipients(sink: &Sink) -> Vec<String> {
    sink.messages()
        .iter()
        .filter_map(|m| {
            let text = String::from_utf8_lossy(m);
            let line = text.lines().find(|l| l.starts_with("To: "))?;
            let to = line.trim_start_matches("To: ");
            let address = to.rsplit_once('<').map_or(to, |(_, a)| a);
            Some(address.trim_end_matches('>').to_owned())
        })
        .collect()
}

/// A mail server that accepts connections and never answers: a pass hangs
/// in its send. Its port, and how many connections it has taken.
fn silent_mail_server() -> (u16, Arc<AtomicUsize>) {
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    let connected = Arc::new(AtomicUsize::new(0));
    let counter = connected.clone();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in silent.incoming() {
            held.push(stream);
            counter.fetch_add(1, Ordering::SeqCst);
        }
    });
    (port, connected)
}

/// Whose digests are still pending and leased to a pass at `at`: claimed,
/// not yet sent.
fn claimed(conn: &mut SqliteConnection, at: DateTime<Utc>) -> Vec<String> {
    digest_ledger::table
        .inner_join(users::table)
        .filter(digest_ledger::status.eq("pending"))
        .filter(digest_ledger::lease_until.gt(at.naive_utc()))
        .select(users::email)
        .load(conn)
        .unwrap()
}

/// The pass claims before it composes, so a claimed digest may turn out
/// empty. Each stranded one ended sent (and received) or empty (and not
/// sent); the one the pass hung sending was not empty.
fn assert_stranded_ended_once(
    conn: &mut SqliteConnection,
    stranded: &[String],
    received: &BTreeSet<&String>,
) {
    let mut got_theirs = 0;
    for email in stranded {
        let status: String = digest_ledger::table
            .inner_join(users::table)
            .filter(users::email.eq(email))
            .select(digest_ledger::status)
            .first(conn)
            .unwrap();
        let was_received = received.contains(email);
        assert_eq!(was_received, status == "sent", "{email}: {status}");
        assert!(was_received || status == "empty", "{email}: {status}");
        got_theirs += usize::from(was_received);
    }
    assert!(got_theirs > 0, "{stranded:?}");
}

#[test]
fn a_digest_pass_killed_between_claim_and_send_sends_each_digest_once_after_restart() {
    let data = tempfile::tempdir().unwrap();
    seeded(data.path());
    let at = pass_time(&mut db(data.path()));
    let (silent_port, connected) = silent_mail_server();
    let child = digest_pass(data.path(), at, silent_port)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut conn = db(data.path());
    wait_until("a claimed digest being sent", || {
        connected.load(Ordering::SeqCst) > 0 && !claimed(&mut conn, at).is_empty()
    });
    kill_running(child, "the digest pass");
    let stranded = claimed(&mut conn, at);

    let sink = Sink::start(&[]);
    let after_lease = at + peerhall::digest::ledger::LEASE + chrono::Duration::minutes(1);
    let restarted = digest_pass(data.path(), after_lease, sink.port)
        .output()
        .unwrap();
    assert!(restarted.status.success(), "{restarted:?}");
    let sent = recipients(&sink);
    assert!(!sent.is_empty());
    let unique: BTreeSet<&String> = sent.iter().collect();
    assert_eq!(unique.len(), sent.len(), "nobody got two: {sent:?}");
    assert_stranded_ended_once(&mut conn, &stranded, &unique);
    let ledger: Vec<String> = digest_ledger::table
        .select(digest_ledger::status)
        .load(&mut conn)
        .unwrap();
    // "empty": the person had nothing new that week, so no mail is due.
    assert!(
        ledger.iter().all(|s| s == "sent" || s == "empty"),
        "{ledger:?}"
    );
    let done = ledger.iter().filter(|s| *s == "sent").count();
    assert_eq!(done, sent.len(), "each due person got theirs");

    let later = digest_pass(
        data.path(),
        after_lease + chrono::Duration::hours(1),
        sink.port,
    )
    .output()
    .unwrap();
    assert!(later.status.success());
    assert_eq!(recipients(&sink).len(), sent.len(), "and only once");
}

/// A tmpfs of `kib` KiB at a new temporary directory, unmounted on drop; None
/// where this process may not mount (not root), and the drill cannot run.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(kib: u64) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().unwrap();
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={kib}k"), "tmpfs"])
            .arg(dir.path())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        mounted.then_some(SmallDisk { dir })
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

fn copy_tree(from: &Path, to: &Path) -> u64 {
    std::fs::create_dir_all(to).unwrap();
    let mut bytes = 0;
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        bytes += if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target)
        } else {
            std::fs::copy(entry.path(), &target).unwrap()
        };
    }
    bytes
}

#[test]
fn a_rebuild_that_fills_the_disk_fails_clearly_and_leaves_the_live_index_whole() {
    let data = tempfile::tempdir().unwrap();
    seeded(data.path());
    let index = data.path().join("index");
    let live = current_generation(&index);
    let whole = documents(&index, &live);
    let size = copy_tree(&index, &data.path().join("measure"));
    // Room for the live index and a quarter more: a second copy cannot fit.
    let Some(disk) = SmallDisk::mount(size * 5 / 4 / 1024) else {
        eprintln!("the disk-full drill needs to mount a tmpfs (root); not run");
        return;
    };
    let small = disk.dir.path().join("index");
    copy_tree(&index, &small);

    let failed = peerhall(data.path())
        .arg("reindex")
        .env("PEERHALL_SEARCH__DIR", &small)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert!(!failed.status.success(), "{stderr}");
    assert!(stderr.contains("No space left on device"), "{stderr}");
    assert!(stderr.contains("the live one is unchanged"), "{stderr}");
    assert_eq!(current_generation(&small), live);
    assert_eq!(
        generations(&small),
        BTreeSet::from([live.clone()]),
        "the half-built generation is removed, freeing the disk"
    );
    assert_eq!(
        documents(&small, &live),
        whole,
        "the live index still opens whole"
    );
}
