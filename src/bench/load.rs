//! Closed-loop load: N connections, each sending its next request as soon as
//! the last one is answered, for a fixed time; every latency kept.

use std::time::{Duration, Instant};

use super::client::RawClient;

/// One request a connection sends.
pub enum Request {
    Get {
        path: String,
        token: String,
        accept: &'static str,
    },
    Post {
        path: String,
        token: String,
        body: Vec<u8>,
    },
}

impl Request {
    pub fn get(path: String, token: &str, accept: &'static str) -> Request {
        Request::Get {
            path,
            token: token.to_owned(),
            accept,
        }
    }
}

/// What one run of load measured (for one kind of request).
#[derive(Debug, Default)]
pub struct Outcome {
    /// Every answered request's latency, sorted.
    pub latencies: Vec<Duration>,
    /// Answers with the expected status.
    pub ok: usize,
    /// Other statuses, and the first of them with its body.
    pub failed: usize,
    pub first_failure: Option<String>,
    /// Answers with the expected status during the warm-up, not timed.
    pub warmup_ok: usize,
    /// 5xx answers, the warm-up's included.
    pub server_errors: usize,
    /// Every request answered as expected, the warm-up's included, as
    /// (connection, n): what a writer can check the database against.
    pub succeeded: Vec<(usize, u64)>,
    pub elapsed: Duration,
}

impl Outcome {
    pub fn rate(&self) -> f64 {
        per_second(self.ok, self.elapsed)
    }

    fn record(&mut self, (status, body): (u16, &[u8]), ok: bool, at: (usize, u64), timed: bool) {
        self.server_errors += usize::from(status >= 500);
        if ok {
            self.succeeded.push(at);
        }
        if !timed {
            self.warmup_ok += usize::from(ok);
        } else if ok {
            self.ok += 1;
        } else {
            self.failed += 1;
            if self.first_failure.is_none() {
                let text = String::from_utf8_lossy(body);
                let text: String = text.chars().take(200).collect();
                self.first_failure = Some(format!("{status}: {text}"));
            }
        }
    }

    fn merge(&mut self, other: Outcome) {
        self.latencies.extend(other.latencies);
        self.ok += other.ok;
        self.failed += other.failed;
        self.warmup_ok += other.warmup_ok;
        self.server_errors += other.server_errors;
        self.succeeded.extend(other.succeeded);
        self.first_failure = self.first_failure.take().or(other.first_failure);
    }
}

/// Whether an answer's status is a success for a request of its kind.
pub type Judge<'a> = dyn Fn(usize, u16) -> bool + Sync + 'a;

/// Connection `c`'s `n`-th request and its kind (an index below the count
/// of kinds).
pub type Next<'a> = dyn Fn(usize, u64) -> (usize, Request) + Sync + 'a;

/// Runs `connections` connections for `duration` after `warmup` (whose
/// requests are not timed). `next(connection, n)` names each request;
/// `expected` is the status that counts as success.
pub fn run(
    port: u16,
    connections: usize,
    window: (Duration, Duration),
    expected: u16,
    next: &(dyn Fn(usize, u64) -> Request + Sync),
) -> anyhow::Result<Outcome> {
    let judge = |_: usize, status: u16| status == expected;
    let mut kinds = run_kinds(port, connections, window, (1, &judge), &|c, n| {
        (0, next(c, n))
    })?;
    Ok(kinds.pop().unwrap_or_default())
}

/// [`run`] for a mix of `kinds` kinds of request, each judged by `judge`:
/// one outcome per kind.
pub fn run_kinds(
    port: u16,
    connections: usize,
    (warmup, duration): (Duration, Duration),
    (kinds, judge): (usize, &Judge<'_>),
    next: &Next<'_>,
) -> anyhow::Result<Vec<Outcome>> {
    let started = Instant::now();
    let window = (started + warmup, started + warmup + duration);
    let parts = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..connections)
            .map(|c| scope.spawn(move || connection(port, c, window, (kinds, judge), next)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .map_err(|_| anyhow::anyhow!("a load connection panicked"))?
            })
            .collect::<anyhow::Result<Vec<Vec<Outcome>>>>()
    })?;
    let mut total: Vec<Outcome> = (0..kinds)
        .map(|_| Outcome {
            elapsed: duration,
            ..Outcome::default()
        })
        .collect();
    for part in parts {
        for (sum, outcome) in total.iter_mut().zip(part) {
            sum.merge(outcome);
        }
    }
    for outcome in &mut total {
        outcome.latencies.sort_unstable();
    }
    Ok(total)
}

fn connection(
    port: u16,
    index: usize,
    (counting_from, until): (Instant, Instant),
    (kinds, judge): (usize, &Judge<'_>),
    next: &Next<'_>,
) -> anyhow::Result<Vec<Outcome>> {
    let mut client = RawClient::connect(port)?;
    let mut outcomes: Vec<Outcome> = (0..kinds).map(|_| Outcome::default()).collect();
    for n in 0.. {
        let (kind, request) = next(index, n);
        let sent = Instant::now();
        if sent >= until {
            break;
        }
        let (status, body) = match send(&mut client, &request) {
            Ok(answer) => answer,
            // The server closed the connection without an answer: a failure
            // of the server, counted with the 5xx; the connection starts over.
            Err(e) => {
                client = RawClient::connect(port)?;
                (CLOSED, format!("{e:#}").into_bytes())
            }
        };
        let outcome = outcomes
            .get_mut(kind)
            .ok_or_else(|| anyhow::anyhow!("a request of kind {kind}, of {kinds}"))?;
        let timed = sent >= counting_from;
        if timed {
            outcome.latencies.push(sent.elapsed());
        }
        outcome.record((status, &body), judge(kind, status), (index, n), timed);
    }
    Ok(outcomes)
}

/// The status recorded for a request the server closed the connection on.
pub const CLOSED: u16 = 599;

fn send(client: &mut RawClient, request: &Request) -> anyhow::Result<(u16, Vec<u8>)> {
    match request {
        Request::Get {
            path,
            token,
            accept,
        } => client.get(path, token, accept),
        Request::Post { path, token, body } => client.post_json(path, token, body),
    }
}

/// `count` things done in `took`, per second.
pub fn per_second(count: usize, took: Duration) -> f64 {
    count as f64 / took.as_secs_f64().max(1e-9)
}

/// Nearest-rank percentile of sorted samples; `q` in 0..=1.
pub fn percentile(sorted: &[Duration], q: f64) -> Duration {
    let rank = (q * sorted.len() as f64).ceil() as usize;
    sorted
        .get(rank.saturating_sub(1).min(sorted.len().saturating_sub(1)))
        .copied()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_percentile_is_a_sample_and_grows_with_q(mut ms in proptest::collection::vec(0u64..10_000, 1..200), a in 0.0f64..=1.0, b in 0.0f64..=1.0) {
            let mut sorted: Vec<Duration> = ms.drain(..).map(Duration::from_micros).collect();
            sorted.sort_unstable();
            let (low, high) = if a <= b { (a, b) } else { (b, a) };
            prop_assert!(sorted.contains(&percentile(&sorted, low)));
            prop_assert!(percentile(&sorted, low) <= percentile(&sorted, high));
        }
    }

    #[test]
    fn the_ends_are_the_smallest_and_largest() {
        let sorted: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(percentile(&sorted, 0.0), Duration::from_millis(1));
        assert_eq!(percentile(&sorted, 1.0), Duration::from_millis(100));
        assert_eq!(percentile(&sorted, 0.99), Duration::from_millis(99));
        assert_eq!(percentile(&[], 0.5), Duration::ZERO);
    }
}
