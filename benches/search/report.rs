//! Timing the query set and printing the markdown tables for BENCHMARKS.md.

#[allow(clippy::wildcard_imports)]
use super::*;

/// One engine's run over the query set.
pub(crate) struct Run {
    pub(crate) what: String,
    /// Every timed sample, with the query's index.
    pub(crate) samples: Vec<(usize, Duration)>,
    /// What each query returned, from the first timed pass.
    pub(crate) answers: Vec<Answer>,
}

/// One warm-up pass over the queries, then [`ROUNDS`] timed ones.
pub(crate) fn measure(
    what: &str,
    queries: &[BenchQuery],
    mut run: impl FnMut(&BenchQuery) -> anyhow::Result<(Duration, Answer)>,
) -> anyhow::Result<Run> {
    for q in queries {
        run(q).with_context(|| format!("{what}: {}", q.text))?;
    }
    let meter = CpuMeter::start();
    let mut samples = Vec::with_capacity(queries.len() * ROUNDS);
    let mut answers = Vec::with_capacity(queries.len());
    for round in 0..ROUNDS {
        for (i, q) in queries.iter().enumerate() {
            let (took, answer) = run(q).with_context(|| format!("{what}: {}", q.text))?;
            samples.push((i, took));
            if round == 0 {
                answers.push(answer);
            }
        }
    }
    eprintln!("{what}: done ({})", meter.report());
    Ok(Run {
        what: what.to_owned(),
        samples,
        answers,
    })
}

#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Stats {
    pub(crate) n: usize,
    pub(crate) p50: Duration,
    pub(crate) p99: Duration,
    pub(crate) mean: Duration,
    pub(crate) max: Duration,
}

pub(crate) fn stats(samples: impl Iterator<Item = Duration>) -> Stats {
    let mut sorted: Vec<Duration> = samples.collect();
    sorted.sort_unstable();
    let n = sorted.len();
    let sum: Duration = sorted.iter().sum();
    Stats {
        n,
        p50: percentile(&sorted, 0.5),
        p99: percentile(&sorted, 0.99),
        mean: sum / u32::try_from(n.max(1)).unwrap_or(1),
        max: sorted.last().copied().unwrap_or_default(),
    }
}

pub(crate) fn ms(d: Duration) -> String {
    let v = d.as_secs_f64() * 1e3;
    if v < 1.0 {
        format!("{v:.3}")
    } else if v < 10.0 {
        format!("{v:.2}")
    } else {
        format!("{v:.1}")
    }
}

pub(crate) struct Facts {
    pub(crate) posts: usize,
    pub(crate) threads: usize,
    pub(crate) langs: Vec<(&'static str, usize)>,
    pub(crate) city_space: usize,
    pub(crate) words: usize,
    pub(crate) bytes: usize,
    pub(crate) generated: Duration,
    pub(crate) seeded: Duration,
    pub(crate) db_size: u64,
}

impl Facts {
    pub(crate) fn of(
        corpus: &Corpus,
        generated: Duration,
        seeded: Duration,
        db_size: u64,
    ) -> Facts {
        let mut langs = vec![0; LANGUAGES.len()];
        let (mut city_space, mut words, mut bytes) = (0, 0, 0);
        for t in &corpus.threads {
            langs[t.lang] += t.posts.len();
            city_space += if t.space_city.is_some() {
                t.posts.len()
            } else {
                0
            };
            for p in &t.posts {
                words += p.body.split_whitespace().count();
                bytes += p.body.len();
            }
        }
        Facts {
            posts: corpus.posts,
            threads: corpus.threads.len(),
            langs: LANGUAGES.iter().map(|l| l.code).zip(langs).collect(),
            city_space,
            words,
            bytes,
            generated,
            seeded,
            db_size,
        }
    }
}

pub(crate) fn print_facts(
    facts: &Facts,
    queries: &[BenchQuery],
    (load, timing_load): (&str, &str),
) {
    let pct = |n: usize| 100.0 * n as f64 / facts.posts.max(1) as f64;
    let langs: Vec<String> = facts
        .langs
        .iter()
        .map(|(code, n)| format!("{code} {:.0}%", pct(*n)))
        .collect();
    println!(
        "- Posts: {} in {} threads (1 opening post + 0–9 replies); {}",
        facts.posts,
        facts.threads,
        langs.join(", ")
    );
    println!(
        "- {:.1}% of posts in city spaces; mean post {:.0} words, {:.0} bytes of Markdown",
        pct(facts.city_space),
        facts.words as f64 / facts.posts.max(1) as f64,
        facts.bytes as f64 / facts.posts.max(1) as f64
    );
    println!(
        "- Corpus generated in {:.1} s; app database seeded in {:.1} s ({}); neither is part of the figures",
        facts.generated.as_secs_f64(),
        facts.seeded.as_secs_f64(),
        human_size(facts.db_size)
    );
    println!(
        "- Queries: {} ({} rounds after one warm-up pass, single client, sequential)",
        queries.len(),
        ROUNDS
    );
    println!("- Machine: {}", machine());
    println!("- Load average before the reindex: {load}; before the queries: {timing_load}");
}

pub(crate) fn print_builds(builds: &[&Built], posts: usize, pg_missing: bool) {
    println!();
    println!("| Build | Posts | Time (s) | Posts/s | On disk | Notes |");
    println!("|---|---:|---:|---:|---:|---|");
    for b in builds {
        println!(
            "| {} | {} | {:.1} | {:.0} | {} | {} |",
            b.what,
            b.posts,
            b.took.as_secs_f64(),
            b.posts as f64 / b.took.as_secs_f64().max(1e-9),
            human_size(b.size),
            b.note
        );
    }
    if pg_missing {
        println!("| PostgreSQL build | {posts} | unavailable | | | |");
    }
}

pub(crate) fn print_latency(runs: &[Run], floors: &[Run], pg_missing: bool) {
    println!();
    println!(
        "| Engine (top {PER_PAGE} with snippets) | Samples | p50 (ms) | p99 (ms) | Mean (ms) | Max (ms) |"
    );
    println!("|---|---:|---:|---:|---:|---:|");
    for run in runs {
        latency_row(run);
    }
    if pg_missing {
        println!("| PostgreSQL FTS | unavailable | | | | |");
    }
    for run in floors {
        latency_row(run);
    }
    if let Some(http) = runs.get(1) {
        let h = stats(http.samples.iter().map(|(_, d)| *d));
        println!();
        for baseline in runs.iter().skip(2) {
            let b = stats(baseline.samples.iter().map(|(_, d)| *d));
            let ratio = |x: Duration, y: Duration| x.as_secs_f64() / y.as_secs_f64().max(1e-9);
            println!(
                "- {} ÷ Peerhall over HTTP: p50 {:.1}×, p99 {:.1}×",
                baseline.what.split(" (").next().unwrap_or_default(),
                ratio(b.p50, h.p50),
                ratio(b.p99, h.p99)
            );
        }
    }
}

pub(crate) fn latency_row(run: &Run) {
    let s = stats(run.samples.iter().map(|(_, d)| *d));
    println!(
        "| {} | {} | {} | {} | {} | {} |",
        run.what,
        s.n,
        ms(s.p50),
        ms(s.p99),
        ms(s.mean),
        ms(s.max)
    );
}

pub(crate) fn print_kinds(runs: &[Run], queries: &[BenchQuery], posts: usize) {
    let mut kinds: BTreeMap<Kind, Vec<usize>> = BTreeMap::new();
    for (i, q) in queries.iter().enumerate() {
        kinds.entry(q.kind).or_default().push(i);
    }
    println!();
    let heads: Vec<String> = runs
        .iter()
        .map(|r| r.what.split(" (").next().unwrap_or_default().to_owned())
        .collect();
    println!(
        "| Query kind | Queries | Matches (mean / max % of posts) | {} |",
        heads
            .iter()
            .map(|h| format!("{h}: p50 / p99 (ms)"))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    println!("|---|---:|---:|{}", "---:|".repeat(runs.len()));
    for (kind, members) in &kinds {
        let totals: Vec<f64> = members
            .iter()
            .filter_map(|&i| runs.first()?.answers[i].total)
            .map(|t| 100.0 * t as f64 / posts.max(1) as f64)
            .collect();
        let mean = totals.iter().sum::<f64>() / totals.len().max(1) as f64;
        let max = totals.iter().copied().fold(0.0, f64::max);
        let cells: Vec<String> = runs
            .iter()
            .map(|run| {
                let s = stats(
                    run.samples
                        .iter()
                        .filter(|(i, _)| members.contains(i))
                        .map(|(_, d)| *d),
                );
                format!("{} / {}", ms(s.p50), ms(s.p99))
            })
            .collect();
        println!(
            "| {} | {} | {mean:.2}% / {max:.1}% | {} |",
            kind.describe(),
            members.len(),
            cells.join(" | ")
        );
    }
}

/// Queries an engine found fewer than a page of hits for, and whether
/// Peerhall in process and over HTTP answered alike.
pub(crate) fn print_agreement(runs: &[Run], queries: &[BenchQuery]) {
    println!();
    for run in runs {
        let short: Vec<&str> = run
            .answers
            .iter()
            .zip(queries)
            .filter(|(a, _)| a.hits < PER_PAGE)
            .map(|(_, q)| q.text.as_str())
            .collect();
        let name = run.what.split(" (").next().unwrap_or_default();
        if short.is_empty() {
            println!("- {name}: at least {PER_PAGE} hits for every query");
        } else {
            println!(
                "- {name}: fewer than {PER_PAGE} hits for {}",
                short.join(", ")
            );
        }
    }
    if let [process, http, ..] = runs {
        let differ = process
            .answers
            .iter()
            .zip(&http.answers)
            .filter(|(a, b)| a.hits != b.hits || a.total != b.total)
            .count();
        println!("- In process and over HTTP disagree on {differ} queries");
    }
}

/// Segments in the generation `CURRENT` names.
pub(crate) fn segments(root: &Path) -> anyhow::Result<usize> {
    let current = std::fs::read_to_string(root.join("CURRENT"))?;
    let meta = std::fs::read_to_string(root.join(current.trim()).join("meta.json"))?;
    let meta: serde_json::Value = serde_json::from_str(&meta)?;
    Ok(meta["segments"].as_array().map_or(0, Vec::len))
}
