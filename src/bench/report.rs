//! The bench's table: each row a measurement, its target and whether it was
//! met. Pure but for `facts`, which reads the machine.

use std::time::Duration;

use super::load::{Outcome, per_second, percentile};
use super::server::Memory;
use super::world::World;
use crate::startup::AppState;

/// What a row must reach.
#[derive(Debug, Clone, Copy)]
pub enum Target {
    None,
    AtLeast(f64),
    P99Ms(f64),
    /// At least `share` of the `share_of` rate, with p99 under `p99_ms`.
    Pages {
        share_of: f64,
        share: f64,
        p99_ms: f64,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub what: String,
    pub rate: String,
    pub p50: String,
    pub p99: String,
    pub failures: String,
    pub target: String,
    pub met: Option<bool>,
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

impl Row {
    fn new(what: &str, rate: String, target: String, met: Option<bool>) -> Row {
        Row {
            what: what.to_owned(),
            rate,
            p50: "–".into(),
            p99: "–".into(),
            failures: "–".into(),
            target,
            met,
        }
    }

    pub fn rate(what: &str, value: f64, unit: &str, target: Target) -> Row {
        let (text, met) = match target {
            Target::AtLeast(goal) => (format!("≥ {goal:.0} {unit}"), Some(value >= goal)),
            _ => (String::new(), None),
        };
        Row::new(what, format!("{value:.0} {unit}"), text, met)
    }

    pub fn load(what: &str, outcome: &Outcome, target: Target) -> Row {
        let p99 = percentile(&outcome.latencies, 0.99);
        let p99_ms = p99.as_secs_f64() * 1000.0;
        let rate = outcome.rate();
        let clean = outcome.failed == 0;
        let (text, met) = match target {
            Target::P99Ms(goal) => (format!("p99 ≤ {goal} ms"), Some(clean && p99_ms <= goal)),
            Target::Pages {
                share_of,
                share,
                p99_ms: goal,
            } => (
                format!(
                    "≥ {:.0}/s ({:.0}% of /healthz), p99 ≤ {goal} ms",
                    share_of * share,
                    share * 100.0
                ),
                Some(clean && rate >= share_of * share && p99_ms <= goal),
            ),
            _ => (String::new(), None),
        };
        let mut row = Row::new(what, format!("{rate:.0}/s"), text, met);
        row.p50 = ms(percentile(&outcome.latencies, 0.5));
        row.p99 = ms(p99);
        row.failures = failures(outcome);
        row
    }

    /// Repeated runs of one piece of work over `count` things: the rate at
    /// the median run, and the runs' p50 and p99.
    pub fn runs(
        what: &str,
        mut samples: Vec<Duration>,
        (count, unit): (usize, &str),
        target: Target,
    ) -> Row {
        samples.sort_unstable();
        let p99_ms = percentile(&samples, 0.99).as_secs_f64() * 1000.0;
        let (text, met) = match target {
            Target::P99Ms(goal) => (format!("p99 ≤ {goal} ms"), Some(p99_ms <= goal)),
            _ => (String::new(), None),
        };
        let mut row = Row::latencies(what, &samples, text, met);
        let rate = per_second(count, percentile(&samples, 0.5));
        let runs = samples.len();
        row.rate = format!("{rate:.0} {unit}/s ({count} {unit}, {runs} runs)");
        row
    }

    /// Single-client latencies (sorted): how many in the rate column.
    pub fn latencies(what: &str, sorted: &[Duration], target: String, met: Option<bool>) -> Row {
        let mut row = Row::new(what, format!("{} requests", sorted.len()), target, met);
        row.p50 = ms(percentile(sorted, 0.5));
        row.p99 = ms(percentile(sorted, 0.99));
        row
    }

    /// A row that says why nothing was measured.
    pub fn note(what: &str, why: &str) -> Row {
        Row::new(what, why.to_owned(), String::new(), None)
    }

    /// Writers: the rate of acknowledged posts, and what went missing.
    pub fn writers(writers: usize, outcome: &Outcome, stored: i64, locked: usize) -> Row {
        let acknowledged = (outcome.ok + outcome.warmup_ok) as i64;
        let lost = acknowledged - stored.min(acknowledged);
        let mut row = Row::load(
            &format!("{writers} writers: POST a reply"),
            outcome,
            Target::None,
        );
        row.failures = format!(
            "{}; {lost} lost; {locked} \"database is locked\"",
            failures(outcome)
        );
        row.target = "≥ 1000 posts/s, none lost or locked".into();
        row.met = Some(outcome.rate() >= 1000.0 && lost == 0 && locked == 0 && outcome.failed == 0);
        row
    }

    /// The target is on the peak of all resident memory, mapped files included.
    pub fn memory(memory: &Memory) -> Row {
        let goal = 300.0;
        let mb = |bytes: u64| bytes as f64 / (1024.0 * 1024.0);
        let peak = mb(memory.peak);
        Row::new(
            "server resident memory (now, peak; now: own + mapped files)",
            format!(
                "{:.0} MB, {peak:.0} MB; {:.0} MB + {:.0} MB",
                mb(memory.now),
                mb(memory.anonymous),
                mb(memory.file)
            ),
            format!("≤ {goal:.0} MB"),
            Some(peak <= goal),
        )
    }
}

fn failures(outcome: &Outcome) -> String {
    match &outcome.first_failure {
        None => "0".into(),
        Some(first) => format!("{} (first: {first})", outcome.failed),
    }
}

/// The lines above the table: what was measured, where.
pub fn facts(state: &AppState, world: &World) -> Vec<String> {
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    vec![
        format!("- Database: {}", state.database.describe()),
        format!(
            "- Data: {} posts at the start, {} public threads, {} members loading",
            world.posts_at_start,
            world.thread_count(),
            world.people()
        ),
        format!("- Machine: {cores} cores; load client in this process, server in another"),
    ]
}

pub fn table(rows: &[Row], facts: &[String]) -> String {
    let mut out = facts.join("\n");
    out.push_str("\n\n| measured | rate | p50 | p99 | failures | target | met |\n");
    out.push_str("| --- | --- | --- | --- | --- | --- | --- |\n");
    for row in rows {
        let met = match row.met {
            Some(true) => "yes",
            Some(false) => "**no**",
            None => "",
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {met} |\n",
            row.what, row.rate, row.p50, row.p99, row.failures, row.target
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(ms: &[u64], ok: usize, failed: usize) -> Outcome {
        Outcome {
            latencies: ms.iter().map(|m| Duration::from_millis(*m)).collect(),
            ok,
            failed,
            first_failure: (failed > 0).then(|| "500: boom".to_owned()),
            elapsed: Duration::from_secs(1),
            ..Outcome::default()
        }
    }

    #[test]
    fn a_page_meets_its_target_only_with_the_rate_the_tail_and_no_failures() {
        let pages = Target::Pages {
            share_of: 1000.0,
            share: 0.25,
            p99_ms: 20.0,
        };
        assert_eq!(
            Row::load("t", &outcome(&[1, 2, 3], 300, 0), pages).met,
            Some(true)
        );
        assert_eq!(
            Row::load("t", &outcome(&[1, 2, 3], 200, 0), pages).met,
            Some(false)
        );
        assert_eq!(
            Row::load("t", &outcome(&[1, 2, 30], 300, 0), pages).met,
            Some(false)
        );
        assert_eq!(
            Row::load("t", &outcome(&[1, 2, 3], 300, 1), pages).met,
            Some(false)
        );
    }

    #[test]
    fn writers_count_what_was_acknowledged_but_not_stored_as_lost() {
        let mut done = outcome(&[1, 2], 1500, 0);
        done.warmup_ok = 100;
        assert_eq!(Row::writers(50, &done, 1600, 0).met, Some(true));
        let short = Row::writers(50, &done, 1590, 0);
        assert_eq!(short.met, Some(false));
        assert!(short.failures.contains("10 lost"), "{}", short.failures);
        assert_eq!(Row::writers(50, &done, 1600, 1).met, Some(false));
    }

    #[test]
    fn the_table_marks_misses() {
        let rows = [
            Row::memory(&Memory {
                now: 120 << 20,
                peak: 310 << 20,
                anonymous: 100 << 20,
                file: 20 << 20,
            }),
            Row::rate("r", 50_000.0, "posts/s", Target::AtLeast(40_000.0)),
        ];
        let table = table(&rows, &["- facts".into()]);
        assert!(
            table.contains(
                "| server resident memory (now, peak; now: own + mapped files) \
                 | 120 MB, 310 MB; 100 MB + 20 MB |"
            ),
            "{table}"
        );
        assert!(table.contains("**no**"), "{table}");
        assert!(table.contains("| yes |"), "{table}");
    }
}
