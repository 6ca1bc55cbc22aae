//! A city's roadmap from its latest assessment, its history and its peers: the
//! score, the next level, the standing, the ordered steps and what changed. Pure.

use chrono::NaiveDateTime;
use serde::Serialize;
use utoipa::ToSchema;

use super::score::{Score, score};
use super::standing::{self, AreaComparison, Eligibility, EquityCriterion};
use super::steps::{self, Gap, Why};
use crate::assessment::Status;
use crate::assessment::db::StoredAssessment;
use crate::assessment::outcomes::Region;
use crate::standard::{Catalog, Level};

/// One submitted assessment in the city's history.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Snapshot {
    pub id: i32,
    #[serde(serialize_with = "crate::api::time::utc")]
    #[schema(value_type = String, format = DateTime)]
    pub submitted_at: NaiveDateTime,
    pub met: usize,
    pub level: Option<Level>,
    #[serde(skip)]
    pub mask: u64,
}

/// What the city is, for eligibility and thresholds.
#[derive(Debug, Clone)]
pub struct CityFacts {
    pub country: String,
    pub region: Region,
    pub population: i32,
}

/// The next level and how many more criteria reach it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
pub struct NextLevel {
    pub level: Level,
    pub needed: usize,
}

/// A next step: a criterion to meet, or the missing outcome.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Step {
    /// A criterion code, or `outcome`.
    pub code: String,
    /// The practice area's code; null for the outcome step.
    pub area: Option<String>,
    pub status: Option<Status>,
    /// Why it comes here: `outcome`, `in_progress`, `finishes_area`,
    /// `priority_area`, `closest_area` or `balance`.
    pub why: &'static str,
    /// The level this step counts toward, if any.
    pub toward: Option<Level>,
    /// 3, 6 or 12 months.
    pub horizon_months: u8,
    /// The three discoverable cities most like this one that meet it.
    pub peers: Vec<crate::peers::cards::PeerCard>,
    /// Up to three forum threads about it: tagged with its criterion code
    /// (`dm1`) first, then titled with the words of its name.
    pub threads: Vec<StepThread>,
}

/// A forum thread about a step, as search found it and the database confirmed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct StepThread {
    pub id: i32,
    pub title: String,
    /// The thread's page, `/forum/threads/{id}`.
    pub url: String,
    pub reply_count: i32,
    /// Whether it has an accepted answer.
    pub solved: bool,
}

/// Criteria gained and lost since the previous assessment.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Changes {
    pub previous_id: i32,
    pub gained: Vec<String>,
    pub lost: Vec<String>,
}

/// Everything the roadmap page, JSON and CSV show.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Roadmap {
    pub standard: String,
    pub assessment_id: i32,
    #[serde(serialize_with = "crate::api::time::utc")]
    #[schema(value_type = String, format = DateTime)]
    pub submitted_at: NaiveDateTime,
    pub score: Score,
    pub next_level: Option<NextLevel>,
    pub eligibility: Eligibility,
    pub equity: Vec<EquityCriterion>,
    /// Areas at or above the peers' median, strongest first.
    pub strengths: Vec<AreaComparison>,
    /// Areas below the peers' median, widest gap first.
    pub opportunities: Vec<AreaComparison>,
    /// Criteria the city meets that fewer than half its peers do.
    pub leading_criteria: Vec<String>,
    pub areas: Vec<AreaComparison>,
    pub steps: Vec<Step>,
    pub changes: Option<Changes>,
    /// Oldest first.
    pub history: Vec<Snapshot>,
}

/// The latest statuses in catalog order; a criterion with no answer is not started.
pub fn statuses(catalog: &Catalog, latest: &StoredAssessment) -> Vec<Status> {
    catalog
        .criteria
        .iter()
        .map(|c| {
            latest
                .answers
                .iter()
                .find(|(code, _)| *code == c.code)
                .map_or(Status::NotStarted, |(_, s)| *s)
        })
        .collect()
}

fn next_level(catalog: &Catalog, met: usize) -> Option<NextLevel> {
    let total = catalog.criteria.len();
    Level::ALL
        .into_iter()
        .map(|level| (level, catalog.thresholds.min_met(level, total)))
        .find(|(_, min)| *min > met)
        .map(|(level, min)| NextLevel {
            level,
            needed: min - met,
        })
}

fn why_code(why: Why) -> &'static str {
    match why {
        Why::Balance => "balance",
        Why::InProgress => "in_progress",
        Why::FinishesArea => "finishes_area",
        Why::PriorityArea => "priority_area",
        Why::ClosestArea => "closest_area",
    }
}

/// Shorter horizons for work under way and for the next level's stop-gaps.
fn horizon(in_progress: bool, toward_next: bool) -> u8 {
    match (in_progress, toward_next) {
        (true, true) => 3,
        (true, false) | (false, true) => 6,
        (false, false) => 12,
    }
}

fn ordered_steps(
    catalog: &Catalog,
    statuses: &[Status],
    priority_areas: &[String],
    met: usize,
) -> Vec<Step> {
    let area_index = |code: &str| {
        catalog
            .areas
            .iter()
            .position(|a| a.code == code)
            .unwrap_or(0)
    };
    let gaps: Vec<Gap> = statuses
        .iter()
        .enumerate()
        .filter(|(_, s)| **s != Status::Met)
        .map(|(i, s)| Gap {
            criterion: i,
            area: area_index(&catalog.criteria[i].area),
            in_progress: *s == Status::InProgress,
        })
        .collect();
    let priority: Vec<bool> = catalog
        .areas
        .iter()
        .map(|a| priority_areas.contains(&a.code))
        .collect();
    let first_toward = next_level(catalog, met).map(|n| n.level);
    steps::order(&gaps, catalog.areas.len(), &priority)
        .into_iter()
        .enumerate()
        .map(|(done_before, ordered)| {
            let criterion = &catalog.criteria[ordered.gap.criterion];
            let toward = next_level(catalog, met + done_before).map(|n| n.level);
            Step {
                code: criterion.code.clone(),
                area: Some(criterion.area.clone()),
                status: Some(statuses[ordered.gap.criterion]),
                why: why_code(ordered.why),
                toward,
                horizon_months: horizon(
                    ordered.gap.in_progress,
                    toward.is_some() && toward == first_toward,
                ),
                peers: Vec::new(),
                threads: Vec::new(),
            }
        })
        .collect()
}

fn changes(catalog: &Catalog, history: &[Snapshot]) -> Option<Changes> {
    let [.., previous, latest] = history else {
        return None;
    };
    let codes = |mask: u64| -> Vec<String> {
        catalog
            .criteria
            .iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, c)| c.code.clone())
            .collect()
    };
    Some(Changes {
        previous_id: previous.id,
        gained: codes(latest.mask & !previous.mask),
        lost: codes(previous.mask & !latest.mask),
    })
}

/// The roadmap for `latest` (the last of `history`, oldest first).
pub fn build(
    catalog: &Catalog,
    city: &CityFacts,
    latest: &StoredAssessment,
    history: Vec<Snapshot>,
    peers: &[u64],
) -> Roadmap {
    let statuses = statuses(catalog, latest);
    let scored = score(catalog, &statuses, &latest.outcomes, city.region);
    let mask = crate::assessment::met_mask(&statuses);
    let areas = standing::compare_areas(catalog, mask, peers);
    let gap = |a: &AreaComparison| a.percent - a.peer_median.unwrap_or(a.percent);
    let mut strengths: Vec<AreaComparison> = areas
        .iter()
        .filter(|a| a.peer_median.is_some() && gap(a) >= 0.0 && a.percent > 0.0)
        .cloned()
        .collect();
    strengths.sort_by(|a, b| gap(b).total_cmp(&gap(a)));
    let mut opportunities: Vec<AreaComparison> =
        areas.iter().filter(|a| gap(a) < 0.0).cloned().collect();
    opportunities.sort_by(|a, b| gap(a).total_cmp(&gap(b)));
    let mut steps = Vec::new();
    if !scored.outcome_met {
        steps.push(Step {
            code: "outcome".into(),
            area: None,
            status: None,
            why: "outcome",
            toward: None,
            horizon_months: 12,
            peers: Vec::new(),
            threads: Vec::new(),
        });
    }
    steps.extend(ordered_steps(
        catalog,
        &statuses,
        &latest.priority_areas,
        scored.met,
    ));
    Roadmap {
        standard: catalog.id.clone(),
        assessment_id: latest.row.id,
        submitted_at: latest.row.submitted_at,
        next_level: next_level(catalog, scored.met),
        eligibility: standing::eligibility(&city.country, city.population),
        equity: standing::equity(catalog, &statuses),
        leading_criteria: standing::leading_criteria(catalog, mask, peers),
        changes: changes(catalog, &history),
        score: scored,
        strengths,
        opportunities,
        areas,
        steps,
        history,
    }
}
