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

/// What one run of load measured.
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
    pub elapsed: Duration,
}

impl Outcome {
    pub fn rate(&self) -> f64 {
        per_second(self.ok, self.elapsed)
    }
}

/// Runs `connections` connections for `duration` after `warmup` (whose
/// requests are not counted). `next(connection, n)` names each request;
/// `expected` is the status that counts as success.
pub fn run(
    port: u16,
    connections: usize,
    (warmup, duration): (Duration, Duration),
    expected: u16,
    next: &(dyn Fn(usize, u64) -> Request + Sync),
) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    let counting_from = started + warmup;
    let until = counting_from + duration;
    let parts = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..connections)
            .map(|c| {
                scope.spawn(move || connection(port, c, (counting_from, until), expected, next))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .map_err(|_| anyhow::anyhow!("a load connection panicked"))?
            })
            .collect::<anyhow::Result<Vec<Outcome>>>()
    })?;
    let mut total = Outcome {
        elapsed: duration,
        ..Outcome::default()
    };
    for part in parts {
        total.latencies.extend(part.latencies);
        total.ok += part.ok;
        total.failed += part.failed;
        total.warmup_ok += part.warmup_ok;
        total.first_failure = total.first_failure.or(part.first_failure);
    }
    total.latencies.sort_unstable();
    Ok(total)
}

fn connection(
    port: u16,
    index: usize,
    (counting_from, until): (Instant, Instant),
    expected: u16,
    next: &(dyn Fn(usize, u64) -> Request + Sync),
) -> anyhow::Result<Outcome> {
    let mut client = RawClient::connect(port)?;
    let mut outcome = Outcome::default();
    let mut n = 0;
    loop {
        let request = next(index, n);
        n += 1;
        let sent = Instant::now();
        if sent >= until {
            return Ok(outcome);
        }
        let (status, body) = match &request {
            Request::Get {
                path,
                token,
                accept,
            } => client.get(path, token, accept)?,
            Request::Post { path, token, body } => client.post_json(path, token, body)?,
        };
        if sent < counting_from {
            outcome.warmup_ok += usize::from(status == expected);
            continue;
        }
        outcome.latencies.push(sent.elapsed());
        if status == expected {
            outcome.ok += 1;
        } else {
            outcome.failed += 1;
            if outcome.first_failure.is_none() {
                let text = String::from_utf8_lossy(&body);
                outcome.first_failure = Some(format!(
                    "{status}: {}",
                    text.chars().take(200).collect::<String>()
                ));
            }
        }
    }
}

/// Nearest-rank percentile of sorted samples; `q` in 0..=1.
/// `count` things done in `took`, per second.
pub fn per_second(count: usize, took: Duration) -> f64 {
    count as f64 / took.as_secs_f64().max(1e-9)
}

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
