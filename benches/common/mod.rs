//! What every benchmark here shares: a description of the machine, CPU meters, sizes from the environment. (Percentiles come from `peerhall::bench::load`.)

use std::time::Duration;

/// Other work on the machine skews the figures; the report says how much there was.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|_| "unknown".into())
}

/// Cores, CPU model and memory, as far as this system tells.
pub fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    let field = |file: &str, key: &str| {
        std::fs::read_to_string(file).ok().and_then(|text| {
            text.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_owned())
        })
    };
    let cpu = field("/proc/cpuinfo", "model name").unwrap_or_else(|| "unknown CPU".into());
    let ram = field("/proc/meminfo", "MemTotal")
        .and_then(|kb| kb.trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or_else(
            || "unknown".into(),
            |kb| format!("{:.1} GiB", kb / 1_048_576.0),
        );
    let arch = std::env::consts::ARCH;
    format!("{cores} cores, {cpu} ({arch}), {ram} RAM")
}

/// The machine's CPU time so far, as /proc/stat counts it: (stolen by the
/// hypervisor for other guests, all), in clock ticks.
pub fn cpu_ticks() -> Option<(u64, u64)> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let line = stat.lines().find(|l| l.starts_with("cpu "))?;
    let ticks: Vec<u64> = line
        .split_whitespace()
        .skip(1)
        .filter_map(|v| v.parse().ok())
        .collect();
    // user nice system idle iowait irq softirq steal: guest time is inside user.
    let all = ticks.iter().take(8).sum();
    Some((*ticks.get(7)?, all))
}

/// This process's user and system CPU time so far (Linux: /proc/self/stat,
/// at the usual 100 ticks a second).
pub fn process_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after_name = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|v| v.parse::<u64>().ok());
    // utime and stime are the 14th and 15th fields; the state is the 3rd.
    Some(Duration::from_millis((ticks(11)? + ticks(12)?) * 10))
}

/// CPU used by this process and the machine's steal between two moments:
/// on a shared VM, wall time alone mixes the code's cost with the neighbours'.
pub struct CpuMeter {
    process: Option<Duration>,
    machine: Option<(u64, u64)>,
}

impl CpuMeter {
    pub fn start() -> Self {
        CpuMeter {
            process: process_cpu(),
            machine: cpu_ticks(),
        }
    }

    /// "CPU 12.3 s, steal 4%", or what of it this system tells.
    pub fn report(&self) -> String {
        let cpu = self
            .process
            .zip(process_cpu())
            .map(|(a, b)| format!("CPU {:.1} s", b.saturating_sub(a).as_secs_f64()));
        let steal = self
            .machine
            .zip(cpu_ticks())
            .and_then(|((s0, a0), (s1, a1))| {
                let all = a1.checked_sub(a0).filter(|all| *all > 0)?;
                Some(format!(
                    "steal {:.0}%",
                    100.0 * s1.saturating_sub(s0) as f64 / all as f64
                ))
            });
        [cpu, steal]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A size from the environment variable `name` ("200000" or "200_000"), or `default`.
pub fn env_count(name: &str, default: usize) -> anyhow::Result<usize> {
    match std::env::var(name) {
        Ok(text) => text
            .trim()
            .replace('_', "")
            .parse()
            .map_err(|e| anyhow::anyhow!("{name}={text} is not a count: {e}")),
        Err(_) => Ok(default),
    }
}
