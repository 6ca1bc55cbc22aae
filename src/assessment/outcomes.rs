//! The outcomes an assessment reports beside its answers, and the rules that say
//! whether each meets its standard.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::standard::Catalog;

/// Where a city is: it decides the broadband threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    UsCanada,
    LatinAmerica,
}

impl Region {
    pub fn from_code(code: &str) -> Option<Region> {
        match code {
            "us_canada" => Some(Region::UsCanada),
            "latin_america" => Some(Region::LatinAmerica),
            _ => None,
        }
    }
}

/// Which way the city's priority indicator should move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher is better: met when the value reaches the target.
    #[default]
    AtLeast,
    /// Lower is better: met when the value is at or below the target.
    AtMost,
}

impl Direction {
    pub fn code(self) -> &'static str {
        match self {
            Direction::AtLeast => "at_least",
            Direction::AtMost => "at_most",
        }
    }

    pub fn from_code(code: &str) -> Option<Direction> {
        [Direction::AtLeast, Direction::AtMost]
            .into_iter()
            .find(|d| d.code() == code)
    }
}

/// The outcome the city chose, aligned with a UN Sustainable Development Goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Priority {
    /// The goal's number, 1 to 17.
    pub sdg: u8,
    pub indicator: String,
    pub target: f64,
    pub value: f64,
    #[serde(default)]
    pub direction: Direction,
}

/// What an assessment reports; each part may be missing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Outcomes {
    /// Share of households with high-speed broadband, percent.
    pub broadband_pct: Option<f64>,
    /// Annual mean PM2.5, µg/m³.
    pub pm25_ugm3: Option<f64>,
    pub priority: Option<Priority>,
}

/// For each outcome: met, not met, or not reported (`None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
pub struct OutcomeResults {
    pub broadband: Option<bool>,
    pub pm25: Option<bool>,
    pub priority: Option<bool>,
}

impl OutcomeResults {
    /// The gate: at least one outcome meets its standard.
    pub fn any_met(&self) -> bool {
        [self.broadband, self.pm25, self.priority].contains(&Some(true))
    }

    /// Whether no outcome was reported at all.
    pub fn none_reported(&self) -> bool {
        [self.broadband, self.pm25, self.priority]
            .iter()
            .all(Option::is_none)
    }
}

impl Outcomes {
    /// Each reported outcome against its standard; the broadband share needed
    /// depends on the region, the PM2.5 target on the deployment's setting.
    pub fn results(&self, catalog: &Catalog, region: Region) -> OutcomeResults {
        let rules = &catalog.outcomes;
        let broadband_needed = match region {
            Region::UsCanada => rules.broadband.us_canada_pct,
            Region::LatinAmerica => rules.broadband.latin_america_pct,
        };
        OutcomeResults {
            broadband: self.broadband_pct.map(|pct| pct >= broadband_needed),
            pm25: self.pm25_ugm3.map(|v| v <= rules.pm25.target_ugm3),
            priority: self.priority.as_ref().map(|p| match p.direction {
                Direction::AtLeast => p.value >= p.target,
                Direction::AtMost => p.value <= p.target,
            }),
        }
    }
}
