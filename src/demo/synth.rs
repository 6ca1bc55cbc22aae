//! Synthetic assessment histories for demo cities: deterministic from a seed,
//! consistent with each city's certifications. Pure: no I/O.

use chrono::{NaiveDate, NaiveDateTime};

use crate::assessment::Status;
use crate::standard::{Level, Thresholds};

/// What the generator needs to know about a city.
#[derive(Debug, Clone)]
pub struct Profile<'a> {
    pub seed: u64,
    /// (year, level) in ascending years.
    pub certifications: &'a [(i32, Level)],
    /// The broadband share that meets the outcome in the city's region.
    pub broadband_threshold: f64,
    /// The year the history ends (the demo's "now").
    pub until_year: i32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SyntheticAssessment {
    pub submitted_at: NaiveDateTime,
    pub statuses: Vec<Status>,
    pub broadband_pct: f64,
    pub pm25_ugm3: f64,
}

/// A history of assessments. `difficulty[i]` in 0..1 says how late criterion i
/// tends to be met; met sets only grow, so each assessment builds on the last.
pub fn history(
    profile: &Profile,
    difficulty: &[f64],
    thresholds: &Thresholds,
) -> Vec<SyntheticAssessment> {
    let mut rng = fastrand::Rng::with_seed(profile.seed);
    let order = criteria_order(&mut rng, difficulty);
    let total = difficulty.len();
    let targets = met_targets(&mut rng, profile, thresholds, total);
    let certified = !profile.certifications.is_empty();
    targets
        .into_iter()
        .map(|(year, met)| SyntheticAssessment {
            submitted_at: date_in(&mut rng, year),
            statuses: statuses(&mut rng, &order, met),
            broadband_pct: outcome_broadband(&mut rng, profile.broadband_threshold, certified),
            pm25_ugm3: f64::from(rng.u32(60..=180)) / 10.0,
        })
        .collect()
}

/// Criteria sorted by difficulty plus noise: each city takes its own path.
fn criteria_order(rng: &mut fastrand::Rng, difficulty: &[f64]) -> Vec<usize> {
    let mut keyed: Vec<(f64, usize)> = difficulty
        .iter()
        .enumerate()
        .map(|(i, d)| (d + rng.f64() * 0.6, i))
        .collect();
    keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// (year, criteria met) for each assessment, never decreasing.
fn met_targets(
    rng: &mut fastrand::Rng,
    profile: &Profile,
    thresholds: &Thresholds,
    total: usize,
) -> Vec<(i32, usize)> {
    let below_silver = thresholds.min_met(Level::Silver, total) - 1;
    let Some(&(first_year, _)) = profile.certifications.first() else {
        let start = profile.until_year - rng.i32(0..=2);
        let mut met = rng.usize(4..=10);
        return (start..=profile.until_year)
            .map(|year| {
                met = (met + rng.usize(2..=6)).min(below_silver);
                (year, met)
            })
            .collect();
    };
    let mut targets = vec![(first_year - 1, rng.usize(below_silver - 6..=below_silver))];
    let mut met = 0;
    for &(year, level) in profile.certifications {
        let (low, high) = band(thresholds, level, total);
        met = rng.usize(low..=high).max(met).min(high);
        targets.push((year, met));
    }
    if let Some(&(last_year, level)) = profile.certifications.last()
        && last_year < profile.until_year
    {
        let (_, high) = band(thresholds, level, total);
        targets.push((profile.until_year, (met + rng.usize(0..=2)).min(high)));
    }
    targets
}

/// The fewest and most criteria met that give `level`.
fn band(thresholds: &Thresholds, level: Level, total: usize) -> (usize, usize) {
    let low = thresholds.min_met(level, total);
    let high = match level {
        Level::Silver => thresholds.min_met(Level::Gold, total) - 1,
        Level::Gold => thresholds.min_met(Level::Platinum, total) - 1,
        Level::Platinum => total,
    };
    (low, high)
}

fn statuses(rng: &mut fastrand::Rng, order: &[usize], met: usize) -> Vec<Status> {
    let mut statuses = vec![Status::NotStarted; order.len()];
    let in_progress = met + rng.usize(2..=6);
    for (rank, &criterion) in order.iter().enumerate() {
        if rank < met {
            statuses[criterion] = Status::Met;
        } else if rank < in_progress {
            statuses[criterion] = Status::InProgress;
        }
    }
    statuses
}

/// Certified cities meet the broadband outcome; others may or may not.
fn outcome_broadband(rng: &mut fastrand::Rng, threshold: f64, certified: bool) -> f64 {
    let offset = if certified {
        f64::from(rng.u32(10..=200)) / 10.0
    } else {
        f64::from(rng.u32(0..=300)) / 10.0 - 15.0
    };
    ((threshold + offset) * 10.0).round() / 10.0
}

fn date_in(rng: &mut fastrand::Rng, year: i32) -> NaiveDateTime {
    let date =
        NaiveDate::from_ymd_opt(year, rng.u32(1..=9), rng.u32(1..=28)).unwrap_or(NaiveDate::MIN);
    date.and_hms_opt(rng.u32(8..=17), rng.u32(0..60), 0)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const WWC: Thresholds = Thresholds {
        silver: 51,
        gold: 68,
        platinum: 85,
    };

    fn met(a: &SyntheticAssessment) -> usize {
        a.statuses.iter().filter(|s| **s == Status::Met).count()
    }

    fn difficulty() -> Vec<f64> {
        (0..43).map(|i| f64::from(i) / 43.0).collect()
    }

    proptest! {
        #[test]
        fn histories_match_every_certification(seed: u64, upgrade: bool) {
            let certs: &[(i32, Level)] = if upgrade {
                &[(2019, Level::Silver), (2023, Level::Gold), (2024, Level::Platinum)]
            } else {
                &[(2021, Level::Silver)]
            };
            let profile = Profile { seed, certifications: certs, broadband_threshold: 75.0, until_year: 2026 };
            let history = history(&profile, &difficulty(), &WWC);
            // One before certification, one per certification, one now.
            prop_assert_eq!(history.len(), certs.len() + 2);
            prop_assert_eq!(WWC.level_for(met(&history[0]), 43), None);
            for (assessment, (year, level)) in history[1..].iter().zip(certs) {
                prop_assert_eq!(WWC.level_for(met(assessment), 43), Some(*level));
                prop_assert_eq!(chrono::Datelike::year(&assessment.submitted_at), *year);
                prop_assert!(assessment.broadband_pct >= 75.0);
            }
            let last = certs.last().map(|c| c.1);
            prop_assert_eq!(WWC.level_for(met(&history[history.len() - 1]), 43), last);
            for pair in history.windows(2) {
                prop_assert!(met(&pair[0]) <= met(&pair[1]));
                prop_assert!(pair[0].submitted_at < pair[1].submitted_at);
                // Met sets only grow.
                for (before, after) in pair[0].statuses.iter().zip(&pair[1].statuses) {
                    prop_assert!(*before != Status::Met || *after == Status::Met);
                }
            }
        }

        #[test]
        fn uncertified_cities_stay_below_silver(seed: u64) {
            let profile = Profile { seed, certifications: &[], broadband_threshold: 65.0, until_year: 2026 };
            let history = history(&profile, &difficulty(), &WWC);
            prop_assert!(!history.is_empty());
            for assessment in &history {
                prop_assert_eq!(WWC.level_for(met(assessment), 43), None);
            }
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_history() {
        let profile = Profile {
            seed: 7,
            certifications: &[(2023, Level::Gold)],
            broadband_threshold: 65.0,
            until_year: 2026,
        };
        assert_eq!(
            history(&profile, &difficulty(), &WWC),
            history(&profile, &difficulty(), &WWC)
        );
    }
}
