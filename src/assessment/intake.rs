//! One validation for every way an assessment arrives (form, JSON, CSV): each
//! format turns its input into a `RawAssessment` that remembers where every value
//! came from; `validate` returns a complete assessment or every problem, never
//! half of one. Pure.

use std::collections::HashSet;

use super::Status;
use super::outcome_checks::check_outcomes;
use super::outcomes::Outcomes;
use super::problems::{Place, Problem};
use crate::standard::Catalog;

pub const EVIDENCE_MAX_CHARS: usize = 2000;
pub const URL_MAX_CHARS: usize = 500;

/// One answer as it arrived.
#[derive(Debug, Clone)]
pub struct RawAnswer {
    pub place: Place,
    pub code: String,
    pub status: String,
    pub evidence: Option<String>,
    pub evidence_url: Option<String>,
}

/// An outcome value as it arrived, by name (`broadband_pct`, `pm25_ugm3`,
/// `priority_sdg`, `priority_indicator`, `priority_target`, `priority_value`,
/// `priority_direction`).
#[derive(Debug, Clone)]
pub struct RawOutcome {
    pub place: Place,
    pub name: String,
    pub value: String,
}

/// An assessment as it arrived, before any check.
#[derive(Debug, Clone, Default)]
pub struct RawAssessment {
    /// The standard it claims to answer, if it says.
    pub standard: Option<String>,
    pub answers: Vec<RawAnswer>,
    pub outcomes: Vec<RawOutcome>,
    /// Practice areas the city puts first, by code.
    pub priorities: Vec<(Place, String)>,
}

/// One criterion's answer, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub code: String,
    pub status: Status,
    pub evidence: Option<String>,
    pub evidence_url: Option<String>,
}

/// A complete, checked assessment: one answer per criterion, in catalog order.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidAssessment {
    pub answers: Vec<Answer>,
    pub outcomes: Outcomes,
    pub priority_areas: Vec<String>,
}

impl ValidAssessment {
    pub fn statuses(&self) -> Vec<Status> {
        self.answers.iter().map(|a| a.status).collect()
    }
}

/// Checks `raw` against `catalog`: every problem, or the whole assessment.
pub fn validate(catalog: &Catalog, raw: &RawAssessment) -> Result<ValidAssessment, Vec<Problem>> {
    let mut problems = Vec::new();
    let answers = check_answers(catalog, &raw.answers, &mut problems);
    let outcomes = check_outcomes(&raw.outcomes, &mut problems);
    let priority_areas = check_priorities(catalog, &raw.priorities, &mut problems);
    if problems.is_empty() {
        Ok(ValidAssessment {
            answers,
            outcomes,
            priority_areas,
        })
    } else {
        Err(problems)
    }
}

pub fn parse_status(text: &str) -> Option<Status> {
    match text.trim().to_ascii_lowercase().as_str() {
        "met" => Some(Status::Met),
        "in_progress" => Some(Status::InProgress),
        "not_started" => Some(Status::NotStarted),
        _ => None,
    }
}

fn check_answers(catalog: &Catalog, raw: &[RawAnswer], problems: &mut Vec<Problem>) -> Vec<Answer> {
    let mut slots: Vec<Option<Answer>> = vec![None; catalog.criteria.len()];
    let mut seen = HashSet::new();
    for answer in raw {
        let code = answer.code.trim().to_ascii_uppercase();
        let Some(index) = catalog.index_of(&code) else {
            problems.push(
                Problem::new(answer.place.at("code"), "intake-unknown-code")
                    .arg("code", &answer.code),
            );
            continue;
        };
        if !seen.insert(index) {
            problems
                .push(Problem::new(answer.place.at("code"), "intake-duplicate").arg("code", &code));
            continue;
        }
        let status = parse_status(&answer.status);
        if status.is_none() {
            problems.push(
                Problem::new(answer.place.at("status"), "intake-bad-status")
                    .arg("code", &code)
                    .arg("status", &answer.status),
            );
        }
        let evidence = check_evidence(answer, &code, problems);
        let evidence_url = check_url(answer, &code, problems);
        if let Some(status) = status {
            slots[index] = Some(Answer {
                code,
                status,
                evidence,
                evidence_url,
            });
        }
    }
    for (index, criterion) in catalog.criteria.iter().enumerate() {
        if !seen.contains(&index) {
            problems.push(
                Problem::new(Place::Criterion(criterion.code.clone()), "intake-missing")
                    .arg("code", &criterion.code),
            );
        }
    }
    slots.into_iter().flatten().collect()
}

fn check_evidence(answer: &RawAnswer, code: &str, problems: &mut Vec<Problem>) -> Option<String> {
    let text = answer
        .evidence
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())?;
    if text.chars().count() > EVIDENCE_MAX_CHARS {
        problems.push(
            Problem::new(answer.place.at("evidence"), "intake-evidence-long")
                .arg("code", code)
                .arg("max", EVIDENCE_MAX_CHARS),
        );
    }
    Some(text.to_owned())
}

fn check_url(answer: &RawAnswer, code: &str, problems: &mut Vec<Problem>) -> Option<String> {
    let text = answer
        .evidence_url
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())?;
    let parsed = url::Url::parse(text)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"));
    if parsed.is_none() || text.chars().count() > URL_MAX_CHARS {
        problems.push(
            Problem::new(answer.place.at("evidence_url"), "intake-bad-url")
                .arg("code", code)
                .arg("max", URL_MAX_CHARS),
        );
    }
    Some(text.to_owned())
}

fn check_priorities(
    catalog: &Catalog,
    raw: &[(Place, String)],
    problems: &mut Vec<Problem>,
) -> Vec<String> {
    let mut areas = Vec::new();
    for (place, code) in raw {
        let code = code.trim().to_ascii_uppercase();
        if !catalog.areas.iter().any(|a| a.code == code) {
            problems.push(Problem::new(place.clone(), "intake-unknown-area").arg("code", &code));
        } else if !areas.contains(&code) {
            areas.push(code);
        }
    }
    areas
}
