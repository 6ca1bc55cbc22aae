//! The server under load: `peerhall serve` as a child process on a free
//! port, so that the load client never shares its process, with its log
//! watched for lock errors and its memory read from /proc.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Context;

pub struct Server {
    child: Child,
    pub port: u16,
    locked: Arc<AtomicUsize>,
}

impl Server {
    /// Starts this binary's `serve` with the same configuration, on port 0,
    /// without the digest scheduler (it would compete for the cores) and
    /// with posting allowances no load reaches: every writer comes from one
    /// address, and the bench measures writing, not the limits.
    pub fn start() -> anyhow::Result<Server> {
        let exe = std::env::current_exe().context("cannot find the peerhall binary")?;
        let unlimited = u32::MAX.to_string();
        let mut child = Command::new(exe)
            .arg("serve")
            .env("PEERHALL_SERVER__PORT", "0")
            .env("PEERHALL_DIGEST__SCHEDULER", "false")
            // Its port is read from the start-up line, whatever the caller's
            // log level; lock errors are warnings.
            .env_remove("RUST_LOG")
            .env("PEERHALL_LOG__FILTER", "warn,peerhall::startup=info")
            .env("PEERHALL_LIMITS__POSTS_PER_IP_PER_HOUR", &unlimited)
            .env("PEERHALL_LIMITS__POSTS_PER_ACCOUNT_PER_HOUR", &unlimited)
            .env("PEERHALL_LIMITS__NEW_ACCOUNT_POSTS_PER_HOUR", &unlimited)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .context("cannot start peerhall serve")?;
        let stderr = child.stderr.take().context("no stderr")?;
        let locked = Arc::new(AtomicUsize::new(0));
        let (ports, port) = mpsc::channel();
        let counter = Arc::clone(&locked);
        std::thread::spawn(move || watch(stderr, &ports, &counter));
        let mut server = Server {
            child,
            port: 0,
            locked,
        };
        server.port = port
            .recv_timeout(Duration::from_secs(300))
            .context("the server did not say where it listens within five minutes")?;
        Ok(server)
    }

    /// "database is locked" lines the server has logged so far.
    pub fn lock_errors(&self) -> usize {
        self.locked.load(Ordering::Relaxed)
    }

    /// Waits, at most `longest`, until the server has been idle (under a
    /// twentieth of a core) for half a second: after the writers and the
    /// mix it goes on indexing what they wrote, and merging, for a while.
    /// How long it waited; None if its CPU time cannot be read.
    pub fn settle(&self, longest: Duration) -> Option<Duration> {
        const WINDOW: Duration = Duration::from_millis(500);
        let started = Instant::now();
        let mut before = self.cpu_ticks()?;
        while started.elapsed() < longest {
            std::thread::sleep(WINDOW);
            let now = self.cpu_ticks()?;
            // /proc counts in ticks of 1/100 s: two ticks in half a second.
            if now.saturating_sub(before) <= 2 {
                return Some(started.elapsed());
            }
            before = now;
        }
        Some(started.elapsed())
    }

    fn cpu_ticks(&self) -> Option<u64> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).ok()?;
        cpu_ticks(&stat)
    }

    /// The server's resident memory, from /proc.
    pub fn memory(&self) -> Option<Memory> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        Memory::parse(&status)
    }
}

/// Resident memory in bytes: now, at its peak, and now split into the
/// process's own (heap, stacks) and pages of mapped files (the index and the
/// database), which the kernel may drop and read again.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Memory {
    pub now: u64,
    pub peak: u64,
    pub anonymous: u64,
    pub file: u64,
}

impl Memory {
    fn parse(status: &str) -> Option<Memory> {
        Some(Memory {
            now: kib(status, "VmRSS:")?,
            peak: kib(status, "VmHWM:")?,
            anonymous: kib(status, "RssAnon:")?,
            file: kib(status, "RssFile:")?,
        })
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn watch(stderr: std::process::ChildStderr, ports: &mpsc::Sender<u16>, locked: &AtomicUsize) {
    for line in BufReader::new(stderr).lines().map_while(Result::ok) {
        if line.contains("listening on")
            && let Some(port) = port_of(&line)
        {
            let _ = ports.send(port);
        }
        if line.contains("database is locked") {
            locked.fetch_add(1, Ordering::Relaxed);
        }
        // The server's errors and panics explain a failed row: pass them on.
        if line.contains("ERROR") || line.contains("panicked") {
            eprintln!("server: {line}");
        }
    }
}

fn port_of(line: &str) -> Option<u16> {
    let rest = line.split("http://").nth(1)?;
    let (_, after_host) = rest.split_once(':')?;
    after_host
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

/// User and system time from a /proc/<pid>/stat line: its 14th and 15th
/// fields, counted after the command name, which may hold spaces.
fn cpu_ticks(stat: &str) -> Option<u64> {
    let (_, after_name) = stat.rsplit_once(')')?;
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let user: u64 = fields.get(11)?.parse().ok()?;
    let system: u64 = fields.get(12)?.parse().ok()?;
    Some(user + system)
}

fn kib(status: &str, key: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with(key))?;
    let value: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(value * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_port_is_read_from_the_listening_line() {
        let line =
            "2026-11-22T04:02:01Z INFO Peerhall listening on http://127.0.0.1:41234 (SQLite)";
        assert_eq!(port_of(line), Some(41234));
        assert_eq!(port_of("listening on nothing"), None);
    }

    #[test]
    fn cpu_time_is_read_past_a_command_name_with_spaces() {
        let stat = "4242 (peer hall) S 1 4242 4242 0 -1 4194560 2500 0 0 0 731 96 0 0 20 0 9";
        assert_eq!(cpu_ticks(stat), Some(731 + 96));
        assert_eq!(cpu_ticks("4242 (peerhall) S 1"), None);
    }

    #[test]
    fn memory_is_read_in_bytes() {
        let status = "Name:\tpeerhall\nVmHWM:\t  2048 kB\nVmRSS:\t  1024 kB\n\
                      RssAnon:\t   600 kB\nRssFile:\t   424 kB\n";
        assert_eq!(kib(status, "VmRSS:"), Some(1024 * 1024));
        assert_eq!(kib(status, "VmHWM:"), Some(2048 * 1024));
        let memory = Memory::parse(status).unwrap();
        assert_eq!((memory.anonymous, memory.file), (600 * 1024, 424 * 1024));
        assert_eq!(Memory::parse("VmRSS:\t1 kB\n"), None);
    }
}
