//! Scoring an assessment exactly as the standard does: criteria met (only `met`
//! counts), their share of the catalog, the level, each practice area, and the
//! outcome gate. Pure.

use serde::Serialize;
use utoipa::ToSchema;

use crate::assessment::Status;
use crate::assessment::outcomes::{OutcomeResults, Outcomes, Region};
use crate::standard::{Catalog, Level};

/// One practice area's criteria met.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct AreaScore {
    pub area: String,
    pub met: usize,
    pub total: usize,
    pub percent: f64,
}

/// An assessment, scored.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Score {
    pub met: usize,
    pub total: usize,
    /// `met` as a share of `total`, 0–100, to one decimal.
    pub percent: f64,
    /// The level the criteria reach; null below Silver.
    pub level: Option<Level>,
    pub areas: Vec<AreaScore>,
    pub outcomes: OutcomeResults,
    /// At least one outcome meets its standard.
    pub outcome_met: bool,
}

/// `part` of `whole` in percent, to one decimal.
pub fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    (part as f64 * 1000.0 / whole as f64).round() / 10.0
}

/// Scores `statuses` (one per criterion, in catalog order).
pub fn score(catalog: &Catalog, statuses: &[Status], outcomes: &Outcomes, region: Region) -> Score {
    let is_met = |i: usize| statuses.get(i) == Some(&Status::Met);
    let met = (0..catalog.criteria.len()).filter(|i| is_met(*i)).count();
    let total = catalog.criteria.len();
    let areas = catalog
        .areas
        .iter()
        .map(|area| {
            let indexes: Vec<usize> = catalog
                .criteria
                .iter()
                .enumerate()
                .filter(|(_, c)| c.area == area.code)
                .map(|(i, _)| i)
                .collect();
            let area_met = indexes.iter().filter(|i| is_met(**i)).count();
            AreaScore {
                area: area.code.clone(),
                met: area_met,
                total: indexes.len(),
                percent: percent(area_met, indexes.len()),
            }
        })
        .collect();
    let results = outcomes.results(catalog, region);
    Score {
        met,
        total,
        percent: percent(met, total),
        level: catalog.level_for(met),
        areas,
        outcomes: results,
        outcome_met: results.any_met(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::outcomes::{Direction, Priority};
    use crate::standard::test_catalog;
    use proptest::prelude::*;

    /// The first `met` criteria met, the next `in_progress` in progress.
    fn statuses(met: usize, in_progress: usize) -> Vec<Status> {
        (0..43)
            .map(|i| match i {
                i if i < met => Status::Met,
                i if i < met + in_progress => Status::InProgress,
                _ => Status::NotStarted,
            })
            .collect()
    }

    fn level_with(met: usize) -> Option<Level> {
        let catalog = test_catalog();
        score(
            &catalog,
            &statuses(met, 0),
            &Outcomes::default(),
            Region::UsCanada,
        )
        .level
    }

    #[test]
    fn the_level_boundaries_are_the_standards() {
        assert_eq!(level_with(21), None);
        assert_eq!(level_with(22), Some(Level::Silver));
        assert_eq!(level_with(29), Some(Level::Silver));
        assert_eq!(level_with(30), Some(Level::Gold));
        assert_eq!(level_with(36), Some(Level::Gold));
        assert_eq!(level_with(37), Some(Level::Platinum));
        assert_eq!(level_with(43), Some(Level::Platinum));
    }

    #[test]
    fn only_met_counts_and_areas_add_up() {
        let catalog = test_catalog();
        let s = score(
            &catalog,
            &statuses(10, 30),
            &Outcomes::default(),
            Region::UsCanada,
        );
        assert_eq!(s.met, 10);
        assert_eq!(s.percent, 23.3);
        assert_eq!(s.areas.len(), 8);
        assert_eq!(s.areas.iter().map(|a| a.met).sum::<usize>(), 10);
        assert_eq!(s.areas.iter().map(|a| a.total).sum::<usize>(), 43);
        // DM comes first in the catalog and has 9 criteria, all met here.
        assert_eq!((s.areas[0].met, s.areas[0].percent), (9, 100.0));
    }

    #[test]
    fn the_broadband_threshold_follows_the_region() {
        let catalog = test_catalog();
        let outcomes = Outcomes {
            broadband_pct: Some(70.0),
            ..Outcomes::default()
        };
        let us = score(&catalog, &statuses(0, 0), &outcomes, Region::UsCanada);
        let latam = score(&catalog, &statuses(0, 0), &outcomes, Region::LatinAmerica);
        assert!(!us.outcome_met);
        assert!(latam.outcome_met);
        let at_75 = Outcomes {
            broadband_pct: Some(75.0),
            ..Outcomes::default()
        };
        assert!(score(&catalog, &statuses(0, 0), &at_75, Region::UsCanada).outcome_met);
    }

    #[test]
    fn air_quality_and_the_citys_priority_can_open_the_gate() {
        let catalog = test_catalog();
        let clean = Outcomes {
            pm25_ugm3: Some(9.5),
            ..Outcomes::default()
        };
        assert!(score(&catalog, &statuses(0, 0), &clean, Region::UsCanada).outcome_met);
        let dirty = Outcomes {
            pm25_ugm3: Some(10.5),
            ..Outcomes::default()
        };
        assert!(!score(&catalog, &statuses(0, 0), &dirty, Region::UsCanada).outcome_met);
        let priority = |value, direction| Outcomes {
            priority: Some(Priority {
                sdg: 11,
                indicator: "Households within 500 m of a park".into(),
                target: 80.0,
                value,
                direction,
            }),
            ..Outcomes::default()
        };
        let met = |o: &Outcomes| score(&catalog, &statuses(0, 0), o, Region::UsCanada).outcome_met;
        assert!(met(&priority(85.0, Direction::AtLeast)));
        assert!(!met(&priority(85.0, Direction::AtMost)));
        assert!(!met(&Outcomes::default()));
    }

    proptest! {
        /// More criteria met never lowers the level, and the level is exactly the
        /// one whose integer threshold was reached.
        #[test]
        fn levels_follow_the_count(met in 0usize..=43, extra in 0usize..=43) {
            let catalog = test_catalog();
            let low = score(&catalog, &statuses(met, 0), &Outcomes::default(), Region::UsCanada);
            let high_met = (met + extra).min(43);
            let high = score(&catalog, &statuses(high_met, 0), &Outcomes::default(), Region::UsCanada);
            prop_assert!(high.level >= low.level);
            let expected = match met { 0..=21 => None, 22..=29 => Some(Level::Silver),
                30..=36 => Some(Level::Gold), _ => Some(Level::Platinum) };
            prop_assert_eq!(low.level, expected);
        }
    }
}
