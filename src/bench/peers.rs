//! The peer directory's full recompute on this database: what an assessment
//! submitted anywhere costs before every city's peers reflect it.

use std::time::{Duration, Instant};

use super::report::{Row, Target};
use crate::startup::AppState;

/// Timed recomputes, after one unmeasured.
const RUNS: usize = 5;

/// Issue 6: with 10,000 cities, a full recompute stays well under a second.
const TARGET_MS: f64 = 1000.0;

pub fn recompute(state: &AppState) -> anyhow::Result<Row> {
    let catalog = state.standards.current()?;
    let conn = &mut state.pool.get()?;
    state.peers.refresh_now(conn, catalog)?;
    let mut samples: Vec<Duration> = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        state.peers.refresh_now(conn, catalog)?;
        samples.push(started.elapsed());
    }
    let cities = state.peers.snapshot().len();
    Ok(Row::runs(
        "peer directory: full recompute",
        samples,
        (cities, "cities"),
        Target::P99Ms(TARGET_MS),
    ))
}
